#pragma once
/// A posterior file as a source of worlds: a scenario with `posterior = "FILE.h5"` at its top
/// draws the posterior's parameters jointly, one weighted particle per world, so that their
/// correlations are kept (docs/model.md, Stochasticity; docs/output.md, "Posterior files" for the
/// layout `trek calibrate` writes).

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sim::scenario {

inline constexpr std::string_view kPosteriorFormat = "trek-posterior";
inline constexpr std::uint64_t kPosteriorVersion = 1;

/// The weighted particles of a posterior file.
struct PosteriorSample {
  std::string file;
  std::vector<std::string> keys;            ///< the parameters' full keys
  std::vector<std::vector<double>> values;  ///< [particle][parameter], all finite
  std::vector<double> weights;              ///< normalised, non-negative

  /// The particle at probability u in (0, 1) of the weights' distribution function.
  std::size_t particle_at(double u) const;
};

/// Reads a posterior file's particles; InputError naming the file when it is not a posterior
/// file of this version or its arrays are inconsistent (one line, exit code 2).
PosteriorSample read_posterior_sample(const std::string& path);

}  // namespace sim::scenario

// Every array's shape is checked against the parameter count before it is read, and weights
// and values are checked before a world can use them.

#include "sim/scenario/posterior_source.hpp"

#include <cmath>

#include "sim/io/h5.hpp"
#include "sim/io/h5_array.hpp"
#include "sim/util/error.hpp"

namespace sim::scenario {

std::size_t PosteriorSample::particle_at(double u) const {
  double cumulative = 0.0;
  for (std::size_t j = 0; j < weights.size(); ++j) {
    cumulative += weights[j];
    if (u < cumulative) return j;
  }
  // Rounding can leave the total a little below 1: the last particle with weight.
  for (std::size_t j = weights.size(); j > 0; --j) {
    if (weights[j - 1] > 0.0) return j - 1;
  }
  return 0;
}

PosteriorSample read_posterior_sample(const std::string& path) {
  return io::read_input(path, [&] {
    io::Handle file = io::open_file_read(path);
    io::check_format(path, file.get(), kPosteriorFormat, kPosteriorVersion, "posterior");
    if (io::has_attribute(file.get(), "complete") &&
        io::read_uint_attribute(file.get(), "complete") != 1) {
      throw util::InputError({path, 0, "complete"},
                             "is the checkpoint of an unfinished calibration (trek calibrate "
                             "--resume finishes it)");
    }
    PosteriorSample p;
    p.file = path;
    io::Handle parameters = io::open_group(file.get(), "parameters");
    p.keys = io::read_strings(parameters.get(), "key");
    io::Handle posterior = io::open_group(file.get(), "posterior");
    const io::Dims dims = io::require_dataset(posterior.get(), "values", H5T_FLOAT, 2);
    if (dims[1] != p.keys.size() || dims[0] == 0 || p.keys.empty())
      throw util::InputError({path, 0, "posterior/values"}, "does not match the parameters");
    p.weights = io::read_elements<double>(posterior.get(), "weights", dims[0]);
    double total = 0.0;
    for (const double w : p.weights) {
      if (!std::isfinite(w) || w < 0.0)
        throw util::InputError({path, 0, "posterior/weights"}, "holds a negative or NaN weight");
      total += w;
    }
    if (!(total > 0.0) || !std::isfinite(total))
      throw util::InputError({path, 0, "posterior/weights"}, "do not sum to a positive number");
    for (double& w : p.weights)
      w /= total;
    p.values = io::read_rows(posterior.get(), "values", dims[0], dims[1]);
    for (const auto& particle : p.values) {
      for (const double v : particle) {
        if (!std::isfinite(v))
          throw util::InputError({path, 0, "posterior/values"}, "holds a value that is not finite");
      }
    }
    return p;
  });
}

}  // namespace sim::scenario

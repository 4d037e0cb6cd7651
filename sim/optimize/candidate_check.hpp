#pragma once
/// Candidates as scenarios. A scenario is read from a file (its worlds read it again with their
/// values), so each candidate is written to a private scratch folder, extending the base by its
/// absolute path, and read from there with the plan's overrides.

#include <cstdint>
#include <string>
#include <vector>

#include "sim/optimize/plan.hpp"
#include "sim/scenario/scenario.hpp"

namespace sim::optimize {

/// A folder of its own under the system's temporary folder, removed with everything in it when
/// the object goes.
class ScratchFolder {
 public:
  ScratchFolder();
  ~ScratchFolder();
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;

  /// Writes `text` to file `name` inside the folder; returns its path.
  std::string write(const std::string& name, const std::string& text) const;

  /// The path of file `name` inside the folder.
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

/// Candidate `number` read as a scenario (named "plan candidate N"). An InputError from the
/// scenario reader is re-addressed to the plan file with the candidate's description.
scenario::Scenario read_candidate(const Plan& plan, const std::vector<double>& values,
                                  std::uint64_t number, const ScratchFolder& folder);

/// Reads the candidates at both ends of every free range (the others at their lowest), so that
/// a decision the scenario refuses is found before any simulation.
void check_candidates(const Plan& plan);

}  // namespace sim::optimize

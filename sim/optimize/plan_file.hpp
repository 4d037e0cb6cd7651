#pragma once
/// Plan files (`trek optimize -o plan.h5`; layout in docs/output.md, "Plan files"): the plan,
/// every evaluated candidate in order (the search history), the baseline, the best plan as a
/// scenario file's text, the trade-off front and, once the search is done, the final comparison
/// of the best plan with the baseline and the hand-written strategies on fresh worlds. The same
/// layout with complete = 0 is the checkpoint `OUT.partial` that --resume continues.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/io/atomic_file.hpp"
#include "sim/optimize/evaluate.hpp"
#include "sim/optimize/plan.hpp"

namespace sim::optimize {

inline constexpr std::string_view kPlanFormat = "trek-plan";
inline constexpr std::uint64_t kPlanVersion = 1;

struct PlanRecord {
  std::string command;
  std::string creator;
  double seconds = 0.0;
  bool complete = false;
  std::uint64_t inputs_hash = 0;  ///< of the plan's files, so that only the same plan resumes
  Evaluation baseline;
  std::vector<Evaluation> history;
  std::vector<std::uint32_t> rounds;  ///< the round of each candidate
  std::string stopped;                ///< why the search ended
  std::string best_scenario;          ///< the best plan as a scenario file (complete files)
  /// The final comparison's file (a comparison file written by engine::run_comparison), whose
  /// /comparison group is copied into /verification; empty in checkpoints.
  std::string verification_file;
  /// The best plan and the baseline evaluated again on the final comparison's fresh worlds (the
  /// objective as the search measured it, free of the search's selection); complete files only.
  Evaluation fresh_best, fresh_baseline;
};

/// Writes the record atomically (io::write_atomically with `policy`).
void write_plan_file(const std::string& path, const Plan& plan, const PlanRecord& record,
                     const io::OutputPolicy& policy);

/// The history of a checkpoint written by the same plan (`inputs_hash`; the baseline is run
/// again by the resumed search, not read), read in a child process
/// first as read_plan_summary is. InputError naming the file when it is damaged, of another
/// format, or of another plan.
PlanRecord read_plan_checkpoint(const std::string& path, const Plan& plan,
                                std::uint64_t inputs_hash);

/// What `trek inspect` shows of a complete plan file, whose layout is checked on the way.
struct PlanSummary {
  std::string plan_file, objective, best, stopped;
  std::size_t candidates = 0;
};

/// InputError naming the file when it is damaged, of another format, or an unfinished search.
/// The file is read in a child process first (io/probe.hpp), since a damaged file can crash the
/// HDF5 library itself.
PlanSummary read_plan_summary(const std::string& path);

/// The same without the child process, for callers already inside a probe.
PlanSummary plan_summary_in_process(const std::string& path);

}  // namespace sim::optimize

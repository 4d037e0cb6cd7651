#pragma once
/// A sweep: a base scenario, the parameters to vary, the design and what to keep (docs/sweeps.md).

#include <cstdint>
#include <string>
#include <vector>

namespace sim::sweep {

/// One varied scenario key (any key `--set` accepts): a range for continuous designs, or the
/// values of a grid.
struct Parameter {
  std::string key;
  double min = 0.0, max = 0.0;
  std::vector<double> values;  ///< grid values (from `values`, or `steps` points over the range)
  bool integer = false;        ///< round design values to whole numbers (weeks, counts)
  std::uint64_t line = 0;      ///< in the sweep file, for messages
};

enum class DesignKind { kGrid, kLatinHypercube, kSobol, kMorris };

struct SweepSpec {
  std::string file;                ///< the sweep file
  std::string text;                ///< its text as written
  std::string base;                ///< the base scenario file (resolved against the sweep's folder)
  std::vector<std::string> fixed;  ///< overrides applied to every point ("key=value")
  std::vector<Parameter> parameters;
  DesignKind design = DesignKind::kGrid;
  std::uint64_t samples = 0;  ///< LHS: points; Sobol: base samples N; Morris: trajectories
  std::uint64_t levels = 4;   ///< Morris: grid levels p (even)
  std::uint64_t seed = 1;     ///< design seed (LHS columns, Morris trajectories, bootstrap)
  std::uint32_t replicates = 2;
  std::uint32_t window = 13;  ///< outputs: mean over the last `window` weeks
  std::uint32_t bootstrap = 200;
  std::vector<std::string> outputs;  ///< metric names kept (empty in the file: all)
  std::vector<std::string> series;   ///< observables kept as full weekly series per run
};

const char* design_name(DesignKind kind);

}  // namespace sim::sweep

#pragma once
/// Sweep results in HDF5 (docs/output.md, section Sweep files). A sweep is written into a partial
/// file whose datasets are allocated in full at creation; each finished point then only writes
/// raw data (its outputs, its series, then its done flag), so a kill at any moment leaves every
/// earlier point intact and the file openable, and `--resume` continues from the done flags.
/// The final file is made from one partial file, or merged from shards, by finalise(), under a
/// temporary name and renamed when complete.

#include <cstdint>
#include <string>
#include <vector>

#include "sim/io/h5.hpp"
#include "sim/io/h5_array.hpp"
#include "sim/sweep/design.hpp"

namespace sim::sweep {

inline constexpr const char* kSweepFormat = "trek-sweep";
inline constexpr std::uint64_t kSweepVersion = 3;

/// Shard `index` of `count` (1-based) owns the points p with p mod count = index - 1, so that a
/// partial sweep still covers the design evenly.
struct Shard {
  std::uint64_t index = 1, count = 1;
  bool owns(std::uint64_t point) const { return point % count == index - 1; }
};

/// Checks that `file` is a sweep file of the version this build reads (InputError otherwise).
void check_sweep_format(const std::string& path, hid_t file);

/// Checks the format, then the datasets `trek inspect` and the readers use (type, shape, the
/// done flags against the points). InputError naming the key otherwise.
void check_sweep_file(const std::string& path, hid_t file);

/// Parses "I/N" (1 <= I <= N); an InputError naming --shard otherwise.
Shard parse_shard(const std::string& text);

/// Everything a point's outputs are written against; the same for every shard of a sweep.
struct SweepShape {
  std::vector<std::string> metrics;    ///< output names, in file order
  std::vector<std::size_t> columns;    ///< their positions in engine::comparison_metrics
  std::vector<std::string> platforms;  ///< of the base scenario
  std::uint32_t weeks = 0;             ///< simulated weeks
  std::uint64_t hash = 0;              ///< of the sweep file, the base scenario and the version
  std::string creator;                 ///< version and git revision
};

SweepShape sweep_shape(const SweepSpec& spec);

/// One finished point: outputs[replicate][metric], and per requested series
/// series[name][replicate][week][extents...].
struct PointOutputs {
  std::uint64_t point = 0;
  std::vector<double> outputs;
  std::vector<std::vector<double>> series;
};

class SweepWriter {
 public:
  /// Creates the partial file `path` (replacing any) for the points of `shard`, or with
  /// `resume` opens it to continue; InputError when it belongs to another sweep, version or
  /// shard, or any dataset differs in type or shape from what this sweep writes.
  SweepWriter(const std::string& path, const SweepSpec& spec, const Design& design,
              const SweepShape& shape, const Shard& shard, bool resume);

  /// Points already written.
  std::vector<bool> done() const;
  /// Writes one point's rows, flushes, then marks it done.
  void write(const PointOutputs& point);

 private:
  void create(const Design& design, const SweepShape& shape, const Shard& shard);
  /// Every dataset of a partial file `root` has this sweep's type and shape (InputError).
  void check_layout(hid_t root) const;

  const SweepSpec& spec_;
  io::Handle file_;
  io::Dims outputs_dims_;              ///< [point][replicate][metric]
  std::vector<io::Dims> series_dims_;  ///< per series: [point][replicate][week][extents...]
};

/// True when `path` is the finished file of this sweep and shard (same hash, Trek version and
/// shard); false for anything else, including files that are not sweep files.
bool is_finished(const std::string& path, const SweepShape& shape, const Shard& shard);

/// Makes `output` from sweep files of one sweep (one partial file, or all shards): content is
/// identical whatever the split; sensitivity indices are added when every point is done.
/// Throws InputError for files of another sweep or version, overlapping shards or, when
/// `require_complete`, missing points.
void finalise(const std::vector<std::string>& inputs, const std::string& output,
              bool require_complete, double wall_seconds, const std::string& command_line);

}  // namespace sim::sweep

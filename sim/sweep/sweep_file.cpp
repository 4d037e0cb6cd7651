#include "sim/sweep/sweep_file.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <numeric>
#include <set>

#include "sim/engine/comparison.hpp"
#include "sim/engine/observables.hpp"
#include "sim/engine/results_file.hpp"
#include "sim/io/atomic_file.hpp"
#include "sim/io/h5_array.hpp"
#include "sim/io/probe.hpp"
#include "sim/sweep/read_sweep.hpp"
#include "sim/sweep/sensitivity.hpp"
#include "sim/util/error.hpp"
#include "sim/util/hash.hpp"
#include "sim/util/parse_number.hpp"
#include "sim/version.hpp"

namespace sim::sweep {
namespace {

constexpr double kNotYet = std::numeric_limits<double>::quiet_NaN();

io::Dims series_dims(const SweepSpec& spec, const SweepShape& shape, std::uint64_t points,
                     const std::string& name) {
  io::Dims dims{points, spec.replicates, shape.weeks + 1ULL};
  for (const hsize_t extent : engine::observable_extents(name, shape.platforms.size()))
    dims.push_back(extent);
  return dims;
}

void write_matrix(hid_t parent, const std::string& name,
                  const std::vector<std::vector<double>>& rows, std::size_t columns) {
  const io::Dims dims{rows.size(), columns};
  const io::Handle data = io::create_fixed_array<double>(parent, name, dims, 0.0);
  std::vector<double> flat;
  for (const auto& row : rows)
    flat.insert(flat.end(), row.begin(), row.end());
  io::write_block(data.get(), io::Dims{0, 0}, dims, flat.data());
}

/// The facts that must agree between a file and the sweep it is resumed or merged with.
struct Identity {
  std::uint64_t hash = 0;
  std::string creator;
  Shard shard;
};

Identity identity_of(const std::string& path, hid_t file) {
  check_sweep_format(path, file);
  Identity id;
  id.hash = io::read_uint_attribute(file, "sweep_hash");
  id.creator = io::read_string_attribute(file, "creator");
  const io::Handle shard = io::open_group(file, "shard");
  id.shard = {io::read_uint_attribute(shard.get(), "index"),
              io::read_uint_attribute(shard.get(), "count")};
  return id;
}

void write_shard(hid_t file, const Shard& shard) {
  const io::Handle group = io::create_group(file, "shard");
  io::write_attribute(group.get(), "index", shard.index);
  io::write_attribute(group.get(), "count", shard.count);
}

}  // namespace

void check_sweep_format(const std::string& path, hid_t file) {
  io::check_format(path, file, kSweepFormat, kSweepVersion, "sweep");
}

Shard parse_shard(const std::string& text) {
  const auto slash = text.find('/');
  const auto bad = [&](const std::string& why) {
    return util::InputError({"--shard", 0, text}, why);
  };
  if (slash == std::string::npos) throw bad("expected I/N, e.g. 3/8");
  const auto index = util::parse_unsigned(text.substr(0, slash));
  const auto count = util::parse_unsigned(text.substr(slash + 1));
  if (!index || !count) throw bad("expected I/N with whole numbers, e.g. 3/8");
  if (*count == 0 || *index == 0 || *index > *count) {
    throw bad("the shard index runs from 1 to the shard count");
  }
  return {*index, *count};
}

SweepShape sweep_shape(const SweepSpec& spec) {
  const scenario::Scenario base = base_scenario(spec);
  SweepShape shape;
  shape.metrics = spec.outputs;
  shape.platforms = base.platform_names();
  const auto all = engine::comparison_metrics(shape.platforms);
  for (const std::string& name : shape.metrics) {
    const auto at =
        std::find_if(all.begin(), all.end(), [&](const auto& m) { return m.name == name; });
    shape.columns.push_back(static_cast<std::size_t>(at - all.begin()));
  }
  shape.weeks = base.weeks;
  shape.creator = creator();
  shape.hash = util::fnv1a(shape.creator, util::fnv1a(base.resolved_toml, util::fnv1a(spec.text)));
  return shape;
}

SweepWriter::SweepWriter(const std::string& path, const SweepSpec& spec, const Design& design,
                         const SweepShape& shape, const Shard& shard, bool resume)
    : spec_(spec), outputs_dims_{design.points(), spec.replicates, shape.metrics.size()} {
  for (const std::string& name : spec.series)
    series_dims_.push_back(series_dims(spec, shape, design.points(), name));
  if (!resume) {
    file_ = io::create_file(path);
    create(design, shape, shard);
    return;
  }
  // First in a child process (a damaged file can crash the HDF5 library), then for real.
  io::probe_input(path, [&] {
    const io::Handle probe = io::open_file_read(path);
    io::read_input(path, [&] {
      static_cast<void>(identity_of(path, probe.get()));
      check_layout(probe.get());
      static_cast<void>(io::read_array<std::uint8_t>(probe.get(), "sweep/done"));
      static_cast<void>(io::read_array<double>(probe.get(), "sweep/outputs"));
    });
  });
  file_ = io::open_file_write(path);
  io::read_input(path, [&] {
    const Identity id = identity_of(path, file_.get());
    if (id.hash != shape.hash || id.creator != shape.creator) {
      throw util::InputError({path, 0, "sweep_hash"},
                             "belongs to another sweep file, base scenario or Trek version; "
                             "cannot resume it (start over with --force)");
    }
    if (id.shard.index != shard.index || id.shard.count != shard.count) {
      throw util::InputError({path, 0, "shard"}, "was shard " + std::to_string(id.shard.index) +
                                                     "/" + std::to_string(id.shard.count) +
                                                     ", not " + std::to_string(shard.index) + "/" +
                                                     std::to_string(shard.count));
    }
    check_layout(file_.get());
  });
}

void SweepWriter::check_layout(hid_t root) const {
  io::require_dataset(root, "sweep/outputs", H5T_FLOAT, outputs_dims_);
  io::require_dataset(root, "sweep/done", H5T_INTEGER, io::Dims{outputs_dims_[0]});
  for (std::size_t i = 0; i < spec_.series.size(); ++i)
    io::require_dataset(root, "sweep/series/" + spec_.series[i], H5T_FLOAT, series_dims_[i]);
}

void SweepWriter::create(const Design& design, const SweepShape& shape, const Shard& shard) {
  const hid_t root = file_.get();
  io::write_attribute(root, "format", kSweepFormat);
  io::write_attribute(root, "version", kSweepVersion);
  io::write_attribute(root, "creator", shape.creator);
  io::write_attribute(root, "sweep_hash", shape.hash);
  write_shard(root, shard);
  const io::Handle sweep = io::create_group(root, "sweep");
  const hid_t g = sweep.get();
  io::write_attribute(g, "design", design_name(spec_.design));
  io::write_attribute(g, "samples", spec_.samples);
  io::write_attribute(g, "levels", spec_.levels);
  io::write_attribute(g, "seed", spec_.seed);
  io::write_attribute(g, "replicates", std::uint64_t{spec_.replicates});
  io::write_attribute(g, "window", std::uint64_t{spec_.window});
  io::write_attribute(g, "weeks", std::uint64_t{shape.weeks});
  io::write_attribute(g, "bootstrap", std::uint64_t{spec_.bootstrap});
  io::write_attribute(g, "points", std::uint64_t{design.points()});
  std::vector<std::string> keys;
  std::vector<double> minimum, maximum;
  for (const Parameter& p : spec_.parameters) {
    keys.push_back(p.key);
    minimum.push_back(p.min);
    maximum.push_back(p.max);
  }
  io::write_strings(g, "parameters", keys);
  io::write_vector<double>(g, "minimum", minimum);
  io::write_vector<double>(g, "maximum", maximum);
  write_matrix(g, "unit", design.unit, keys.size());
  write_matrix(g, "values", design.values, keys.size());
  io::write_strings(g, "metrics", shape.metrics);
  io::write_strings(g, "platforms", shape.platforms);
  const std::uint64_t points = design.points();
  io::create_fixed_array<double>(g, "outputs", outputs_dims_, kNotYet);
  io::create_fixed_array<std::uint8_t>(g, "done", io::Dims{points}, 0);
  const io::Handle series = io::create_group(g, "series");
  for (const std::string& name : spec_.series)
    io::create_fixed_array<double>(series.get(), name, series_dims(spec_, shape, points, name),
                                   kNotYet);
  const io::Handle origin = io::create_group(root, "provenance");
  io::write_attribute(origin.get(), "sweep_file", spec_.file);
  io::write_attribute(origin.get(), "sweep_text", spec_.text);
  io::write_attribute(origin.get(), "base_scenario", spec_.base);
  io::write_attribute(origin.get(), "base_scenario_toml", base_scenario(spec_).resolved_toml);
  io::write_attribute(origin.get(), "rng",
                      "replicate r of every point: Philox4x64-10 key {scenario seed, r}");
  // Run facts (command line, wall time) go to /runtime of the final file, so that every split of
  // a sweep gives the same /provenance.
  io::check(H5Fflush(root, H5F_SCOPE_GLOBAL), "flushing the new sweep file");
}

bool is_finished(const std::string& path, const SweepShape& shape, const Shard& shard) {
  try {
    io::probe_input(path, [&] {
      const io::Handle file = io::open_file_read(path);
      static_cast<void>(identity_of(path, file.get()));
    });
    const io::Handle file = io::open_file_read(path);
    const Identity id = identity_of(path, file.get());
    const bool whole = id.shard.count == 1 && shard.count == 1;
    return id.hash == shape.hash && id.creator == shape.creator &&
           (whole || (id.shard.index == shard.index && id.shard.count == shard.count));
  } catch (const util::Error&) {
    return false;
  }
}

std::vector<bool> SweepWriter::done() const {
  const auto flags = io::read_array<std::uint8_t>(file_.get(), "sweep/done");
  if (flags.size() != outputs_dims_[0]) throw util::Error("sweep/done has the wrong length");
  return {flags.begin(), flags.end()};
}

void SweepWriter::write(const PointOutputs& point) {
  const hid_t root = file_.get();
  if (point.outputs.size() != outputs_dims_[1] * outputs_dims_[2]) {
    throw util::Error("sweep point " + std::to_string(point.point) + ": outputs of wrong size");
  }
  {
    const io::Handle outputs = io::open_dataset(root, "sweep/outputs");
    io::write_block(outputs.get(), io::Dims{point.point, 0, 0},
                    io::Dims{1, outputs_dims_[1], outputs_dims_[2]}, point.outputs.data());
  }
  for (std::size_t i = 0; i < spec_.series.size(); ++i) {
    io::Dims count = series_dims_[i];
    io::Dims offset(count.size(), 0);
    offset[0] = point.point;
    count[0] = 1;
    const std::size_t values =
        std::accumulate(count.begin(), count.end(), std::size_t{1}, std::multiplies<>());
    if (point.series[i].size() != values) {
      throw util::Error("sweep point " + std::to_string(point.point) + ": series of wrong size");
    }
    const io::Handle data = io::open_dataset(root, "sweep/series/" + spec_.series[i]);
    io::write_block(data.get(), offset, count, point.series[i].data());
  }
  // The done flag goes to disk only after the point's rows: a kill in between loses the point,
  // never marks a half-written one as done.
  io::check(H5Fflush(root, H5F_SCOPE_GLOBAL), "flushing the sweep's rows");
  const io::Handle done = io::open_dataset(root, "sweep/done");
  const std::uint8_t yes = 1;
  io::write_block(done.get(), io::Dims{point.point}, io::Dims{1}, &yes);
  io::check(H5Fflush(root, H5F_SCOPE_GLOBAL), "flushing the sweep's done flags");
}

void check_sweep_file(const std::string& path, hid_t file) {
  check_sweep_format(path, file);
  const io::Handle group = io::open_group(file, "sweep");
  const io::Dims points = io::require_dataset(file, "sweep/done", H5T_INTEGER, 1);
  if (points[0] != io::read_uint_attribute(group.get(), "points")) {
    throw util::InputError({.key = "sweep/done"}, "its length differs from the points");
  }
  io::require_dataset(group.get(), "parameters", H5T_STRING, 1);
  io::require_dataset(group.get(), "metrics", H5T_STRING, 1);
}

}  // namespace sim::sweep

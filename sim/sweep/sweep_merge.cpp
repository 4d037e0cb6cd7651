// finalise(): the final sweep file from one partial file or from shards (declared in
// sweep_file.hpp). Rows are copied point by point from the file that computed them, so the
// result does not depend on how the points were split.

#include <algorithm>
#include <limits>
#include <set>

#include "sim/io/atomic_file.hpp"
#include "sim/io/h5_array.hpp"
#include "sim/io/h5_copy.hpp"
#include "sim/io/probe.hpp"
#include "sim/sweep/sensitivity.hpp"
#include "sim/sweep/sweep_file.hpp"
#include "sim/util/error.hpp"

namespace sim::sweep {
namespace {

struct Input {
  std::string path;
  io::Handle file;
  std::uint64_t hash = 0, index = 1, count = 1;
  std::string creator;
  std::vector<std::uint8_t> done;
  std::vector<std::string> series;  ///< names under /sweep/series
};

/// Every dataset finalise() reads or copies, checked against the sweep's own counts.
void check_layout(hid_t f, std::vector<std::string>& series) {
  const io::Handle sweep = io::open_group(f, "sweep");
  const std::uint64_t points = io::read_uint_attribute(sweep.get(), "points");
  const std::uint64_t replicates = io::read_uint_attribute(sweep.get(), "replicates");
  const std::uint64_t weeks = io::read_uint_attribute(sweep.get(), "weeks");
  if (points == 0 || points > 100'000'000 || replicates == 0 || replicates > 100'000 ||
      weeks == 0 || weeks > 5200) {
    throw util::InputError({.key = "sweep"}, "points, replicates or weeks out of range");
  }
  const hsize_t d = io::require_dataset(f, "sweep/parameters", H5T_STRING, 1)[0];
  const hsize_t metrics = io::require_dataset(f, "sweep/metrics", H5T_STRING, 1)[0];
  if (d == 0 || metrics == 0) throw util::InputError({.key = "sweep"}, "no parameters or outputs");
  io::require_dataset(f, "sweep/done", H5T_INTEGER, io::Dims{points});
  io::require_dataset(f, "sweep/outputs", H5T_FLOAT, io::Dims{points, replicates, metrics});
  io::require_dataset(f, "sweep/unit", H5T_FLOAT, io::Dims{points, d});
  io::require_dataset(f, "sweep/values", H5T_FLOAT, io::Dims{points, d});
  series = io::link_names(io::open_group(f, "sweep/series").get());
  for (const std::string& name : series) {
    const std::string path = "sweep/series/" + name;
    const io::Dims dims = io::require_dataset(f, path, H5T_FLOAT, io::array_dims(f, path).size());
    if (dims.size() < 3 || dims[0] != points || dims[1] != replicates || dims[2] != weeks + 1) {
      throw util::InputError({.key = path}, "does not have the sweep's points, replicates, weeks");
    }
  }
}

Input open_unprobed(const std::string& path) {
  Input in{path, io::open_file_read(path)};
  io::read_input(path, [&] {
    const hid_t f = in.file.get();
    check_sweep_format(path, f);
    in.hash = io::read_uint_attribute(f, "sweep_hash");
    in.creator = io::read_string_attribute(f, "creator");
    const io::Handle shard = io::open_group(f, "shard");
    in.index = io::read_uint_attribute(shard.get(), "index");
    in.count = io::read_uint_attribute(shard.get(), "count");
    if (in.count == 0 || in.index == 0 || in.index > in.count) {
      throw util::InputError({.key = "shard"}, "index or count out of range");
    }
    check_layout(f, in.series);
    in.done = io::read_array<std::uint8_t>(f, "sweep/done");
  });
  return in;
}

/// Opens a shard after a probe in a child process has read all that finalise() reads from it
/// (and copied its groups into a file in memory), so that a file the HDF5 library crashes on is
/// reported as damaged.
Input open_input(const std::string& path) {
  io::probe_input(path, [&] {
    const Input in = open_unprobed(path);
    const io::Handle memory = io::create_memory_file();
    io::read_input(path, [&] {
      for (const char* group : {"sweep", "provenance"})
        io::copy_group(in.file.get(), memory.get(), group);
      for (const std::string& name : in.series)
        static_cast<void>(io::read_array<double>(in.file.get(), "sweep/series/" + name));
    });
  });
  return open_unprobed(path);
}

void check_together(const std::vector<Input>& inputs) {
  const Input& first = inputs.front();
  std::set<std::uint64_t> indices;
  for (const Input& in : inputs) {
    if (in.hash != first.hash) {
      throw util::InputError({in.path, 0, "sweep_hash"},
                             "is a shard of another sweep than " + first.path);
    }
    if (in.creator != first.creator) {
      throw util::InputError({in.path, 0, "creator"}, "was made by " + in.creator + ", " +
                                                          first.path + " by " + first.creator);
    }
    if (in.done.size() != first.done.size() || in.series != first.series) {
      throw util::InputError({in.path, 0, "sweep"}, "its layout differs from " + first.path);
    }
    if (in.count != first.count || !indices.insert(in.index).second) {
      throw util::InputError({in.path, 0, "shard"}, "shard " + std::to_string(in.index) + "/" +
                                                        std::to_string(in.count) +
                                                        " overlaps or does not fit the others");
    }
  }
}

/// Copies the rows of `point` of every point-indexed dataset from `from` into `to`.
void copy_point(hid_t from, hid_t to, std::uint64_t point, const std::vector<std::string>& names) {
  for (const std::string& name : names) {
    io::Dims count = io::array_dims(from, name);
    io::Dims offset(count.size(), 0);
    offset[0] = point;
    count[0] = 1;
    const io::Handle source = io::open_dataset(from, name);
    const auto row = io::read_block<double>(source.get(), offset, count);
    const io::Handle target = io::open_dataset(to, name);
    io::write_block(target.get(), offset, count, row.data());
  }
}

void write_intervals(hid_t group, const std::string& name, const io::Dims& dims,
                     const std::vector<double>& values) {
  const io::Handle data = io::create_fixed_array<double>(group, name, dims, 0.0);
  io::write_block(data.get(), io::Dims(dims.size(), 0), dims, values.data());
}

/// Sobol indices or Morris effects of every metric, from the replicate means of each point.
void write_sensitivity(hid_t file) {
  const io::Handle sweep = io::open_group(file, "sweep");
  const std::string design = io::read_string_attribute(sweep.get(), "design");
  if (design != "sobol" && design != "morris") return;
  const io::Dims dims = io::array_dims(file, "sweep/outputs");  // [point][replicate][metric]
  const auto outputs = io::read_array<double>(file, "sweep/outputs");
  const auto unit = io::read_array<double>(file, "sweep/unit");
  const std::size_t points = dims[0], replicates = dims[1], metrics = dims[2];
  const std::size_t d = unit.size() / points;
  const io::Handle group = io::create_group(file, "sensitivity");
  io::write_attribute(group.get(), "input", "per point: the mean over replicates of each output");
  std::vector<std::vector<double>> mean(metrics, std::vector<double>(points, 0.0));
  for (std::size_t p = 0; p < points; ++p) {
    for (std::size_t r = 0; r < replicates; ++r) {
      for (std::size_t m = 0; m < metrics; ++m)
        mean[m][p] += outputs[(p * replicates + r) * metrics + m] / static_cast<double>(replicates);
    }
  }
  if (design == "sobol") {
    const auto bootstrap =
        static_cast<std::uint32_t>(io::read_uint_attribute(sweep.get(), "bootstrap"));
    const std::uint64_t seed = io::read_uint_attribute(sweep.get(), "seed");
    std::vector<double> first, total;
    for (std::size_t m = 0; m < metrics; ++m) {
      const SobolIndices s = sobol_indices(mean[m], d, bootstrap, seed);
      for (std::size_t i = 0; i < d; ++i) {
        first.insert(first.end(), {s.first[i].estimate, s.first[i].low, s.first[i].high});
        total.insert(total.end(), {s.total[i].estimate, s.total[i].low, s.total[i].high});
      }
    }
    io::write_attribute(group.get(), "method",
                        "Sobol indices: first order (Saltelli 2010), total (Jansen 1999); "
                        "estimate, 5% and 95% bootstrap quantiles");
    write_intervals(group.get(), "first_order", {metrics, d, 3}, first);
    write_intervals(group.get(), "total", {metrics, d, 3}, total);
    return;
  }
  Design trajectories;
  trajectories.kind = DesignKind::kMorris;
  for (std::size_t p = 0; p < points; ++p) {
    trajectories.unit.emplace_back(unit.begin() + static_cast<std::ptrdiff_t>(p * d),
                                   unit.begin() + static_cast<std::ptrdiff_t>((p + 1) * d));
    trajectories.values.push_back(trajectories.unit.back());
  }
  std::vector<double> mu, mu_star, sigma;
  for (std::size_t m = 0; m < metrics; ++m) {
    const MorrisEffects e = morris_effects(trajectories, mean[m]);
    mu.insert(mu.end(), e.mu.begin(), e.mu.end());
    mu_star.insert(mu_star.end(), e.mu_star.begin(), e.mu_star.end());
    sigma.insert(sigma.end(), e.sigma.begin(), e.sigma.end());
  }
  io::write_attribute(group.get(), "method",
                      "Morris elementary effects per unit of each parameter's range: mu, mu* "
                      "(mean absolute effect), sigma");
  write_intervals(group.get(), "mu", {metrics, d}, mu);
  write_intervals(group.get(), "mu_star", {metrics, d}, mu_star);
  write_intervals(group.get(), "sigma", {metrics, d}, sigma);
}

}  // namespace

void finalise(const std::vector<std::string>& paths, const std::string& output,
              bool require_complete, double wall_seconds, const std::string& command_line) {
  if (paths.empty()) throw util::InputError("no sweep files to merge");
  std::vector<Input> inputs;
  for (const std::string& path : paths)
    inputs.push_back(open_input(path));
  check_together(inputs);
  const std::size_t points = inputs.front().done.size();
  std::vector<std::size_t> owner(points, inputs.size());
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    for (std::size_t p = 0; p < points; ++p) {
      if (inputs[i].done[p] != 0 && owner[p] == inputs.size()) owner[p] = i;
    }
  }
  const auto missing =
      static_cast<std::size_t>(std::count(owner.begin(), owner.end(), inputs.size()));
  if (require_complete && missing > 0) {
    throw util::InputError({paths.front(), 0, "done"},
                           std::to_string(missing) + " of " + std::to_string(points) +
                               " points are missing (a shard absent or unfinished?)");
  }
  const bool whole = inputs.size() == inputs.front().count;
  io::write_atomically(output, [&](const std::string& temporary) {
    io::Handle file = io::create_file(temporary);
    const hid_t to = file.get();
    const hid_t first = inputs.front().file.get();
    io::write_attribute(to, "format", kSweepFormat);
    io::write_attribute(to, "version", kSweepVersion);
    io::write_attribute(to, "creator", inputs.front().creator);
    io::write_attribute(to, "sweep_hash", inputs.front().hash);
    const io::Handle shard = io::create_group(to, "shard");
    io::write_attribute(shard.get(), "index", whole ? std::uint64_t{1} : inputs.front().index);
    io::write_attribute(shard.get(), "count", whole ? std::uint64_t{1} : inputs.front().count);
    io::read_input(inputs.front().path, [&] {
      for (const char* group : {"sweep", "provenance"})
        io::copy_group(first, to, group);
    });
    std::vector<std::string> rows{"sweep/outputs", "sweep/done"};
    for (const std::string& name : io::link_names(io::open_group(first, "sweep/series").get()))
      rows.push_back("sweep/series/" + name);
    for (std::size_t p = 0; p < points; ++p) {
      if (owner[p] != 0 && owner[p] < inputs.size()) {
        const Input& in = inputs[owner[p]];
        io::read_input(in.path, [&] { copy_point(in.file.get(), to, p, rows); });
      }
    }
    if (missing == 0) write_sensitivity(to);
    const io::Handle runtime = io::create_group(to, "runtime");
    io::write_attribute(runtime.get(), "wall_seconds", wall_seconds);
    io::write_attribute(runtime.get(), "command_line", command_line);
    io::close_file(file);
  });
}

}  // namespace sim::sweep

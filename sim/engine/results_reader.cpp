// Opens a run file through the probe (a damaged file cannot crash the reader), checks its
// format and version, then the type and shape of every dataset a reader will touch against the
// file's own platforms, replicates and weeks, and only then reads.

#include "sim/engine/results_reader.hpp"

#include "sim/engine/comparison_file.hpp"
#include "sim/engine/crisis_file.hpp"
#include "sim/engine/observables.hpp"
#include "sim/engine/results_file.hpp"
#include "sim/engine/week_plan_file.hpp"
#include "sim/io/probe.hpp"
#include "sim/util/error.hpp"

namespace sim::engine {

void check_results_format(const std::string& path, hid_t file) {
  io::check_format(path, file, kResultsFormat, kResultsVersion, "run results");
}

namespace {

/// Opens a file and checks it is a Trek run file of a version we read.
io::Handle open_results(const std::string& path) {
  io::Handle file = io::open_file_read(path);
  check_results_format(path, file.get());
  return file;
}

/// Every dataset a reader uses, checked for type and shape against the file's own platforms,
/// replicates and weeks before anything is read (InputError naming the dataset).
void check_run_layout(hid_t run) {
  const io::Handle parameters = io::open_group(run, "parameters");
  const io::Dims listed = io::require_dataset(parameters.get(), "platforms", H5T_STRING, 1);
  const std::size_t platforms = listed[0];
  if (platforms == 0) throw util::InputError({.key = "parameters/platforms"}, "is empty");
  const std::uint64_t replicates = io::read_uint_attribute(parameters.get(), "replicates");
  const std::uint64_t weeks = io::read_uint_attribute(parameters.get(), "weeks");
  if (replicates == 0 || replicates > 1'000'000 || weeks == 0 || weeks > 5200) {
    throw util::InputError({.key = "parameters"}, "replicates or weeks out of range");
  }
  const auto require = [&](const std::string& name, H5T_class_t type) {
    io::Dims dims{replicates, weeks + 1};
    for (const hsize_t extent : observable_extents(name, platforms))
      dims.push_back(extent);
    io::require_dataset(run, "observables/" + name + "/value", type, dims);
  };
  for (const std::string& name : observable_names())
    require(name, H5T_INTEGER);
  if (io::has_link(run, "observables/reach_per_message")) {
    for (const std::string& name : reach_observable_names())
      require(name, H5T_FLOAT);
  }
  check_week_plan_layout(run, replicates, weeks, platforms);
  check_crisis_layout(run, replicates, weeks);
  check_run_summary(run);
  if (io::has_link(run, "worlds")) {
    const io::Dims uncertain = io::require_dataset(run, "worlds/parameters", H5T_STRING, 1);
    io::require_dataset(run, "worlds/distributions", H5T_STRING, uncertain);
    io::require_dataset(run, "worlds/values", H5T_FLOAT, io::Dims{replicates, uncertain[0]});
  }
}

std::vector<std::uint32_t> read_value(hid_t file, const std::string& name) {
  return io::read_array<std::uint32_t>(file, "observables/" + name + "/value");
}

ResultsInfo read_info(const std::string& path, hid_t file) {
  ResultsInfo info;
  info.path = path;
  info.version = io::read_uint_attribute(file, "version");
  info.creator = io::read_string_attribute(file, "creator");
  const io::Handle parameters = io::open_group(file, "parameters");
  info.platforms = io::read_strings(parameters.get(), "platforms");
  info.scenario = io::read_string_attribute(parameters.get(), "scenario");
  info.description = io::read_string_attribute(parameters.get(), "description");
  info.organisation = io::read_string_attribute(parameters.get(), "organisation");
  info.start_date = io::read_string_attribute(parameters.get(), "start_date");
  info.replicates = io::read_uint_attribute(parameters.get(), "replicates");
  info.weeks = io::read_uint_attribute(parameters.get(), "weeks");
  info.agents = io::read_uint_attribute(parameters.get(), "agents");
  info.arcs = io::read_uint_attribute(parameters.get(), "arcs");
  const io::Handle origin = io::open_group(file, "provenance");
  info.scenario_file = io::read_string_attribute(origin.get(), "scenario_file");
  info.command_line = io::read_string_attribute(origin.get(), "command_line");
  info.master_seed = io::read_uint_attribute(origin.get(), "master_seed");
  const io::Handle observables = io::open_group(file, "observables");
  for (const std::string& name : io::link_names(observables.get())) {
    info.observables.emplace_back(name, io::array_dims(observables.get(), name + "/value"));
  }
  if (io::has_link(file, "plan")) {
    const io::Handle plan = io::open_group(file, "plan");
    for (const std::string& name : week_plan_datasets())
      info.plan.emplace_back(name, io::array_dims(plan.get(), name));
  }
  if (io::has_link(file, "snapshots")) {
    info.snapshots = io::array_dims(file, "snapshots/step").at(0);
  }
  if (io::has_link(file, "runtime")) {
    const io::Handle runtime = io::open_group(file, "runtime");
    info.wall_seconds = io::read_double_attribute(runtime.get(), "wall_seconds");
    info.threads = io::read_uint_attribute(runtime.get(), "threads");
  }
  if (io::has_link(file, "worlds")) {
    const auto keys = io::read_strings(file, "worlds/parameters");
    const auto distributions = io::read_strings(file, "worlds/distributions");
    for (std::size_t k = 0; k < keys.size(); ++k)
      info.uncertain.push_back(keys[k] + ": " + distributions[k]);
  }
  return info;
}

SeriesTable read_table(const std::string& path, hid_t file) {
  SeriesTable table;
  table.platforms = io::read_strings(file, "parameters/platforms");
  const io::Dims dims = io::array_dims(file, "observables/active/value");
  if (dims.size() != 3 || dims[2] != table.platforms.size()) {
    throw util::InputError({path, 0, "observables/active/value"}, "unexpected shape");
  }
  table.replicates = dims[0];
  table.weeks = dims[1];
  table.accounts = read_value(file, "accounts");
  table.active = read_value(file, "active");
  table.followers = read_value(file, "followers");
  table.active_anywhere = read_value(file, "active_anywhere");
  if (io::has_link(file, "observables/reach_per_message")) {
    table.reach = io::read_array<double>(file, "observables/reach_per_post/value");
    table.reach_per_message = io::read_array<double>(file, "observables/reach_per_message/value");
    const auto within = io::read_array<double>(file, "observables/crisis_reach/value");
    constexpr std::size_t kMarks = reach::kCrisisHours.size();
    for (std::size_t i = 0; i + kMarks <= within.size(); i += kMarks) {
      table.within_1h.push_back(within[i + reach::crisis_index(1.0)]);
      table.within_24h.push_back(within[i + reach::crisis_index(24.0)]);
    }
  }
  if (io::has_link(file, "plan")) {
    const io::Handle plan = io::open_group(file, "plan");
    table.plan_weeks = io::read_vector<std::uint32_t>(plan.get(), "week");
    table.plan_posts = io::read_array<double>(plan.get(), "posts");
    table.plan_impressions = io::read_array<double>(plan.get(), "impressions");
    table.plan_reached = io::read_array<double>(plan.get(), "reached");
  }
  return table;
}

}  // namespace

void check_results_layout(const std::string& path, hid_t run) {
  io::read_input(path, [&] { check_run_layout(run); });
}

namespace {

io::Handle open_checked(const std::string& path) {
  io::probe_input(path, [&] {
    const io::Handle file = io::read_input(path, [&] { return open_results(path); });
    check_results_layout(path, file.get());
    io::read_input(path, [&] {
      static_cast<void>(read_info(path, file.get()));
      static_cast<void>(read_table(path, file.get()));
    });
  });
  io::Handle file = io::read_input(path, [&] { return open_results(path); });
  check_results_layout(path, file.get());
  return file;
}

}  // namespace

ResultsInfo read_results_info(const std::string& path) {
  const io::Handle file = open_checked(path);
  return io::read_input(path, [&] { return read_info(path, file.get()); });
}

SeriesTable read_series_table(const std::string& path) {
  const io::Handle file = open_checked(path);
  return io::read_input(path, [&] { return read_table(path, file.get()); });
}

}  // namespace sim::engine

#include "sim/engine/results_reader.hpp"

#include "sim/engine/results_file.hpp"
#include "sim/util/error.hpp"

namespace sim::engine {
namespace {

/// Opens a file and checks it is a Trek run file of a version we read.
io::Handle open_results(const std::string& path) {
  io::Handle file = io::open_file_read(path);
  if (!io::has_attribute(file.get(), "format") ||
      io::read_string_attribute(file.get(), "format") != kResultsFormat) {
    throw util::InputError({path, 0, "format"}, "not a Trek run results file");
  }
  const std::uint64_t version = io::read_uint_attribute(file.get(), "version");
  if (version != kResultsVersion) {
    throw util::InputError({path, 0, "version"},
                           "results format version " + std::to_string(version) +
                               " is not supported (this build reads version " +
                               std::to_string(kResultsVersion) + ")");
  }
  return file;
}

std::vector<std::uint32_t> read_value(hid_t file, const std::string& name) {
  return io::read_array<std::uint32_t>(file, "observables/" + name + "/value");
}

}  // namespace

ResultsInfo read_results_info(const std::string& path) {
  const io::Handle file = open_results(path);
  ResultsInfo info;
  info.path = path;
  info.version = io::read_uint_attribute(file.get(), "version");
  info.creator = io::read_string_attribute(file.get(), "creator");
  const io::Handle parameters = io::open_group(file.get(), "parameters");
  info.platforms = io::read_strings(parameters.get(), "platforms");
  info.scenario = io::read_string_attribute(parameters.get(), "scenario");
  info.description = io::read_string_attribute(parameters.get(), "description");
  info.organisation = io::read_string_attribute(parameters.get(), "organisation");
  info.start_date = io::read_string_attribute(parameters.get(), "start_date");
  info.replicates = io::read_uint_attribute(parameters.get(), "replicates");
  info.weeks = io::read_uint_attribute(parameters.get(), "weeks");
  info.agents = io::read_uint_attribute(parameters.get(), "agents");
  info.arcs = io::read_uint_attribute(parameters.get(), "arcs");
  const io::Handle origin = io::open_group(file.get(), "provenance");
  info.scenario_file = io::read_string_attribute(origin.get(), "scenario_file");
  info.command_line = io::read_string_attribute(origin.get(), "command_line");
  info.master_seed = io::read_uint_attribute(origin.get(), "master_seed");
  const io::Handle observables = io::open_group(file.get(), "observables");
  for (const std::string& name : io::link_names(observables.get())) {
    info.observables.emplace_back(name, io::array_dims(observables.get(), name + "/value"));
  }
  if (io::has_link(file.get(), "snapshots")) {
    info.snapshots = io::array_dims(file.get(), "snapshots/step").at(0);
  }
  if (io::has_link(file.get(), "runtime")) {
    const io::Handle runtime = io::open_group(file.get(), "runtime");
    info.wall_seconds = io::read_double_attribute(runtime.get(), "wall_seconds");
    info.threads = io::read_uint_attribute(runtime.get(), "threads");
  }
  return info;
}

SeriesTable read_series_table(const std::string& path) {
  const io::Handle file = open_results(path);
  SeriesTable table;
  table.platforms = io::read_strings(file.get(), "parameters/platforms");
  const io::Dims dims = io::array_dims(file.get(), "observables/active/value");
  if (dims.size() != 3 || dims[2] != table.platforms.size()) {
    throw util::InputError({path, 0, "observables/active/value"}, "unexpected shape");
  }
  table.replicates = dims[0];
  table.weeks = dims[1];
  table.accounts = read_value(file.get(), "accounts");
  table.active = read_value(file.get(), "active");
  table.followers = read_value(file.get(), "followers");
  table.active_anywhere = read_value(file.get(), "active_anywhere");
  if (io::has_link(file.get(), "observables/unique_reach")) {
    table.reach = io::read_array<double>(file.get(), "observables/reach_per_post/value");
    table.unique_reach = io::read_array<double>(file.get(), "observables/unique_reach/value");
    const auto within = io::read_array<double>(file.get(), "observables/crisis_reach/value");
    constexpr std::size_t kMarks = reach::kCrisisHours.size();
    for (std::size_t i = 0; i + kMarks <= within.size(); i += kMarks) {
      table.within_1h.push_back(within[i + reach::crisis_index(1.0)]);
      table.within_24h.push_back(within[i + reach::crisis_index(24.0)]);
    }
  }
  return table;
}

}  // namespace sim::engine

// `trek inspect`: prints what a results file holds (provenance, shapes) and its summary.

#include "sim/cli/inspect_command.hpp"

#include <cstdio>
#include <iostream>
#include <memory>

#include "sim/cli/common.hpp"
#include "sim/cli/inspect_collections.hpp"
#include "sim/cli/json.hpp"
#include "sim/cli/run_report.hpp"
#include "sim/engine/results_reader.hpp"

namespace sim::cli {
namespace {

struct InspectOptions {
  CommonOptions common;
  std::string path;
  std::string format = "table";
};

std::string shape_text(const io::Dims& dims) {
  std::string text;
  for (const hsize_t extent : dims)
    text += (text.empty() ? "" : " x ") + std::to_string(extent);
  return text;
}

void print_table(const engine::ResultsInfo& info) {
  std::printf("%-14s %s (Trek run results, format version %llu)\n", "file", info.path.c_str(),
              static_cast<unsigned long long>(info.version));
  std::printf("%-14s %s\n", "created by", info.creator.c_str());
  std::printf("%-14s %s\n", "command", info.command_line.c_str());
  std::printf("%-14s %s (%s)\n", "scenario", info.scenario.c_str(), info.scenario_file.c_str());
  std::printf("%-14s %llu agents, %llu arcs\n", "population",
              static_cast<unsigned long long>(info.agents),
              static_cast<unsigned long long>(info.arcs));
  std::printf("%-14s %llu weeks x %llu replicates, master seed %llu\n", "run",
              static_cast<unsigned long long>(info.weeks),
              static_cast<unsigned long long>(info.replicates),
              static_cast<unsigned long long>(info.master_seed));
  std::string platforms;
  for (const auto& p : info.platforms)
    platforms += (platforms.empty() ? "" : ", ") + p;
  std::printf("%-14s %s\n", "platforms", platforms.c_str());
  if (!info.uncertain.empty()) {
    std::printf("%-14s %zu uncertain parameters; replicate r is world r (values in /worlds)\n",
                "worlds", info.uncertain.size());
    for (const auto& line : info.uncertain)
      std::printf("  %s\n", line.c_str());
  }
  for (const auto& [name, dims] : info.observables) {
    std::printf("  /observables/%-18s value %s\n", name.c_str(), shape_text(dims).c_str());
  }
  for (const auto& [name, dims] : info.plan)
    std::printf("  /plan/%-25s %s\n", name.c_str(), shape_text(dims).c_str());
  std::printf("%-14s %llu weeks stored\n", "snapshots",
              static_cast<unsigned long long>(info.snapshots));
  std::printf("%-14s %.2f s on %llu threads\n", "run time", info.wall_seconds,
              static_cast<unsigned long long>(info.threads));
}

std::string info_json(const engine::ResultsInfo& info, const engine::SeriesTable& table) {
  JsonObject observables;
  for (const auto& [name, dims] : info.observables)
    observables.add(name, shape_text(dims));
  JsonObject plan;
  for (const auto& [name, dims] : info.plan)
    plan.add(name, shape_text(dims));
  JsonObject out;
  out.add("file", info.path).add("format_version", info.version).add("creator", info.creator);
  out.add("command_line", info.command_line).add("scenario", info.scenario);
  out.add("scenario_file", info.scenario_file).add("agents", info.agents).add("arcs", info.arcs);
  out.add("weeks", info.weeks).add("replicates", info.replicates);
  out.add("master_seed", info.master_seed);
  std::string platforms;
  for (const auto& p : info.platforms)
    platforms += (platforms.empty() ? "" : ",") + p;
  out.add("platforms", platforms).add("snapshots", info.snapshots);
  out.add("wall_seconds", info.wall_seconds).add("threads", info.threads);
  out.add_object("observables", observables);
  if (!info.plan.empty()) out.add_object("plan", plan);
  out.add_object("summary", run_summary_json(table));
  return out.str();
}

void inspect(const InspectOptions& o) {
  if (inspect_collection(o.path, o.format)) return;
  const engine::ResultsInfo info = engine::read_results_info(o.path);
  const engine::SeriesTable table = engine::read_series_table(o.path);
  if (o.format == "json") {
    std::cout << info_json(info, table) << '\n';
    return;
  }
  print_table(info);
  print_run_summary(table);
}

}  // namespace

void register_inspect_command(CLI::App& app) {
  auto o = std::make_shared<InspectOptions>();
  CLI::App* command = app.add_subcommand("inspect", "Show what a results file holds");
  command->add_option("file", o->path, "Results file (HDF5) from trek run, compare or sweep")
      ->required();
  command->add_option("--format", o->format, "table or json")
      ->check(CLI::IsMember({"table", "json"}));
  add_common_options(*command, o->common);
  command->callback([o] { inspect(*o); });
}

}  // namespace sim::cli

#include "sim/cli/inspect_collections.hpp"

#include <algorithm>
#include <cstdio>
#include <iostream>

#include "sim/cli/json.hpp"
#include "sim/engine/comparison_file.hpp"
#include "sim/engine/results_file.hpp"
#include "sim/engine/results_reader.hpp"
#include "sim/io/h5_array.hpp"
#include "sim/io/probe.hpp"
#include "sim/optimize/plan_file.hpp"
#include "sim/scenario/posterior_source.hpp"
#include "sim/sweep/sweep_file.hpp"
#include "sim/util/error.hpp"
#include "sim/util/input_file.hpp"

namespace sim::cli {
namespace {

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names)
    text += (text.empty() ? "" : ", ") + name;
  return text;
}

void inspect_comparison(const std::string& path, hid_t file, const std::string& format) {
  engine::check_comparison_file(path, file);
  const auto [scenarios, weeks, ranking] = engine::read_comparison_index(file);
  std::vector<std::string> ranked;
  for (const std::uint64_t i : ranking)
    ranked.push_back(scenarios[i]);
  std::string report_weeks;
  for (const std::uint32_t week : weeks)
    report_weeks += (report_weeks.empty() ? "" : ", ") + std::to_string(week);
  if (format == "json") {
    JsonObject out;
    out.add("file", path).add("format", engine::kComparisonFormat);
    out.add("creator", io::read_string_attribute(file, "creator"));
    out.add("baseline", scenarios.front()).add("scenarios", joined(scenarios));
    out.add("report_weeks", report_weeks).add("ranking_by_reach", joined(ranked));
    std::cout << out.str() << '\n';
    return;
  }
  std::printf("%-14s %s (Trek comparison, format version %llu)\n", "file", path.c_str(),
              static_cast<unsigned long long>(io::read_uint_attribute(file, "version")));
  std::printf("%-14s %s\n", "created by", io::read_string_attribute(file, "creator").c_str());
  std::printf("%-14s %s\n", "command", io::read_string_attribute(file, "command_line").c_str());
  std::printf("%-14s %s (baseline first)\n", "scenarios", joined(scenarios).c_str());
  std::printf("%-14s %s\n", "report weeks", report_weeks.c_str());
  std::printf("%-14s %s\n", "ranking", joined(ranked).c_str());
  std::printf("each run: /scenarios/<name>/ in the layout of a run file; the table: /comparison\n");
}

void inspect_sweep(const std::string& path, hid_t file, const std::string& format) {
  sweep::check_sweep_file(path, file);
  const io::Handle group = io::open_group(file, "sweep");
  const auto parameters = io::read_strings(group.get(), "parameters");
  const auto metrics = io::read_strings(group.get(), "metrics");
  const auto done = io::read_array<std::uint8_t>(file, "sweep/done");
  const auto finished = static_cast<std::uint64_t>(std::count(done.begin(), done.end(), 1));
  const std::string design = io::read_string_attribute(group.get(), "design");
  const bool indices = io::has_link(file, "sensitivity");
  if (format == "json") {
    JsonObject out;
    out.add("file", path).add("format", "trek-sweep").add("design", design);
    out.add("points", std::uint64_t{done.size()}).add("points_done", finished);
    out.add("replicates", io::read_uint_attribute(group.get(), "replicates"));
    out.add("parameters", joined(parameters)).add("outputs", joined(metrics));
    out.add("sensitivity", indices ? "yes" : "no");
    std::cout << out.str() << '\n';
    return;
  }
  std::printf("%-14s %s (Trek sweep, format version %llu)\n", "file", path.c_str(),
              static_cast<unsigned long long>(io::read_uint_attribute(file, "version")));
  std::printf("%-14s %s\n", "created by", io::read_string_attribute(file, "creator").c_str());
  std::printf("%-14s %s, %llu of %zu points done, %llu replicates each\n", "design", design.c_str(),
              static_cast<unsigned long long>(finished), done.size(),
              static_cast<unsigned long long>(io::read_uint_attribute(group.get(), "replicates")));
  std::printf("%-14s %s\n", "parameters", joined(parameters).c_str());
  std::printf("%-14s %s\n", "outputs", joined(metrics).c_str());
  std::printf(
      "%-14s %s\n", "sensitivity",
      indices ? "in /sensitivity (trek report draws it)" : "none (grid, lhs or unfinished)");
}

void inspect_posterior(const std::string& path, hid_t file, const std::string& format) {
  const scenario::PosteriorSample sample = scenario::read_posterior_sample(path);
  double squares = 0.0;
  for (const double w : sample.weights)
    squares += w * w;
  const double effective = squares > 0.0 ? 1.0 / squares : 0.0;
  const std::string stopped = io::read_string_attribute(file, "stopped");
  if (format == "json") {
    JsonObject out;
    out.add("file", path).add("format", std::string(scenario::kPosteriorFormat));
    out.add("particles", std::uint64_t{sample.values.size()}).add("effective_size", effective);
    out.add("parameters", joined(sample.keys)).add("stopped", stopped);
    std::cout << out.str() << '\n';
    return;
  }
  std::printf("%-14s %s (Trek posterior, format version %llu)\n", "file", path.c_str(),
              static_cast<unsigned long long>(io::read_uint_attribute(file, "version")));
  std::printf("%-14s %s\n", "calibration",
              io::read_string_attribute(file, "calibration_file").c_str());
  std::printf("%-14s %zu (effective size %.0f)\n", "particles", sample.values.size(), effective);
  std::printf("%-14s %s\n", "parameters", joined(sample.keys).c_str());
  std::printf("%-14s %s\n", "stopped", stopped.c_str());
}

void inspect_plan(const std::string& path, hid_t file, const std::string& format) {
  const optimize::PlanSummary plan = optimize::plan_summary_in_process(path);
  if (format == "json") {
    JsonObject out;
    out.add("file", path).add("format", std::string(optimize::kPlanFormat));
    out.add("plan", plan.plan_file).add("candidates", std::uint64_t{plan.candidates});
    out.add("objective", plan.objective).add("best", plan.best).add("stopped", plan.stopped);
    std::cout << out.str() << '\n';
    return;
  }
  std::printf("%-14s %s (Trek plan, format version %llu)\n", "file", path.c_str(),
              static_cast<unsigned long long>(io::read_uint_attribute(file, "version")));
  std::printf("%-14s %s\n", "plan", plan.plan_file.c_str());
  std::printf("%-14s %s\n", "objective", plan.objective.c_str());
  std::printf("%-14s %zu (%s)\n", "candidates", plan.candidates, plan.stopped.c_str());
  std::printf("%-14s %s\n", "best plan", plan.best.c_str());
}

bool inspect_file(const std::string& path, hid_t file, const std::string& format) {
  const std::string kind =
      io::has_attribute(file, "format") ? io::read_string_attribute(file, "format") : std::string();
  if (kind == engine::kComparisonFormat) {
    inspect_comparison(path, file, format);
    return true;
  }
  if (kind == sweep::kSweepFormat) {
    inspect_sweep(path, file, format);
    return true;
  }
  if (kind == scenario::kPosteriorFormat) {
    inspect_posterior(path, file, format);
    return true;
  }
  if (kind == optimize::kPlanFormat) {
    inspect_plan(path, file, format);
    return true;
  }
  return false;
}

void check_in_process(const std::string& path) {
  const io::Handle file = io::open_file_read(path);
  std::string kind;
  try {
    kind = io::read_string_attribute(file.get(), "format");
  } catch (const util::Error&) {
    kind.clear();  // missing, or not a fixed-length string: not written by Trek
  }
  if (kind == scenario::kPosteriorFormat) {
    static_cast<void>(scenario::read_posterior_sample(path));
    io::read_input(path, [&] {
      for (const char* group : {"targets", "diagnostics", "generations/000"}) {
        if (!io::has_link(file.get(), group))
          throw util::InputError({path, 0, group}, "is missing: not a complete posterior file");
      }
    });
    return;
  }
  if (kind == optimize::kPlanFormat) {
    static_cast<void>(optimize::plan_summary_in_process(path));  // already inside the probe
    return;
  }
  if (kind != engine::kResultsFormat && kind != engine::kComparisonFormat &&
      kind != sweep::kSweepFormat) {
    throw util::InputError({.file = path},
                           "not a Trek results file (run, compare, sweep, posterior or plan)");
  }
  if (kind == engine::kComparisonFormat || kind == sweep::kSweepFormat) {
    io::read_input(path, [&] {
      if (kind == engine::kComparisonFormat) engine::check_comparison_file(path, file.get());
      if (kind == sweep::kSweepFormat) sweep::check_sweep_file(path, file.get());
    });
    return;
  }
  // Already inside the probe: the layout check, not the readers (which would fork again).
  io::read_input(path, [&] { engine::check_results_format(path, file.get()); });
  engine::check_results_layout(path, file.get());
}

}  // namespace

void check_results_file(const std::string& path) {
  util::check_input_file(path);
  io::probe_input(path, [&] { check_in_process(path); });
}

bool inspect_collection(const std::string& path, const std::string& format) {
  check_results_file(path);
  const io::Handle file = io::open_file_read(path);
  return io::read_input(path, [&] { return inspect_file(path, file.get(), format); });
}

}  // namespace sim::cli

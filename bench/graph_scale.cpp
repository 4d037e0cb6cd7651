// Scale check: generate, write and load a large graph, and step the migration model on it,
// reporting wall time and peak memory.
// Usage: graph_scale generate SPEC OUT.h5 | graph_scale load FILE.h5 | graph_scale step FILE.h5 [W]
// `step` runs the Ghent stay-on-X scenario on the graph: W weekly steps (default 5) from the
// initial state, each timed, with oneTBB on every core (TREK_THREADS=N to limit it).
// Run each mode in its own process so that its peak resident memory is its own.

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

#include <tbb/global_control.h>

#include <cstdlib>
#include <memory>

#include "sim/engine/population.hpp"
#include "sim/graph/formats/graph_file.hpp"
#include "sim/graph/generators/generator.hpp"
#include "sim/model/model_context.hpp"
#include "sim/model/weekly_step.hpp"
#include "sim/scenario/read_scenario.hpp"

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double peak_resident_bytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) * 1024.0;
}

void report(const char* phase, const sim::graph::Graph& graph, double seconds) {
  const double peak = peak_resident_bytes();
  std::printf("%s: %u nodes, %lu arcs, %.2f s, peak memory %.2f GiB (%.1f bytes per arc)\n", phase,
              graph.node_count(), static_cast<unsigned long>(graph.arc_count()), seconds,
              peak / (1 << 30), peak / static_cast<double>(graph.arc_count()));
}

/// W weekly steps of the Ghent stay-on-X scenario on the graph in `file`.
int step(const std::string& file, std::uint32_t weeks) {
  std::unique_ptr<tbb::global_control> limit;
  if (const char* threads = std::getenv("TREK_THREADS")) {
    limit = std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism,
                                                  std::strtoul(threads, nullptr, 10));
  }
  auto start = std::chrono::steady_clock::now();
  const std::string absolute = std::filesystem::absolute(file).string();
  const sim::scenario::Scenario scenario = sim::scenario::read_scenario(
      TREK_SOURCE_DIR "/scenarios/ghent/stay_on_x.toml", {"population.graph=\"" + absolute + "\""});
  const sim::graph::Graph graph = sim::engine::load_population(scenario);
  report("load", graph, seconds_since(start));
  start = std::chrono::steady_clock::now();
  const sim::model::ModelContext context(scenario, graph, {scenario.seed, 0});
  sim::model::AgentState now, next;
  sim::model::initialise(context, now);
  next = now;
  report("initial state", graph, seconds_since(start));
  double total = 0.0;
  sim::model::WeekCounts counts = sim::model::count(context, now);
  for (std::uint32_t week = 0; week < weeks; ++week) {
    start = std::chrono::steady_clock::now();
    counts = sim::model::step(context, week, now, next, {}, &counts);
    std::swap(now, next);
    const double seconds = seconds_since(start);
    total += seconds;
    std::printf("week %u: %.3f s\n", week, seconds);
  }
  report("steps", graph, total / weeks);
  // The memory-bound limit beside it: the state copied once (a read and a write of every
  // per-agent array, as a step does at the least), the best of three.
  double best = 1e300;
  for (int copy = 0; copy < 3; ++copy) {
    start = std::chrono::steady_clock::now();
    next = now;
    best = std::min(best, seconds_since(start));
  }
  std::printf("streaming pass (the state copied): %.3f s\n", best);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "generate" && argc == 4) {
    auto start = std::chrono::steady_clock::now();
    const auto graph =
        sim::graph::generators::generate(sim::graph::generators::parse_generator_spec(argv[2]));
    report("generate", graph, seconds_since(start));
    start = std::chrono::steady_clock::now();
    sim::graph::formats::write_graph_file(graph, argv[3], "graph_scale");
    std::printf("write: %.2f s, %.2f GiB on disk\n", seconds_since(start),
                static_cast<double>(std::filesystem::file_size(argv[3])) / (1 << 30));
    return 0;
  }
  if (mode == "load" && argc == 3) {
    const auto start = std::chrono::steady_clock::now();
    const auto graph = sim::graph::formats::read_graph_file(argv[2]);
    const double seconds = seconds_since(start);
    report("load", graph, seconds);
    std::printf("load rate: %.0f MiB/s of file\n",
                static_cast<double>(std::filesystem::file_size(argv[2])) / (1 << 20) / seconds);
    return 0;
  }
  if (mode == "step" && (argc == 3 || argc == 4)) {
    return step(argv[2], argc == 4 ? static_cast<std::uint32_t>(std::stoul(argv[3])) : 5U);
  }
  std::fprintf(stderr,
               "usage: graph_scale generate SPEC OUT.h5 | graph_scale load FILE.h5 | "
               "graph_scale step FILE.h5 [WEEKS]\n");
  return 2;
}

// Scale check: generate, write and load a large graph, reporting wall time and peak memory.
// Usage: graph_scale generate SPEC OUT.h5   |   graph_scale load FILE.h5
// Run each mode in its own process so that its peak resident memory is its own.

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

#include "sim/graph/formats/graph_file.hpp"
#include "sim/graph/generators/generator.hpp"

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
  std::fprintf(stderr, "usage: graph_scale generate SPEC OUT.h5 | graph_scale load FILE.h5\n");
  return 2;
}

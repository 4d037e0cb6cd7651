// Google Benchmark kernels of the graph layer: CSR build, generators, HDF5 load, statistics.
// Run: build/release/bench/graph_bench --benchmark_min_time=1

#include <benchmark/benchmark.h>

#include <filesystem>

#include "sim/graph/build.hpp"
#include "sim/graph/formats/graph_file.hpp"
#include "sim/graph/generators/er.hpp"
#include "sim/graph/generators/follower.hpp"
#include "sim/graph/stats/graph_stats.hpp"
#include "sim/rng/distributions.hpp"
#include "sim/rng/philox.hpp"

namespace {

using namespace sim::graph;

std::vector<Arc> random_arcs(NodeId n, std::size_t count) {
  sim::rng::RandomStream draws({1, 0}, {.stream = sim::rng::Stream::kGraphArcs});
  std::vector<Arc> arcs(count);
  for (auto& arc : arcs) {
    arc = {static_cast<NodeId>(sim::rng::below(draws, n)),
           static_cast<NodeId>(sim::rng::below(draws, n))};
  }
  return arcs;
}

void BM_BuildGraph(benchmark::State& state) {
  const auto n = static_cast<NodeId>(state.range(0));
  const auto arcs = random_arcs(n, std::size_t{n} * 10);
  for (auto _ : state)
    benchmark::DoNotOptimize(build_graph(n, arcs));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(arcs.size()));
}
BENCHMARK(BM_BuildGraph)->Arg(62000)->Arg(1000000)->Unit(benchmark::kMillisecond);

void BM_GenerateEr(benchmark::State& state) {
  const auto n = static_cast<NodeId>(state.range(0));
  ArcIndex arcs = 0;
  for (auto _ : state)
    arcs = generators::generate_er({.nodes = n, .mean_degree = 10}).arc_count();
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(arcs));
}
BENCHMARK(BM_GenerateEr)->Arg(62000)->Arg(1000000)->Unit(benchmark::kMillisecond);

void BM_GenerateFollower(benchmark::State& state) {
  const auto n = static_cast<NodeId>(state.range(0));
  ArcIndex arcs = 0;
  for (auto _ : state)
    arcs = generators::generate_follower({.nodes = n}).arc_count();
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(arcs));
}
BENCHMARK(BM_GenerateFollower)->Arg(62000)->Arg(1000000)->Unit(benchmark::kMillisecond);

void BM_LoadGraphFile(benchmark::State& state) {
  const auto n = static_cast<NodeId>(state.range(0));
  const std::string path = (std::filesystem::temp_directory_path() / "trek-bench-load.h5").string();
  const Graph graph = generators::generate_er({.nodes = n, .mean_degree = 20});
  formats::write_graph_file(graph, path, "bench");
  const auto bytes = static_cast<std::int64_t>(std::filesystem::file_size(path));
  for (auto _ : state)
    benchmark::DoNotOptimize(formats::read_graph_file(path));
  state.SetBytesProcessed(state.iterations() * bytes);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(graph.arc_count()));
  std::filesystem::remove(path);
}
BENCHMARK(BM_LoadGraphFile)->Arg(1000000)->Unit(benchmark::kMillisecond);

void BM_GraphStats(benchmark::State& state) {
  const Graph graph = generators::generate_follower({.nodes = static_cast<NodeId>(state.range(0))});
  for (auto _ : state)
    benchmark::DoNotOptimize(stats::compute_stats(graph));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(graph.arc_count()));
}
BENCHMARK(BM_GraphStats)->Arg(62000)->Unit(benchmark::kMillisecond);

}  // namespace

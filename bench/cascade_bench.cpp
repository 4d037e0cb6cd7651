// Google Benchmark kernels of the cascade layer: independent cascades (one at a time, and 64 on a
// shared live-arc graph), seed fractions, the threshold model, the real bofa_careers graph, and a
// plain streaming pass over the same CSR arrays (the memory-bound limit).
// Run: build/release/bench/cascade_bench --benchmark_min_time=2
// TREK_THREADS=N limits oneTBB to N threads (default: all cores).
// Counters: cascades/s and arcs/s (out-arcs of reached nodes, whose fate a cascade decides).

#include <benchmark/benchmark.h>

#include <tbb/global_control.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <numeric>

#include "sim/cascade/study.hpp"
#include "sim/graph/formats/load.hpp"
#include "sim/graph/generators/er.hpp"
#include "sim/rng/distributions.hpp"
#include "sim/rng/philox.hpp"

namespace {

using namespace sim;

const graph::Graph& er_graph() {
  static const graph::Graph graph = graph::generators::generate_er(
      {.nodes = 62000, .mean_degree = 10.0, .directed = false, .seed = 1});
  return graph;
}

const graph::Graph* bofa_graph() {
  static const auto loaded = []() -> std::optional<graph::formats::LoadedGraph> {
    const std::filesystem::path path(
        TREK_SHARED_DIR "/data/twitter_follower_egonets_anwar2021/bofa_careers.edges.gz");
    if (!std::filesystem::exists(path)) return std::nullopt;
    return graph::formats::load_graph(path.string());
  }();
  return loaded ? &loaded->graph : nullptr;
}

void report(benchmark::State& state, const cascade::CascadeSamples& samples) {
  const double arcs = static_cast<double>(
      std::accumulate(samples.arcs_decided.begin(), samples.arcs_decided.end(), std::uint64_t{0}));
  const auto cascades = static_cast<double>(samples.reached.size());
  const auto iterations = static_cast<double>(state.iterations());
  state.counters["cascades/s"] =
      benchmark::Counter(cascades * iterations, benchmark::Counter::kIsRate);
  state.counters["arcs/s"] = benchmark::Counter(arcs * iterations, benchmark::Counter::kIsRate);
  state.counters["mean_size"] =
      std::accumulate(samples.reached.begin(), samples.reached.end(), 0.0) / cascades;
}

std::unique_ptr<tbb::global_control> thread_limit() {
  const char* threads = std::getenv("TREK_THREADS");
  if (threads == nullptr) return nullptr;
  return std::make_unique<tbb::global_control>(
      tbb::global_control::max_allowed_parallelism,
      static_cast<std::size_t>(std::strtoul(threads, nullptr, 10)));
}

void run(benchmark::State& state, const graph::Graph& graph, cascade::CascadeStudy study) {
  const auto limit = thread_limit();
  cascade::CascadeSamples samples;
  std::uint64_t round = 0;
  for (auto _ : state) {
    study.run = {1, round++};
    samples = cascade::run_study(graph, study);
    benchmark::DoNotOptimize(samples.reached.data());
  }
  report(state, samples);
}

// Kernel modes: 0 independent cascades, 1 shared live-arc graphs (64 per graph) with rounds,
// 2 shared without rounds (sizes from the components of each live graph).
cascade::CascadeStudy ic_study(double p, std::int64_t mode, const std::string& seeds) {
  cascade::CascadeStudy study;
  study.transmission = cascade::Transmission::uniform(p);
  study.seeds = cascade::parse_seed_rule(seeds);
  study.samples = 1024;
  study.cascades_per_live_graph = mode == 0 ? 1 : 64;
  study.count_rounds = mode != 2;
  return study;
}

void BM_IcOneSeed(benchmark::State& state) {
  run(state, er_graph(),
      ic_study(static_cast<double>(state.range(0)) / 1000.0, state.range(1), "random:1"));
}
BENCHMARK(BM_IcOneSeed)
    ->ArgNames({"p_permille", "mode"})
    ->ArgsProduct({{150, 50}, {0, 1, 2}})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void BM_IcSeedFraction(benchmark::State& state) {
  run(state, er_graph(),
      ic_study(static_cast<double>(state.range(0)) / 1000.0, state.range(1), "fraction:0.01"));
}
BENCHMARK(BM_IcSeedFraction)
    ->ArgNames({"p_permille", "mode"})
    ->ArgsProduct({{150, 50}, {0, 1, 2}})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void BM_Threshold(benchmark::State& state) {
  cascade::CascadeStudy study;
  study.model = cascade::CascadeStudy::Model::kThreshold;
  study.threshold.mean = 0.18;
  study.seeds = cascade::parse_seed_rule("random:1");
  study.samples = 1024;
  const graph::Graph graph = graph::generators::generate_er(
      {.nodes = 62000, .mean_degree = 4.0, .directed = false, .seed = 1});
  run(state, graph, study);
}
BENCHMARK(BM_Threshold)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_IcBofaCareers(benchmark::State& state) {
  const graph::Graph* graph = bofa_graph();
  if (graph == nullptr) {
    state.SkipWithError("../shared/data is absent");
    return;
  }
  run(state, *graph, ic_study(0.1, state.range(0), "random:1"));
}
BENCHMARK(BM_IcBofaCareers)
    ->ArgName("mode")
    ->DenseRange(0, 2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// What one reached row of a cascade costs at least: its keyed Philox block (address of a node in
// a cascade, as the kernel draws it) and a `log` for a geometric skip.
void BM_PhiloxBlock(benchmark::State& state) {
  const rng::RunKey key{1, 0};
  std::uint64_t node = 0, sum = 0;
  for (auto _ : state) {
    const cascade::CascadeKey cascade{key, 0, node / 62000};
    sum += rng::philox_block(key, cascade.at(rng::Stream::kCascadeLive, node % 62000), 0).v[0];
    ++node;
  }
  benchmark::DoNotOptimize(sum);
}
BENCHMARK(BM_PhiloxBlock);

void BM_Log(benchmark::State& state) {
  std::uint64_t bits = 0x9E3779B97F4A7C15ULL;
  double sum = 0.0;
  for (auto _ : state) {
    sum += std::log(rng::to_unit_open(bits));
    bits += 0x9E3779B97F4A7C15ULL;
  }
  benchmark::DoNotOptimize(sum);
}
BENCHMARK(BM_Log);

// The memory-bound limit: read every offset and target once, as a cascade that reaches every node
// must at least do.
void BM_StreamCsr(benchmark::State& state) {
  const graph::Graph& graph = er_graph();
  const auto offsets = graph.out_offsets();
  const auto targets = graph.out_targets();
  for (auto _ : state) {
    std::uint64_t sum = 0;
    for (graph::NodeId node = 0; node < graph.node_count(); ++node) {
      for (graph::ArcIndex a = offsets[node]; a < offsets[node + 1]; ++a)
        sum += targets[a];
    }
    benchmark::DoNotOptimize(sum);
  }
  state.counters["arcs/s"] = benchmark::Counter(
      static_cast<double>(graph.arc_count()) * static_cast<double>(state.iterations()),
      benchmark::Counter::kIsRate);
}
BENCHMARK(BM_StreamCsr)->Unit(benchmark::kMicrosecond);

}  // namespace

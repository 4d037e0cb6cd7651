// Google Benchmark of the plan search's own work, apart from the simulations: proposing a round's
// candidates (fitting a Gaussian process to the history and maximising the expected improvement
// over the pool) for histories of 10, 40 and 160 candidates over four free decisions.
// Run: build/release/bench/optimize_bench

#include <benchmark/benchmark.h>

#include <cmath>

#include "sim/optimize/search.hpp"

namespace {

using namespace sim::optimize;

/// Four free decisions: posts on four platforms within a budget.
Plan plan() {
  Plan p;
  p.file = "bench.toml";
  p.weeks = 10;
  p.platforms = {"a", "b", "c", "d"};
  p.present = {true, true, true, true};
  p.base_posts = {1.0, 1.0, 1.0, 1.0};
  p.posting_budget = 20.0;
  for (const char* name : {"posts.a", "posts.b", "posts.c", "posts.d"})
    p.variables.push_back({name, VariableKind::kPosts, 0.0, 10.0, 0});
  p.search.initial = 8;
  return p;
}

/// A smooth objective of diminishing returns, for a realistic history.
std::vector<Evaluation> history(const Plan& p, std::size_t count) {
  std::vector<Evaluation> out;
  for (std::uint32_t round = 0; out.size() < count; ++round) {
    const auto candidates = round == 0 ? initial_candidates(p) : next_candidates(p, out, round, 4);
    for (const auto& values : candidates) {
      Evaluation e;
      e.values = values;
      for (std::size_t k = 0; k < 4; ++k)
        e.objective += (10.0 + 5.0 * static_cast<double>(k)) * (1.0 - std::pow(0.8, values[k]));
      e.metrics.assign(history_metrics().size(), 0.0);
      out.push_back(e);
    }
  }
  out.resize(count);
  return out;
}

void BM_ProposeRound(benchmark::State& state) {
  const Plan p = plan();
  const std::vector<Evaluation> done = history(p, static_cast<std::size_t>(state.range(0)));
  for (auto _ : state)
    benchmark::DoNotOptimize(next_candidates(p, done, 99, 2));
}
BENCHMARK(BM_ProposeRound)->Arg(10)->Arg(40)->Arg(160)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

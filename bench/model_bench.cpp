// Google Benchmark of the migration model's weekly step: the Ghent base scenario on its
// 62,000-agent follower graph, and the same scenario on a 1,000,000-agent follower graph.
// Run: build/release/bench/model_bench --benchmark_min_time=2
// TREK_THREADS=N limits oneTBB to N threads (default: all cores).
// Counters: agent-weeks/s. The state is stepped forward week after week and starts again from
// week 0 at the scenario's horizon, so the benchmark averages over the weeks of a real run.

#include <benchmark/benchmark.h>

#include <tbb/global_control.h>
#include <tbb/parallel_for.h>

#include <cstdlib>
#include <map>
#include <memory>

#include "sim/engine/population.hpp"
#include "sim/model/model_context.hpp"
#include "sim/model/weekly_step.hpp"
#include "sim/reach/message_reach.hpp"
#include "sim/scenario/read_scenario.hpp"

namespace {

using namespace sim;

const char* const kScenario = TREK_SOURCE_DIR "/scenarios/ghent/stay_on_x.toml";

struct Fixture {
  scenario::Scenario scenario;
  graph::Graph graph;
};

const Fixture& fixture(std::uint64_t agents) {
  static std::map<std::uint64_t, std::unique_ptr<Fixture>> cache;
  auto& entry = cache[agents];
  if (!entry) {
    const std::string graph =
        "population.graph=\"follower:n=" + std::to_string(agents) + ",seed=1\"";
    entry = std::make_unique<Fixture>();
    entry->scenario = scenario::read_scenario(kScenario, {graph});
    entry->graph = engine::load_population(entry->scenario);
  }
  return *entry;
}

/// The initial state of a replicate.
model::AgentState initial_state(const model::ModelContext& context) {
  model::AgentState state;
  model::initialise(context, state);
  return state;
}

void BM_WeeklyStep(benchmark::State& state) {
  const Fixture& f = fixture(static_cast<std::uint64_t>(state.range(0)));
  const model::ModelContext context(f.scenario, f.graph, {f.scenario.seed, 0});
  const model::AgentState initial = initial_state(context);
  model::AgentState now = initial, next = initial;
  // As a run steps: the counts of week t given, so that only the agents that change are counted.
  const model::WeekCounts initial_counts = model::count(context, initial);
  model::WeekCounts counts = initial_counts;
  std::uint32_t week = 0;
  for (auto _ : state) {
    counts = model::step(context, week, now, next, {}, &counts);
    benchmark::DoNotOptimize(counts);
    std::swap(now, next);
    if (++week == f.scenario.weeks) {
      state.PauseTiming();
      week = 0;
      now = initial;
      counts = initial_counts;
      state.ResumeTiming();
    }
  }
  state.counters["agent_weeks/s"] = benchmark::Counter(
      static_cast<double>(state.iterations()) * f.graph.node_count(), benchmark::Counter::kIsRate);
  state.counters["arcs"] = static_cast<double>(f.graph.arc_count());
}
BENCHMARK(BM_WeeklyStep)->Arg(62000)->Arg(1000000)->Unit(benchmark::kMillisecond)->UseRealTime();

/// The memory-bound limit beside it: one parallel streaming pass that reads every per-agent
/// array of week t (18 bytes per agent, 26 with more than eight platforms) and writes week t + 1,
/// the least any weekly step must move, without random numbers, followees or decisions.
void BM_StreamingPass(benchmark::State& state) {
  const Fixture& f = fixture(static_cast<std::uint64_t>(state.range(0)));
  const model::ModelContext context(f.scenario, f.graph, {f.scenario.seed, 0});
  model::AgentState now = initial_state(context), next = now;
  for (auto _ : state) {
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, now.agents(), 1024),
                      [&](const tbb::blocked_range<std::size_t>& range) {
                        for (std::size_t a = range.begin(); a != range.end(); ++a) {
                          next.account[a] = now.account[a];
                          next.active[a] = now.active[a];
                          next.follows[a] = now.follows[a];
                          next.ages[a] = model::older_ages(now.ages[a]);
                          if (now.wide()) next.upper_ages[a] = model::older_ages(now.upper_ages[a]);
                          next.seen[a] = now.seen[a];
                        }
                      });
    benchmark::DoNotOptimize(next.ages.data());
    std::swap(now, next);
  }
  state.counters["agent_weeks/s"] = benchmark::Counter(
      static_cast<double>(state.iterations()) * f.graph.node_count(), benchmark::Counter::kIsRate);
}
/// One message's reach (views, check-in waits, reshare cascades on every posting platform) on
/// the Ghent stay-on-X state of week 52, a new post each iteration.
void BM_MessageReach(benchmark::State& state) {
  const Fixture& f = fixture(static_cast<std::uint64_t>(state.range(0)));
  const model::ModelContext context(f.scenario, f.graph, {f.scenario.seed, 0});
  model::AgentState now = initial_state(context), next = now;
  const std::uint32_t week = 52;
  for (std::uint32_t w = 0; w < week; ++w) {
    model::step(context, w, now, next);
    std::swap(now, next);
  }
  reach::MessageSimulator simulator(context);
  std::uint32_t post = 0;
  double viewers = 0.0;
  for (auto _ : state) {
    const reach::MessageReach message = simulator.simulate(now, week, post++);
    viewers += message.unique;
  }
  state.counters["unique_viewers"] = viewers / static_cast<double>(state.iterations());
}
BENCHMARK(BM_MessageReach)->Arg(62000)->Unit(benchmark::kMillisecond)->UseRealTime();

BENCHMARK(BM_StreamingPass)->Arg(62000)->Arg(1000000)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

int main(int argc, char** argv) {
  std::unique_ptr<tbb::global_control> limit;
  if (const char* threads = std::getenv("TREK_THREADS")) {
    limit = std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism,
                                                  std::strtoul(threads, nullptr, 10));
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

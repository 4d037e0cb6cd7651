// Dispatches a study to the right kernel (one cascade at a time, 64 per live graph, or the
// threshold model), with one scratch object per thread and each cascade's result written to its
// own slot, so the samples come out in cascade order whatever the scheduling.

#include "sim/cascade/study.hpp"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <optional>

#include "sim/cascade/shared_live_cascades.hpp"
#include "sim/util/error.hpp"

namespace sim::cascade {
namespace {

using graph::NodeId;

CascadeKey key_of(const CascadeStudy& study, std::uint64_t cascade) {
  return CascadeKey{study.run, study.week, cascade};
}

void record(CascadeSamples& out, std::uint64_t cascade, const CascadeOutcome& outcome,
            std::size_t seeds) {
  out.reached[cascade] = outcome.reached;
  out.rounds[cascade] = outcome.rounds;
  out.arcs_decided[cascade] = outcome.arcs_decided;
  out.seeds[cascade] = static_cast<std::uint32_t>(seeds);
}

/// Nodes reached by each time, from arrival times in order of arrival.
void record_times(CascadeSamples& out, std::uint64_t cascade, std::span<const double> arrival,
                  const std::vector<double>& times) {
  for (std::size_t t = 0; t < times.size(); ++t) {
    const auto by_then = std::upper_bound(arrival.begin(), arrival.end(), times[t]);
    out.reached_by_time[cascade * times.size() + t] =
        static_cast<std::uint32_t>(by_then - arrival.begin());
  }
}

struct Scratch {
  std::vector<NodeId> seeds;
  std::optional<IndependentCascade> independent;
  std::optional<ThresholdCascade> threshold;
};

void run_one_by_one(const graph::Graph& graph, const CascadeStudy& study,
                    const SeedSampler& sampler, CascadeSamples& out) {
  tbb::enumerable_thread_specific<Scratch> scratch;
  tbb::parallel_for(
      tbb::blocked_range<std::uint64_t>(0, study.samples, 16),
      [&](const tbb::blocked_range<std::uint64_t>& range) {
        Scratch& local = scratch.local();
        for (std::uint64_t cascade = range.begin(); cascade != range.end(); ++cascade) {
          const CascadeKey key = key_of(study, cascade);
          sampler.draw(key, local.seeds);
          if (study.model == CascadeStudy::Model::kThreshold) {
            if (!local.threshold) local.threshold.emplace(graph, study.threshold, study.active);
            record(out, cascade, local.threshold->run(key, local.seeds), local.seeds.size());
            continue;
          }
          if (!local.independent) {
            local.independent.emplace(graph, study.transmission, study.active);
          }
          IndependentCascade& kernel = *local.independent;
          if (study.delay.enabled()) {
            record(out, cascade, kernel.run_timed(key, local.seeds, study.delay),
                   local.seeds.size());
            record_times(out, cascade, kernel.arrival_hours(), study.times_hours);
          } else {
            record(out, cascade, kernel.run(key, local.seeds), local.seeds.size());
          }
        }
      });
}

void run_shared(const graph::Graph& graph, const CascadeStudy& study, const SeedSampler& sampler,
                CascadeSamples& out) {
  const std::uint64_t lanes = study.cascades_per_live_graph;
  const std::uint64_t live_graphs = (study.samples + lanes - 1) / lanes;
  tbb::enumerable_thread_specific<std::optional<SharedLiveCascades>> kernels;
  tbb::parallel_for(tbb::blocked_range<std::uint64_t>(0, live_graphs, 1),
                    [&](const tbb::blocked_range<std::uint64_t>& range) {
                      auto& kernel = kernels.local();
                      if (!kernel) kernel.emplace(graph, study.transmission, study.active);
                      std::vector<std::vector<NodeId>> seeds(lanes);
                      std::vector<CascadeOutcome> outcomes(lanes);
                      for (std::uint64_t g = range.begin(); g != range.end(); ++g) {
                        const std::uint64_t first = g * lanes;
                        const std::uint64_t count = std::min(lanes, study.samples - first);
                        for (std::uint64_t lane = 0; lane < count; ++lane) {
                          sampler.draw(key_of(study, first + lane), seeds[lane]);
                        }
                        kernel->sample(key_of(study, g));
                        if (study.count_rounds) {
                          kernel->run({seeds.data(), count}, {outcomes.data(), count});
                        } else {
                          kernel->run_sizes({seeds.data(), count}, {outcomes.data(), count});
                        }
                        for (std::uint64_t lane = 0; lane < count; ++lane) {
                          record(out, first + lane, outcomes[lane], seeds[lane].size());
                        }
                      }
                    });
}

}  // namespace

void CascadeStudy::validate_for(const graph::Graph& graph) const {
  if (graph.node_count() == 0) throw util::InputError({"", 0, "graph"}, "the graph has no nodes");
  if (samples == 0) throw util::InputError({"", 0, "samples"}, "samples must be at least 1");
  if (model == Model::kIndependent) {
    transmission.validate_for(graph);
  } else {
    threshold.validate_for(graph);
  }
  delay.validate();
  if (!times_hours.empty() && !delay.enabled()) {
    throw util::InputError({"", 0, "times"}, "reach over time needs a per-hop delay (--delay)");
  }
  for (const double t : times_hours) {
    if (!(t >= 0.0 && std::isfinite(t))) {
      throw util::InputError({"", 0, "times"}, "times must be >= 0 and finite (hours)");
    }
  }
  if (cascades_per_live_graph < 1 || cascades_per_live_graph > SharedLiveCascades::kLanes) {
    throw util::InputError({"", 0, "share"}, "cascades per live-arc graph must be 1 to 64");
  }
  if (cascades_per_live_graph > 1 && (model != Model::kIndependent || delay.enabled())) {
    throw util::InputError(
        {"", 0, "share"}, "shared live-arc graphs apply to the independent cascade without delays");
  }
  if (active != nullptr && active->size() != graph.node_count()) {
    throw util::InputError({"", 0, "active"}, "active set does not match the graph's node count");
  }
}

CascadeSamples run_study(const graph::Graph& graph, const CascadeStudy& study) {
  study.validate_for(graph);
  const SeedSampler sampler(graph, study.seeds, study.active, study.audience);
  CascadeSamples out;
  out.reached.resize(study.samples);
  out.seeds.resize(study.samples);
  out.rounds.resize(study.samples);
  out.arcs_decided.resize(study.samples);
  out.time_count = study.times_hours.size();
  out.reached_by_time.resize(study.samples * out.time_count);
  out.eligible_nodes = study.active == nullptr ? graph.node_count() : study.active->count();
  if (study.cascades_per_live_graph > 1) {
    out.rounds_counted = study.count_rounds;
    run_shared(graph, study, sampler, out);
  } else {
    run_one_by_one(graph, study, sampler, out);
  }
  return out;
}

}  // namespace sim::cascade

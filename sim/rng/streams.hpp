#pragma once
/// The registry of random streams. Every random draw in Trek names the stream it belongs to, so two
/// purposes never share draws. APPEND ONLY: a value, once released, keeps its meaning forever
/// (changing one would silently change every published result that used it).

#include <array>
#include <cstdint>
#include <string_view>

namespace sim::rng {

enum class Stream : std::uint32_t {
  kGraphSegment = 1,       ///< segment of each node in generated graphs (entity: node)
  kGraphPopularity = 2,    ///< popularity (attractiveness as a followed account) (entity: node)
  kGraphActivity = 3,      ///< number of accounts a node follows (entity: node)
  kGraphArcs = 4,          ///< arc draws of random-graph generators (entity: source node)
  kGraphClosure = 5,       ///< triadic-closure follows in the follower model (entity: node)
  kGraphReciprocity = 6,   ///< follow-backs in the follower model (entity: arc index)
  kGraphRewire = 7,        ///< small-world rewiring (entity: node, sub: ring offset)
  kGraphStubs = 8,         ///< stub matching of the configuration model (entity: stub)
  kGraphAttachment = 9,    ///< preferential attachment (entity: new node)
  kGraphDegree = 10,       ///< degree sequences drawn from a distribution (entity: node)
  kCascadeLive = 11,       ///< live arcs of a node's follower row in a cascade (entity: node)
  kCascadeSeeds = 12,      ///< seed choice of a cascade (entity: 0 or node)
  kCascadeDelay = 13,      ///< per-hop delay of a live arc (entity: arc index)
  kCascadeThreshold = 14,  ///< adoption threshold of a node in a cascade (entity: node)
  kCascadeLiveGraph = 15,  ///< live arcs of a live-arc graph shared by cascades (entity: node)
  kModelInitial = 16,      ///< initial platform state of an agent (entity: agent)
  kModelTolerance = 17,    ///< toxicity tolerance of an agent (entity: agent)
  kModelWeek = 18,         ///< coarse weekly uniforms of four agents (entity: agent / 4, week; word
                           ///< agent % 4, byte k: platform k)
  kModelEvent = 19,        ///< an agent's response to an event (entity: agent, week, sub: event)
  kModelTie = 20,          ///< whether a tie is rebuilt (entity: arc; 32-bit half k: platform k)
  kReachView = 21,    ///< coarse feed-view uniforms of four agents (entity: agent / 4, week, sub:
                      ///< post; word agent % 4, byte k: platform k)
  kReachTime = 22,    ///< unused since results format 4 (was: when a viewer looks; the wait now
                      ///< comes from the rescaled feed-view uniform)
  kReachShare = 23,   ///< coarse reshare coins of four agents (entity: agent / 4, week, sub: post;
                      ///< word agent % 4, byte k: platform k)
  kReachArc = 24,     ///< a reshare seen over an arc, and its delay (entity: arc, week, sub: post)
  kReachLink = 25,    ///< whether a post carries a link (entity: platform, week, sub: post)
  kSweepDesign = 26,  ///< design draws (entity: parameter, sub: sample or trajectory)
  kSweepBootstrap = 27,       ///< bootstrap resamples of sensitivity indices (entity: resample)
  kWorldParameter = 28,       ///< an uncertain parameter's value in a world (entity, sub: hashes of
                              ///< its full name; run key {seed, world})
  kCompareBootstrap = 29,     ///< bootstrap resamples of a comparison's attribution (entity: hash
                              ///< of the quantity, sub: resample; run key {seed, 0})
  kModelWeekFine = 30,        ///< the fine part of an agent's weekly uniforms (entity: agent, week;
                              ///< half k: platform k)
  kReachViewFine = 31,        ///< the fine part of an agent's feed-view uniforms (entity: agent,
                              ///< week, sub: post; half k: platform k)
  kReachShareFine = 32,       ///< the fine part of an agent's reshare coins (entity: agent, week,
                              ///< sub: post; half k: platform k)
  kReachPlan = 33,            ///< the extra post of a fractional posts_per_week (entity: platform,
                              ///< week)
  kCalibrationProposal = 34,  ///< a calibration proposal: ancestor and perturbation (entity:
                              ///< particle, week: generation, sub: attempt)
  kCalibrationNoise = 35,     ///< the observation error added to a calibration simulation's
                              ///< value of a target row (entity: row, sub: simulation)
  kReachNotification = 36,    ///< whether an agent gets the organisation's notifications on a
                              ///< platform (entity: agent; half k: platform k, a second block at
                              ///< sub kUpperPlatforms for platforms 8-15)
  kCrisisRelay = 37,          ///< a crisis relayer's delay (entity: agent, week, sub: message and
                              ///< platform)
  kCrisisChannel = 38,        ///< an agent and an alert channel (entity: agent, sub: hash of the
                              ///< channel's name): block 0 of week 0, whether it is registered;
                              ///< block 1 + message of week t, its wait to read that message
  kCrisisDispatch = 39,       ///< whether an alert channel is used for a crisis message, and its
                              ///< dispatch delay (entity: channel hash, week, sub: message)
  kOptimizeCandidate = 40,    ///< a plan search's candidates (entity: pool slot, week: round,
                              ///< sub: attempt), run key {plan seed, 0}
  kModelStayer = 41,          ///< whether an agent is a stayer on a platform (entity: agent; half
                              ///< k: platform k, a second block at sub kUpperPlatforms for
                              ///< platforms 8-15)
};

/// Name and value of every registered stream, for documentation and the registry test.
struct StreamEntry {
  Stream stream;
  std::string_view name;
};

inline constexpr std::array kStreamRegistry{
    StreamEntry{Stream::kGraphSegment, "graph_segment"},
    StreamEntry{Stream::kGraphPopularity, "graph_popularity"},
    StreamEntry{Stream::kGraphActivity, "graph_activity"},
    StreamEntry{Stream::kGraphArcs, "graph_arcs"},
    StreamEntry{Stream::kGraphClosure, "graph_closure"},
    StreamEntry{Stream::kGraphReciprocity, "graph_reciprocity"},
    StreamEntry{Stream::kGraphRewire, "graph_rewire"},
    StreamEntry{Stream::kGraphStubs, "graph_stubs"},
    StreamEntry{Stream::kGraphAttachment, "graph_attachment"},
    StreamEntry{Stream::kGraphDegree, "graph_degree"},
    StreamEntry{Stream::kCascadeLive, "cascade_live"},
    StreamEntry{Stream::kCascadeSeeds, "cascade_seeds"},
    StreamEntry{Stream::kCascadeDelay, "cascade_delay"},
    StreamEntry{Stream::kCascadeThreshold, "cascade_threshold"},
    StreamEntry{Stream::kCascadeLiveGraph, "cascade_live_graph"},
    StreamEntry{Stream::kModelInitial, "model_initial"},
    StreamEntry{Stream::kModelTolerance, "model_tolerance"},
    StreamEntry{Stream::kModelWeek, "model_week"},
    StreamEntry{Stream::kModelEvent, "model_event"},
    StreamEntry{Stream::kModelTie, "model_tie"},
    StreamEntry{Stream::kReachView, "reach_view"},
    StreamEntry{Stream::kReachTime, "reach_time"},
    StreamEntry{Stream::kReachShare, "reach_share"},
    StreamEntry{Stream::kReachArc, "reach_arc"},
    StreamEntry{Stream::kReachLink, "reach_link"},
    StreamEntry{Stream::kSweepDesign, "sweep_design"},
    StreamEntry{Stream::kSweepBootstrap, "sweep_bootstrap"},
    StreamEntry{Stream::kWorldParameter, "world_parameter"},
    StreamEntry{Stream::kCompareBootstrap, "compare_bootstrap"},
    StreamEntry{Stream::kModelWeekFine, "model_week_fine"},
    StreamEntry{Stream::kReachViewFine, "reach_view_fine"},
    StreamEntry{Stream::kReachShareFine, "reach_share_fine"},
    StreamEntry{Stream::kReachPlan, "reach_plan"},
    StreamEntry{Stream::kCalibrationProposal, "calibration_proposal"},
    StreamEntry{Stream::kCalibrationNoise, "calibration_noise"},
    StreamEntry{Stream::kReachNotification, "reach_notification"},
    StreamEntry{Stream::kCrisisRelay, "crisis_relay"},
    StreamEntry{Stream::kCrisisChannel, "crisis_channel"},
    StreamEntry{Stream::kCrisisDispatch, "crisis_dispatch"},
    StreamEntry{Stream::kOptimizeCandidate, "optimize_candidate"},
    StreamEntry{Stream::kModelStayer, "model_stayer"},
};

}  // namespace sim::rng

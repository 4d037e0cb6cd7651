#pragma once
/// A scenario, resolved and validated: everything a run needs, in model units. Rates are weekly
/// probabilities (1/week), times are weeks from the start, shares are in [0, 1].
/// docs/model.md gives the meaning of every parameter; docs/calibration.md its source.

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/graph/attributes.hpp"
#include "sim/scenario/distribution.hpp"
#include "sim/scenario/posterior_source.hpp"

namespace sim::scenario {

/// Per-agent platform state is kept in 16-bit words, one bit per platform (model/agent_state.hpp).
inline constexpr std::size_t kMaxPlatforms = 16;

/// Weeks a scenario may simulate (a century), and the latest week an event may name.
inline constexpr std::uint64_t kMaxWeeks = 5200;

struct PlatformParams {
  std::string name;
  // Initial state among the organisation's audience.
  double initial_account = 0.0;  ///< share of agents with an account
  double initial_active = 0.0;   ///< share active, among those with an account
  double initial_follows = 0.0;  ///< share following the organisation, among those with an account
  // Adoption (no account, or a dormant one, to active).
  double pull = 0.0;       ///< external hazard (1/week)
  double imitation = 0.0;  ///< q: hazard per unit of peer signal (1/week)
  double hype = 0.0;       ///< extra external hazard at launch (1/week), halving every half-life
  double hype_half_life = 1.0;  ///< weeks
  /// Weeks over which the hype rises linearly to its peak before it starts halving (0: it
  /// starts at its peak in the launch week).
  double hype_rise_weeks = 0.0;
  double reactivation = 1.0;  ///< multiplier of the adoption hazard for dormant accounts
  /// Share of new sign-ups (adopters without an account) who become active; the others keep a
  /// dormant account from the start. 1: every sign-up is active (the model before this option).
  double activation = 1.0;
  // Abandonment (active to inactive).
  double churn = 0.0;                 ///< base hazard (1/week)
  double toxicity = 0.0;              ///< toxicity level in [0, 1] at week 0
  double toxicity_sensitivity = 0.0;  ///< hazard per unit of toxicity above tolerance (1/week)
  double novelty_churn = 0.0;         ///< extra hazard of a new adopter (1/week), decaying
  double novelty_weeks = 2.0;         ///< time constant of the novelty hazard (weeks)
  /// Share of agents who are stayers on the platform: the novelty churn never applies to them
  /// (drawn once per agent and run). 0: every new adopter feels it (the model before this option).
  double stay_share = 0.0;
  double switching_cost = 0.0;  ///< share by which all abandonment is reduced
  double lock_in = 0.0;         ///< abandonment x (1 - lock_in x share of followees active there)
  double delete_share = 0.0;    ///< share of leavers who delete their account (else dormant)
  /// Leaving as a contagion: hazard of leaving per unit share of followees who have left the
  /// platform during the run (1/week); 0 switches it off.
  double leave_imitation = 0.0;
  // Following the organisation.
  double discovery = 0.0;  ///< hazard that an active non-follower starts following (1/week)
  double rebuild = 1.0;    ///< share of follower ties rebuilt on the platform
  // The organisation's strategy.
  bool organisation_present = false;  ///< present at week 0
  double posts_per_week = 0.0;
  // Reach of the organisation's posts (docs/model.md, section Reach).
  double feed_reach = 0.1;       ///< share of following active users shown a post
  double link_share = 0.0;       ///< share of the organisation's posts that carry a link
  double link_penalty = 0.0;     ///< relative cut of feed reach for a post with a link
  double discovery_reach = 0.0;  ///< share of active non-followers shown a post by the algorithm
  std::array<double, graph::kSegmentCount> reshare{};  ///< viewer reshares, by segment
  double engagement = 0.0;           ///< share of viewers who engage (like, reply, share)
  double check_ins_per_day = 2.0;    ///< rate at which a user opens the platform (1/day)
  double reshare_delay_hours = 1.0;  ///< mean delay between seeing and resharing (hours)
  /// Share of views made while a post is fresh at the top of the feed, and their mean wait
  /// (minutes); the others come at the first check-in after the post (reach/view_time.hpp).
  double fresh_share = 0.0;
  double fresh_minutes = 20.0;
  /// Share of the organisation's followers there who get its posts as a notification, and their
  /// mean wait until they look (minutes). Part of the feed reach, not added to it.
  double notification_share = 0.0;
  double notification_minutes = 10.0;

  friend bool operator==(const PlatformParams&, const PlatformParams&) = default;
};

/// How reach is estimated: Monte Carlo posts per platform per week.
struct ReachOptions {
  std::uint32_t posts = 1;  ///< cross-posted messages simulated per week (0: no reach at all)
  /// Simulate the week's real posting plan (reach/week_plan.hpp) at the plan weeks: the report
  /// weeks (13, 52, 104 and the last), and every plan_every-th week besides (0: no others).
  bool week_plan = true;
  std::uint32_t plan_every = 0;
  /// Not in scenario files: when not empty, messages are simulated only in these weeks and the
  /// other weeks' reach is left zero (a calibration needs reach only where it is observed).
  std::vector<std::uint32_t> only_weeks;
};

/// A channel that is not a social platform and carries crisis messages (an alert service such as
/// BE-Alert, a newsletter): it reaches a fixed share of the agents, whatever platforms they use.
struct AlertChannel {
  std::string name;
  double reach = 0.0;              ///< share of agents registered (the same agents every message)
  double use_share = 1.0;          ///< share of crisis messages sent over it
  double dispatch_minutes = 15.0;  ///< median delay from the post to the alert going out
  double dispatch_sigma = 0.5;     ///< log-normal spread of that delay
  double read_minutes = 5.0;       ///< mean wait of a registered agent until reading it

  friend bool operator==(const AlertChannel&, const AlertChannel&) = default;
};

/// Crisis messages (docs/model.md, section Crisis reach): simulated at the report weeks besides the
/// routine ones, relayed by the segments at their own probabilities and within minutes, and sent
/// over the alert channels. messages = 0: none.
struct CrisisOptions {
  std::uint32_t messages = 0;  ///< crisis messages per report week
  /// Per segment, the share of viewers who relay a crisis message; unset: the platform's reshare.
  std::array<std::optional<double>, graph::kSegmentCount> relay{};
  double relay_minutes = 10.0;         ///< median delay from a relayer's look to its repost
  double relay_sigma = 1.0;            ///< log-normal spread of that delay
  std::vector<AlertChannel> channels;  ///< in the order of their names

  friend bool operator==(const CrisisOptions&, const CrisisOptions&) = default;
};

/// The whole audience (docs/model.md, section Population): the organisation's followers on its
/// anchor platform (the X followers the graph started from) and, for every other platform with a
/// follower count, the people who follow it there but not on the anchor. Without an [audience]
/// table every agent is an anchor follower.
struct AudienceOptions {
  int anchor = -1;  ///< platform index; -1: no [audience] table
  /// [platform] the organisation's followers there (its analytics); negative: not given.
  std::vector<double> followers;
  /// [platform] share of the agents outside the anchor's followers with an account there.
  std::vector<double> account_share;
  /// [0]: the anchor's followers; [1 + k]: those whose first channel is platform k (agents
  /// numbered in this order). Solved once from the values as written (scenario/read_audience).
  std::vector<std::uint64_t> group_size;

  std::uint64_t agents() const;
  /// The platform whose group agent `agent` belongs to; -1 for the anchor's followers (and for
  /// every agent without an audience).
  int home_of(std::uint64_t agent) const;

  friend bool operator==(const AudienceOptions&, const AudienceOptions&) = default;
};

struct Event {
  enum class Kind { kAnnounce, kLeave, kJoin, kExit, kToxicity, kLaunch, kShock };
  Kind kind = Kind::kLeave;
  std::uint32_t week = 0;
  std::uint32_t platform = 0;          ///< the platform the event is about
  std::vector<std::uint32_t> targets;  ///< announce, exit: where followers or peers go
  double share = 0.0;                  ///< announce: follow share; exit: share of the segments
  std::uint8_t segments = 0;           ///< exit: bit mask of graph::Segment
  double value = 0.0;                  ///< toxicity: new level; shock: extra pull (1/week)
  double churn = 0.0;                  ///< shock: extra churn (1/week)
  std::uint32_t weeks = 1;             ///< announce, shock: duration (weeks)
  std::uint64_t line = 0;              ///< where it was defined, for messages

  friend bool operator==(const Event&, const Event&) = default;
};

struct ModelOptions {
  enum class Influence { kNetwork, kWellMixed };
  enum class Contagion { kSimple, kThreshold };
  Influence influence = Influence::kNetwork;
  Contagion contagion = Contagion::kSimple;
  double memory_weeks =
      1.0;                 ///< time constant of peer influence (<= 20); 0: all active peers count
  double threshold = 0.2;  ///< threshold contagion: share of followees needed
  double tolerance_mean = 0.5;  ///< per-agent toxicity tolerance ~ Normal(mean, sd) in [0, 1]
  double tolerance_sd = 0.2;

  friend bool operator==(const ModelOptions&, const ModelOptions&) = default;
};

/// A parameter given as a distribution: its full dotted key (as --set names it), the
/// distribution, and where it was written.
struct UncertainParameter {
  std::string key;
  Distribution distribution;  ///< for a joint one: uniform over its particles' range
  std::string file;
  std::uint64_t line = 0;
  bool joint = false;  ///< drawn jointly with the others of the scenario's posterior
};

/// What a scenario is to the organisation: a strategy it may choose, or a what-if (an event it
/// does not choose, such as a toxicity escalation), which `trek compare` shows apart, unranked.
enum class ScenarioKind { kStrategy, kWhatIf };

struct Scenario {
  std::string name;
  std::string description;
  bool baseline = false;  ///< `trek compare` compares the other scenarios with this one
  ScenarioKind kind = ScenarioKind::kStrategy;
  /// A strategy crossed with a what-if (read_crossed_scenario): the what-if's name; else empty.
  std::string condition;
  std::string condition_file;  ///< that what-if's file (worlds read the crossed pair again)
  std::string file;            ///< the file it was read from
  /// `posterior = "FILE.h5"`: worlds draw its parameters jointly (the joint entries of
  /// `uncertain`); null without one.
  std::shared_ptr<const PosteriorSample> posterior;
  std::vector<std::string> overrides;  ///< the --set values it was read with, in order
  /// Parameters given as distributions, in reading order. The fields above and below then hold
  /// the distribution's median; world r of a run uses its own draw (scenario/worlds.hpp).
  std::vector<UncertainParameter> uncertain;
  // Simulation.
  std::uint32_t weeks = 104;
  std::uint32_t replicates = 10;
  std::uint64_t seed = 1;
  std::string start_date;  ///< ISO date of week 0, for labels only
  // Population.
  std::string graph = "follower:n=62000,seed=1";
  std::string organisation = "organisation";
  std::vector<PlatformParams> platforms;  ///< in the order of their names
  std::vector<Event> events;              ///< sorted by week
  ModelOptions model;
  ReachOptions reach;
  CrisisOptions crisis;
  AudienceOptions audience;
  std::uint32_t snapshot_every = 0;  ///< weeks between per-agent snapshots; 0: none
  std::string resolved_toml;         ///< the merged scenario, as TOML text (provenance)
  /// The files of the extends chain as written (comments give the sources of values), the
  /// scenario first.
  struct SourceFile {
    std::string path, text;
  };
  std::vector<SourceFile> sources;

  /// Index of a platform by name, or -1.
  int platform_index(const std::string& name) const;
  /// The platform names, in index order.
  std::vector<std::string> platform_names() const;
};

/// True for the keys that build the population, which every world, sweep point and calibration
/// simulation of a scenario shares: the graph (`population.*`) and the audience's counts per
/// channel (`audience.followers.*`, from which its groups are solved once). They cannot vary
/// between those runs: a varied count would leave the shared population as it was.
inline bool builds_population(std::string_view key) {
  return key.starts_with("population.") || key.starts_with("audience.followers.") ||
         key.starts_with("audience.groups") || key.starts_with("audience.anchor");
}

}  // namespace sim::scenario

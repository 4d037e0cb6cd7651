#pragma once
/// Reach of the organisation's posts on the agents' platforms (docs/model.md, section Reach).
///
/// A message is posted at once on every platform where the organisation is present and posts.
/// On platform k: each active agent following the organisation there is shown it with the feed
/// reach f_k (reduced by the link penalty when the post carries a link), each active non-follower
/// with the discovery reach; a viewer looks at the first check-in after the post (exponential
/// wait, rate check_ins_per_day); a viewer reshares with its segment's reshare probability, and
/// each of its followers active on k whose tie is rebuilt there is shown the reshare with
/// probability f_k, after the reshare delay and its own check-in wait. The set reached on a
/// platform is the set reachable over the arcs whose coins succeed; its times are the earliest
/// arrival times (Dijkstra). Every coin is keyed by (agent or arc, week, post), so the result
/// does not depend on processing order and two scenarios share their coins.

#include <array>
#include <cstdint>
#include <functional>
#include <queue>
#include <vector>

#include "sim/graph/attributes.hpp"
#include "sim/model/agent_state.hpp"
#include "sim/model/model_context.hpp"
#include "sim/reach/view_time.hpp"
#include "sim/rng/two_part_uniforms.hpp"

namespace sim::reach {

/// Hours after posting at which crisis reach is reported (a curve of reach against time).
inline constexpr std::array<double, 8> kCrisisHours{0.5, 1.0, 2.0, 3.0, 6.0, 12.0, 24.0, 48.0};

/// Index of `hours` in kCrisisHours (a compile-time error when it is not a mark).
consteval std::size_t crisis_index(double hours) {
  for (std::size_t h = 0; h < kCrisisHours.size(); ++h) {
    if (kCrisisHours[h] == hours) return h;
  }
  throw "not a crisis-reach mark";
}

/// What one cross-posted message achieves (agents; engagement and toxic exposure expected).
struct MessageReach {
  explicit MessageReach(std::size_t platforms = 0)
      : viewers(platforms, 0.0),
        only_here(platforms, 0.0),
        engagements(platforms, 0.0),
        toxic_exposure(platforms, 0.0) {}
  std::vector<double> viewers;    ///< [platform] agents shown it there
  std::vector<double> only_here;  ///< [platform] agents shown it on that platform alone
  double unique = 0.0;            ///< agents shown it on at least one platform
  /// Of those, the anchor platform's followers (scenario::AudienceOptions; all when there is no
  /// audience table).
  double unique_anchor = 0.0;
  std::array<double, graph::kSegmentCount> unique_by_segment{};
  std::array<double, kCrisisHours.size()> within{};  ///< agents reached within each hour mark
  std::vector<double> engagements;                   ///< [platform] viewers x engagement
  std::vector<double> toxic_exposure;  ///< [platform] viewers x the platform's toxicity
  double reshares = 0.0;               ///< reshares, summed over platforms
  std::array<double, kCrisisHours.size()> reshared_within{};  ///< reshares within each mark

  void add(const MessageReach& other);
  void scale(double factor);
  friend bool operator==(const MessageReach&, const MessageReach&) = default;
};

/// Simulates messages on one replicate's state; holds the scratch arrays (one per thread).
class MessageSimulator {
 public:
  explicit MessageSimulator(const model::ModelContext& context);

  /// Message `post` (0, 1, ...) of week `week`, on the state of that week, posted on every
  /// platform where the organisation posts that week.
  MessageReach simulate(const model::AgentState& state, std::uint32_t week, std::uint32_t post) {
    return simulate(state, week, post, kEveryPlatform, nullptr);
  }

  /// The same, posted only on those of the platforms in `on` (bit k: platform k) where the
  /// organisation posts that week. On each platform the result is that of the message posted
  /// everywhere (the coins are per platform); only the merged figures change. Every agent
  /// reached is appended to `reached` when it is given.
  MessageReach simulate(const model::AgentState& state, std::uint32_t week, std::uint32_t post,
                        model::PlatformBits on, std::vector<graph::NodeId>* reached);

  static constexpr model::PlatformBits kEveryPlatform = model::kEveryPlatform;

  /// Crisis message `message` of week `week` (reach/crisis_reach.hpp), defined in
  /// crisis_reach.cpp.
  struct CrisisReach simulate_crisis(const model::AgentState& state, std::uint32_t week,
                                     std::uint32_t message);

 private:
  /// Spreads message `post` on the platforms in `on` and merges the agents reached into
  /// reached_anywhere_, seen_on_, first_time_ and first_route_; per-platform figures into `out`.
  void spread_everywhere(const model::AgentState& state, std::uint32_t week, std::uint32_t post,
                         model::PlatformBits on, MessageReach& out);
  /// The view chances of message `post` of week `week` posted on the platforms in `on`.
  void set_chances(std::uint32_t week, std::uint32_t post, model::PlatformBits on);
  void find_viewers(const model::AgentState& state, std::uint32_t week, std::uint32_t post);
  /// The views of agent `agent` on the platforms in `open` (those its coarse bytes left open).
  void view(const model::AgentState& state, graph::NodeId agent, std::uint32_t week,
            std::uint32_t post, const rng::CoarseWords& coarse, model::PlatformBits open);
  void spread_on(std::size_t platform, const model::AgentState& state, std::uint32_t week,
                 std::uint32_t post, MessageReach& out);
  /// A reshare made `when` hours after the post (the resharer's look).
  void count_reshare(double when, MessageReach& out) const;
  void collect(std::size_t platform, std::uint32_t week, MessageReach& out);
  /// A crisis relayer's delay from its look to its repost (hours).
  double relay_delay(graph::NodeId agent, std::uint32_t week, std::uint32_t post,
                     std::size_t platform) const;
  /// Sends crisis message `post` over the alert channels.
  void alert(std::uint32_t week, std::uint32_t post);

  const model::ModelContext& c_;
  std::vector<float> time_;        // per agent: arrival on the current platform (hours)
  std::vector<float> first_time_;  // per agent: first arrival on any platform
  std::vector<model::PlatformBits> seen_on_;
  std::vector<model::PlatformBits> notified_;           // per agent: notifications on (empty: none)
  std::vector<std::uint8_t> route_;                     // per agent: route of its arrival (Route)
  std::vector<std::uint8_t> first_route_;               // per agent: route of its first arrival
  std::vector<std::vector<graph::NodeId>> registered_;  // per alert channel: its agents
  bool crisis_ = false;                                 // the current message is a crisis one
  // Per platform and segment: the share of viewers who reshare the current message.
  std::vector<std::array<double, graph::kSegmentCount>> share_chance_;
  std::vector<ViewTime> view_time_;  // per platform
  // Per platform, for the current message: a reshare's view chance (-1: not posted there), a
  // direct view's chance for a follower without notifications, and for a non-follower.
  std::vector<double> feed_, follower_chance_, other_chance_;
  graph::NodeId anchor_agents_;         // agents 0..anchor_agents_-1 follow on the anchor
  std::vector<graph::NodeId> reached_;  // agents reached on the current platform
  std::vector<graph::NodeId> reached_anywhere_;
  using Arrival = std::pair<float, graph::NodeId>;
  std::vector<std::vector<Arrival>> seeds_;  // per platform: direct viewers and their times
  std::priority_queue<Arrival, std::vector<Arrival>, std::greater<>> queue_;
};

/// The `posts` messages of week `week`, in post order.
std::vector<MessageReach> weekly_messages(MessageSimulator& simulator,
                                          const model::AgentState& state, std::uint32_t week,
                                          std::uint32_t posts);

/// The mean of `messages` (all zero when there are none).
MessageReach mean_of(const std::vector<MessageReach>& messages, std::size_t platforms);

}  // namespace sim::reach

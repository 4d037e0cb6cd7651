#include "sim/graph/generators/follower.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "sim/graph/stats/graph_stats.hpp"

namespace sim::graph::generators {
namespace {

class FollowerModel : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { graph_ = new Graph(generate_follower({.nodes = 20000})); }
  static void TearDownTestSuite() { delete graph_; }
  static Graph* graph_;
};
Graph* FollowerModel::graph_ = nullptr;

TEST_F(FollowerModel, SegmentsFollowTheirShares) {
  const FollowerParams defaults;
  std::array<double, kSegmentCount> counts{};
  for (Segment s : graph_->attributes().segment)
    counts[static_cast<std::size_t>(s)] += 1;
  for (std::size_t s = 1; s < kSegmentCount; ++s) {
    const double p = defaults.segment_share[s];
    EXPECT_NEAR(counts[s] / 20000, p, 5 * std::sqrt(p * (1 - p) / 20000)) << kSegmentNames[s];
  }
}

TEST_F(FollowerModel, MediaAndPoliticiansAreHubs) {
  std::array<double, kSegmentCount> followers{}, nodes{};
  for (NodeId u = 0; u < graph_->node_count(); ++u) {
    const auto s = static_cast<std::size_t>(graph_->attributes().segment[u]);
    followers[s] += static_cast<double>(graph_->follower_count(u));
    nodes[s] += 1;
  }
  const double citizen = followers[0] / nodes[0];
  EXPECT_GT(followers[1] / nodes[1], 4 * citizen);
  EXPECT_GT(followers[2] / nodes[2], 3 * citizen);
}

TEST_F(FollowerModel, EveryNodeFollowsSomeone) {
  for (NodeId v = 0; v < graph_->node_count(); ++v)
    ASSERT_GT(graph_->followee_count(v), 0u);
}

TEST_F(FollowerModel, HasReciprocityClusteringAndHeavyTails) {
  const auto s = stats::compute_stats(*graph_);
  EXPECT_GT(s.reciprocity, 0.25);
  EXPECT_LT(s.reciprocity, 0.45);
  EXPECT_GT(s.average_clustering, 0.2);
  EXPECT_GT(double(s.out_degree.max), 50 * s.out_degree.mean);
  EXPECT_GT(double(s.in_degree.max), 20 * s.in_degree.mean);
}

TEST(FollowerModelParameters, MoreClosureGivesMoreClustering) {
  FollowerParams low{.nodes = 10000}, high{.nodes = 10000};
  low.closure = 0.2;
  high.closure = 0.8;
  const auto c_low = stats::compute_stats(generate_follower(low)).average_clustering;
  const auto c_high = stats::compute_stats(generate_follower(high)).average_clustering;
  EXPECT_GT(c_high, c_low + 0.1);
}

TEST(FollowerModelParameters, FollowBacksSetReciprocity) {
  FollowerParams none{.nodes = 10000};
  none.follow_back = none.follow_back_hub = 0.0;
  // Without follow-backs only chance reciprocation (closure) remains.
  EXPECT_LT(stats::compute_stats(generate_follower(none)).reciprocity, 0.1);
}

TEST(FollowerModelParameters, LurkersFollowNobody) {
  FollowerParams params{.nodes = 20000};
  params.lurkers = 0.05;
  const Graph graph = generate_follower(params);
  double nobody = 0;
  for (NodeId v = 0; v < graph.node_count(); ++v)
    nobody += graph.followee_count(v) == 0 ? 1 : 0;
  // Every other node follows at least one account; a lurker follows nobody back either.
  EXPECT_NEAR(nobody / 20000, 0.05, 5 * std::sqrt(0.05 * 0.95 / 20000));
  // Lurkers draw nothing else: the rest of the graph's draws are those without them.
  const Graph without = generate_follower({.nodes = 20000});
  EXPECT_EQ(without.attributes().segment, graph.attributes().segment);
}

/// The share of arcs reciprocated from followers that follow more than 10 accounts, over the
/// share from the others.
double active_over_passive_reciprocity(const Graph& graph) {
  std::array<double, 2> reciprocated{}, arcs{};
  for (NodeId u = 0; u < graph.node_count(); ++u) {
    for (const NodeId v : graph.followers(u)) {
      const bool active = graph.followee_count(v) > 10;
      const auto back = graph.followers(v);
      arcs[active] += 1;
      reciprocated[active] += std::binary_search(back.begin(), back.end(), u) ? 1 : 0;
    }
  }
  return (reciprocated[1] / arcs[1]) / (reciprocated[0] / arcs[0]);
}

/// With follow-backs by activity, active followers are followed back more often than passive
/// ones, far more than without it (where it is 1.55 at n = 20,000: follow-backs count in one's
/// own follows, so the reciprocated follow more).
TEST(FollowerModelParameters, ActiveFollowersAreFollowedBackMore) {
  FollowerParams params{.nodes = 20000};
  const double flat = active_over_passive_reciprocity(generate_follower(params));
  params.follow_back_activity = 1.0;
  const double by_activity = active_over_passive_reciprocity(generate_follower(params));
  EXPECT_GT(by_activity, 1.4 * flat) << by_activity << " against " << flat;
}

/// Redraws replace the follows that repeat one already made: without closure and follow-backs a
/// node then follows exactly as many accounts as it drew, so no node follows fewer than without
/// redraws, and the heaviest followers (who lose most to repeats of popular accounts) gain most.
TEST(FollowerModelParameters, RedrawsKeepTheFollowsOfHeavyFollowers) {
  FollowerParams params{.nodes = 5000};
  params.closure = 0.0;
  params.follow_back = params.follow_back_hub = 0.0;
  params.activity_sigma = 2.0;
  params.popularity_sigma = 3.0;
  const Graph lossy = generate_follower(params);
  params.redraws = 100;
  const Graph kept = generate_follower(params);
  for (NodeId v = 0; v < kept.node_count(); ++v)
    ASSERT_GE(kept.followee_count(v), lossy.followee_count(v)) << "node " << v;
  const auto s_lossy = stats::compute_stats(lossy);
  const auto s_kept = stats::compute_stats(kept);
  EXPECT_GT(s_kept.in_degree.top1_share, 1.2 * s_lossy.in_degree.top1_share)
      << s_kept.in_degree.top1_share << " against " << s_lossy.in_degree.top1_share;
  EXPECT_GT(s_kept.in_degree.max, 2 * s_lossy.in_degree.max)
      << s_kept.in_degree.max << " against " << s_lossy.in_degree.max;
}

/// An analytic limit: every node draws following = 8.5 follows (1 + 7.5 stochastically rounded;
/// no activity spread, closure, follow-backs or lurkers). With redraws no follow is lost, so the
/// mean out-degree is exactly 8.5 in expectation (sd 0.5 per node); without them the repeats of
/// the most popular accounts collapse and it falls well below.
TEST(FollowerModelParameters, RedrawsKeepTheMeanNumberOfFollows) {
  FollowerParams params{.nodes = 20000};
  params.following = 8.5;
  params.activity_sigma = 0.0;
  params.closure = 0.0;
  params.follow_back = params.follow_back_hub = 0.0;
  params.popularity_sigma = 3.0;
  params.redraws = 100;
  const double kept = static_cast<double>(generate_follower(params).arc_count()) / 20000;
  EXPECT_NEAR(kept, 8.5, 5 * 0.5 / std::sqrt(20000.0));
  params.redraws = 0;
  const double lossy = static_cast<double>(generate_follower(params).arc_count()) / 20000;
  EXPECT_LT(lossy, 8.0) << "repeats should collapse without redraws";
}

}  // namespace
}  // namespace sim::graph::generators

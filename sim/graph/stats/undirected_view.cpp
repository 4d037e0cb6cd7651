// Each node's undirected row is the sorted union of its followee and follower rows (both already
// sorted), computed twice in parallel: once to size the rows, once to fill them.

#include "sim/graph/stats/undirected_view.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <iterator>

namespace sim::graph::stats {
namespace {

constexpr NodeId kGrain = 1024;

class CountingIterator {
 public:
  using iterator_category = std::output_iterator_tag;
  using value_type = void;
  using difference_type = std::ptrdiff_t;
  using pointer = void;
  using reference = void;
  CountingIterator& operator*() { return *this; }
  CountingIterator& operator++() { return *this; }
  CountingIterator operator++(int) { return *this; }
  CountingIterator& operator=(NodeId) {
    ++count;
    return *this;
  }
  ArcIndex count = 0;
};

}  // namespace

UndirectedView::UndirectedView(const Graph& graph) : offsets_(graph.node_count() + std::size_t{1}) {
  const NodeId n = graph.node_count();
  tbb::parallel_for(tbb::blocked_range<NodeId>(0, n, kGrain), [&](const auto& range) {
    for (NodeId u = range.begin(); u != range.end(); ++u) {
      const auto in = graph.followees(u), out = graph.followers(u);
      offsets_[u + 1] =
          std::set_union(in.begin(), in.end(), out.begin(), out.end(), CountingIterator{}).count;
    }
  });
  for (NodeId u = 0; u < n; ++u)
    offsets_[u + 1] += offsets_[u];
  neighbours_.resize(offsets_[n]);
  tbb::parallel_for(tbb::blocked_range<NodeId>(0, n, kGrain), [&](const auto& range) {
    for (NodeId u = range.begin(); u != range.end(); ++u) {
      const auto in = graph.followees(u), out = graph.followers(u);
      std::set_union(in.begin(), in.end(), out.begin(), out.end(),
                     neighbours_.begin() + static_cast<std::ptrdiff_t>(offsets_[u]));
    }
  });
}

}  // namespace sim::graph::stats

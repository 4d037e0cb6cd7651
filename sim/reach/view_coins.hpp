#pragma once
/// The coarse bytes of every agent's feed-view coins for a few messages of one week, kept so that
/// scenarios run together (engine/run_together.hpp) draw them once: they share their agents'
/// state and their run key, and a message's view coins are keyed by (run, agent / 4, week, post)
/// alone, so every member of a group would draw the same bytes. The bytes are the same whether
/// drawn or read here, so results do not change; only the Philox blocks are saved.
///
/// Memory: 16 bytes per agent and message, within a budget (64 MiB by default); messages beyond
/// it are drawn as if there were no cache.

#include <cstdint>
#include <vector>

#include "sim/rng/philox.hpp"
#include "sim/rng/two_part_uniforms.hpp"

namespace sim::reach {

class ViewCoins {
 public:
  explicit ViewCoins(std::size_t agents, std::size_t budget_bytes = std::size_t{64} << 20U);

  /// The coarse words of message (week, post) under `run`, every agent's, or null when they are
  /// not kept. `upper`: the words of platforms 8-15 are needed too.
  const std::vector<rng::CoarseWords>* find(rng::RunKey run, std::uint32_t week, std::uint32_t post,
                                            bool upper) const;

  /// Room for the words of message (week, post), to be filled for every agent and then
  /// committed, or null when the budget is spent. Messages of other weeks are dropped first.
  std::vector<rng::CoarseWords>* make(rng::RunKey run, std::uint32_t week, std::uint32_t post,
                                      bool upper);
  /// The words made for message (week, post) are complete: find() returns them from now on.
  void commit(std::uint32_t week, std::uint32_t post);

 private:
  struct Entry {
    rng::RunKey run;
    std::uint32_t week = 0, post = 0;
    bool upper = false, ready = false, used = false;
    std::vector<rng::CoarseWords> words;
  };
  std::size_t agents_;
  std::size_t capacity_;  // entries within the budget
  std::vector<Entry> entries_;
};

}  // namespace sim::reach

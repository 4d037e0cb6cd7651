#include "sim/reach/view_coins.hpp"

#include <algorithm>

namespace sim::reach {

namespace {

bool same_run(rng::RunKey a, rng::RunKey b) {
  return a.master_seed == b.master_seed && a.run == b.run;
}

}  // namespace

ViewCoins::ViewCoins(std::size_t agents, std::size_t budget_bytes)
    : agents_(agents),
      capacity_(agents == 0 ? 0 : budget_bytes / (agents * sizeof(rng::CoarseWords))) {}

const std::vector<rng::CoarseWords>* ViewCoins::find(rng::RunKey run, std::uint32_t week,
                                                     std::uint32_t post, bool upper) const {
  for (const Entry& e : entries_) {
    if (e.used && e.ready && same_run(e.run, run) && e.week == week && e.post == post &&
        (e.upper || !upper))
      return &e.words;
  }
  return nullptr;
}

std::vector<rng::CoarseWords>* ViewCoins::make(rng::RunKey run, std::uint32_t week,
                                               std::uint32_t post, bool upper) {
  // A message of another week makes every kept one stale (the weeks only go forward); the same
  // message without the upper words is replaced.
  for (Entry& e : entries_) {
    if (e.used && (e.week != week || !same_run(e.run, run) || e.post == post)) e.used = false;
  }
  auto free =
      std::find_if(entries_.begin(), entries_.end(), [](const Entry& e) { return !e.used; });
  if (free == entries_.end()) {
    if (entries_.size() >= capacity_) return nullptr;
    entries_.emplace_back();
    free = entries_.end() - 1;
  }
  free->run = run;
  free->week = week;
  free->post = post;
  free->upper = upper;
  free->ready = false;
  free->used = true;
  free->words.resize(agents_);
  return &free->words;
}

void ViewCoins::commit(std::uint32_t week, std::uint32_t post) {
  for (Entry& e : entries_) {
    if (e.used && e.week == week && e.post == post) e.ready = true;
  }
}

}  // namespace sim::reach

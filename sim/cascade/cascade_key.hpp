#pragma once
/// The identity of one cascade, which keys all of its random draws: the run, the week it belongs to
/// (0 in the cascade lab) and the cascade number. Draws of cascade c never depend on which thread
/// runs it or on the order in which nodes are reached.

#include <cstdint>

#include "sim/rng/philox.hpp"

namespace sim::cascade {

struct CascadeKey {
  rng::RunKey run;
  std::uint32_t week = 0;
  std::uint64_t cascade = 0;

  /// The draws of `stream` about `entity` (a node or an arc) in this cascade.
  rng::DrawAddress at(rng::Stream stream, std::uint64_t entity) const {
    return rng::DrawAddress{stream, entity, week, cascade};
  }
};

}  // namespace sim::cascade

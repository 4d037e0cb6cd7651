#pragma once
/// Counter-based random numbers over Random123's Philox4x64-10.
///
/// A draw is a pure function of (master seed, run, stream, entity, week, sub, draw index):
///   key     = {master_seed, run}
///   counter = {entity, sub, stream << 32 | week, draw / 4}, lane draw % 4.
/// Nothing depends on which thread asks or in which order, so results are identical for any thread
/// count, shard split or rank count. `entity` is what the draw is about (a node, an arc, a stub);
/// `sub` is a second identity where one is needed (a cascade, a ring offset), else 0.

#include <Random123/philox.h>

#include <cstdint>

#include "sim/rng/streams.hpp"

namespace sim::rng {

/// Identifies one simulation run: the user's master seed and the run number within it.
struct RunKey {
  std::uint64_t master_seed = 0;
  std::uint64_t run = 0;
};

/// Where a sequence of draws lives: everything but the draw index.
struct DrawAddress {
  Stream stream{};
  std::uint64_t entity = 0;
  std::uint32_t week = 0;
  std::uint64_t sub = 0;
};

/// The 4x64-bit Philox block holding draws [4*block, 4*block + 4) of an address.
inline r123::Philox4x64::ctr_type philox_block(RunKey key, const DrawAddress& at,
                                               std::uint64_t block) {
  const r123::Philox4x64::ctr_type counter{
      {at.entity, at.sub, (static_cast<std::uint64_t>(at.stream) << 32) | at.week, block}};
  const r123::Philox4x64::key_type philox_key{{key.master_seed, key.run}};
  return r123::Philox4x64{}(counter, philox_key);
}

/// Draw number `draw` (64 random bits) of an address: random access, no state.
inline std::uint64_t draw_bits(RunKey key, const DrawAddress& at, std::uint64_t draw) {
  return philox_block(key, at, draw / 4).v[draw % 4];
}

/// Sequential access to the draws of one address, caching one Philox block (4 draws per call).
/// next() returns draw 0, 1, 2, ... of the address; a fresh object starts again at draw 0.
class RandomStream {
 public:
  RandomStream(RunKey key, DrawAddress at) : key_(key), at_(at) {}

  /// The next 64 random bits.
  std::uint64_t next() {
    const std::uint64_t lane = position_ % 4;
    if (lane == 0) block_ = philox_block(key_, at_, position_ / 4);
    ++position_;
    return block_.v[lane];
  }

  /// Index of the draw next() will return.
  std::uint64_t position() const { return position_; }

 private:
  RunKey key_;
  DrawAddress at_;
  std::uint64_t position_ = 0;
  r123::Philox4x64::ctr_type block_{};
};

/// SplitMix64 finaliser: mixes ids into a run number (e.g. sweep point and replicate).
constexpr std::uint64_t mix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

}  // namespace sim::rng

#pragma once
/// Uniforms in two parts, for decisions that are rarely close: eight per entity (one per
/// platform), u_k = (c_k + f_k 2^-32) / 256, where the coarse byte c_k is byte k of one 64-bit
/// word of a Philox block shared by four consecutive entities, and the fine part f_k is 32-bit
/// half k of the entity's own block, drawn only where a decision needs it. u_k is uniform on
/// [0, 1) with resolution 2^-40 and exact in a double. Since u_k >= c_k / 256, a coarse byte
/// above coarse_below(p) settles "u_k < p" as false without the fine part, so most entities cost
/// a quarter of a Philox block instead of one (docs/rng.md).
///
/// Addresses: coarse (coarse stream, entity / 4, week, sub), word entity % 4; fine (fine stream,
/// entity, week, sub).

#include <cstdint>
#include <optional>

#include "sim/rng/philox.hpp"

namespace sim::rng {

/// Added to the sub-address of the words and blocks of platforms 8-15, which hold the uniforms of
/// those platforms as the plain sub-address holds those of platforms 0-7 (docs/rng.md): drawn only
/// in scenarios with more than eight platforms.
inline constexpr std::uint64_t kUpperPlatforms = std::uint64_t{1} << 63U;

/// The coarse bytes of consecutive entities, keeping the last block so that four share it.
class CoarseBytes {
 public:
  CoarseBytes(RunKey run, Stream stream, std::uint32_t week, std::uint64_t sub = 0)
      : run_(run), stream_(stream), week_(week), sub_(sub) {}

  /// Byte k of the result is c_k of `entity`.
  std::uint64_t of(std::uint64_t entity) {
    const std::uint64_t group = entity / 4;
    if (!filled_ || group != group_) {
      block_ = philox_block(run_, {stream_, group, week_, sub_}, 0);
      group_ = group;
      filled_ = true;
    }
    return block_.v[entity % 4];
  }

  /// The words of entities first, first + 1, ..., first + count - 1 into `out`, a block per
  /// four entities without a test per entity (first a multiple of 4 except at the start of a
  /// sequence, which falls back to of()).
  void of_range(std::uint64_t first, std::size_t count, std::uint64_t* out) {
    std::size_t i = 0;
    for (; i < count && (first + i) % 4 != 0; ++i)
      out[i] = of(first + i);
    for (; i + 4 <= count; i += 4) {
      const auto block = philox_block(run_, {stream_, (first + i) / 4, week_, sub_}, 0);
      out[i] = block.v[0];
      out[i + 1] = block.v[1];
      out[i + 2] = block.v[2];
      out[i + 3] = block.v[3];
    }
    for (; i < count; ++i)
      out[i] = of(first + i);
  }

 private:
  RunKey run_;
  Stream stream_;
  std::uint32_t week_;
  std::uint64_t sub_;
  bool filled_ = false;
  std::uint64_t group_ = 0;
  r123::Philox4x64::ctr_type block_{};
};

/// Coarse byte k of a word.
inline std::uint8_t coarse_byte(std::uint64_t coarse, std::size_t k) {
  return static_cast<std::uint8_t>(coarse >> (8 * k));
}

/// The largest coarse byte at which "u < p" may still hold: ceil(256 p) - 1, clamped to
/// [-1, 255] (-1: never, for p <= 0; 255: always undecided, for p >= 1). A byte above it settles
/// u >= p.
inline std::int16_t coarse_below(double p) {
  if (p <= 0.0) return -1;
  if (p >= 1.0) return 255;
  const double bound = p * 256.0;
  const auto whole = static_cast<std::int16_t>(bound);
  return static_cast<double>(whole) == bound ? static_cast<std::int16_t>(whole - 1) : whole;
}

/// The full uniforms of one entity, given its coarse word: draws its fine block.
class TwoPartUniforms {
 public:
  TwoPartUniforms(RunKey run, Stream fine_stream, std::uint64_t entity, std::uint32_t week,
                  std::uint64_t sub, std::uint64_t coarse)
      : coarse_(coarse), fine_(philox_block(run, {fine_stream, entity, week, sub}, 0)) {}

  double at(std::size_t k) const {
    const std::uint64_t high = coarse_byte(coarse_, k);
    const std::uint64_t low = (fine_.v[k / 2] >> (32 * (k % 2))) & 0xFFFFFFFFU;
    return static_cast<double>((high << 32U) | low) * 0x1p-40;
  }

 private:
  std::uint64_t coarse_;
  r123::Philox4x64::ctr_type fine_;
};

/// The coarse words of one entity for up to sixteen platforms: byte k of `low` is c_k, byte k of
/// `high` is c_(8+k) (from the sub-address with kUpperPlatforms; 0 when not drawn).
struct CoarseWords {
  std::uint64_t low = 0;
  std::uint64_t high = 0;
};

/// The full uniforms of one entity on up to sixteen platforms, given its coarse words: the fine
/// block of platforms 0-7 at `sub`, that of platforms 8-15 at sub | kUpperPlatforms, each drawn
/// only when a platform of `needed` (bit k: platform k) lies in it; at(k) must ask for one of
/// those.
class FineUniforms {
 public:
  FineUniforms(RunKey run, Stream fine_stream, std::uint64_t entity, std::uint32_t week,
               std::uint64_t sub, CoarseWords coarse, std::uint16_t needed = 0xFFFF) {
    if ((needed & 0xFFU) != 0) low_.emplace(run, fine_stream, entity, week, sub, coarse.low);
    if ((needed >> 8U) != 0)
      high_.emplace(run, fine_stream, entity, week, sub | kUpperPlatforms, coarse.high);
  }

  double at(std::size_t k) const { return k < 8 ? low_->at(k) : high_->at(k - 8); }

 private:
  std::optional<TwoPartUniforms> low_, high_;
};

}  // namespace sim::rng

#include "sim/sweep/design.hpp"

#include <cmath>
#include <numeric>

#include "sim/rng/distributions.hpp"
#include "sim/rng/philox.hpp"
#include "sim/sweep/sobol_sequence.hpp"

namespace sim::sweep {
namespace {

/// Design draws: key {seed, 0}, stream sweep_design, entity `what`, sub `which`.
rng::RandomStream design_stream(const SweepSpec& spec, std::uint64_t what, std::uint64_t which) {
  return rng::RandomStream({spec.seed, 0}, {rng::Stream::kSweepDesign, what, 0, which});
}

/// A uniformly random permutation of 0..n-1 (Fisher-Yates).
std::vector<std::size_t> permutation(rng::RandomStream& stream, std::size_t n) {
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  for (std::size_t i = n; i > 1; --i)
    std::swap(order[i - 1], order[rng::below(stream, i)]);
  return order;
}

std::vector<std::vector<double>> grid(const SweepSpec& spec) {
  std::vector<std::vector<double>> unit{{}};
  for (const Parameter& p : spec.parameters) {
    std::vector<std::vector<double>> longer;
    for (const auto& prefix : unit) {
      for (std::size_t v = 0; v < p.values.size(); ++v) {
        longer.push_back(prefix);
        longer.back().push_back(static_cast<double>(v));
      }
    }
    unit = std::move(longer);
  }
  return unit;
}

std::vector<std::vector<double>> latin_hypercube(const SweepSpec& spec) {
  const std::size_t n = spec.samples, d = spec.parameters.size();
  std::vector<std::vector<double>> unit(n, std::vector<double>(d));
  for (std::size_t j = 0; j < d; ++j) {
    rng::RandomStream strata = design_stream(spec, j, 0);
    rng::RandomStream jitter = design_stream(spec, j, 1);
    const auto order = permutation(strata, n);
    for (std::size_t i = 0; i < n; ++i)
      unit[i][j] =
          (static_cast<double>(order[i]) + rng::uniform01(jitter)) / static_cast<double>(n);
  }
  return unit;
}

std::vector<std::vector<double>> saltelli(const SweepSpec& spec) {
  const std::size_t d = spec.parameters.size();
  const SobolSequence sequence(2 * d);
  std::vector<std::vector<double>> unit;
  for (std::uint64_t row = 0; row < spec.samples; ++row) {
    const std::vector<double> x = sequence.point(row + 1);  // the origin is skipped
    const std::vector<double> a(x.begin(), x.begin() + static_cast<std::ptrdiff_t>(d));
    const std::vector<double> b(x.begin() + static_cast<std::ptrdiff_t>(d), x.end());
    unit.push_back(a);
    unit.push_back(b);
    for (std::size_t i = 0; i < d; ++i) {
      unit.push_back(a);
      unit.back()[i] = b[i];
    }
  }
  return unit;
}

std::vector<std::vector<double>> morris(const SweepSpec& spec) {
  const std::size_t d = spec.parameters.size();
  const double p = static_cast<double>(spec.levels);
  const double delta = p / (2.0 * (p - 1.0));
  std::vector<std::vector<double>> unit;
  for (std::uint64_t t = 0; t < spec.samples; ++t) {
    rng::RandomStream stream = design_stream(spec, t, 2);
    std::vector<double> x(d), step(d);
    for (std::size_t j = 0; j < d; ++j) {
      // A level from the lower half moves up by delta; from the upper half, down.
      const double level = static_cast<double>(rng::below(stream, spec.levels / 2)) / (p - 1.0);
      const bool down = rng::bernoulli(stream, 0.5);
      x[j] = down ? level + delta : level;
      step[j] = down ? -delta : delta;
    }
    unit.push_back(x);
    for (const std::size_t j : permutation(stream, d)) {
      x[j] += step[j];
      unit.push_back(x);
    }
  }
  return unit;
}

}  // namespace

const char* design_name(DesignKind kind) {
  switch (kind) {
    case DesignKind::kGrid:
      return "grid";
    case DesignKind::kLatinHypercube:
      return "lhs";
    case DesignKind::kSobol:
      return "sobol";
    case DesignKind::kMorris:
      return "morris";
  }
  return "?";
}

std::uint64_t design_points(const SweepSpec& spec) {
  const std::uint64_t d = spec.parameters.size();
  switch (spec.design) {
    case DesignKind::kGrid: {
      std::uint64_t points = 1;
      for (const Parameter& p : spec.parameters)
        points *= p.values.size();
      return points;
    }
    case DesignKind::kLatinHypercube:
      return spec.samples;
    case DesignKind::kSobol:
      return spec.samples * (d + 2);
    case DesignKind::kMorris:
      return spec.samples * (d + 1);
  }
  return 0;
}

Design make_design(const SweepSpec& spec) {
  Design design;
  design.kind = spec.design;
  switch (spec.design) {
    case DesignKind::kGrid:
      design.unit = grid(spec);
      break;
    case DesignKind::kLatinHypercube:
      design.unit = latin_hypercube(spec);
      break;
    case DesignKind::kSobol:
      design.unit = saltelli(spec);
      break;
    case DesignKind::kMorris:
      design.unit = morris(spec);
      break;
  }
  for (const auto& unit : design.unit) {
    std::vector<double> values(unit.size());
    for (std::size_t j = 0; j < unit.size(); ++j) {
      const Parameter& p = spec.parameters[j];
      values[j] = spec.design == DesignKind::kGrid ? p.values[static_cast<std::size_t>(unit[j])]
                                                   : p.min + unit[j] * (p.max - p.min);
      if (p.integer) values[j] = std::round(values[j]);
    }
    design.values.push_back(values);
  }
  if (spec.design == DesignKind::kGrid) {
    // Report grid positions in [0, 1] like the other designs.
    for (std::size_t i = 0; i < design.unit.size(); ++i) {
      for (std::size_t j = 0; j < design.unit[i].size(); ++j) {
        const double n = static_cast<double>(spec.parameters[j].values.size());
        design.unit[i][j] = n > 1 ? design.unit[i][j] / (n - 1.0) : 0.0;
      }
    }
  }
  return design;
}

}  // namespace sim::sweep

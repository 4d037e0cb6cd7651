// Every statistic is a count or a mean over the same worlds, paired: world r of each scenario
// shares its parameter values and its random numbers, so "a beats b in world r" compares like
// with like.

#include "sim/engine/decision.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "sim/util/error.hpp"
#include "sim/util/statistics.hpp"

namespace sim::engine {
namespace {

/// Share of worlds where `a` beats `b` (ties count half); values already oriented (higher
/// better).
double share_beating(const std::vector<double>& a, const std::vector<double>& b) {
  double wins = 0.0;
  for (std::size_t r = 0; r < a.size(); ++r)
    wins += a[r] > b[r] ? 1.0 : a[r] == b[r] ? 0.5 : 0.0;
  return a.empty() ? 0.5 : wins / static_cast<double>(a.size());
}

Band percent_difference(const std::vector<double>& mine, const std::vector<double>& base) {
  std::vector<double> percent;
  for (std::size_t r = 0; r < mine.size(); ++r) {
    if (base[r] != 0.0) percent.push_back(100.0 * (mine[r] - base[r]) / std::abs(base[r]));
  }
  return band_of(percent);
}

void assign_tiers(const std::vector<std::vector<double>>& oriented,
                  const std::vector<bool>& strategy, std::vector<Decision>& out) {
  std::vector<std::size_t> left;
  for (std::size_t s = 0; s < oriented.size(); ++s) {
    if (strategy[s]) left.push_back(s);
  }
  std::stable_sort(left.begin(), left.end(), [&](std::size_t a, std::size_t b) {
    return util::mean_of(oriented[a]) > util::mean_of(oriented[b]);
  });
  std::uint32_t tier = 0;
  while (!left.empty()) {
    ++tier;
    const std::size_t leader = left.front();
    std::vector<std::size_t> rest;
    for (const std::size_t s : left) {
      const bool joins =
          s == leader || share_beating(oriented[s], oriented[leader]) > 1.0 - kClearProbability;
      if (joins) {
        out[s].tier = tier;
      } else {
        rest.push_back(s);
      }
    }
    left = rest;
  }
}

}  // namespace

std::string verdict_text(Verdict verdict) {
  switch (verdict) {
    case Verdict::kWorse:
      return "worse";
    case Verdict::kNoClearDifference:
      return "no clear difference";
    case Verdict::kBetter:
      return "better";
    case Verdict::kBaseline:
      return "baseline";
  }
  return "";
}

std::vector<Decision> decide(const std::vector<std::vector<double>>& values,
                             const std::vector<bool>& strategy, bool higher_is_better) {
  if (values.empty() || strategy.size() != values.size() || !strategy.front()) {
    throw util::Error("decide: the baseline must be a strategy, with one flag per scenario");
  }
  const std::size_t worlds = values.front().size();
  std::vector<std::vector<double>> oriented = values;
  for (auto& row : oriented) {
    if (row.size() != worlds) throw util::Error("decide: scenarios differ in their worlds");
    if (!higher_is_better) {
      for (double& v : row)
        v = -v;
    }
  }
  // Each world's best strategy value (oriented).
  std::vector<double> best(worlds, -INFINITY);
  for (std::size_t s = 0; s < values.size(); ++s) {
    for (std::size_t r = 0; r < worlds && strategy[s]; ++r)
      best[r] = std::max(best[r], oriented[s][r]);
  }
  std::vector<Decision> out(values.size());
  for (std::size_t s = 0; s < values.size(); ++s) {
    Decision& d = out[s];
    d.difference_pct = percent_difference(values[s], values.front());
    d.p_better = share_beating(oriented[s], oriented.front());
    double regret = 0.0, best_share = 0.0;
    for (std::size_t r = 0; r < worlds; ++r) {
      regret += best[r] - oriented[s][r];
      if (!strategy[s] || oriented[s][r] != best[r]) continue;
      std::size_t tied = 0;
      for (std::size_t t = 0; t < values.size(); ++t)
        tied += strategy[t] && oriented[t][r] == best[r] ? std::size_t{1} : std::size_t{0};
      best_share += 1.0 / static_cast<double>(tied);
    }
    d.regret = worlds == 0 ? 0.0 : std::max(0.0, regret / static_cast<double>(worlds));
    d.p_best = worlds == 0 ? 0.0 : best_share / static_cast<double>(worlds);
    d.verdict = s == 0                                  ? Verdict::kBaseline
                : d.p_better >= kClearProbability       ? Verdict::kBetter
                : d.p_better <= 1.0 - kClearProbability ? Verdict::kWorse
                                                        : Verdict::kNoClearDifference;
  }
  assign_tiers(oriented, strategy, out);
  return out;
}

}  // namespace sim::engine

// What `trek compare` prints: the decision table (levels, paired differences, how sure each
// difference is), as text, CSV or JSON, with stable key names.

#include "sim/cli/comparison_report.hpp"

#include <algorithm>
#include <cstdio>

#include "sim/cli/json.hpp"
#include "sim/cli/run_report.hpp"

namespace sim::cli {
namespace {

/// The width of the scenario column: the longest name, at least 22 characters.
int name_width(const engine::Comparison& c) {
  std::size_t width = 22;
  for (const std::string& name : c.scenarios)
    width = std::max(width, name.size());
  return static_cast<int>(width);
}

const char* kind_text(const engine::Comparison& c, std::size_t scenario) {
  return c.strategy[scenario] ? "strategy" : "what-if";
}

/// One table of single-message statistics (kMessageStatistics) at the last report week.
void print_message_statistics(const engine::Comparison& c, const std::string& what,
                              const std::string& across,
                              const std::vector<std::vector<std::array<double, 6>>>& table) {
  std::printf("\n%s at week %zu (%s)\n  %-*s %9s %9s %9s %9s %9s %9s\n", what.c_str(),
              c.weeks.back(), across.c_str(), name_width(c), "scenario", "mean", "5%", "25%",
              "median", "75%", "95%");
  for (std::size_t i = 0; i < c.scenarios.size(); ++i) {
    std::printf("  %-*s", name_width(c), c.scenarios[i].c_str());
    for (const double value : table[i].back())
      std::printf(" %9.0f", value);
    std::printf("\n");
  }
}

/// The spread of single messages: what one post may achieve; and of crisis messages, whose 5%
/// column is the worst case (shown when the comparison has crisis messages).
void print_message_reach(const engine::Comparison& c) {
  print_message_statistics(c, "reach of single messages", "agents; across messages and replicates",
                           c.message_reach);
  bool any = false;
  for (const auto& by_week : c.crisis_within_1h)
    any = any || by_week.back()[0] > 0.0;
  if (!any) return;
  print_message_statistics(c, "agents a crisis message reaches within 1 hour",
                           "across crisis messages and replicates", c.crisis_within_1h);
}

/// A week of the real posting plan at the last report week: agents reached at least once, and
/// each platform's impressions with its share of the week's.
void print_week_plan(const engine::Comparison& c, const std::vector<std::size_t>& reach_metrics) {
  const std::size_t platforms = reach_metrics.size();
  const std::size_t reached = engine::metric_index(c.metrics, "week_reach");
  const std::size_t total = engine::metric_index(c.metrics, "week_impressions");
  std::printf(
      "\na week of the real posting plan at week %zu (mean): agents reached at least once, "
      "impressions by platform (share of the week's)\n  %-*s %10s",
      c.weeks.back(), name_width(c), "scenario", "reached");
  for (const std::size_t m : reach_metrics)
    std::printf(" %15s", c.metrics[m].name.substr(6).c_str());
  std::printf("\n");
  for (std::size_t i = 0; i < c.scenarios.size(); ++i) {
    const auto& cells = c.cells[i].back();
    std::printf("  %-*s %10.0f", name_width(c), c.scenarios[i].c_str(), cells[reached].level.mean);
    for (const std::size_t m : reach_metrics) {
      const double impressions = cells[m + 2 * platforms].level.mean;
      const double all = cells[total].level.mean;
      char cell[32];
      std::snprintf(cell, sizeof cell, "%.0f (%.0f%%)", impressions,
                    all > 0.0 ? 100.0 * impressions / all : 0.0);
      std::printf(" %15s", cell);
    }
    std::printf("\n");
  }
}

void print_verdict_row(const engine::Comparison& c, std::size_t i, std::size_t w, std::size_t m) {
  const engine::MetricCell& cell = c.cells[i][w][m];
  const engine::Decision& d = cell.decision;
  char percent[48];
  std::snprintf(percent, sizeof percent, "%+.1f%% [%+.1f, %+.1f]", d.difference_pct.mean,
                d.difference_pct.low, d.difference_pct.high);
  std::printf("  %-*s %-24s %-22s %8.2f %8.2f %9.1f  %s", name_width(c), c.scenarios[i].c_str(),
              band_text(cell.difference, true).c_str(), percent, d.p_better, d.p_best, d.regret,
              engine::verdict_text(d.verdict).c_str());
  std::printf(d.tier > 0 ? " (%u)\n" : "\n", d.tier);
}

void print_tiers(const engine::Comparison& c, const std::vector<std::size_t>& ranking) {
  std::printf("%s\n", tiers_text(c, ranking).c_str());
}

/// How sure each difference is, at the last report week, for the decision metrics; the
/// what-ifs apart; each group of strategies under a what-if against the baseline under it;
/// then the tiers.
void print_verdicts(const engine::Comparison& c) {
  const std::size_t w = c.weeks.size() - 1;
  for (const char* name :
       {"reach_per_message", "week_reach", "within_1h", "opinion_makers", "toxic_exposure"}) {
    const std::size_t m = engine::metric_index(c.metrics, name);
    std::printf(
        "\n%s at week %zu against the baseline, over %zu worlds\n  %-*s %-24s %-22s %8s %8s "
        "%9s  %s\n",
        name, c.weeks[w], c.worlds, name_width(c), "scenario", "difference [90%]", "percent [90%]",
        "P(better)", "P(best)", "regret", "verdict (tier)");
    for (const bool strategies : {true, false}) {
      bool header = false;
      for (std::size_t i = 1; i < c.scenarios.size(); ++i) {
        if (c.strategy[i] != strategies || c.reference[i] != 0) continue;
        if (!strategies && !header) std::printf("  what-ifs (not chosen, not ranked):\n");
        header = true;
        print_verdict_row(c, i, w, m);
      }
    }
    for (std::size_t leader = 1; leader < c.scenarios.size(); ++leader) {
      if (c.reference[leader] != leader) continue;
      std::printf("  under the what-if, against %s:\n", c.scenarios[leader].c_str());
      for (std::size_t i = leader + 1; i < c.scenarios.size(); ++i) {
        if (c.reference[i] == leader) print_verdict_row(c, i, w, m);
      }
    }
  }
  std::printf(
      "\nverdicts: better when P(better) >= %.2f, worse when <= %.2f; tiers group strategies no "
      "clearly worse than the tier's leader\ntiers by reach per message at week %zu:",
      engine::kClearProbability, 1.0 - engine::kClearProbability, c.weeks[w]);
  print_tiers(c, c.ranking);
  for (const auto& ranking : c.crossed_rankings) {
    std::printf("  against %s:", c.scenarios[c.reference[ranking.front()]].c_str());
    print_tiers(c, ranking);
  }
}

/// What drives each strategy's difference in reach, and which parameter to measure first.
void print_attribution(const engine::Comparison& c) {
  const engine::Attribution& a = c.attribution;
  if (a.parameters.empty()) return;
  const std::size_t m = 0;  // reach_per_message
  std::printf(
      "\nwhat drives each difference in reach per message at week %zu (first-order share of its "
      "variance over the %zu worlds [90%%]; the rest is simulation noise and interactions)\n",
      c.weeks.back(), c.worlds);
  for (std::size_t i = 1; i < c.scenarios.size(); ++i) {
    if (c.reference[i] == i) continue;  // a crossed group's own reference
    std::vector<std::size_t> order(a.parameters.size());
    for (std::size_t k = 0; k < order.size(); ++k)
      order[k] = k;
    const auto& shares = a.first_order[i][m];
    std::sort(order.begin(), order.end(),
              [&](std::size_t x, std::size_t y) { return shares[x].mean > shares[y].mean; });
    std::printf("  %-*s parameters %3.0f%%:", name_width(c), c.scenarios[i].c_str(),
                100.0 * a.parameter_share[i][m]);
    for (std::size_t k = 0; k < std::min<std::size_t>(3, order.size()); ++k) {
      const engine::Band& b = shares[order[k]];
      std::printf("%s %s %.0f%% [%.0f, %.0f]", k == 0 ? "" : ",", a.parameters[order[k]].c_str(),
                  100.0 * b.mean, 100.0 * b.low, 100.0 * b.high);
    }
    std::printf("\n");
  }
  std::vector<std::size_t> order(a.parameters.size());
  for (std::size_t k = 0; k < order.size(); ++k)
    order[k] = k;
  std::sort(order.begin(), order.end(),
            [&](std::size_t x, std::size_t y) { return a.evppi[m][x] > a.evppi[m][y]; });
  std::printf(
      "\nwhat to measure first: the expected gain in reach per message of knowing a parameter "
      "before choosing (EVPPI, agents)\n");
  for (std::size_t k = 0; k < std::min<std::size_t>(5, order.size()); ++k)
    std::printf("  %-40s %8.1f\n", a.parameters[order[k]].c_str(), a.evppi[m][order[k]]);
}

}  // namespace

std::string tiers_text(const engine::Comparison& c, const std::vector<std::size_t>& ranking) {
  std::string text;
  std::uint32_t tier = 0;
  for (const std::size_t i : ranking) {
    const std::uint32_t t = c.cells[i].back()[0].decision.tier;
    text += (t != tier ? (tier == 0 ? " " : " | ") : ", ") + c.scenarios[i];
    tier = t;
  }
  return text;
}

void print_table(const engine::Comparison& c, const scenario::Scenario& s) {
  std::printf(
      "common random numbers: seed %llu, %u replicates, %u weeks; mean [90%% band];\n"
      "differences are paired with the baseline '%s', replicate by replicate\n",
      static_cast<unsigned long long>(s.seed), s.replicates, s.weeks, c.scenarios.front().c_str());
  const std::vector<std::string> shown{"reach_per_message", "within_1h",      "within_24h",
                                       "opinion_makers",    "toxic_exposure", "engagements",
                                       "week_reach"};
  for (std::size_t w = 0; w < c.weeks.size(); ++w) {
    std::printf("\nweek %zu (month %.0f)\n  %-*s", c.weeks[w], engine::month_of_week(c.weeks[w]),
                name_width(c), "scenario");
    for (const auto& name : shown)
      std::printf(" %-21s", name.c_str());
    std::printf(" %s\n", "reach vs baseline");
    for (std::size_t i = 0; i < c.scenarios.size(); ++i) {
      std::printf("  %-*s", name_width(c), c.scenarios[i].c_str());
      for (const auto& name : shown) {
        std::printf(" %-21s",
                    band_text(c.cells[i][w][engine::metric_index(c.metrics, name)].level).c_str());
      }
      const bool reference = c.reference[i] == i;
      std::printf(" %s\n", reference ? (i == 0 ? "(baseline)" : "(reference)")
                                     : band_text(c.cells[i][w][0].difference, true).c_str());
    }
  }
  std::printf(
      "\nreach per message by platform / reached there alone (the platform's gain), "
      "week %zu (mean)\n  %-*s",
      c.weeks.back(), name_width(c), "scenario");
  std::vector<std::size_t> platform_metrics;
  for (std::size_t m = 1; m < c.metrics.size() && c.metrics[m].name.rfind("reach_", 0) == 0; ++m) {
    platform_metrics.push_back(m);
    std::printf(" %12s", c.metrics[m].name.substr(6).c_str());
  }
  std::printf("\n");
  const std::size_t platforms = platform_metrics.size();
  for (std::size_t i = 0; i < c.scenarios.size(); ++i) {
    std::printf("  %-*s", name_width(c), c.scenarios[i].c_str());
    for (const std::size_t m : platform_metrics) {
      char cell[32];
      std::snprintf(cell, sizeof cell, "%.0f/%.0f", c.cells[i].back()[m].level.mean,
                    c.cells[i].back()[m + platforms].level.mean);
      std::printf(" %12s", cell);
    }
    std::printf("\n");
  }
  print_week_plan(c, platform_metrics);
  print_message_reach(c);
  print_verdicts(c);
  print_attribution(c);
  std::fflush(stdout);
}

void print_csv(const engine::Comparison& c) {
  std::printf(
      "scenario,kind,week,metric,mean,p05,p95,diff_mean,diff_p05,diff_p95,diff_pct_mean,"
      "diff_pct_p05,diff_pct_p95,p_better,p_best,regret,verdict,tier,reference\n");
  for (std::size_t i = 0; i < c.scenarios.size(); ++i) {
    for (std::size_t w = 0; w < c.weeks.size(); ++w) {
      for (std::size_t m = 0; m < c.metrics.size(); ++m) {
        const auto& cell = c.cells[i][w][m];
        const engine::Decision& d = cell.decision;
        std::printf(
            "%s,%s,%zu,%s,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.4g,%.4g,%.6g,%s,%u,%s\n",
            c.scenarios[i].c_str(), kind_text(c, i), c.weeks[w], c.metrics[m].name.c_str(),
            cell.level.mean, cell.level.low, cell.level.high, cell.difference.mean,
            cell.difference.low, cell.difference.high, d.difference_pct.mean, d.difference_pct.low,
            d.difference_pct.high, d.p_better, d.p_best, d.regret,
            engine::verdict_text(d.verdict).c_str(), d.tier, c.scenarios[c.reference[i]].c_str());
      }
    }
  }
}

std::string comparison_json(const engine::Comparison& c, const scenario::Scenario& s) {
  JsonObject weeks;
  for (std::size_t w = 0; w < c.weeks.size(); ++w) {
    JsonObject scenarios;
    for (std::size_t i = 0; i < c.scenarios.size(); ++i) {
      JsonObject metrics;
      for (std::size_t m = 0; m < c.metrics.size(); ++m) {
        const auto& cell = c.cells[i][w][m];
        JsonObject entry;
        entry.add("mean", cell.level.mean).add("p05", cell.level.low).add("p95", cell.level.high);
        entry.add("diff_mean", cell.difference.mean).add("diff_p05", cell.difference.low);
        entry.add("diff_p95", cell.difference.high);
        const engine::Decision& d = cell.decision;
        entry.add("diff_pct_mean", d.difference_pct.mean).add("diff_pct_p05", d.difference_pct.low);
        entry.add("diff_pct_p95", d.difference_pct.high).add("p_better", d.p_better);
        entry.add("p_best", d.p_best).add("regret", d.regret);
        entry.add("verdict", engine::verdict_text(d.verdict));
        entry.add("tier", std::uint64_t{d.tier});
        metrics.add_object(c.metrics[m].name, entry);
      }
      JsonObject single;
      for (std::size_t k = 0; k < engine::kMessageStatistics.size(); ++k)
        single.add(engine::kMessageStatistics[k], c.message_reach[i][w][k]);
      metrics.add_object("single_message_reach", single);
      if (c.crisis_within_1h.size() == c.scenarios.size()) {
        JsonObject crisis;
        for (std::size_t k = 0; k < engine::kMessageStatistics.size(); ++k)
          crisis.add(engine::kMessageStatistics[k], c.crisis_within_1h[i][w][k]);
        metrics.add_object("single_crisis_within_1h", crisis);
      }
      metrics.add("kind", kind_text(c, i)).add("reference", c.scenarios[c.reference[i]]);
      scenarios.add_object(c.scenarios[i], metrics);
    }
    weeks.add_object(std::to_string(c.weeks[w]), scenarios);
  }
  std::string ranking;
  for (const std::size_t i : c.ranking)
    ranking += (ranking.empty() ? "" : ",") + c.scenarios[i];
  JsonObject out;
  out.add("baseline", c.scenarios.front()).add("seed", s.seed);
  out.add("replicates", std::uint64_t{s.replicates}).add("weeks", std::uint64_t{s.weeks});
  out.add("ranking_by_reach", ranking).add_object("by_week", weeks);
  if (!c.crossed_rankings.empty()) {
    JsonObject crossed;  // by the reference that leads each group
    for (const auto& group : c.crossed_rankings) {
      std::string names;
      for (const std::size_t i : group)
        names += (names.empty() ? "" : ",") + c.scenarios[i];
      crossed.add(c.scenarios[c.reference[group.front()]], names);
    }
    out.add_object("crossed_rankings", crossed);
  }
  out.add("clear_probability", engine::kClearProbability);
  const engine::Attribution& a = c.attribution;
  if (!a.parameters.empty()) {
    JsonObject attribution;
    for (std::size_t k = 0; k < a.metrics.size(); ++k) {
      JsonObject metric, evppi;
      for (std::size_t u = 0; u < a.parameters.size(); ++u)
        evppi.add(a.parameters[u], a.evppi[k][u]);
      metric.add_object("evppi", evppi);
      for (std::size_t i = 1; i < c.scenarios.size(); ++i) {
        JsonObject shares;
        shares.add("parameter_share", a.parameter_share[i][k]);
        for (std::size_t u = 0; u < a.parameters.size(); ++u)
          shares.add(a.parameters[u], a.first_order[i][k][u].mean);
        metric.add_object(c.scenarios[i], shares);
      }
      attribution.add_object(a.metrics[k], metric);
    }
    out.add_object("attribution", attribution);
  }
  return out.str();
}

}  // namespace sim::cli

// The default printed form of a comparison: one block per scenario, the rows the report's cards
// show, the last three report weeks as columns, every line within 80 columns. Numbers above 10
// in absolute value lose their decimal so that a cell never exceeds 20 characters.

#include "sim/cli/comparison_summary.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>

#include "sim/cli/comparison_report.hpp"
#include "sim/engine/decision.hpp"

namespace sim::cli {
namespace {

struct Row {
  const char* metric;
  const char* label;
};

constexpr Row kRows[] = {
    {"reach_per_message", "reach/message"}, {"reach_anchor", "  of followers"},
    {"week_reach", "week of posts"},        {"within_1h", "within 1 h"},
    {"crisis_1h", "crisis, 1 h"},           {"opinion_makers", "opinion makers"},
    {"toxic_exposure", "toxic exposure"}};

/// "+4.4", "-17", "+0.0": one decimal below 10 in absolute value.
std::string signed_number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, std::fabs(value) < 10.0 ? "%+.1f" : "%+.0f", value);
  return text;
}

/// Agents: "6090", "123k" from 100,000 on.
std::string count(double value) {
  char text[32];
  if (std::fabs(value) >= 1e5) {
    std::snprintf(text, sizeof text, "%.0fk", value / 1000.0);
  } else {
    std::snprintf(text, sizeof text, "%.0f", value);
  }
  return text;
}

std::string percent_cell(const engine::Decision& d) {
  return signed_number(d.difference_pct.mean) + "% [" + signed_number(d.difference_pct.low) + ", " +
         signed_number(d.difference_pct.high) + "]";
}

std::string level_cell(const engine::Band& b) {
  return count(b.mean) + " [" + count(b.low) + ", " + count(b.high) + "]";
}

/// Prints `line` without trailing blanks.
void print_line(std::string line) {
  line.erase(line.find_last_not_of(' ') + 1);
  std::printf("%s\n", line.c_str());
}

/// Prints `text` in lines of at most 80 columns, broken at spaces; the later lines are indented
/// three columns more than the first (which keeps its own leading blanks).
void print_wrapped(const std::string& text) {
  const std::size_t indent = std::min(text.find_first_not_of(' '), text.size());
  const std::string first(indent, ' '), later(indent + 3, ' ');
  std::string line = first;
  std::size_t begin = indent;
  while (begin < text.size()) {
    const std::size_t end = std::min(text.find(' ', begin), text.size());
    const std::string word = text.substr(begin, end - begin);
    const bool fresh = line == first || line == later;
    if (!fresh && line.size() + 1 + word.size() > 80) {
      print_line(line);
      line = later;
    }
    line += (line == first || line == later ? "" : " ") + word;
    begin = end + 1;
  }
  print_line(line);
}

/// The last three report weeks (all when there are fewer).
std::vector<std::size_t> shown_weeks(const engine::Comparison& c) {
  std::vector<std::size_t> weeks;
  for (std::size_t w = c.weeks.size() > 3 ? c.weeks.size() - 3 : 0; w < c.weeks.size(); ++w)
    weeks.push_back(w);
  return weeks;
}

void print_block(const engine::Comparison& c, std::size_t i, const std::vector<std::string>& labels,
                 bool reference) {
  const std::vector<std::size_t> weeks = shown_weeks(c);
  const std::size_t last = c.weeks.size() - 1;
  std::printf("\n");
  print_wrapped(labels[i] + " (" + c.scenarios[i] + ")");
  if (reference) {
    std::printf("  %s: agents, mean [90%% band]\n", i == 0 ? "the baseline" : "the reference");
  } else {
    const engine::Decision& d = c.cells[i][last][0].decision;
    char probabilities[96];
    std::snprintf(probabilities, sizeof probabilities, ": P(better) %.2f", d.p_better);
    std::string verdict = "  " + engine::verdict_text(d.verdict) + " against " +
                          c.scenarios[c.reference[i]] + probabilities;
    if (c.strategy[i]) {
      std::snprintf(probabilities, sizeof probabilities, ", P(best) %.2f, tier %u", d.p_best,
                    d.tier);
      verdict += probabilities;
    } else {
      verdict += " (a what-if, not ranked)";
    }
    print_wrapped(verdict);
  }
  char cell[64];
  std::string line = "                ";
  for (const std::size_t w : weeks) {
    std::snprintf(cell, sizeof cell, " %-20s",
                  ("week " + std::to_string(c.weeks[w]) + " (month " +
                   count(engine::month_of_week(c.weeks[w])) + ")")
                      .c_str());
    line += cell;
  }
  print_line(line);
  for (const Row& row : kRows) {
    const auto at = std::find_if(c.metrics.begin(), c.metrics.end(),
                                 [&](const engine::MetricSpec& m) { return m.name == row.metric; });
    if (at == c.metrics.end()) continue;
    const auto m = static_cast<std::size_t>(at - c.metrics.begin());
    const auto& reference_cells = c.cells[c.reference[i]].back();
    if (engine::is_crisis_metric(row.metric) && reference_cells[m].level.mean == 0.0) continue;
    // The anchor's followers apart only when the audience holds others too.
    if (std::string_view(row.metric) == "reach_anchor" &&
        reference_cells[m].level.mean == reference_cells[0].level.mean)
      continue;
    std::snprintf(cell, sizeof cell, "  %-14s", row.label);
    line = cell;
    for (const std::size_t w : weeks) {
      const engine::MetricCell& at_week = c.cells[i][w][m];
      std::snprintf(
          cell, sizeof cell, " %-20s",
          (reference ? level_cell(at_week.level) : percent_cell(at_week.decision)).c_str());
      line += cell;
    }
    print_line(line);
  }
}

void print_footer(const engine::Comparison& c) {
  std::printf("\n");
  print_wrapped("tiers by reach per message at month " +
                count(engine::month_of_week(c.weeks.back())) + ":" + tiers_text(c, c.ranking));
  const engine::Attribution& a = c.attribution;
  const std::string worlds = std::to_string(c.worlds);
  if (a.parameters.empty() || a.evppi.empty()) {
    print_wrapped("bands: simulation noise of " + worlds +
                  " replicates alone (every parameter fixed; --priors adds what is not known)");
  } else {
    print_wrapped("bands: " + worlds + " worlds, simulation noise and " +
                  std::to_string(a.parameters.size()) + " uncertain parameters");
    const auto& evppi = a.evppi.front();  // reach_per_message
    const auto top =
        static_cast<std::size_t>(std::max_element(evppi.begin(), evppi.end()) - evppi.begin());
    if (evppi[top] >= 0.5) {
      print_wrapped("measure first: " + a.parameters[top] + " (knowing it is worth " +
                    count(evppi[top]) + " agents per message)");
    }
  }
  std::printf("--wide: every metric and report week, platforms, the week plan, drivers\n");
}

}  // namespace

void print_summary(const engine::Comparison& c, const scenario::Scenario& s,
                   const std::vector<std::string>& labels) {
  print_wrapped(labels.front() + " is the baseline; seed " + std::to_string(s.seed) + ", " +
                std::to_string(s.replicates) + " worlds, " + std::to_string(s.weeks) +
                " weeks. Changes are paired with the reference world by world: mean [90% band], "
                "in percent of the reference.");
  print_block(c, 0, labels, true);
  // The strategies best first, then the what-ifs, then each group crossed with a what-if.
  for (const std::size_t i : c.ranking) {
    if (i != 0) print_block(c, i, labels, false);
  }
  for (std::size_t i = 1; i < c.scenarios.size(); ++i) {
    if (!c.strategy[i] && c.reference[i] == 0) print_block(c, i, labels, false);
  }
  for (std::size_t i = 1; i < c.scenarios.size(); ++i) {
    if (c.reference[i] != 0) print_block(c, i, labels, c.reference[i] == i);
  }
  print_footer(c);
  std::fflush(stdout);
}

}  // namespace sim::cli

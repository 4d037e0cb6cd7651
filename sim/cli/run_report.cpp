#include "sim/cli/run_report.hpp"

#include <cstdio>

#include "sim/engine/comparison_plan.hpp"

namespace sim::cli {
namespace {

JsonObject band_json(const engine::Band& b) {
  JsonObject out;
  out.add("mean", b.mean).add("p05", b.low).add("p95", b.high);
  return out;
}

/// The week's posting plan: posts and impressions by platform, agents reached at least once.
void print_week_plan(const engine::WeekSummary& s) {
  double impressions = 0.0;
  for (const auto& p : s.platforms)
    impressions += p.impressions.mean;
  std::printf("  a week of the posting plan reaches %s agents at least once; impressions:",
              band_text(s.week_reached).c_str());
  for (const auto& p : s.platforms) {
    if (p.posts.mean <= 0.0) continue;
    std::printf(" %s %.0f (%.1f posts, %.0f%%)", p.platform.c_str(), p.impressions.mean,
                p.posts.mean, impressions > 0.0 ? 100.0 * p.impressions.mean / impressions : 0.0);
  }
  std::printf("\n");
}

}  // namespace

std::string band_text(const engine::Band& b, bool sign) {
  char text[64];
  std::snprintf(text, sizeof text, sign ? "%+.0f [%+.0f, %+.0f]" : "%.0f [%.0f, %.0f]", b.mean,
                b.low, b.high);
  return text;
}

void print_run_summary(const engine::SeriesTable& table) {
  if (table.replicates == 0 || table.weeks == 0) return;
  std::printf("mean across %zu replicates [90%% band]\n", table.replicates);
  for (const std::size_t week : engine::report_weeks(table.weeks - 1)) {
    const engine::WeekSummary s = engine::summarise_week(table, week);
    std::printf("week %zu: active anywhere %s\n", week, band_text(s.active_anywhere).c_str());
    std::printf("  %-12s %-22s %-22s %-22s %-22s\n", "platform", "accounts", "active",
                "followers (active)", s.has_reach ? "reach per message" : "");
    for (const auto& p : s.platforms) {
      std::printf("  %-12s %-22s %-22s %-22s %-22s\n", p.platform.c_str(),
                  band_text(p.accounts).c_str(), band_text(p.active).c_str(),
                  band_text(p.followers).c_str(), s.has_reach ? band_text(p.reach).c_str() : "");
    }
    if (s.has_reach) {
      std::printf("  a cross-posted message reaches %s agents (%s within 1 h, %s within 24 h)\n",
                  band_text(s.reach_per_message).c_str(), band_text(s.within_1h).c_str(),
                  band_text(s.within_24h).c_str());
    }
    if (s.has_plan) print_week_plan(s);
  }
}

JsonObject run_summary_json(const engine::SeriesTable& table) {
  JsonObject weeks;
  if (table.weeks == 0) return weeks;
  for (const std::size_t week : engine::report_weeks(table.weeks - 1)) {
    const engine::WeekSummary s = engine::summarise_week(table, week);
    JsonObject platforms;
    for (const auto& p : s.platforms) {
      JsonObject platform;
      platform.add_object("accounts", band_json(p.accounts));
      platform.add_object("active", band_json(p.active));
      platform.add_object("followers", band_json(p.followers));
      if (s.has_reach) platform.add_object("reach_per_message", band_json(p.reach));
      if (s.has_plan) {
        platform.add_object("week_posts", band_json(p.posts));
        platform.add_object("week_impressions", band_json(p.impressions));
      }
      platforms.add_object(p.platform, platform);
    }
    JsonObject entry;
    entry.add_object("active_anywhere", band_json(s.active_anywhere));
    if (s.has_reach) {
      entry.add_object("reach_per_message", band_json(s.reach_per_message));
      entry.add_object("reached_within_1h", band_json(s.within_1h));
      entry.add_object("reached_within_24h", band_json(s.within_24h));
    }
    if (s.has_plan) entry.add_object("week_reach", band_json(s.week_reached));
    entry.add_object("platforms", platforms);
    weeks.add_object(std::to_string(week), entry);
  }
  return weeks;
}

}  // namespace sim::cli

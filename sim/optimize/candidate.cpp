// A candidate's time line is computed once here and both the scenario file and the limits read
// it, so the file the search simulates and the limits it is held to cannot disagree.

#include "sim/optimize/candidate.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "sim/util/text.hpp"

namespace sim::optimize {

std::vector<double> full_values(const Plan& plan, const std::vector<double>& point) {
  std::vector<double> values;
  std::size_t next = 0;
  for (const Variable& v : plan.variables)
    values.push_back(v.free() ? v.snapped(point.at(next++)) : v.min);
  return values;
}

std::vector<double> free_point(const Plan& plan, const std::vector<double>& values) {
  std::vector<double> point;
  for (std::size_t i = 0; i < plan.variables.size(); ++i) {
    if (plan.variables[i].free()) point.push_back(values.at(i));
  }
  return point;
}

double value_of(const Plan& plan, const std::vector<double>& values, const std::string& name) {
  for (std::size_t i = 0; i < plan.variables.size(); ++i) {
    if (plan.variables[i].name == name) return values.at(i);
  }
  return 0.0;
}

namespace {

std::uint32_t weeks_of(double value) {
  return static_cast<std::uint32_t>(std::max(0.0, std::round(value)));
}

}  // namespace

Timeline timeline_of(const Plan& plan, const std::vector<double>& values) {
  Timeline t;
  const std::uint32_t weeks = plan.weeks;
  std::uint32_t reference = weeks + 1;  // the week the joins are counted back from
  if (!plan.leave.empty()) {
    reference = weeks_of(value_of(plan, values, "leave_week"));
    t.leaves = reference <= weeks;
    t.leave_week = reference;
  }
  const std::uint32_t crosspost = weeks_of(value_of(plan, values, "crosspost_weeks"));
  t.join_week = plan.leave.empty() ? std::max(1U, weeks_of(value_of(plan, values, "join_week")))
                                   : (reference > crosspost + 1 ? reference - crosspost : 1U);
  for (const std::string& p : plan.joinable) {
    if (value_of(plan, values, "join." + p) >= 0.5) t.joined.push_back(p);
  }
  t.joins = !t.joined.empty() && t.join_week <= weeks;
  t.posts.assign(plan.platforms.size(), 0.0);
  for (std::size_t k = 0; k < plan.platforms.size(); ++k) {
    const std::string& name = plan.platforms[k];
    const bool joined =
        t.joins && std::find(t.joined.begin(), t.joined.end(), name) != t.joined.end();
    if (!plan.present[k] && !joined) continue;
    t.posts[k] = plan.find("posts." + name) != nullptr ? value_of(plan, values, "posts." + name)
                                                       : plan.base_posts[k];
  }
  if (t.leaves) {
    const std::uint32_t notice = weeks_of(value_of(plan, values, "announce_weeks"));
    t.announce_on = plan.leave;
    t.announce_start = t.leave_week > notice + 1 ? t.leave_week - notice : 1U;
    t.announce_weeks = t.leave_week - std::min(t.announce_start, t.leave_week);
  } else if (!plan.announce_on.empty()) {
    t.announce_on = plan.announce_on;
    t.announce_start = std::max(1U, weeks_of(value_of(plan, values, "announce_week")));
    t.announce_weeks = weeks_of(value_of(plan, values, "announce_weeks"));
  }
  for (std::size_t k = 0; k < plan.platforms.size() && t.announce_weeks > 0; ++k) {
    if (plan.platforms[k] != t.announce_on && t.posts[k] > 0.0)
      t.announced.push_back(plan.platforms[k]);
  }
  if (t.announced.empty()) t.announce_weeks = 0;
  return t;
}

Usage peak_usage(const Plan& plan, const Timeline& t) {
  // Presence changes only at the join and the leave: the weeks before, between and after.
  std::vector<std::uint32_t> weeks{0};
  if (t.joins) weeks.push_back(t.join_week);
  if (t.leaves) weeks.push_back(t.leave_week);
  Usage peak;
  for (const std::uint32_t week : weeks) {
    Usage now;
    for (std::size_t k = 0; k < plan.platforms.size(); ++k) {
      const std::string& name = plan.platforms[k];
      bool on = plan.present[k];
      if (t.joins && week >= t.join_week &&
          std::find(t.joined.begin(), t.joined.end(), name) != t.joined.end()) {
        on = true;
      }
      if (t.leaves && week >= t.leave_week && name == plan.leave) on = false;
      if (!on || t.posts[k] <= 0.0) continue;
      ++now.platforms;
      now.posts_per_week += t.posts[k];
    }
    peak.platforms = std::max(peak.platforms, now.platforms);
    peak.posts_per_week = std::max(peak.posts_per_week, now.posts_per_week);
  }
  return peak;
}

std::string limit_problem(const Plan& plan, const std::vector<double>& values) {
  const Usage peak = peak_usage(plan, timeline_of(plan, values));
  if (plan.max_platforms > 0 && peak.platforms > plan.max_platforms) {
    return "on " + std::to_string(peak.platforms) +
           " platforms at once (max_platforms = " + std::to_string(plan.max_platforms) + ")";
  }
  if (plan.posting_budget > 0.0 && peak.posts_per_week > plan.posting_budget * (1.0 + 1e-12)) {
    char text[96];
    std::snprintf(text, sizeof text, "%.4g posts a week (posting_budget = %.4g)",
                  peak.posts_per_week, plan.posting_budget);
    return text;
  }
  return "";
}

namespace {

std::string quoted_list(const std::vector<std::string>& names) {
  std::string out = "[";
  for (std::size_t i = 0; i < names.size(); ++i)
    out += (i ? ", \"" : "\"") + names[i] + "\"";
  return out + "]";
}

std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string candidate_toml(const Plan& plan, const std::vector<double>& values,
                           const std::string& extends, const std::string& name) {
  const Timeline t = timeline_of(plan, values);
  std::ostringstream out;
  out << "# A plan found by trek optimize (" << plan.file << "); every value below is a "
      << "decision.\nextends = " << quoted(extends) << "\nname = " << quoted(name)
      << "\ndescription = " << quoted(describe(plan, values))
      << "\nbaseline = false\nkind = \"strategy\"\n";
  for (std::size_t k = 0; k < plan.platforms.size(); ++k) {
    const bool decided = plan.find("posts." + plan.platforms[k]) != nullptr;
    if (!decided && !(t.joins && t.posts[k] > 0.0 && !plan.present[k])) continue;
    if (t.posts[k] <= 0.0 && !plan.present[k]) continue;
    out << "\n[strategy." << plan.platforms[k]
        << "]\nposts_per_week = " << util::exact_text(t.posts[k]) << '\n';
  }
  struct Line {
    std::uint32_t week;
    std::string text;
  };
  std::vector<Line> events;
  if (t.joins) {
    for (const std::string& p : t.joined) {
      events.push_back({t.join_week, "type = \"join\"\nplatform = " + quoted(p) +
                                         "\nweek = " + std::to_string(t.join_week)});
    }
  }
  if (t.announce_weeks > 0) {
    events.push_back({t.announce_start, "type = \"announce\"\nplatform = " + quoted(t.announce_on) +
                                            "\nto = " + quoted_list(t.announced) +
                                            "\nweek = " + std::to_string(t.announce_start) +
                                            "\nweeks = " + std::to_string(t.announce_weeks) +
                                            "\nshare = " + util::exact_text(plan.announce_share)});
  }
  if (t.leaves) {
    events.push_back({t.leave_week, "type = \"leave\"\nplatform = " + quoted(plan.leave) +
                                        "\nweek = " + std::to_string(t.leave_week)});
  }
  std::stable_sort(events.begin(), events.end(),
                   [](const Line& a, const Line& b) { return a.week < b.week; });
  for (const Line& e : events)
    out << "\n[[events]]\n" << e.text << '\n';
  return out.str();
}

std::string describe(const Plan& plan, const std::vector<double>& values) {
  const Timeline t = timeline_of(plan, values);
  std::ostringstream out;
  if (!plan.leave.empty()) {
    if (t.leaves) {
      out << "leave " << plan.leave << " in week " << t.leave_week;
      if (t.announce_weeks == 1) out << " after 1 week's notice";
      if (t.announce_weeks > 1) out << " after " << t.announce_weeks << " weeks' notice";
    } else {
      out << "stay on " << plan.leave;
    }
  } else if (t.announce_weeks > 0) {
    out << "announce on " << t.announce_on << " from week " << t.announce_start << " for "
        << t.announce_weeks << (t.announce_weeks == 1 ? " week" : " weeks");
  } else if (!plan.announce_on.empty()) {
    out << "announce nothing";
  }
  if (t.joins) {
    out << (out.tellp() > 0 ? "; " : "") << "join";
    for (const std::string& p : t.joined)
      out << ' ' << p;
    out << " in week " << t.join_week;
  } else if (!plan.joinable.empty()) {
    out << (out.tellp() > 0 ? "; " : "") << "join nothing";
  }
  std::string posts;
  for (std::size_t k = 0; k < plan.platforms.size(); ++k) {
    if (plan.find("posts." + plan.platforms[k]) == nullptr || t.posts[k] <= 0.0) continue;
    char number[32];
    std::snprintf(number, sizeof number, "%.3g", t.posts[k]);
    posts += (posts.empty() ? "" : ", ") + plan.platforms[k] + " " + number;
  }
  if (!posts.empty()) out << (out.tellp() > 0 ? "; " : "") << "posts per week: " << posts;
  return out.str();
}

}  // namespace sim::optimize

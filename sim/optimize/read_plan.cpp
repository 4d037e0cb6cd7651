// The plan file is read with the strict typed reader of scenario files; the base scenario is read
// with the plan's overrides (priors, [set], seed and worlds), and its platforms, weeks and the
// organisation's presence are what the decisions are checked against.

#include "sim/optimize/read_plan.hpp"

#include <algorithm>
#include <limits>

#include "sim/engine/comparison.hpp"
#include "sim/engine/comparison_plan.hpp"
#include "sim/engine/run_scenario.hpp"
#include "sim/optimize/candidate_check.hpp"
#include "sim/scenario/document.hpp"
#include "sim/scenario/priors_file.hpp"
#include "sim/scenario/read_scenario.hpp"
#include "sim/scenario/table_reader.hpp"
#include "sim/util/did_you_mean.hpp"
#include "sim/util/error.hpp"
#include "sim/util/input_file.hpp"
#include "sim/util/text.hpp"

namespace sim::optimize {
namespace {

using scenario::TableReader;

constexpr std::size_t kMaxFree = 16;

/// A list of distinct strings.
std::vector<std::string> strings(TableReader& reader, std::string_view key) {
  std::vector<std::string> out = reader.strings(key);
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (std::find(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(i), out[i]) !=
        out.begin() + static_cast<std::ptrdiff_t>(i))
      throw util::InputError(reader.where(key), "'" + out[i] + "' is listed twice");
  }
  return out;
}

/// A platform of the base scenario, or an error with "did you mean".
void check_platform(const Plan& plan, const util::InputLocation& where, const std::string& name) {
  if (std::find(plan.platforms.begin(), plan.platforms.end(), name) != plan.platforms.end()) return;
  const std::vector<std::string_view> known(plan.platforms.begin(), plan.platforms.end());
  throw util::InputError(where, "the base scenario has no platform '" + name + "'" +
                                    util::suggestion_suffix(name, known));
}

bool present(const Plan& plan, const std::string& name) {
  const std::size_t k = plan.platform_index(name);
  return k < plan.platforms.size() && plan.present[k];
}

/// A decision: a number (fixed) or { min, max } (free), within [lo, hi].
/// `key` must outlive `r` (a literal, or a key of `table`): the reader keeps a view of it.
Variable read_variable(TableReader& r, const toml::table& table, std::string_view key,
                       VariableKind kind, double lo, double hi, double fallback) {
  Variable v{std::string(key), kind, fallback, fallback, 0};
  const toml::node* node = table.get(key);
  if (node == nullptr) return v;
  r.allow(key);
  v.line = scenario::line_of(*node);
  const util::InputLocation where = r.where(key);
  const bool weeks = kind == VariableKind::kWeeks;
  const auto number = [&](const toml::node& n, const std::string& name) {
    if (!n.is_number() || (weeks && !n.is_integer())) {
      throw util::InputError(where, std::string(weeks ? "takes whole weeks" : "takes a number") +
                                        " or { min = ..., max = ... }" +
                                        (name.empty() ? "" : " (" + name + ")"));
    }
    const double value = scenario::number_of(n);
    if (!(value >= lo && value <= hi)) {
      throw util::InputError(where, (name.empty() ? std::string("value ") : name + " ") +
                                        util::exact_text(value) + " is outside [" +
                                        util::exact_text(lo) + ", " + util::exact_text(hi) + "]");
    }
    return value;
  };
  if (const toml::table* range = node->as_table()) {
    for (const auto& [part, ignored] : *range) {
      if (part.str() != "min" && part.str() != "max") {
        throw util::InputError(
            where, "unknown key '" + std::string(part.str()) + "' (a range takes min and max)");
      }
    }
    if (!range->contains("min") || !range->contains("max"))
      throw util::InputError(where, "a range needs both min and max");
    v.min = number(*range->get("min"), "min");
    v.max = number(*range->get("max"), "max");
    if (!(v.min < v.max)) throw util::InputError(where, "empty range: min must be below max");
  } else {
    v.min = v.max = number(*node, "");
  }
  return v;
}

/// Without a platform to leave: an announcement on `announce_on` while the organisation stays,
/// from announce_week for announce_weeks weeks.
void read_staying_announcement(TableReader& r, const toml::table& table, Plan& plan) {
  for (const char* key : {"leave_week", "crosspost_weeks"}) {
    if (table.contains(key))
      throw util::InputError(r.where(key), "needs a platform to leave (decisions.leave)");
  }
  plan.announce_on = r.text("announce_on", "");
  if (plan.announce_on.empty()) {
    for (const char* key : {"announce_week", "announce_weeks", "announce_share"}) {
      if (table.contains(key))
        throw util::InputError(r.where(key),
                               "needs a platform to leave (decisions.leave) or "
                               "to announce on (decisions.announce_on)");
    }
    return;
  }
  check_platform(plan, r.where("announce_on"), plan.announce_on);
  if (!present(plan, plan.announce_on))
    throw util::InputError(r.where("announce_on"), "the organisation is not on " +
                                                       plan.announce_on + " in the base scenario");
  const double weeks = plan.weeks;
  plan.variables.push_back(
      read_variable(r, table, "announce_week", VariableKind::kWeeks, 1, weeks, 1));
  plan.variables.push_back(
      read_variable(r, table, "announce_weeks", VariableKind::kWeeks, 0, weeks, 0));
  plan.announce_share = r.real("announce_share", plan.announce_share, 0.0, 1.0);
}

void read_decisions(TableReader& root, Plan& plan) {
  const toml::table* table = root.table("decisions");
  if (table == nullptr)
    throw util::InputError(root.where("decisions"), "a plan needs a [decisions] table");
  TableReader r(*table, plan.file, "decisions");
  const double weeks = plan.weeks;
  plan.leave = r.text("leave", "");
  if (!plan.leave.empty()) {
    check_platform(plan, r.where("leave"), plan.leave);
    if (!present(plan, plan.leave))
      throw util::InputError(r.where("leave"),
                             "the organisation is not on " + plan.leave + " in the base scenario");
    if (!table->contains("leave_week"))
      throw util::InputError(r.where("leave_week"), "a plan that may leave needs leave_week");
    plan.variables.push_back(
        read_variable(r, *table, "leave_week", VariableKind::kWeeks, 1, weeks + 1, weeks + 1));
    plan.variables.push_back(
        read_variable(r, *table, "crosspost_weeks", VariableKind::kWeeks, 0, weeks, 0));
    plan.variables.push_back(
        read_variable(r, *table, "announce_weeks", VariableKind::kWeeks, 0, weeks, 0));
    plan.announce_share = r.real("announce_share", plan.announce_share, 0.0, 1.0);
  } else {
    read_staying_announcement(r, *table, plan);
  }
  plan.joinable = strings(r, "join");
  for (const std::string& p : plan.joinable) {
    check_platform(plan, r.where("join"), p);
    if (present(plan, p) || p == plan.leave)
      throw util::InputError(r.where("join"),
                             "the organisation is already on " + p + " in the base scenario");
  }
  if (plan.leave.empty() && !plan.joinable.empty()) {
    plan.variables.push_back(
        read_variable(r, *table, "join_week", VariableKind::kWeeks, 1, weeks, 1));
  } else if (table->contains("join_week")) {
    throw util::InputError(r.where("join_week"),
                           plan.joinable.empty()
                               ? "there is no platform to join (decisions.join)"
                               : "with a platform to leave, the joins come crosspost_weeks "
                                 "before leave_week");
  }
  for (const std::string& p : plan.joinable)
    plan.variables.push_back({"join." + p, VariableKind::kChoice, 0, 1, scenario::line_of(*table)});
  plan.max_platforms = static_cast<std::uint32_t>(r.integer("max_platforms", 0, 0, 16));
  plan.posting_budget = r.real("posting_budget", 0.0, 0.0, 10000.0);
  if (const toml::table* posts = r.table("posts")) {
    TableReader p(*posts, plan.file, "decisions.posts");
    for (const auto& [key, node] : *posts) {
      const std::string name(key.str());
      check_platform(plan, p.where(name), name);
      const bool joins =
          std::find(plan.joinable.begin(), plan.joinable.end(), name) != plan.joinable.end();
      if (!present(plan, name) && !joins)
        throw util::InputError(
            p.where(name), "the organisation is not on " + name + " and the plan does not join it");
      Variable v = read_variable(p, *posts, key.str(), VariableKind::kPosts, 0, 10000, 0);
      if (joins && v.min <= 0.0)
        throw util::InputError(p.where(name), "a platform the plan joins needs posts above 0");
      v.name = "posts." + name;
      plan.variables.push_back(v);
    }
    p.check_unknown();
  }
  for (const std::string& p : plan.joinable) {
    const std::size_t k = plan.platform_index(p);
    if (plan.find("posts." + p) == nullptr && plan.base_posts[k] <= 0.0)
      throw util::InputError(r.where("posts"), "give decisions.posts." + p +
                                                   " (the base scenario posts nothing there)");
  }
  r.check_unknown();
}

Goal read_goal(TableReader& r, const Plan& plan, const scenario::Scenario& base) {
  Goal g;
  const std::vector<engine::MetricSpec> metrics = engine::comparison_metrics(plan.platforms);
  std::vector<std::string_view> names;
  for (const engine::MetricSpec& m : metrics)
    names.push_back(m.name);
  g.metric = r.text("metric", g.metric);
  const auto found = std::find(names.begin(), names.end(), g.metric);
  if (found == names.end())
    throw util::InputError(r.where("metric"), "unknown metric '" + g.metric + "'" +
                                                  util::suggestion_suffix(g.metric, names));
  g.higher_is_better = metrics[static_cast<std::size_t>(found - names.begin())].higher_is_better;
  const std::string statistic = r.choice("statistic", "mean", {"mean", "quantile"});
  const double q = r.real("quantile", 0.1, 0.001, 0.999);
  if (statistic == "quantile") g.quantile = q;
  g.week = static_cast<std::uint32_t>(r.integer("week", plan.weeks, 1, plan.weeks));
  g.from_week = static_cast<std::uint32_t>(r.integer("from_week", 0, 0, plan.weeks));
  if (g.from_week > g.week)
    throw util::InputError(r.where("from_week"),
                           "must be at most week (" + std::to_string(g.week) + ")");
  if (g.from_week > 0 &&
      (engine::is_week_plan_metric(g.metric) || engine::is_crisis_metric(g.metric)))
    throw util::InputError(r.where("from_week"),
                           g.metric + " is simulated only at some weeks: give week alone");
  const auto has = [&](const std::vector<std::uint32_t>& weeks) {
    return std::find(weeks.begin(), weeks.end(), g.week) != weeks.end();
  };
  if (engine::is_week_plan_metric(g.metric) && !has(engine::plan_weeks(base)))
    throw util::InputError(r.where("week"), g.metric +
                                                " is simulated only at the plan weeks "
                                                "(the report weeks, reach.plan_every)");
  if (engine::is_crisis_metric(g.metric) && !has(engine::crisis_weeks(base)))
    throw util::InputError(r.where("week"),
                           g.metric +
                               " is simulated only at the report weeks with crisis "
                               "messages");
  return g;
}

void read_constraints(TableReader& root, Plan& plan, const scenario::Scenario& base) {
  const toml::array* list = root.array("constraints");
  if (list == nullptr) return;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const toml::table* table = (*list)[i].as_table();
    const std::string key = "constraints." + std::to_string(i);
    if (table == nullptr)
      throw util::InputError(root.where("constraints"), "write each constraint as [[constraints]]");
    TableReader r(*table, plan.file, key);
    Constraint c;
    c.line = scenario::line_of(*table);
    c.goal = read_goal(r, plan, base);
    const bool most = table->contains("at_most"), least = table->contains("at_least");
    if (most == least)
      throw util::InputError(r.where("metric"), "a constraint needs at_most or at_least, not both");
    c.at_most = most;
    constexpr double kHuge = 1e300;
    c.bound = r.real(most ? "at_most" : "at_least", 0.0, -kHuge, kHuge);
    r.check_unknown();
    plan.constraints.push_back(c);
  }
}

void read_search(TableReader& root, Plan& plan) {
  const toml::table* table = root.table("search");
  if (table == nullptr) return;
  TableReader r(*table, plan.file, "search");
  SearchSettings& s = plan.search;
  s.grid = r.choice("method", "gp-ei", {"gp-ei", "grid"}) == "grid";
  s.steps = static_cast<std::uint32_t>(r.integer("steps", s.steps, 2, 1000));
  s.initial = static_cast<std::uint32_t>(r.integer("initial", s.initial, 2, 10000));
  s.evaluations = static_cast<std::uint32_t>(r.integer("evaluations", s.evaluations, 2, 10000));
  s.batch = static_cast<std::uint32_t>(r.integer("batch", s.batch, 1, 64));
  s.pool = static_cast<std::uint32_t>(r.integer("pool", s.pool, 16, 1000000));
  if (s.grid) return r.check_unknown();
  if (s.evaluations < s.initial)
    throw util::InputError(r.where("evaluations"),
                           "must be at least initial (" + std::to_string(s.initial) + ")");
  r.check_unknown();
}

void read_base(TableReader& root, Plan& plan) {
  const std::string base = root.text("base", "");
  if (base.empty()) throw util::InputError(root.where("base"), "a plan names its base scenario");
  plan.base = util::beside(plan.file, base);
  const std::string priors = root.text("priors", "");
  try {
    util::check_input_file(plan.base);
    if (!priors.empty())
      plan.overrides = scenario::priors_overrides(util::beside(plan.file, priors));
  } catch (const util::InputError& e) {
    throw util::InputError(root.where(priors.empty() ? "base" : "priors"), e.what());
  }
  for (std::string& o : strings(root, "set"))
    plan.overrides.push_back(std::move(o));
  for (const std::string& c : strings(root, "compare")) {
    plan.compare.push_back(util::beside(plan.file, c));
    try {
      util::check_input_file(plan.compare.back());
    } catch (const util::InputError& e) {
      throw util::InputError(root.where("compare"), e.what());
    }
  }
  constexpr std::uint64_t kMaxSeed = std::numeric_limits<std::int64_t>::max();
  plan.seed = root.integer("seed", plan.seed, 0, kMaxSeed - 1);
  plan.worlds = static_cast<std::uint32_t>(root.integer("worlds", plan.worlds, 2, 100000));
  plan.verify_worlds =
      static_cast<std::uint32_t>(root.integer("verify_worlds", plan.verify_worlds, 2, 100000));
  plan.verify_seed = root.integer("verify_seed", plan.seed + 1, 0, kMaxSeed);
  if (plan.verify_seed == plan.seed)
    throw util::InputError(root.where("verify_seed"),
                           "the final comparison needs worlds the search did not see: a seed "
                           "other than seed");
  plan.overrides.push_back("simulation.seed=" + std::to_string(plan.seed));
  plan.overrides.push_back("simulation.replicates=" + std::to_string(plan.worlds));
}

/// The final comparison's scenarios read now, so that a bad one is said before the search.
void check_comparison(const TableReader& root, const Plan& plan) {
  if (plan.compare.empty()) return;
  std::vector<std::string> files{plan.base};
  files.insert(files.end(), plan.compare.begin(), plan.compare.end());
  try {
    static_cast<void>(engine::plan_comparison({files, plan.overrides, false}));
  } catch (const util::InputError& e) {
    throw util::InputError(root.where("compare"),
                           "in the compared scenarios: " + std::string(e.what()));
  }
}

}  // namespace

Plan read_plan(const std::string& path) {
  const toml::table document = scenario::parse_toml(path);
  Plan plan;
  plan.file = path;
  plan.text = util::read_input_file(path, scenario::kMaxTomlBytes);
  if (!document.contains("base") &&
      (document.contains("platforms") || document.contains("extends")))
    throw util::InputError({path, 0, ""},
                           "is a scenario file, not a plan: 'trek run' and "
                           "'trek compare' read it");
  TableReader root(document, path, "");
  read_base(root, plan);
  scenario::Scenario base;
  try {
    base = scenario::read_scenario(plan.base, plan.overrides);
  } catch (const util::InputError& e) {
    throw util::InputError(root.where("base"), "in the base scenario: " + std::string(e.what()));
  }
  if (base.kind != scenario::ScenarioKind::kStrategy)
    throw util::InputError(root.where("base"), "the base must be a strategy, not a what-if");
  plan.weeks = base.weeks;
  for (const scenario::PlatformParams& p : base.platforms) {
    plan.platforms.push_back(p.name);
    plan.present.push_back(p.organisation_present);
    plan.base_posts.push_back(p.posts_per_week);
  }
  check_comparison(root, plan);
  read_decisions(root, plan);
  if (const toml::table* objective = root.table("objective")) {
    TableReader r(*objective, path, "objective");
    plan.objective = read_goal(r, plan, base);
    r.check_unknown();
  } else {
    plan.objective.week = plan.weeks;
  }
  read_constraints(root, plan, base);
  read_search(root, plan);
  root.check_unknown();
  const std::size_t free = plan.free_variables().size();
  if (free == 0)
    throw util::InputError(root.where("decisions"), "every decision is fixed: nothing to search");
  if (free > kMaxFree)
    throw util::InputError(root.where("decisions"), std::to_string(free) +
                                                        " free decisions; the search takes at "
                                                        "most " +
                                                        std::to_string(kMaxFree));
  check_candidates(plan);
  return plan;
}

}  // namespace sim::optimize

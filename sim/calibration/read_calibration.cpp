// The file is read as a scenario document (size and nesting checks), its keys with the strict
// typed reader; the priors become overrides of the base scenario, so they are checked against
// each parameter's range exactly as priors files are.

#include "sim/calibration/read_calibration.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "sim/scenario/document.hpp"
#include "sim/scenario/priors_file.hpp"
#include "sim/scenario/read_scenario.hpp"
#include "sim/scenario/table_reader.hpp"
#include "sim/util/error.hpp"
#include "sim/util/input_file.hpp"
#include "sim/util/parse_number.hpp"

namespace sim::calibration {
namespace {

using scenario::TableReader;

AbcSettings read_method(TableReader& reader, std::uint64_t seed) {
  AbcSettings s;
  s.seed = seed;
  reader.choice("name", "abc-smc", {"abc-smc"});
  s.sampler = reader.choice("sampler", "importance", {"importance", "moves"}) == "moves"
                  ? Sampler::kMoves
                  : Sampler::kImportance;
  s.moves = reader.integer("moves", s.moves, 1, 1000);
  s.kernel = reader.choice("kernel", "global", {"global", "local"}) == "local"
                 ? KernelKind::kLocal
                 : KernelKind::kGlobal;
  s.particles = reader.integer("particles", s.particles, 2, (1U << 24U) - 1);
  s.generations = reader.integer("generations", s.generations, 1, (1U << 20U) - 1);
  s.quantile = reader.real("quantile", s.quantile, 0.01, 0.99);
  s.min_acceptance = reader.real("min_acceptance", s.min_acceptance, 0.0, 0.99);
  s.tolerance = reader.real("tolerance", s.tolerance, 0.0, 1e300);
  s.prior_share = reader.real("prior_share", s.prior_share, 0.0, 0.5);
  reader.check_unknown();
  return s;
}

/// The platform's index in the scenario (observation rows were checked against the names).
std::size_t platform_index(const scenario::Scenario& s, const std::string& name) {
  for (std::size_t k = 0; k < s.platforms.size(); ++k) {
    if (s.platforms[k].name == name) return k;
  }
  return s.platforms.size();
}

double scale_of(const Observation& o, double relative_error) {
  if (o.sd && *o.sd > 0.0) return *o.sd;
  if (o.low && *o.high > *o.low) return (*o.high - *o.low) / 3.29;  // a normal's 90% interval
  return std::max(relative_error * std::abs(o.value), 1e-9);
}

void add_target(Calibration& c, TableReader& reader) {
  const std::string named = reader.text("file", "");
  if (named.empty())
    throw util::InputError(reader.where("file"), "a target names its observation file");
  const std::string file = util::beside(c.file, named);
  const std::vector<std::string> metrics = reader.strings("metrics");
  for (const std::string& metric : metrics) {
    const auto names = metric_names();
    if (std::find(names.begin(), names.end(), metric) == names.end())
      throw util::InputError(reader.where("metrics"), "unknown metric '" + metric + "'");
  }
  const double weight = reader.real("weight", 1.0, 1e-12, 1e12);
  reader.check_unknown();
  std::vector<std::string_view> platforms;
  for (const auto& p : c.base.platforms)
    platforms.push_back(p.name);
  std::map<std::pair<std::size_t, Metric>, std::size_t> first_of_series;
  for (const Observation& o : read_observations(file, platforms)) {
    if (!metrics.empty() &&
        std::find(metrics.begin(), metrics.end(), metric_name(o.metric)) == metrics.end())
      continue;
    TargetRow row{o, file, weight, platform_index(c.base, o.platform), 0, 0.0, c.rows.size()};
    const std::int64_t days = o.day - c.start_day;
    const util::InputLocation where{file, o.line, "date"};
    if (days < 0) throw util::InputError(where, o.date + " lies before the start date");
    const auto week = static_cast<std::uint64_t>(std::llround(static_cast<double>(days) / 7.0));
    if (week > c.base.weeks) {
      throw util::InputError(where, o.date + " lies after the scenario's last week (" +
                                        std::to_string(c.base.weeks) + ")");
    }
    row.week = static_cast<std::uint32_t>(week);
    row.scale = scale_of(o, c.relative_error);
    if (o.metric == Metric::kAlsoFollows && platform_index(c.base, "x") == c.base.platforms.size())
      throw util::InputError({file, o.line, "metric"}, "also_follows needs a platform 'x'");
    const bool per_post =
        o.metric == Metric::kImpressionsPerPost || o.metric == Metric::kEngagementsPerPost;
    if (per_post && c.base.reach.posts == 0) {
      throw util::InputError({file, o.line, "metric"},
                             "a per-post metric needs reach.posts of at least 1 in the scenario");
    }
    c.needs_reach = c.needs_reach || per_post;
    if (is_platform_level(o.metric)) {
      const auto [first, is_first] =
          first_of_series.emplace(std::pair{row.platform, o.metric}, c.rows.size());
      row.reference = first->second;
      if (is_first && o.value <= 0.0) {
        throw util::InputError({file, o.line, "value"},
                               "a platform-level series is fitted relative to its first value, "
                               "which must be above 0");
      }
    }
    c.last_week = std::max(c.last_week, row.week);
    c.rows.push_back(row);
  }
}

void read_free_parameters(Calibration& c) {
  for (const scenario::UncertainParameter& p : c.base.uncertain) {
    if (scenario::builds_population(p.key)) {
      throw util::InputError({p.file, p.line, p.key},
                             "the population is built once for a calibration and cannot be "
                             "a free parameter");
    }
    c.parameters.push_back({p.key, p.distribution});
  }
  if (c.parameters.empty())
    throw util::InputError({c.file, 0, "parameters"}, "no free parameters: give their priors");
}

}  // namespace

Calibration read_calibration(const std::string& path) {
  const toml::table document = scenario::load_document(path);
  Calibration c;
  c.file = path;
  TableReader root(document, path, "");
  const std::string scenario_file = root.text("scenario", "");
  if (scenario_file.empty())
    throw util::InputError(root.where("scenario"), "a calibration names its base scenario");
  const auto seed = root.integer("seed", 1, 0, UINT64_MAX);
  std::vector<std::string> overrides = root.strings("set");
  if (const toml::table* priors = root.table("parameters")) {
    for (std::string& o : scenario::table_overrides(*priors, path))
      overrides.push_back(std::move(o));
  }
  c.base = scenario::read_scenario(util::beside(path, scenario_file), overrides);
  const std::string start = root.text("start_date", c.base.start_date);
  const auto start_day = util::iso_day_number(start);
  if (!start_day) {
    throw util::InputError(root.where("start_date"),
                           "a calibration needs the date of week 0 (YYYY-MM-DD), here or as "
                           "the scenario's start_date");
  }
  c.start_day = *start_day;
  read_free_parameters(c);
  if (const toml::table* distance = root.table("distance")) {
    TableReader reader(*distance, path, "distance");
    c.relative_error = reader.real("relative_error", c.relative_error, 1e-6, 1e6);
    reader.check_unknown();
  }
  const toml::table* method = root.table("method");
  const toml::table empty;
  TableReader method_reader(method != nullptr ? *method : empty, path, "method");
  c.method = read_method(method_reader, seed);
  const toml::array* targets = root.array("targets");
  if (targets == nullptr || targets->empty())
    throw util::InputError(root.where("targets"), "a calibration needs [[targets]]");
  for (std::size_t i = 0; i < targets->size(); ++i) {
    const toml::table* target = targets->get(i)->as_table();
    if (target == nullptr) throw util::InputError(root.where("targets"), "holds tables only");
    TableReader reader(*target, path, "targets");
    add_target(c, reader);
  }
  if (c.rows.empty()) throw util::InputError(root.where("targets"), "no rows to fit");
  root.check_unknown();
  return c;
}

}  // namespace sim::calibration

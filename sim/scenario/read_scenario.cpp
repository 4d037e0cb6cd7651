// Reads the merged document section by section with TableReaders (simulation, population,
// model, platforms, strategy, reach, output, events), each key typed and range-checked where it
// is read, unknown keys refused per table, then the cross-checks that need several sections.

#include "sim/scenario/read_scenario.hpp"

#include <algorithm>
#include <fstream>
#include <limits>
#include <memory>
#include <sstream>

#include "sim/scenario/document.hpp"
#include "sim/scenario/read_audience.hpp"
#include "sim/scenario/read_crisis.hpp"
#include "sim/scenario/read_events.hpp"
#include "sim/scenario/table_reader.hpp"
#include "sim/util/did_you_mean.hpp"
#include "sim/util/input_file.hpp"
#include "sim/util/parse_number.hpp"

namespace sim::scenario {
namespace {

// Names label tables and figures; descriptions are one line. Longer texts are a mistake (and
// would not fit the HDF5 attributes they are stored in).
constexpr std::size_t kMaxNameLength = 200;
constexpr std::size_t kMaxDescriptionLength = 2000;

void read_simulation(TableReader& root, Scenario& s) {
  const toml::table* table = root.table("simulation");
  if (table == nullptr) return;
  TableReader r(*table, root.file(), "simulation");
  s.weeks = static_cast<std::uint32_t>(r.integer("weeks", s.weeks, 1, kMaxWeeks));
  s.replicates = static_cast<std::uint32_t>(r.integer("replicates", s.replicates, 1, 1000000));
  s.seed = r.integer("seed", s.seed, 0, std::numeric_limits<std::int64_t>::max());
  s.start_date = r.text("start_date", s.start_date);
  if (table->contains("start_date") && !util::is_iso_date(s.start_date)) {
    throw util::InputError(r.where("start_date"),
                           "'" + s.start_date + "' is not a date of the form YYYY-MM-DD");
  }
  r.check_unknown();
}

void read_population(TableReader& root, Scenario& s) {
  const toml::table* table = root.table("population");
  if (table == nullptr) return;
  TableReader r(*table, root.file(), "population");
  s.graph = r.text("graph", s.graph);
  s.organisation = r.text("organisation", s.organisation);
  r.check_unknown();
}

void read_model(TableReader& root, Scenario& s) {
  const toml::table* table = root.table("model");
  if (table == nullptr) return;
  TableReader r(*table, root.file(), "model");
  ModelOptions& m = s.model;
  m.influence = r.choice("influence", "network", {"network", "well_mixed"}) == "network"
                    ? ModelOptions::Influence::kNetwork
                    : ModelOptions::Influence::kWellMixed;
  m.contagion = r.choice("contagion", "simple", {"simple", "threshold"}) == "simple"
                    ? ModelOptions::Contagion::kSimple
                    : ModelOptions::Contagion::kThreshold;
  m.memory_weeks = r.real("memory_weeks", m.memory_weeks, 0.0, 20.0);
  m.threshold = r.real("threshold", m.threshold, 0.0, 1.0);
  m.tolerance_mean = r.real("tolerance_mean", m.tolerance_mean, 0.0, 1.0);
  m.tolerance_sd = r.real("tolerance_sd", m.tolerance_sd, 0.0, 1.0);
  r.check_unknown();
}

PlatformParams read_platform(const toml::table& table, const std::string& file,
                             const std::string& name) {
  TableReader r(table, file, "platforms." + name);
  PlatformParams p;
  p.name = name;
  p.initial_account = r.real("initial_account", p.initial_account, 0, 1);
  p.initial_active = r.real("initial_active", p.initial_active, 0, 1);
  p.initial_follows = r.real("initial_follows", p.initial_follows, 0, 1);
  p.pull = r.real("pull", p.pull, 0, 1);
  p.imitation = r.real("imitation", p.imitation, 0, 1);
  p.hype = r.real("hype", p.hype, 0, 1);
  p.hype_half_life = r.real("hype_half_life", p.hype_half_life, 0.01, 1000);
  p.hype_rise_weeks = r.real("hype_rise_weeks", p.hype_rise_weeks, 0, 1000);
  p.reactivation = r.real("reactivation", p.reactivation, 0, 10);
  p.activation = r.real("activation", p.activation, 0, 1);
  p.churn = r.real("churn", p.churn, 0, 1);
  p.toxicity = r.real("toxicity", p.toxicity, 0, 1);
  p.toxicity_sensitivity = r.real("toxicity_sensitivity", p.toxicity_sensitivity, 0, 1);
  p.novelty_churn = r.real("novelty_churn", p.novelty_churn, 0, 1);
  p.novelty_weeks = r.real("novelty_weeks", p.novelty_weeks, 0.01, 1000);
  p.stay_share = r.real("stay_share", p.stay_share, 0, 1);
  p.switching_cost = r.real("switching_cost", p.switching_cost, 0, 1);
  p.lock_in = r.real("lock_in", p.lock_in, 0, 1);
  p.delete_share = r.real("delete_share", p.delete_share, 0, 1);
  p.leave_imitation = r.real("leave_imitation", p.leave_imitation, 0, 1);
  p.discovery = r.real("discovery", p.discovery, 0, 1);
  p.rebuild = r.real("rebuild", p.rebuild, 0, 1);
  p.feed_reach = r.real("feed_reach", p.feed_reach, 0, 1);
  p.link_share = r.real("link_share", p.link_share, 0, 1);
  p.link_penalty = r.real("link_penalty", p.link_penalty, 0, 1);
  p.discovery_reach = r.real("discovery_reach", p.discovery_reach, 0, 1);
  // Static names: the reader keeps the keys it was asked for as string views.
  static constexpr std::array<std::string_view, graph::kSegmentCount> kReshareKeys{
      "reshare_citizen", "reshare_media", "reshare_politician", "reshare_organisation"};
  for (std::size_t g = 0; g < graph::kSegmentCount; ++g) {
    p.reshare[g] = r.real(kReshareKeys[g], p.reshare[g], 0, 1);
  }
  p.engagement = r.real("engagement", p.engagement, 0, 1);
  p.check_ins_per_day = r.real("check_ins_per_day", p.check_ins_per_day, 0.01, 1000);
  p.reshare_delay_hours = r.real("reshare_delay_hours", p.reshare_delay_hours, 0, 1000);
  p.fresh_share = r.real("fresh_share", p.fresh_share, 0, 1);
  p.fresh_minutes = r.real("fresh_minutes", p.fresh_minutes, 0, 10000);
  p.notification_share = r.real("notification_share", p.notification_share, 0, 1);
  p.notification_minutes = r.real("notification_minutes", p.notification_minutes, 0, 10000);
  r.check_unknown();
  return p;
}

void read_platforms(TableReader& root, Scenario& s) {
  const toml::table* table = root.table("platforms");
  if (table == nullptr || table->empty()) {
    throw util::InputError({root.file(), 0, "platforms"}, "a scenario needs at least one platform");
  }
  TableReader r(*table, root.file(), "platforms");
  for (auto&& [key, node] : *table) {
    const std::string name(key.str());
    const toml::table* platform = r.table(key.str());
    s.platforms.push_back(read_platform(*platform, root.file(), name));
  }
  // A platform table whose name is one typo away from another's is a typo, not a new platform
  // (it would silently add a platform with default values and leave the intended one as it was).
  for (std::size_t i = 0; i < s.platforms.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      const std::string& a = s.platforms[i].name;
      const std::string& b = s.platforms[j].name;
      if (std::min(a.size(), b.size()) >= 4 && util::edit_distance(a, b) == 1) {
        throw util::InputError(r.where(a), "platforms '" + b + "' and '" + a +
                                               "' differ by one letter: a typo? (did you mean '" +
                                               b + "'?)");
      }
    }
  }
  if (s.platforms.size() > kMaxPlatforms) {
    throw util::InputError(root.where("platforms"),
                           "at most " + std::to_string(kMaxPlatforms) + " platforms are supported");
  }
}

void read_strategy(TableReader& root, Scenario& s) {
  const toml::table* table = root.table("strategy");
  if (table == nullptr) return;
  TableReader r(*table, root.file(), "strategy");
  for (auto&& [key, node] : *table) {
    const std::uint32_t index = platform_named(s, std::string(key.str()), r.where(key.str()));
    TableReader p(*r.table(key.str()), root.file(), "strategy." + std::string(key.str()));
    PlatformParams& platform = s.platforms[index];
    platform.organisation_present = p.boolean("present", platform.organisation_present);
    platform.posts_per_week = p.real("posts_per_week", platform.posts_per_week, 0, 10000);
    p.check_unknown();
  }
}

void read_reach(TableReader& root, Scenario& s) {
  const toml::table* table = root.table("reach");
  if (table == nullptr) return;
  TableReader r(*table, root.file(), "reach");
  s.reach.posts = static_cast<std::uint32_t>(r.integer("posts", s.reach.posts, 0, 1000));
  s.reach.week_plan = r.boolean("week_plan", s.reach.week_plan);
  s.reach.plan_every =
      static_cast<std::uint32_t>(r.integer("plan_every", s.reach.plan_every, 0, kMaxWeeks));
  r.check_unknown();
}

void read_output(TableReader& root, Scenario& s) {
  const toml::table* table = root.table("output");
  if (table == nullptr) return;
  TableReader r(*table, root.file(), "output");
  s.snapshot_every = static_cast<std::uint32_t>(r.integer("snapshot_every", 0, 0, kMaxWeeks));
  r.check_unknown();
}

/// A sweep file handed to a scenario reader, or unknown top-level keys: said before any section
/// is read, so that a typo ("extens") is named as such and not as a consequence of it.
void check_root_keys(const toml::table& document, TableReader& root) {
  if (document.contains("base") &&
      (document.contains("parameters") || document.contains("design"))) {
    throw util::InputError({root.file(), 0, ""},
                           "is a sweep file, not a scenario: run it with 'trek sweep'");
  }
  for (const std::string_view key :
       {"name", "description", "baseline", "kind", "simulation", "population", "model", "platforms",
        "strategy", "events", "reach", "crisis", "audience", "output", "extends", "posterior"}) {
    root.allow(key);
  }
  root.check_unknown();
}

/// `posterior = "FILE"` (relative to the file that says so): its parameters become joint
/// uncertain parameters, which no prior may also name.
void read_posterior(const std::string& file, const util::InputLocation& where, Scenario& s) {
  if (file.empty()) throw util::InputError(where, "names no posterior file");
  const std::string path = util::beside(where.file, file);
  try {
    s.posterior = std::make_shared<const PosteriorSample>(read_posterior_sample(path));
  } catch (const util::InputError& e) {
    throw util::InputError(where, e.what());
  }
  for (std::size_t k = 0; k < s.posterior->keys.size(); ++k) {
    const std::string& key = s.posterior->keys[k];
    for (const UncertainParameter& u : s.uncertain) {
      if (u.key == key) {
        throw util::InputError(
            {u.file, u.line, u.key},
            "is drawn from the posterior " + file + "; give it a prior or the posterior, not both");
      }
    }
    double low = s.posterior->values.front()[k], high = low;
    for (const auto& particle : s.posterior->values) {
      low = std::min(low, particle[k]);
      high = std::max(high, particle[k]);
    }
    s.uncertain.push_back(
        {key, Distribution{Family::kUniform, {low, high}, low, high}, path, 0, true});
  }
}

std::string bounded_text(TableReader& root, std::string_view key, const std::string& fallback,
                         std::size_t limit) {
  std::string value = root.text(key, fallback);
  if (value.size() > limit) {
    throw util::InputError(root.where(key), "is " + std::to_string(value.size()) +
                                                " characters long; at most " +
                                                std::to_string(limit) + " are allowed");
  }
  return value;
}

}  // namespace

std::vector<std::string> Scenario::platform_names() const {
  std::vector<std::string> names;
  for (const auto& p : platforms)
    names.push_back(p.name);
  return names;
}

int Scenario::platform_index(const std::string& platform) const {
  for (std::size_t i = 0; i < platforms.size(); ++i) {
    if (platforms[i].name == platform) return static_cast<int>(i);
  }
  return -1;
}

namespace {

Scenario read_document(toml::table& document, const std::string& path,
                       const std::vector<std::string>& overrides,
                       const std::vector<std::string>& chain) {
  apply_overrides(document, overrides);
  Scenario s;
  s.file = path;
  s.overrides = overrides;
  UncertainCollector uncertain;
  TableReader root(document, path, "");
  check_root_keys(document, root);
  s.name = bounded_text(root, "name", path, kMaxNameLength);
  s.description = bounded_text(root, "description", "", kMaxDescriptionLength);
  s.baseline = root.boolean("baseline", false);
  s.kind = root.choice("kind", "strategy", {"strategy", "what-if"}) == "what-if"
               ? ScenarioKind::kWhatIf
               : ScenarioKind::kStrategy;
  if (s.baseline && s.kind == ScenarioKind::kWhatIf) {
    throw util::InputError(root.where("kind"), "a what-if cannot be the baseline");
  }
  read_simulation(root, s);
  read_population(root, s);
  read_model(root, s);
  read_platforms(root, s);
  read_strategy(root, s);
  read_events(root, s);
  read_reach(root, s);
  read_crisis(root, s);
  read_audience(root, s);
  read_output(root, s);
  const std::string posterior = root.text("posterior", "");
  const util::InputLocation posterior_at = root.where("posterior");
  root.check_unknown();
  s.uncertain = uncertain.take();
  if (document.contains("posterior")) read_posterior(posterior, posterior_at, s);
  for (const UncertainParameter& u : s.uncertain) {
    if (builds_population(u.key)) {
      throw util::InputError({u.file, u.line, u.key},
                             "builds the population, which every world shares: it cannot be "
                             "uncertain (give it one value, or compare runs with other values)");
    }
  }
  std::ostringstream text;
  text << document;
  s.resolved_toml = text.str();
  for (const std::string& file : chain)
    s.sources.push_back({file, util::read_input_file(file, kMaxTomlBytes)});
  return s;
}

}  // namespace

Scenario read_scenario(const std::string& path, const std::vector<std::string>& overrides) {
  std::vector<std::string> chain;
  toml::table document = load_document(path, &chain);
  return read_document(document, path, overrides, chain);
}

namespace {

struct FileKind {
  ScenarioKind kind = ScenarioKind::kStrategy;
  std::string name;
};

/// The kind and name of a scenario file with `overrides`, without reading the rest.
FileKind kind_of(const std::string& path, const std::vector<std::string>& overrides) {
  toml::table document = load_document(path);
  apply_overrides(document, overrides);
  FileKind out;
  out.name = document["name"].value_or(path);
  if (document["kind"].value_or(std::string("strategy")) == "what-if")
    out.kind = ScenarioKind::kWhatIf;
  return out;
}

}  // namespace

Scenario read_crossed_scenario(const std::string& strategy, const std::string& what_if,
                               const std::vector<std::string>& overrides) {
  // Each file alone is read for its kind and name only: a full read of the what-if alone would
  // solve its audience again with a world's values, which the pair's groups replace.
  const FileKind chosen = kind_of(strategy, overrides);
  const FileKind condition = kind_of(what_if, overrides);
  if (chosen.kind != ScenarioKind::kStrategy) {
    throw util::InputError({strategy, 0, "kind"}, "only a strategy can be crossed with a what-if");
  }
  if (condition.kind != ScenarioKind::kWhatIf) {
    throw util::InputError({what_if, 0, "kind"}, "a strategy can only be crossed with a what-if");
  }
  std::vector<std::string> chain;
  toml::table document = load_crossed_document(strategy, what_if, &chain);
  Scenario s = read_document(document, strategy, overrides, chain);
  s.name = chosen.name + " under " + condition.name;
  s.condition = condition.name;
  s.condition_file = what_if;
  s.baseline = false;
  return s;
}

}  // namespace sim::scenario

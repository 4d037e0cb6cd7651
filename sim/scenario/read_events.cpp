// Events of a scenario. Keys are checked per type before they are read: unknown keys first (a
// typo of a required key then says "did you mean"), then keys of another type, then missing ones.

#include "sim/scenario/read_events.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

#include "sim/scenario/document.hpp"
#include "sim/util/did_you_mean.hpp"

namespace sim::scenario {
namespace {

std::vector<std::uint32_t> read_targets(TableReader& r, const Scenario& s) {
  std::vector<std::uint32_t> targets;
  const toml::array* to = r.array("to");
  if (to == nullptr) return targets;
  for (auto&& item : *to) {
    const auto name = item.value<std::string>();
    if (!name) throw util::InputError(r.where("to"), "must list platform names");
    targets.push_back(platform_named(s, *name, r.where("to")));
  }
  return targets;
}

std::uint8_t read_segments(TableReader& r) {
  std::uint8_t mask = 0;
  const toml::array* segments = r.array("segments");
  if (segments == nullptr) return mask;
  for (auto&& item : *segments) {
    const std::string name = item.value<std::string>().value_or("");
    const auto segment = graph::parse_segment(name);
    if (!segment) {
      throw util::InputError(
          r.where("segments"),
          "unknown segment '" + name + "'" + util::suggestion_suffix(name, graph::kSegmentNames));
    }
    mask = static_cast<std::uint8_t>(mask | (1U << static_cast<unsigned>(*segment)));
  }
  return mask;
}

/// The keys each kind of event takes (beyond type): required first, then optional. A key that
/// does not apply to the kind would be ignored silently, so it is an error.
struct EventKeys {
  std::string_view kind;
  std::vector<std::string_view> required, optional;
};

/// Every key an event may have, whatever its type.
constexpr std::array<std::string_view, 9> kEventKeys{
    "type", "week", "platform", "to", "share", "segments", "value", "churn", "weeks"};

const std::vector<EventKeys>& event_keys() {
  static const std::vector<EventKeys> keys{
      {"announce", {"week", "platform", "to", "share"}, {"weeks"}},
      {"leave", {"week", "platform"}, {}},
      {"join", {"week", "platform"}, {}},
      {"exit", {"week", "platform", "segments", "share"}, {"to"}},
      {"toxicity", {"week", "platform", "value"}, {}},
      {"launch", {"week", "platform"}, {}},
      {"shock", {"week", "platform"}, {"value", "churn", "weeks"}},
  };
  return keys;
}

std::string joined(const std::vector<std::string_view>& names) {
  std::string text;
  for (const auto name : names)
    text += (text.empty() ? "'" : ", '") + std::string(name) + "'";
  return text;
}

/// Unknown keys first (so a typo of a required key says "did you mean"), then keys that do not
/// apply to this kind, then missing ones.
void check_event_keys(const toml::table& table, TableReader& r, const EventKeys& keys) {
  for (const auto key : kEventKeys)
    r.allow(key);
  r.check_unknown();
  for (auto&& [key, node] : table) {
    const std::string_view name = key.str();
    if (name == "type") continue;
    const auto& req = keys.required;
    const auto& opt = keys.optional;
    if (std::find(req.begin(), req.end(), name) != req.end() ||
        std::find(opt.begin(), opt.end(), name) != opt.end()) {
      continue;
    }
    std::vector<std::string_view> takes = req;
    takes.insert(takes.end(), opt.begin(), opt.end());
    throw util::InputError(r.where(name), "does not apply to an event of type '" +
                                              std::string(keys.kind) + "' (it takes " +
                                              joined(takes) + ")");
  }
  for (const auto key : keys.required) {
    if (table.get(key) == nullptr) {
      throw util::InputError(r.where(key), "missing: an event of type '" + std::string(keys.kind) +
                                               "' needs " + joined(keys.required));
    }
  }
}

Event read_event(const toml::table& table, const std::string& file, std::size_t index,
                 const Scenario& s) {
  TableReader r(table, file, "events[" + std::to_string(index) + "]");
  Event e;
  e.line = line_of(table);
  std::vector<std::string_view> kinds;
  for (const auto& keys : event_keys())
    kinds.push_back(keys.kind);
  if (table.get("type") == nullptr) {
    for (const auto key : kEventKeys)
      r.allow(key);
    r.check_unknown();  // "tpye": did you mean 'type'
    throw util::InputError(r.where("type"), "missing: one of " + joined(kinds));
  }
  const std::string kind = r.choice("type", "", kinds);
  const auto position = std::find(kinds.begin(), kinds.end(), kind) - kinds.begin();
  e.kind = static_cast<Event::Kind>(position);
  check_event_keys(table, r, event_keys()[static_cast<std::size_t>(position)]);
  // Events after the simulated weeks are allowed (a run shortened with --weeks keeps its
  // scenario valid) and never take effect.
  e.week = static_cast<std::uint32_t>(r.integer("week", 0, 0, kMaxWeeks));
  e.platform = platform_named(s, r.text("platform", ""), r.where("platform"));
  e.targets = read_targets(r, s);
  e.share = r.real("share", e.share, 0, 1);
  e.segments = read_segments(r);
  e.value = r.real("value", e.value, 0, 1);
  e.churn = r.real("churn", e.churn, 0, 1);
  e.weeks = static_cast<std::uint32_t>(r.integer("weeks", e.weeks, 1, kMaxWeeks));
  if (e.kind == Event::Kind::kAnnounce && e.targets.empty()) {
    throw util::InputError(r.where("to"), "an announcement needs target platforms ('to')");
  }
  if (std::find(e.targets.begin(), e.targets.end(), e.platform) != e.targets.end()) {
    throw util::InputError(r.where("to"), "a target is the event's own platform");
  }
  if (e.kind == Event::Kind::kExit && e.segments == 0) {
    throw util::InputError(r.where("segments"), "an exit needs the segments that leave");
  }
  return e;
}

/// The organisation's presence must change consistently: join where absent, leave or announce
/// from where present.
void check_timeline(const Scenario& s) {
  std::vector<bool> present;
  for (const auto& p : s.platforms)
    present.push_back(p.organisation_present);
  for (const Event& e : s.events) {
    const util::InputLocation where{s.file, e.line, "events"};
    const std::string& name = s.platforms[e.platform].name;
    if (e.kind == Event::Kind::kJoin) {
      if (s.platforms[e.platform].posts_per_week <= 0.0) {
        throw util::InputError(where, "week " + std::to_string(e.week) +
                                          ": the organisation "
                                          "joins " +
                                          name +
                                          " but posts nothing there; set "
                                          "strategy." +
                                          name + ".posts_per_week");
      }
      if (present[e.platform]) {
        throw util::InputError(where, "week " + std::to_string(e.week) +
                                          ": the organisation is "
                                          "already on " +
                                          name);
      }
      present[e.platform] = true;
    } else if (e.kind == Event::Kind::kLeave || e.kind == Event::Kind::kAnnounce) {
      if (!present[e.platform]) {
        throw util::InputError(where, "week " + std::to_string(e.week) +
                                          ": the organisation is "
                                          "not on " +
                                          name + " then");
      }
      if (e.kind == Event::Kind::kLeave) present[e.platform] = false;
    }
  }
}

}  // namespace

void read_events(TableReader& root, Scenario& s) {
  const toml::array* events = root.array("events");
  if (events == nullptr) return;
  std::size_t index = 0;
  for (auto&& node : *events) {
    if (!node.is_table()) throw util::InputError(root.where("events"), "must be [[events]] tables");
    s.events.push_back(read_event(*node.as_table(), file_of(node, root.file()), index++, s));
  }
  std::stable_sort(s.events.begin(), s.events.end(),
                   [](const Event& a, const Event& b) { return a.week < b.week; });
  check_timeline(s);
}

std::uint32_t platform_named(const Scenario& s, const std::string& name,
                             const util::InputLocation& where) {
  const int index = s.platform_index(name);
  if (index >= 0) return static_cast<std::uint32_t>(index);
  std::vector<std::string_view> names;
  for (const auto& p : s.platforms)
    names.push_back(p.name);
  throw util::InputError(where,
                         "unknown platform '" + name + "'" + util::suggestion_suffix(name, names));
}

}  // namespace sim::scenario

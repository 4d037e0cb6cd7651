// The observable tables as static rows; each row reads its values through a captureless
// function returning a span over the weekly counts or a message's reach, so that writers and
// readers walk the same table instead of a switch per observable.

#include "sim/engine/observables.hpp"

#include "sim/graph/attributes.hpp"
#include "sim/util/error.hpp"

namespace sim::engine {
namespace {

using model::WeekCounts;
using reach::MessageReach;
using Counts = std::span<const std::uint32_t>;
using Reach = std::span<const double>;
using enum ObservableShape;

}  // namespace

const std::vector<Observable>& count_observables() {
  static const std::vector<Observable> all{
      {"accounts", "agents", "agents with an account", platform,
       [](const WeekCounts& c) -> Counts { return c.accounts; }},
      {"active", "agents", "agents active in the week", platform,
       [](const WeekCounts& c) -> Counts { return c.active; }},
      {"followers", "agents", "active agents following the organisation", platform,
       [](const WeekCounts& c) -> Counts { return c.followers; }},
      {"active_by_segment", "agents", "active agents by segment", segment_platform,
       [](const WeekCounts& c) -> Counts { return c.active_by_segment; }},
      {"activations", "agents", "agents that became active during the step into the week", platform,
       [](const WeekCounts& c) -> Counts { return c.activations; }},
      {"deactivations", "agents", "agents that became inactive during the step into the week",
       platform, [](const WeekCounts& c) -> Counts { return c.deactivations; }},
      {"deletions", "agents", "agents that deleted their account during the step into the week",
       platform, [](const WeekCounts& c) -> Counts { return c.deletions; }},
      {"flows", "agents",
       "activations by the agent's home platform before the step (last row: active nowhere)",
       from_to, [](const WeekCounts& c) -> Counts { return c.flows; }},
      {"active_anywhere", "agents", "agents active on at least one platform", scalar,
       [](const WeekCounts& c) -> Counts {
         return {&c.active_anywhere, 1};
       }},
  };
  return all;
}

const std::vector<Observable>& reach_observables() {
  static const std::vector<Observable> all{
      {"reach_per_post", "agents", "agents shown a message on the platform", platform, nullptr,
       [](const MessageReach& r) -> Reach { return r.viewers; }},
      {"reach_only_here", "agents",
       "agents shown a cross-posted message on this platform alone (the platform's gain)", platform,
       nullptr, [](const MessageReach& r) -> Reach { return r.only_here; }},
      {"reach_per_message", "agents", "agents shown a cross-posted message on any platform", scalar,
       nullptr,
       [](const MessageReach& r) -> Reach {
         return {&r.unique, 1};
       }},
      {"reach_per_message_anchor", "agents",
       "of those, the anchor platform's followers (all agents without an [audience] table)", scalar,
       nullptr,
       [](const MessageReach& r) -> Reach {
         return {&r.unique_anchor, 1};
       }},
      {"reach_per_message_by_segment", "agents", "reach per message by segment of the agent",
       segment, nullptr, [](const MessageReach& r) -> Reach { return r.unique_by_segment; }},
      {"crisis_reach", "agents",
       "agents shown a cross-posted message within each mark of /parameters/crisis_hours",
       crisis_hours, nullptr, [](const MessageReach& r) -> Reach { return r.within; }},
      {"reshares", "reshares", "reshares of a cross-posted message, summed over platforms", scalar,
       nullptr,
       [](const MessageReach& r) -> Reach {
         return {&r.reshares, 1};
       }},
      {"reshared_within", "reshares",
       "reshares made within each mark of /parameters/crisis_hours (at the resharer's look)",
       crisis_hours, nullptr, [](const MessageReach& r) -> Reach { return r.reshared_within; }},
      {"engagements_per_post", "engagements", "viewers x engagement rate", platform, nullptr,
       [](const MessageReach& r) -> Reach { return r.engagements; }},
      {"toxic_exposure_per_post", "agents",
       "viewers x the platform's toxicity (toxic replies seen)", platform, nullptr,
       [](const MessageReach& r) -> Reach { return r.toxic_exposure; }},
  };
  return all;
}

const Observable& observable(const std::string& name) {
  for (const auto* table : {&count_observables(), &reach_observables()}) {
    for (const Observable& o : *table) {
      if (o.name == name) return o;
    }
  }
  throw util::Error("unknown observable '" + name + "'");
}

std::vector<std::string> dimension_names(ObservableShape shape) {
  switch (shape) {
    case scalar:
      return {};
    case platform:
      return {"platform"};
    case segment_platform:
      return {"segment", "platform"};
    case from_to:
      return {"from", "to"};
    case segment:
      return {"segment"};
    case crisis_hours:
      return {"hours"};
  }
  return {};
}

io::Dims extents_of(ObservableShape shape, std::size_t platforms) {
  switch (shape) {
    case scalar:
      return {};
    case platform:
      return {platforms};
    case segment_platform:
      return {graph::kSegmentCount, platforms};
    case from_to:
      return {platforms + 1, platforms};
    case segment:
      return {graph::kSegmentCount};
    case crisis_hours:
      return {reach::kCrisisHours.size()};
  }
  return {};
}

std::vector<std::string> observable_names() {
  std::vector<std::string> names;
  for (const Observable& o : count_observables())
    names.emplace_back(o.name);
  return names;
}

std::vector<std::string> reach_observable_names() {
  std::vector<std::string> names;
  for (const Observable& o : reach_observables())
    names.emplace_back(o.name);
  return names;
}

std::string renamed_observable(std::string_view old) {
  if (old == "unique_reach") return "reach_per_message";
  if (old == "unique_reach_by_segment") return "reach_per_message_by_segment";
  return "";
}

io::Dims observable_extents(const std::string& name, std::size_t platforms) {
  return extents_of(observable(name).shape, platforms);
}

std::vector<double> observable_values(const ReplicateSeries& series, const std::string& name) {
  const Observable& o = observable(name);
  std::vector<double> out;
  if (o.counts != nullptr) {
    for (const WeekCounts& counts : series.weeks) {
      const Counts values = o.counts(counts);
      out.insert(out.end(), values.begin(), values.end());
    }
  } else {
    for (const MessageReach& week : series.reach) {
      const Reach values = o.reach(week);
      out.insert(out.end(), values.begin(), values.end());
    }
  }
  return out;
}

}  // namespace sim::engine

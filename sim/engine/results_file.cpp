#include "sim/engine/results_file.hpp"

#include <algorithm>
#include <functional>

#include "sim/graph/attributes.hpp"
#include "sim/io/h5_array.hpp"
#include "sim/util/error.hpp"

namespace sim::engine {
namespace {

using model::WeekCounts;

/// One weekly series: its name, unit, the names of its dimensions after (replicate, week), their
/// extents, and how to read one week's values from the counts.
struct ObservableSpec {
  const char* name;
  const char* unit;
  const char* description;
  std::vector<std::string> dimensions;
  std::function<io::Dims(std::size_t platforms)> extents;
  std::function<const std::vector<std::uint32_t>*(const WeekCounts&)> values;
};

const std::vector<ObservableSpec>& specs() {
  using V = const std::vector<std::uint32_t>*;
  static const std::vector<ObservableSpec> all{
      {"accounts",
       "agents",
       "agents with an account",
       {"platform"},
       [](std::size_t p) { return io::Dims{p}; },
       [](const WeekCounts& c) -> V { return &c.accounts; }},
      {"active",
       "agents",
       "agents active in the week",
       {"platform"},
       [](std::size_t p) { return io::Dims{p}; },
       [](const WeekCounts& c) -> V { return &c.active; }},
      {"followers",
       "agents",
       "active agents following the organisation",
       {"platform"},
       [](std::size_t p) { return io::Dims{p}; },
       [](const WeekCounts& c) -> V { return &c.followers; }},
      {"active_by_segment",
       "agents",
       "active agents by segment",
       {"segment", "platform"},
       [](std::size_t p) {
         return io::Dims{graph::kSegmentCount, p};
       },
       [](const WeekCounts& c) -> V { return &c.active_by_segment; }},
      {"activations",
       "agents",
       "agents that became active during the step into the week",
       {"platform"},
       [](std::size_t p) { return io::Dims{p}; },
       [](const WeekCounts& c) -> V { return &c.activations; }},
      {"deactivations",
       "agents",
       "agents that became inactive during the step into the week",
       {"platform"},
       [](std::size_t p) { return io::Dims{p}; },
       [](const WeekCounts& c) -> V { return &c.deactivations; }},
      {"deletions",
       "agents",
       "agents that deleted their account during the step into the week",
       {"platform"},
       [](std::size_t p) { return io::Dims{p}; },
       [](const WeekCounts& c) -> V { return &c.deletions; }},
      {"flows",
       "agents",
       "activations by the agent's home platform before the step (last row: active nowhere)",
       {"from", "to"},
       [](std::size_t p) {
         return io::Dims{p + 1, p};
       },
       [](const WeekCounts& c) -> V { return &c.flows; }},
      {"active_anywhere",
       "agents",
       "agents active on at least one platform",
       {},
       [](std::size_t) { return io::Dims{}; },
       [](const WeekCounts&) -> V { return nullptr; }},
  };
  return all;
}

/// One weekly series of the reach of the organisation's messages (float64, mean per message).
struct ReachSpec {
  const char* name;
  const char* unit;
  const char* description;
  std::vector<std::string> dimensions;
  std::function<io::Dims(std::size_t platforms)> extents;
  std::function<void(const reach::MessageReach&, std::vector<double>&)> append;
};

const std::vector<ReachSpec>& reach_specs() {
  using R = const reach::MessageReach&;
  using Out = std::vector<double>&;
  static const std::vector<ReachSpec> all{
      {"reach_per_post",
       "agents",
       "agents shown a message on the platform",
       {"platform"},
       [](std::size_t p) { return io::Dims{p}; },
       [](R r, Out out) { out.insert(out.end(), r.viewers.begin(), r.viewers.end()); }},
      {"reach_only_here",
       "agents",
       "agents shown a cross-posted message on this platform alone (the platform's gain)",
       {"platform"},
       [](std::size_t p) { return io::Dims{p}; },
       [](R r, Out out) { out.insert(out.end(), r.only_here.begin(), r.only_here.end()); }},
      {"unique_reach",
       "agents",
       "agents shown a cross-posted message on any platform",
       {},
       [](std::size_t) { return io::Dims{}; },
       [](R r, Out out) { out.push_back(r.unique); }},
      {"unique_reach_by_segment",
       "agents",
       "unique reach by segment of the agent",
       {"segment"},
       [](std::size_t) { return io::Dims{graph::kSegmentCount}; },
       [](R r, Out out) {
         out.insert(out.end(), r.unique_by_segment.begin(), r.unique_by_segment.end());
       }},
      {"crisis_reach",
       "agents",
       "agents shown a cross-posted message within each mark of /parameters/crisis_hours",
       {"hours"},
       [](std::size_t) { return io::Dims{reach::kCrisisHours.size()}; },
       [](R r, Out out) { out.insert(out.end(), r.within.begin(), r.within.end()); }},
      {"engagements_per_post",
       "engagements",
       "viewers x engagement rate",
       {"platform"},
       [](std::size_t p) { return io::Dims{p}; },
       [](R r, Out out) { out.insert(out.end(), r.engagements.begin(), r.engagements.end()); }},
      {"toxic_exposure_per_post",
       "agents",
       "viewers x the platform's toxicity (toxic replies seen)",
       {"platform"},
       [](std::size_t p) { return io::Dims{p}; },
       [](R r, Out out) {
         out.insert(out.end(), r.toxic_exposure.begin(), r.toxic_exposure.end());
       }},
  };
  return all;
}

std::string join(const std::vector<std::string>& parts) {
  std::string text;
  for (const auto& part : parts)
    text += (text.empty() ? "" : ",") + part;
  return text;
}

}  // namespace

std::vector<std::string> observable_names() {
  std::vector<std::string> names;
  for (const auto& spec : specs())
    names.emplace_back(spec.name);
  return names;
}

io::Dims observable_extents(const std::string& name, std::size_t platforms) {
  for (const auto& spec : specs()) {
    if (spec.name == name) return spec.extents(platforms);
  }
  for (const auto& spec : reach_specs()) {
    if (spec.name == name) return spec.extents(platforms);
  }
  throw util::Error("unknown observable '" + name + "'");
}

std::vector<double> observable_values(const ReplicateSeries& series, const std::string& name,
                                      std::size_t platforms) {
  observable_extents(name, platforms);  // unknown names throw
  std::vector<double> out;
  for (const auto& spec : specs()) {
    if (spec.name != name) continue;
    for (const WeekCounts& counts : series.weeks) {
      const auto* values = spec.values(counts);
      if (values == nullptr) {
        out.push_back(counts.active_anywhere);
      } else {
        out.insert(out.end(), values->begin(), values->end());
      }
    }
  }
  for (const auto& spec : reach_specs()) {
    if (spec.name != name) continue;
    for (const reach::MessageReach& week : series.reach)
      spec.append(week, out);
  }
  return out;
}

std::vector<std::string> reach_observable_names() {
  std::vector<std::string> names;
  for (const auto& spec : reach_specs())
    names.emplace_back(spec.name);
  return names;
}

ResultsFile::ResultsFile(const std::string& path, const scenario::Scenario& s,
                         const graph::Graph& graph, const Provenance& provenance)
    : ResultsFile(io::create_file(path), s, graph, provenance) {}

ResultsFile::ResultsFile(hid_t parent, const std::string& group, const scenario::Scenario& s,
                         const graph::Graph& graph, const Provenance& provenance)
    : ResultsFile(io::create_group(parent, group), s, graph, provenance) {}

ResultsFile::ResultsFile(io::Handle root_handle, const scenario::Scenario& s,
                         const graph::Graph& graph, const Provenance& provenance)
    : scenario_(s), graph_(graph), file_(std::move(root_handle)) {
  const hid_t root = file_.get();
  io::write_attribute(root, "format", kResultsFormat);
  io::write_attribute(root, "version", kResultsVersion);
  io::write_attribute(root, "creator", provenance.creator);

  const io::Handle parameters = io::create_group(root, "parameters");
  io::write_strings(parameters.get(), "platforms", s.platform_names());
  io::write_strings(parameters.get(), "segments",
                    {graph::kSegmentNames.begin(), graph::kSegmentNames.end()});
  io::write_attribute(parameters.get(), "scenario", s.name);
  io::write_attribute(parameters.get(), "description", s.description);
  io::write_attribute(parameters.get(), "organisation", s.organisation);
  io::write_attribute(parameters.get(), "weeks", std::uint64_t{s.weeks});
  io::write_attribute(parameters.get(), "replicates", std::uint64_t{s.replicates});
  io::write_attribute(parameters.get(), "agents", std::uint64_t{graph.node_count()});
  io::write_attribute(parameters.get(), "arcs", std::uint64_t{graph.arc_count()});
  io::write_attribute(parameters.get(), "start_date", s.start_date);
  io::write_vector<double>(parameters.get(), "crisis_hours",
                           {reach::kCrisisHours.begin(), reach::kCrisisHours.end()});

  const io::Handle origin = io::create_group(root, "provenance");
  io::write_attribute(origin.get(), "scenario_file", s.file);
  io::write_attribute(origin.get(), "scenario_toml", s.resolved_toml);
  io::write_attribute(origin.get(), "command_line", provenance.command_line);
  io::write_attribute(origin.get(), "creator", provenance.creator);
  io::write_attribute(origin.get(), "master_seed", s.seed);
  io::write_attribute(origin.get(), "rng", "Philox4x64-10, key {master_seed, replicate}");
  std::vector<std::uint64_t> runs(s.replicates);
  for (std::uint32_t r = 0; r < s.replicates; ++r)
    runs[r] = replicate_key(s, r).run;
  io::write_vector<std::uint64_t>(origin.get(), "replicate_run", runs);
  std::vector<std::string> paths, texts;
  for (const auto& source : s.sources) {
    paths.push_back(source.path);
    texts.push_back(source.text);
  }
  io::write_strings(origin.get(), "scenario_files", paths);
  io::write_strings(origin.get(), "scenario_texts", texts);

  create_observables();
  if (s.snapshot_every > 0) create_snapshots();
}

namespace {

/// Creates /observables/<name> with step, time and an empty value [replicate][week][extents...].
template <class T>
io::Handle create_series(hid_t observables, const std::string& name, const char* unit,
                         const char* description, const std::vector<std::string>& dimensions,
                         const io::Dims& extents, std::uint32_t replicates, hsize_t weeks) {
  const io::Handle group = io::create_group(observables, name);
  std::vector<std::uint32_t> steps(weeks);
  std::vector<double> times(weeks);
  for (hsize_t w = 0; w < weeks; ++w) {
    steps[w] = static_cast<std::uint32_t>(w);
    times[w] = static_cast<double>(w);
  }
  io::write_vector<std::uint32_t>(group.get(), "step", steps);
  io::write_vector<double>(group.get(), "time", times);
  const io::Handle time(io::check(H5Dopen2(group.get(), "time", H5P_DEFAULT), "opening time"));
  io::write_attribute(time.get(), "unit", "week");
  io::Dims dims{replicates, weeks};
  io::Dims chunk{1, weeks};
  for (const hsize_t extent : extents) {
    dims.push_back(extent);
    chunk.push_back(extent);
  }
  io::Handle value = io::create_array<T>(group.get(), "value", dims, chunk);
  io::write_attribute(value.get(), "unit", unit);
  io::write_attribute(value.get(), "description", description);
  std::vector<std::string> names{"replicate", "week"};
  names.insert(names.end(), dimensions.begin(), dimensions.end());
  io::write_attribute(value.get(), "dimensions", join(names));
  return value;
}

}  // namespace

void ResultsFile::create_observables() {
  const io::Handle observables = io::create_group(file_.get(), "observables");
  const hsize_t weeks = scenario_.weeks + 1;
  const std::size_t platforms = scenario_.platforms.size();
  for (const ObservableSpec& spec : specs()) {
    series_.push_back(create_series<std::uint32_t>(
        observables.get(), spec.name, spec.unit, spec.description, spec.dimensions,
        spec.extents(platforms), scenario_.replicates, weeks));
  }
  if (scenario_.reach.posts == 0) return;
  for (const ReachSpec& spec : reach_specs()) {
    reach_series_.push_back(create_series<double>(
        observables.get(), spec.name, spec.unit, spec.description, spec.dimensions,
        spec.extents(platforms), scenario_.replicates, weeks));
  }
  // The same quantities for each simulated message, so that distributions across messages
  // (not only their weekly mean) can be read back.
  const io::Handle messages = io::create_group(file_.get(), "messages");
  io::write_attribute(messages.get(), "posts_per_week", std::uint64_t{scenario_.reach.posts});
  for (const ReachSpec& spec : reach_specs()) {
    io::Dims extents{scenario_.reach.posts};
    const io::Dims per_message = spec.extents(platforms);
    extents.insert(extents.end(), per_message.begin(), per_message.end());
    std::vector<std::string> dimensions{"message"};
    dimensions.insert(dimensions.end(), spec.dimensions.begin(), spec.dimensions.end());
    message_series_.push_back(create_series<double>(messages.get(), spec.name, spec.unit,
                                                    spec.description, dimensions, extents,
                                                    scenario_.replicates, weeks));
  }
}

void ResultsFile::create_snapshots() {
  const io::Handle group = io::create_group(file_.get(), "snapshots");
  for (std::uint32_t week = 0; week <= scenario_.weeks; ++week) {
    if (is_snapshot_week(scenario_, week)) snapshot_weeks_.push_back(week);
  }
  io::write_vector<std::uint32_t>(group.get(), "step", snapshot_weeks_);
  const io::Dims dims{scenario_.replicates, snapshot_weeks_.size(), graph_.node_count()};
  const io::Dims chunk{1, 1, std::min<hsize_t>(graph_.node_count(), 1 << 20)};
  for (const char* name : {"account", "active", "follows"}) {
    io::Handle data = io::create_array<std::uint8_t>(group.get(), name, dims, chunk);
    io::write_attribute(data.get(), "encoding", "bit k set: true on platform k");
    io::write_attribute(data.get(), "dimensions", "replicate,snapshot,agent");
    snapshots_.push_back(std::move(data));
  }
}

void ResultsFile::on_snapshot(std::uint32_t replicate, std::uint32_t week,
                              const model::AgentState& state) {
  const auto at = std::find(snapshot_weeks_.begin(), snapshot_weeks_.end(), week);
  const io::Dims offset{replicate, static_cast<hsize_t>(at - snapshot_weeks_.begin()), 0};
  const io::Dims count{1, 1, state.agents()};
  const std::lock_guard lock(mutex_);
  io::write_block(snapshots_[0].get(), offset, count, state.account.data());
  io::write_block(snapshots_[1].get(), offset, count, state.active.data());
  io::write_block(snapshots_[2].get(), offset, count, state.follows.data());
}

void ResultsFile::on_replicate(const ReplicateSeries& series) {
  const std::size_t platforms = scenario_.platforms.size();
  const hsize_t weeks = series.weeks.size();
  const std::lock_guard lock(mutex_);
  for (std::size_t i = 0; i < specs().size(); ++i) {
    const io::Dims extents = specs()[i].extents(platforms);
    std::vector<std::uint32_t> block;
    for (const WeekCounts& counts : series.weeks) {
      const auto* values = specs()[i].values(counts);
      if (values == nullptr) {
        block.push_back(counts.active_anywhere);
      } else {
        block.insert(block.end(), values->begin(), values->end());
      }
    }
    io::Dims offset{series.replicate, 0}, count{1, weeks};
    for (const hsize_t extent : extents) {
      offset.push_back(0);
      count.push_back(extent);
    }
    io::write_block(series_[i].get(), offset, count, block.data());
  }
  for (std::size_t i = 0; i < reach_series_.size() && !series.reach.empty(); ++i) {
    std::vector<double> mean_block, message_block;
    for (const reach::MessageReach& week : series.reach)
      reach_specs()[i].append(week, mean_block);
    for (const auto& week : series.messages) {
      for (const reach::MessageReach& message : week)
        reach_specs()[i].append(message, message_block);
    }
    io::Dims offset{series.replicate, 0}, count{1, weeks};
    for (const hsize_t extent : reach_specs()[i].extents(platforms)) {
      offset.push_back(0);
      count.push_back(extent);
    }
    io::write_block(reach_series_[i].get(), offset, count, mean_block.data());
    offset.insert(offset.begin() + 2, 0);
    count.insert(count.begin() + 2, scenario_.reach.posts);
    io::write_block(message_series_[i].get(), offset, count, message_block.data());
  }
  io::check(H5Fflush(file_.get(), H5F_SCOPE_LOCAL), "flushing a replicate");
}

void ResultsFile::finish(const RuntimeFacts& facts) {
  const std::lock_guard lock(mutex_);
  {
    const io::Handle runtime = io::create_group(file_.get(), "runtime");
    io::write_attribute(runtime.get(), "wall_seconds", facts.wall_seconds);
    io::write_attribute(runtime.get(), "threads", facts.threads);
    io::write_attribute(runtime.get(), "started_utc", facts.started_utc);
  }
  series_.clear();
  reach_series_.clear();
  message_series_.clear();
  snapshots_.clear();
  // A run of its own file is complete only when the file closed cleanly (a full disk shows here).
  if (H5Iget_type(file_.get()) == H5I_FILE) io::close_file(file_);
}

}  // namespace sim::engine

// Creates every dataset of a run file up front, at its final shape (chunked by replicate), and
// fills one replicate's slab of each when it finishes, under one mutex. Flushes after each
// replicate so that a killed run leaves a readable, if incomplete, temporary behind.

#include "sim/engine/results_file.hpp"

#include <algorithm>

#include "sim/engine/comparison_file.hpp"
#include "sim/engine/observables.hpp"
#include "sim/graph/attributes.hpp"
#include "sim/io/h5_array.hpp"
#include "sim/scenario/worlds.hpp"
#include "sim/util/error.hpp"

namespace sim::engine {
namespace {

std::string join(const std::vector<std::string>& parts) {
  std::string text;
  for (const auto& part : parts)
    text += (text.empty() ? "" : ",") + part;
  return text;
}

}  // namespace

namespace {

/// /worlds: each uncertain parameter, its distribution, and its value in every world.
void write_worlds(hid_t root, const scenario::Scenario& s) {
  const io::Handle group = io::create_group(root, "worlds");
  io::write_attribute(group.get(), "description",
                      "replicate r runs in world r: these values, plus its own stochastic draws");
  std::vector<std::string> keys, distributions;
  for (const scenario::UncertainParameter& p : s.uncertain) {
    keys.push_back(p.key);
    distributions.push_back(scenario::describe_uncertainty(p));
  }
  io::write_strings(group.get(), "parameters", keys);
  io::write_strings(group.get(), "distributions", distributions);
  const io::Dims dims{s.replicates, s.uncertain.size()};
  std::vector<double> values;
  for (std::uint32_t world = 0; world < s.replicates; ++world) {
    for (const scenario::WorldValue& v : scenario::world_values(s, world))
      values.push_back(v.value);
  }
  const io::Handle data = io::create_array<double>(group.get(), "values", dims, dims);
  io::write_block(data.get(), io::Dims{0, 0}, dims, values.data());
  io::write_attribute(data.get(), "dimensions", "world,parameter");
}

}  // namespace

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

  if (!s.uncertain.empty()) write_worlds(root, s);
  create_observables();
  if (s.snapshot_every > 0) create_snapshots();
}

namespace {

/// Creates /observables/<name> with step, time and an empty value [replicate][week][extents...].
/// `per_message` > 0 adds a [message] dimension of that extent after the week.
template <class T>
io::Handle create_series(hid_t parent, const Observable& o, std::size_t platforms,
                         std::uint32_t replicates, hsize_t weeks, std::uint64_t per_message = 0) {
  io::Dims extents = extents_of(o.shape, platforms);
  std::vector<std::string> dimensions = dimension_names(o.shape);
  if (per_message > 0) {
    extents.insert(extents.begin(), per_message);
    dimensions.insert(dimensions.begin(), "message");
  }
  const io::Handle group = io::create_group(parent, o.name);
  std::vector<std::uint32_t> steps(weeks);
  std::vector<double> times(weeks);
  for (hsize_t w = 0; w < weeks; ++w) {
    steps[w] = static_cast<std::uint32_t>(w);
    times[w] = static_cast<double>(w);
  }
  io::write_vector<std::uint32_t>(group.get(), "step", steps);
  io::write_vector<double>(group.get(), "time", times);
  const io::Handle time = io::open_dataset(group.get(), "time");
  io::write_attribute(time.get(), "unit", "week");
  io::Dims dims{replicates, weeks};
  io::Dims chunk{1, weeks};
  for (const hsize_t extent : extents) {
    dims.push_back(extent);
    chunk.push_back(extent);
  }
  io::Handle value = io::create_array<T>(group.get(), "value", dims, chunk);
  io::write_attribute(value.get(), "unit", o.unit);
  io::write_attribute(value.get(), "description", o.description);
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
  for (const Observable& o : count_observables()) {
    series_.push_back(
        create_series<std::uint32_t>(observables.get(), o, platforms, scenario_.replicates, weeks));
  }
  if (scenario_.reach.posts == 0) return;
  for (const Observable& o : reach_observables()) {
    reach_series_.push_back(
        create_series<double>(observables.get(), o, platforms, scenario_.replicates, weeks));
  }
  // The same quantities for each simulated message, so that distributions across messages
  // (not only their weekly mean) can be read back.
  const io::Handle messages = io::create_group(file_.get(), "messages");
  io::write_attribute(messages.get(), "posts_per_week", std::uint64_t{scenario_.reach.posts});
  for (const Observable& o : reach_observables()) {
    message_series_.push_back(create_series<double>(
        messages.get(), o, platforms, scenario_.replicates, weeks, scenario_.reach.posts));
  }
  if (std::vector<std::uint32_t> plan = plan_weeks(scenario_); !plan.empty())
    plan_.emplace(file_.get(), scenario_.replicates, platforms, std::move(plan));
  if (std::vector<std::uint32_t> crisis = crisis_weeks(scenario_); !crisis.empty()) {
    crisis_.emplace(file_.get(), scenario_.replicates, scenario_.crisis.messages,
                    std::move(crisis));
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
  // One byte per agent while the platforms fit in it, two beyond eight.
  const bool wide = scenario_.platforms.size() > model::kLanes;
  for (const char* name : {"account", "active", "follows"}) {
    io::Handle data = wide ? io::create_array<std::uint16_t>(group.get(), name, dims, chunk)
                           : io::create_array<std::uint8_t>(group.get(), name, dims, chunk);
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
  const bool wide = state.platforms > model::kLanes;
  const auto narrow = [](const std::vector<model::PlatformBits>& bits) {
    return std::vector<std::uint8_t>(bits.begin(), bits.end());
  };
  const std::lock_guard lock(mutex_);
  std::size_t i = 0;
  for (const auto* bits : {&state.account, &state.active, &state.follows}) {
    if (wide) {
      io::write_block(snapshots_[i++].get(), offset, count, bits->data());
    } else {
      io::write_block(snapshots_[i++].get(), offset, count, narrow(*bits).data());
    }
  }
}

namespace {

/// Writes `values` as replicate `replicate` of a [replicate][week][extents...] dataset.
template <class T>
void write_replicate(hid_t data, std::uint32_t replicate, hsize_t weeks, const io::Dims& extents,
                     const std::vector<T>& values) {
  io::Dims offset{replicate, 0}, count{1, weeks};
  for (const hsize_t extent : extents) {
    offset.push_back(0);
    count.push_back(extent);
  }
  io::write_block(data, offset, count, values.data());
}

template <class T, class Source, class Values>
void append(std::vector<T>& out, const Source& source, Values (*values)(const Source&)) {
  const Values span = values(source);
  out.insert(out.end(), span.begin(), span.end());
}

}  // namespace

void ResultsFile::on_replicate(const ReplicateSeries& series) {
  const std::size_t platforms = scenario_.platforms.size();
  const hsize_t weeks = series.weeks.size();
  const std::lock_guard lock(mutex_);
  for (std::size_t i = 0; i < count_observables().size(); ++i) {
    const Observable& o = count_observables()[i];
    std::vector<std::uint32_t> block;
    for (const model::WeekCounts& counts : series.weeks)
      append(block, counts, o.counts);
    write_replicate(series_[i].get(), series.replicate, weeks, extents_of(o.shape, platforms),
                    block);
  }
  for (std::size_t i = 0; i < reach_series_.size() && !series.reach.empty(); ++i) {
    const Observable& o = reach_observables()[i];
    std::vector<double> mean_block, message_block;
    for (const reach::MessageReach& week : series.reach)
      append(mean_block, week, o.reach);
    for (const auto& week : series.messages) {
      for (const reach::MessageReach& message : week)
        append(message_block, message, o.reach);
    }
    io::Dims extents = extents_of(o.shape, platforms);
    write_replicate(reach_series_[i].get(), series.replicate, weeks, extents, mean_block);
    extents.insert(extents.begin(), scenario_.reach.posts);
    write_replicate(message_series_[i].get(), series.replicate, weeks, extents, message_block);
  }
  if (plan_) plan_->write(series);
  if (crisis_) crisis_->write(series);
  io::check(H5Fflush(file_.get(), H5F_SCOPE_LOCAL), "flushing a replicate");
}

void ResultsFile::write_summary(const Comparison& summary) {
  const std::lock_guard lock(mutex_);
  write_run_summary(file_.get(), summary);
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
  plan_.reset();
  crisis_.reset();
  snapshots_.clear();
  // A run of its own file is complete only when the file closed cleanly (a full disk shows here).
  if (H5Iget_type(file_.get()) == H5I_FILE) io::close_file(file_);
}

}  // namespace sim::engine

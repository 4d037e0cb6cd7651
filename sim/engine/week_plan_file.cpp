// One dataset per quantity, [replicate][plan week][extent], chunked by replicate, written in one
// block per replicate like the weekly observables.

#include "sim/engine/week_plan_file.hpp"

#include <algorithm>

#include "sim/graph/attributes.hpp"
#include "sim/io/h5_array.hpp"
#include "sim/util/error.hpp"

namespace sim::engine {
namespace {

struct PlanDataset {
  const char* name;
  const char* unit;
  const char* description;
  const char* last_dimension;  ///< "platform", "segment" or "" (one value)
};

const std::vector<PlanDataset>& plan_rows() {
  static const std::vector<PlanDataset> rows{
      {"posts", "messages", "messages posted on the platform that week", "platform"},
      {"reached", "agents", "agents shown at least one of the week's messages", ""},
      {"reached_by_segment", "agents", "the same by segment", "segment"},
      {"impressions", "views", "views summed over the week's messages", "platform"},
      {"engagements", "engagements", "expected likes, replies and reshares", "platform"},
      {"toxic_exposure", "views", "views times the platform's toxicity", "platform"},
  };
  return rows;
}

hsize_t extent_of(const PlanDataset& row, std::size_t platforms) {
  const std::string_view last = row.last_dimension;
  if (last == "platform") return platforms;
  if (last == "segment") return graph::kSegmentCount;
  return 0;
}

io::Dims dims_of(const PlanDataset& row, hsize_t replicates, hsize_t weeks, std::size_t platforms) {
  io::Dims dims{replicates, weeks};
  if (const hsize_t extent = extent_of(row, platforms); extent > 0) dims.push_back(extent);
  return dims;
}

/// The values of `row` in one week's plan.
std::vector<double> values_of(const PlanDataset& row, const reach::WeekPlanReach& plan) {
  const std::string_view name = row.name;
  if (name == "posts") return plan.posts;
  if (name == "reached") return {plan.reached};
  if (name == "reached_by_segment")
    return {plan.reached_by_segment.begin(), plan.reached_by_segment.end()};
  if (name == "impressions") return plan.impressions;
  if (name == "engagements") return plan.engagements;
  return plan.toxic_exposure;
}

}  // namespace

const std::vector<std::string>& week_plan_datasets() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const PlanDataset& row : plan_rows())
      out.emplace_back(row.name);
    return out;
  }();
  return names;
}

WeekPlanFile::WeekPlanFile(hid_t run, std::uint32_t replicates, std::size_t platforms,
                           std::vector<std::uint32_t> weeks)
    : platforms_(platforms), weeks_(std::move(weeks)) {
  const io::Handle group = io::create_group(run, "plan");
  io::write_vector<std::uint32_t>(group.get(), "week", weeks_);
  for (const PlanDataset& row : plan_rows()) {
    const io::Dims dims = dims_of(row, replicates, weeks_.size(), platforms);
    io::Dims chunk = dims;
    chunk[0] = 1;
    io::Handle data = io::create_array<double>(group.get(), row.name, dims, chunk);
    io::write_attribute(data.get(), "unit", row.unit);
    io::write_attribute(data.get(), "description", row.description);
    const std::string last = row.last_dimension;
    io::write_attribute(data.get(), "dimensions",
                        "replicate,plan_week" + (last.empty() ? "" : "," + last));
    datasets_.push_back(std::move(data));
  }
}

void WeekPlanFile::write(const ReplicateSeries& series) {
  if (series.plans.size() != weeks_.size()) {
    throw util::Error("a replicate's plans do not match the plan weeks");
  }
  for (std::size_t d = 0; d < plan_rows().size(); ++d) {
    const PlanDataset& row = plan_rows()[d];
    std::vector<double> block;
    for (const reach::WeekPlanReach& plan : series.plans) {
      const std::vector<double> values = values_of(row, plan);
      block.insert(block.end(), values.begin(), values.end());
    }
    io::Dims offset{series.replicate, 0}, count{1, weeks_.size()};
    if (const hsize_t extent = extent_of(row, platforms_); extent > 0) {
      offset.push_back(0);
      count.push_back(extent);
    }
    io::write_block(datasets_[d].get(), offset, count, block.data());
  }
}

void check_week_plan_layout(hid_t run, std::uint64_t replicates, std::uint64_t weeks,
                            std::size_t platforms) {
  if (!io::has_link(run, "plan")) return;
  const io::Dims listed = io::require_dataset(run, "plan/week", H5T_INTEGER, 1);
  if (listed[0] == 0 || listed[0] > weeks + 1) {
    throw util::InputError({.key = "plan/week"}, "holds no weeks or more than the run has");
  }
  const io::Handle group = io::open_group(run, "plan");
  const std::vector<std::uint32_t> plan_weeks = io::read_vector<std::uint32_t>(group.get(), "week");
  if (!std::is_sorted(plan_weeks.begin(), plan_weeks.end()) || plan_weeks.back() > weeks ||
      std::adjacent_find(plan_weeks.begin(), plan_weeks.end()) != plan_weeks.end()) {
    throw util::InputError({.key = "plan/week"}, "is not a rising list of the run's weeks");
  }
  for (const PlanDataset& row : plan_rows()) {
    io::require_dataset(run, std::string("plan/") + row.name, H5T_FLOAT,
                        dims_of(row, replicates, listed[0], platforms));
  }
}

}  // namespace sim::engine

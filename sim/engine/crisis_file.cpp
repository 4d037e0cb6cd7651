// One dataset per quantity, [replicate][crisis week][message][...], chunked by replicate and
// written in one block per replicate, like the week's plan.

#include "sim/engine/crisis_file.hpp"

#include <algorithm>
#include <string>

#include "sim/graph/attributes.hpp"
#include "sim/io/h5_array.hpp"
#include "sim/util/error.hpp"

namespace sim::engine {
namespace {

struct CrisisDataset {
  const char* name;
  const char* description;
  const char* dimensions;  ///< after replicate, crisis_week, message
  std::size_t groups;      ///< segments or routes before the hours; 0: none; 1: no hours either
};

const std::vector<CrisisDataset>& crisis_rows() {
  static const std::vector<CrisisDataset> rows{
      {"unique", "agents reached by any route at any time", "", 1},
      {"within", "agents reached within each mark of /parameters/crisis_hours", ",hours", 0},
      {"within_by_segment", "the same by segment of the agent", ",segment,hours",
       graph::kSegmentCount},
      {"within_by_route", "the same by the route that reached the agent first", ",route,hours",
       reach::kRouteCount},
  };
  return rows;
}

io::Dims dims_of(const CrisisDataset& row, hsize_t replicates, hsize_t weeks, hsize_t messages) {
  io::Dims dims{replicates, weeks, messages};
  if (row.groups == 1) return dims;
  if (row.groups > 1) dims.push_back(row.groups);
  dims.push_back(reach::kCrisisHours.size());
  return dims;
}

void append(const CrisisDataset& row, const reach::CrisisReach& message, std::vector<double>& out) {
  const std::string_view name = row.name;
  if (name == "unique") {
    out.push_back(message.unique);
  } else if (name == "within") {
    out.insert(out.end(), message.within.begin(), message.within.end());
  } else {
    const auto& curves = name == "within_by_segment"
                             ? std::vector<reach::HourCurve>(message.within_by_segment.begin(),
                                                             message.within_by_segment.end())
                             : std::vector<reach::HourCurve>(message.within_by_route.begin(),
                                                             message.within_by_route.end());
    for (const reach::HourCurve& curve : curves)
      out.insert(out.end(), curve.begin(), curve.end());
  }
}

}  // namespace

CrisisFile::CrisisFile(hid_t run, std::uint32_t replicates, std::uint32_t messages,
                       std::vector<std::uint32_t> weeks)
    : messages_(messages), weeks_(std::move(weeks)) {
  const io::Handle group = io::create_group(run, "crisis");
  io::write_vector<std::uint32_t>(group.get(), "week", weeks_);
  std::string routes;
  for (const char* route : reach::kRouteNames)
    routes += (routes.empty() ? "" : ",") + std::string(route);
  for (const CrisisDataset& row : crisis_rows()) {
    const io::Dims dims = dims_of(row, replicates, weeks_.size(), messages_);
    io::Dims chunk = dims;
    chunk[0] = 1;
    io::Handle data = io::create_array<double>(group.get(), row.name, dims, chunk);
    io::write_attribute(data.get(), "unit", "agents");
    io::write_attribute(data.get(), "description", row.description);
    io::write_attribute(data.get(), "dimensions",
                        std::string("replicate,crisis_week,message") + row.dimensions);
    if (row.groups == reach::kRouteCount) io::write_attribute(data.get(), "routes", routes);
    datasets_.push_back(std::move(data));
  }
}

void CrisisFile::write(const ReplicateSeries& series) {
  if (series.crises.size() != weeks_.size()) {
    throw util::Error("a replicate's crisis messages do not match the crisis weeks");
  }
  for (std::size_t d = 0; d < crisis_rows().size(); ++d) {
    const CrisisDataset& row = crisis_rows()[d];
    std::vector<double> block;
    for (const reach::CrisisWeek& week : series.crises) {
      if (week.messages.size() != messages_) throw util::Error("a crisis week lacks messages");
      for (const reach::CrisisReach& message : week.messages)
        append(row, message, block);
    }
    io::Dims count = dims_of(row, 1, weeks_.size(), messages_);
    io::Dims offset(count.size(), 0);
    offset[0] = series.replicate;
    io::write_block(datasets_[d].get(), offset, count, block.data());
  }
}

void check_crisis_layout(hid_t run, std::uint64_t replicates, std::uint64_t weeks) {
  if (!io::has_link(run, "crisis")) return;
  const io::Dims listed = io::require_dataset(run, "crisis/week", H5T_INTEGER, 1);
  if (listed[0] == 0 || listed[0] > weeks + 1) {
    throw util::InputError({.key = "crisis/week"}, "holds no weeks or more than the run has");
  }
  const io::Handle group = io::open_group(run, "crisis");
  const auto crisis_weeks = io::read_vector<std::uint32_t>(group.get(), "week");
  if (!std::is_sorted(crisis_weeks.begin(), crisis_weeks.end()) || crisis_weeks.back() > weeks ||
      std::adjacent_find(crisis_weeks.begin(), crisis_weeks.end()) != crisis_weeks.end()) {
    throw util::InputError({.key = "crisis/week"}, "is not a rising list of the run's weeks");
  }
  const io::Dims unique = io::require_dataset(run, "crisis/unique", H5T_FLOAT, 3);
  if (unique[0] != replicates || unique[1] != listed[0] || unique[2] == 0) {
    throw util::InputError({.key = "crisis/unique"}, "does not match the run's replicates");
  }
  for (const CrisisDataset& row : crisis_rows()) {
    io::require_dataset(run, std::string("crisis/") + row.name, H5T_FLOAT,
                        dims_of(row, replicates, listed[0], unique[2]));
  }
}

}  // namespace sim::engine

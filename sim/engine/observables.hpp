#pragma once
/// The catalogue of weekly observables: every series a run file stores under /observables (and,
/// for reach, per message under /messages), and a sweep may keep. One row per observable: name,
/// unit, meaning, the shape of one week's values, and where its values come from. Counts are
/// whole agents (uint32) from the weekly counts; reach observables are float64 means per message
/// (present when the scenario's reach.posts > 0).

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sim/engine/run_scenario.hpp"
#include "sim/io/h5_array.hpp"

namespace sim::engine {

/// The shape of one week of an observable, after its [replicate][week] dimensions.
enum class ObservableShape {
  scalar,            ///< one value
  platform,          ///< [platform]
  segment_platform,  ///< [segment][platform]
  from_to,           ///< [from: platform or nowhere][to: platform]
  segment,           ///< [segment]
  crisis_hours,      ///< [hours of reach::kCrisisHours]
};

struct Observable {
  const char* name;
  const char* unit;
  const char* description;
  ObservableShape shape;
  /// One week's counts (count observables), or nullptr.
  std::span<const std::uint32_t> (*counts)(const model::WeekCounts&) = nullptr;
  /// One message's (or one week's mean) reach values (reach observables), or nullptr.
  std::span<const double> (*reach)(const reach::MessageReach&) = nullptr;
};

/// The count observables, in file order (accounts, active, followers, ...).
const std::vector<Observable>& count_observables();
/// The reach observables, in file order (reach_per_post, ..., toxic_exposure_per_post).
const std::vector<Observable>& reach_observables();

/// The row of `name` (either kind); util::Error for unknown names.
const Observable& observable(const std::string& name);

/// Names of the dimensions of one week of `shape` ("platform", ...).
std::vector<std::string> dimension_names(ObservableShape shape);
/// Extents of one week of `shape` in a run with `platforms` platforms.
io::Dims extents_of(ObservableShape shape, std::size_t platforms);

/// Names of the count observables, and of the reach observables, in file order.
std::vector<std::string> observable_names();
std::vector<std::string> reach_observable_names();
/// The present name of an observable that an earlier results format named `old`, or "" (run
/// format 6 renamed unique_reach to reach_per_message, the name of the decision table).
std::string renamed_observable(std::string_view old);

/// Shape of one week of observable `name` (e.g. [platforms]); util::Error for unknown names.
io::Dims observable_extents(const std::string& name, std::size_t platforms);

/// Every week of observable `name` of one replicate as float64, row-major [week][extents...].
std::vector<double> observable_values(const ReplicateSeries& series, const std::string& name);

}  // namespace sim::engine

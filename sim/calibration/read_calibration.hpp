#pragma once
/// Calibration files (docs/calibration.md, "Calibration files"): TOML naming the base scenario,
/// the free parameters with their priors, the observations to fit, the distance and the method.
///
///   scenario = "../ghent/stay_on_x.toml"     # relative to this file
///   seed = 11
///   set = ["population.graph=\"follower:n=8000,seed=1\""]   # optional, like --set
///   start_date = "2025-01-06"                # the date of week 0 (else the scenario's)
///   [parameters.platforms.x]                 # priors, as in a priors file
///   feed_reach = { lognormal = [0.05, 0.6] }
///   [[targets]]
///   file = "ghent_example_analytics.csv"     # an observation file (observations.hpp)
///   metrics = ["followers"]                  # optional: only these rows
///   weight = 1.0                             # optional
///   [distance]
///   relative_error = 0.1                     # scale of rows without sd or interval
///   [method]
///   name = "abc-smc"
///   particles = 200
///   generations = 8
///
/// The free parameters are the base scenario's uncertain parameters once the file's priors are
/// applied on top of it (a prior of the scenario or of `set` is free too).

#include <cstdint>
#include <string>
#include <vector>

#include "sim/calibration/abc_smc.hpp"
#include "sim/calibration/observations.hpp"
#include "sim/scenario/scenario.hpp"

namespace sim::calibration {

/// One observation to fit, resolved against the scenario.
struct TargetRow {
  Observation observation;
  std::string file;  ///< its observation file
  double weight = 1.0;
  std::size_t platform = 0;  ///< index in the scenario
  std::uint32_t week = 0;    ///< the model week nearest its date
  double scale = 1.0;        ///< its uncertainty: sd, (hi - lo) / 3.29, or relative_error x value
  /// For platform-level metrics: the index (in the calibration's rows) of the series' first
  /// row, which the row is fitted relative to; the row's own index for that first row.
  std::size_t reference = 0;
};

struct Calibration {
  std::string file;
  scenario::Scenario base;  ///< read with the file's set and priors; uncertain = free parameters
  std::vector<FreeParameter> parameters;
  std::int64_t start_day = 0;  ///< days from 1970-01-01 of week 0
  std::vector<TargetRow> rows;
  double relative_error = 0.1;
  AbcSettings method;
  std::uint32_t last_week = 0;  ///< the latest week any row needs
  bool needs_reach = false;     ///< some row is a per-post metric
};

/// Reads and checks a calibration file and every file it names. InputError with file, line and
/// key for any problem.
Calibration read_calibration(const std::string& path);

}  // namespace sim::calibration

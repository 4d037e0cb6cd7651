#pragma once
/// Observation files: what a calibration fits (docs/calibration.md, "Observation files"). CSV,
/// one row per value, with a header naming the columns in any order:
///   date      YYYY-MM-DD                                   required
///   platform  a platform of the scenario                   required
///   metric    one of metric_names()                        required
///   value     a finite number >= 0 (a share in [0, 1])      required
///   sd        its standard uncertainty, >= 0                optional
///   lo, hi    an interval around it (both or neither)       optional, not with sd
///   note      free text (quoted "..." to hold commas)       optional
/// Lines starting with '#' and blank lines are ignored. Within a series (one platform and
/// metric) dates must increase strictly. Any problem is an InputError naming the file, the line
/// and the column.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sim::calibration {

enum class Metric {
  kFollowers,           ///< the organisation's followers on the platform (its analytics)
  kImpressionsPerPost,  ///< people shown one post there (impressions or reach per post)
  kEngagementsPerPost,  ///< engagements with one post there
  kAlsoFollows,         ///< share of the organisation's X followers who also follow it there
  kAccounts,            ///< registered accounts on the platform (a platform-level series)
  kActive,              ///< active users of the platform (a platform-level series)
};

std::string_view metric_name(Metric metric);
std::vector<std::string_view> metric_names();
/// Measured in the platform's whole population, not the organisation's audience: fitted as
/// relative change against the series' first date (docs/calibration.md says why).
bool is_platform_level(Metric metric);
/// A share in [0, 1] rather than a count.
bool is_share(Metric metric);

struct Observation {
  std::uint64_t line = 0;  ///< in its file, 1-based
  std::string date;        ///< as written
  std::int64_t day = 0;    ///< days from 1970-01-01
  std::string platform;
  Metric metric = Metric::kFollowers;
  double value = 0.0;
  std::optional<double> sd, low, high;
  std::string note;
};

/// The observations of a file, in file order. `platforms`: the names a row may use.
std::vector<Observation> read_observations(const std::string& path,
                                           std::span<const std::string_view> platforms);

/// The same from text; `file` names it in errors.
std::vector<Observation> parse_observations(std::string_view text, const std::string& file,
                                            std::span<const std::string_view> platforms);

}  // namespace sim::calibration

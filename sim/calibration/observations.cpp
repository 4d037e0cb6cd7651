// One pass over the lines: the header fixes the columns, each row is split (commas, with "..."
// quoting), checked field by field, and checked against the last date of its series.

#include "sim/calibration/observations.hpp"

#include <array>
#include <map>
#include <utility>

#include "sim/util/did_you_mean.hpp"
#include "sim/util/error.hpp"
#include "sim/util/input_file.hpp"
#include "sim/util/parse_number.hpp"

namespace sim::calibration {
namespace {

constexpr std::size_t kMaxBytes = std::size_t{64} << 20U;

constexpr std::array<std::pair<Metric, std::string_view>, 6> kMetrics{{
    {Metric::kFollowers, "followers"},
    {Metric::kImpressionsPerPost, "impressions_per_post"},
    {Metric::kEngagementsPerPost, "engagements_per_post"},
    {Metric::kAlsoFollows, "also_follows"},
    {Metric::kAccounts, "accounts"},
    {Metric::kActive, "active"},
}};

enum Column : std::size_t { kDate, kPlatform, kMetric, kValue, kSd, kLow, kHigh, kNote, kColumns };
constexpr std::array<std::string_view, kColumns> kColumnNames{"date", "platform", "metric", "value",
                                                              "sd",   "lo",       "hi",     "note"};
constexpr std::size_t kRequired = 4;  // date, platform, metric, value

/// Where the reader is, for errors: "FILE:LINE: key 'COLUMN': problem (column N)".
struct Place {
  const std::string& file;
  std::uint64_t line = 0;

  [[noreturn]] void fail(const std::string& problem, std::string_view column = {},
                         std::size_t index = 0) const {
    const std::string where =
        column.empty() ? problem : problem + " (column " + std::to_string(index + 1) + ")";
    throw util::InputError({file, line, std::string(column)}, where);
  }
};

/// The fields of one line, split at commas; a field that starts with '"' runs to the closing
/// quote, with "" standing for one quote.
std::vector<std::string> split_fields(std::string_view line, const Place& place) {
  std::vector<std::string> fields(1);
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == ',') {
      fields.emplace_back();
    } else if (c == '"' && fields.back().empty()) {
      for (++i;; ++i) {
        if (i >= line.size()) place.fail("a quoted field has no closing quote");
        if (line[i] == '"' && (i + 1 >= line.size() || line[i + 1] != '"')) break;
        if (line[i] == '"') ++i;
        fields.back() += line[i];
      }
      if (i + 1 < line.size() && line[i + 1] != ',')
        place.fail("text follows the closing quote of a field");
    } else {
      fields.back() += c;
    }
  }
  for (std::string& field : fields) {  // spaces around a field are not part of it
    const auto first = field.find_first_not_of(" \t");
    const auto last = field.find_last_not_of(" \t");
    field = first == std::string::npos ? "" : field.substr(first, last - first + 1);
  }
  return fields;
}

/// Column index of each known column in the file (kColumns where absent).
std::array<std::size_t, kColumns> read_header(const std::vector<std::string>& names,
                                              const Place& place) {
  std::array<std::size_t, kColumns> at{};
  at.fill(kColumns);
  for (std::size_t i = 0; i < names.size(); ++i) {
    std::size_t column = 0;
    while (column < kColumns && kColumnNames[column] != names[i])
      ++column;
    if (column == kColumns) {
      place.fail(
          "unknown column '" + names[i] + "'" + util::suggestion_suffix(names[i], kColumnNames),
          names[i], i);
    }
    if (at[column] != kColumns) place.fail("the column appears twice", names[i], i);
    at[column] = i;
  }
  for (std::size_t column = 0; column < kRequired; ++column) {
    if (at[column] == kColumns)
      place.fail("the header has no column '" + std::string(kColumnNames[column]) + "'");
  }
  if ((at[kLow] == kColumns) != (at[kHigh] == kColumns))
    place.fail("columns 'lo' and 'hi' come together");
  return at;
}

class RowReader {
 public:
  RowReader(const std::vector<std::string>& fields, const std::array<std::size_t, kColumns>& at,
            const Place& place)
      : fields_(fields), at_(at), place_(place) {}

  bool present(Column column) const { return at_[column] != kColumns; }
  const std::string& text(Column column) const { return fields_[at_[column]]; }

  [[noreturn]] void fail(Column column, const std::string& problem) const {
    place_.fail(problem, kColumnNames[column], at_[column]);
  }

  /// The number in `column`, if the column exists and the field is not empty.
  std::optional<double> number(Column column) const {
    if (!present(column) || text(column).empty()) return std::nullopt;
    const auto value = util::parse_real(text(column));
    if (!value) fail(column, "'" + text(column) + "' is not a finite number");
    if (*value < 0.0) fail(column, "must be at least 0, not " + text(column));
    return value;
  }

 private:
  const std::vector<std::string>& fields_;
  const std::array<std::size_t, kColumns>& at_;
  const Place& place_;
};

Observation read_row(const RowReader& row, std::span<const std::string_view> platforms,
                     std::uint64_t line) {
  Observation o;
  o.line = line;
  o.date = row.text(kDate);
  const auto day = util::iso_day_number(o.date);
  if (!day) row.fail(kDate, "'" + o.date + "' is not a date YYYY-MM-DD");
  o.day = *day;
  o.platform = row.text(kPlatform);
  bool known = false;
  for (const std::string_view name : platforms)
    known = known || name == o.platform;
  if (!known) {
    row.fail(kPlatform, "unknown platform '" + o.platform + "'" +
                            util::suggestion_suffix(o.platform, platforms));
  }
  const std::string& metric = row.text(kMetric);
  const auto names = metric_names();
  std::size_t m = 0;
  while (m < kMetrics.size() && kMetrics[m].second != metric)
    ++m;
  if (m == kMetrics.size())
    row.fail(kMetric, "unknown metric '" + metric + "'" + util::suggestion_suffix(metric, names));
  o.metric = kMetrics[m].first;
  const auto value = row.number(kValue);
  if (!value) row.fail(kValue, "a value is required");
  o.value = *value;
  if (is_share(o.metric) && o.value > 1.0)
    row.fail(kValue, "a share lies in [0, 1], not " + row.text(kValue));
  o.sd = row.number(kSd);
  o.low = row.number(kLow);
  o.high = row.number(kHigh);
  if (o.low.has_value() != o.high.has_value())
    row.fail(o.low ? kHigh : kLow, "'lo' and 'hi' are given together or not at all");
  if (o.sd && o.low) row.fail(kSd, "give sd or lo and hi, not both");
  if (o.low && !(*o.low <= o.value && o.value <= *o.high))
    row.fail(kLow, "the interval [lo, hi] must hold the value");
  if (row.present(kNote)) o.note = row.text(kNote);
  return o;
}

}  // namespace

std::string_view metric_name(Metric metric) {
  for (const auto& [m, name] : kMetrics) {
    if (m == metric) return name;
  }
  return "";
}

std::vector<std::string_view> metric_names() {
  std::vector<std::string_view> names;
  for (const auto& entry : kMetrics)
    names.push_back(entry.second);
  return names;
}

bool is_platform_level(Metric metric) {
  return metric == Metric::kAccounts || metric == Metric::kActive;
}

bool is_share(Metric metric) {
  return metric == Metric::kAlsoFollows;
}

std::vector<Observation> parse_observations(std::string_view text, const std::string& file,
                                            std::span<const std::string_view> platforms) {
  std::vector<Observation> observations;
  std::optional<std::array<std::size_t, kColumns>> header;
  std::size_t columns = 0;
  std::map<std::pair<std::string, Metric>, const Observation*> last_of_series;
  Place place{file, 0};
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++place.line;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos || line.front() == '#') continue;
    if (line.find('\0') != std::string_view::npos) place.fail("the line holds a NUL byte");
    const std::vector<std::string> fields = split_fields(line, place);
    if (!header) {
      header = read_header(fields, place);
      columns = fields.size();
      continue;
    }
    if (fields.size() != columns) {
      place.fail("the row has " + std::to_string(fields.size()) + " fields, the header " +
                 std::to_string(columns));
    }
    observations.push_back(read_row(RowReader(fields, *header, place), platforms, place.line));
  }
  if (!header) throw util::InputError({file, 0, ""}, "no header line and no observations");
  if (observations.empty()) throw util::InputError({file, 0, ""}, "no observations");
  // Dates in order within each series.
  for (const Observation& o : observations) {
    const auto key = std::pair{o.platform, o.metric};
    const auto previous = last_of_series.find(key);
    if (previous != last_of_series.end() && o.day <= previous->second->day) {
      throw util::InputError({file, o.line, "date"}, "date " + o.date + " is not after " +
                                                         previous->second->date + " (line " +
                                                         std::to_string(previous->second->line) +
                                                         ") of the same series " + o.platform +
                                                         " " + std::string(metric_name(o.metric)));
    }
    last_of_series[key] = &o;
  }
  return observations;
}

std::vector<Observation> read_observations(const std::string& path,
                                           std::span<const std::string_view> platforms) {
  return parse_observations(util::read_input_file(path, kMaxBytes), path, platforms);
}

}  // namespace sim::calibration

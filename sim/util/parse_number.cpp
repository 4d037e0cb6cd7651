#include "sim/util/parse_number.hpp"

#include <charconv>
#include <cmath>

namespace sim::util {

std::optional<std::uint64_t> parse_unsigned(std::string_view text) {
  if (text.empty() || text.front() < '0' || text.front() > '9') return std::nullopt;
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<double> parse_real(std::string_view text) {
  if (text.empty()) return std::nullopt;
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

std::optional<bool> parse_bool(std::string_view text) {
  if (text == "true" || text == "yes" || text == "1" || text == "on") return true;
  if (text == "false" || text == "no" || text == "0" || text == "off") return false;
  return std::nullopt;
}

bool is_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  const auto year = parse_unsigned(text.substr(0, 4));
  const auto month = parse_unsigned(text.substr(5, 2));
  const auto day = parse_unsigned(text.substr(8, 2));
  if (!year || !month || !day || *year < 1000 || *month < 1 || *month > 12 || *day < 1) {
    return false;
  }
  const bool leap = (*year % 4 == 0 && *year % 100 != 0) || *year % 400 == 0;
  constexpr std::uint64_t kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return *day <= kDays[*month - 1] + (leap && *month == 2 ? 1 : 0);
}

std::optional<std::int64_t> iso_day_number(std::string_view text) {
  if (!is_iso_date(text)) return std::nullopt;
  // H. Hinnant's days_from_civil: years counted from March, so that leap days come last.
  auto year = static_cast<std::int64_t>(*parse_unsigned(text.substr(0, 4)));
  const auto month = static_cast<std::int64_t>(*parse_unsigned(text.substr(5, 2)));
  const auto day = static_cast<std::int64_t>(*parse_unsigned(text.substr(8, 2)));
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = year / 400;  // years are at least 1000: no negative eras
  const std::int64_t year_of_era = year - era * 400;
  const std::int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const std::int64_t day_of_era =
      year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

}  // namespace sim::util

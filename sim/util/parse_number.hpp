#pragma once
/// Strict text-to-number conversion: the whole text must be a number of the target type.

#include <cstdint>
#include <optional>
#include <string_view>

namespace sim::util {

/// A non-negative integer written in decimal digits only; nullopt on anything else or overflow.
std::optional<std::uint64_t> parse_unsigned(std::string_view text);

/// A finite real number (decimal or scientific notation); nullopt on anything else.
std::optional<double> parse_real(std::string_view text);

/// true/false, yes/no, 1/0, on/off; nullopt on anything else.
std::optional<bool> parse_bool(std::string_view text);

/// A calendar date written YYYY-MM-DD (years 1000-9999, months and days that exist, leap years
/// included).
bool is_iso_date(std::string_view text);

/// Days from 1970-01-01 to a date written YYYY-MM-DD (negative before it); nullopt when the
/// text is not such a date (is_iso_date).
std::optional<std::int64_t> iso_day_number(std::string_view text);

}  // namespace sim::util

#pragma once
/// Small text helpers: trimming hand-parsed input (generator and transmission specs) and exact
/// number text (values written back as overrides).

#include <cstdio>
#include <string>
#include <string_view>

namespace sim::util {

/// `text` without leading and trailing spaces, tabs, carriage returns and newlines.
inline std::string_view trim(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  const auto first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

/// `value` with 17 significant digits: text that reads back as exactly the same double.
inline std::string exact_text(double value) {
  char text[40];
  std::snprintf(text, sizeof text, "%.17g", value);
  return text;
}

}  // namespace sim::util

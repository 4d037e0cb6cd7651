#pragma once
/// Suggestions for misspelt names ("did you mean 'mean_degree'?").

#include <span>
#include <string>
#include <string_view>

namespace sim::util {

/// Edit distance between two strings: insertions, deletions, substitutions and swaps of two
/// neighbouring characters each count one (optimal string alignment).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The closest candidate to `word` when it is close enough to be a plausible typo, else "".
std::string closest_match(std::string_view word, std::span<const std::string_view> candidates);

/// " (did you mean 'X'?)" when a close candidate exists, else a list of the valid names.
std::string suggestion_suffix(std::string_view word, std::span<const std::string_view> candidates);

}  // namespace sim::util

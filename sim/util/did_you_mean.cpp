#include "sim/util/did_you_mean.hpp"

#include <algorithm>
#include <vector>

namespace sim::util {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Optimal string alignment: Levenshtein plus the swap of two neighbours as one edit, the most
  // common typo ("cuhrn" for "churn").
  const std::size_t columns = b.size() + 1;
  std::vector<std::size_t> before(columns), previous(columns), row(columns);
  for (std::size_t j = 0; j < columns; ++j)
    previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    row[0] = i;
    for (std::size_t j = 1; j < columns; ++j) {
      const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      row[j] = std::min({previous[j] + 1, row[j - 1] + 1, substitution});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        row[j] = std::min(row[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, row);
  }
  return previous[b.size()];
}

std::string closest_match(std::string_view word, std::span<const std::string_view> candidates) {
  // A typo changes at most about a third of a word; anything further is a different word.
  const std::size_t budget = std::max<std::size_t>(1, (word.size() + 2) / 3);
  std::string best;
  std::size_t best_distance = budget + 1;
  for (std::string_view candidate : candidates) {
    const std::size_t distance = edit_distance(word, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = std::string(candidate);
    }
  }
  return best;
}

std::string suggestion_suffix(std::string_view word, std::span<const std::string_view> candidates) {
  const std::string best = closest_match(word, candidates);
  if (!best.empty()) return " (did you mean '" + best + "'?)";
  std::string list;
  for (std::string_view candidate : candidates) {
    list += list.empty() ? "" : ", ";
    list += candidate;
  }
  return " (expected one of: " + list + ")";
}

}  // namespace sim::util

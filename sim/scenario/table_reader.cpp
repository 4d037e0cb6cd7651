// Each read marks its key as asked for, so check_unknown() can list what nobody read and suggest
// the nearest known key; numbers are read exactly (integers above 2^53 keep their value) and
// errors carry the file and line toml++ kept for the node.

#include "sim/scenario/table_reader.hpp"

#include <algorithm>
#include <cmath>

#include "sim/scenario/document.hpp"
#include "sim/util/did_you_mean.hpp"

namespace sim::scenario {
namespace {

std::string number_text(double value) {
  std::string text = std::to_string(value);
  text.erase(text.find_last_not_of('0') + 1);
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

}  // namespace

TableReader::TableReader(const toml::table& table, std::string file, std::string path)
    : table_(table), file_(std::move(file)), path_(std::move(path)) {}

std::string TableReader::full_key(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

util::InputLocation TableReader::where(std::string_view key) const {
  const toml::node* node = table_.get(key);
  const toml::node& at = node != nullptr ? *node : static_cast<const toml::node&>(table_);
  return {file_of(at, file_), line_of(at), full_key(key)};
}

void TableReader::fail(std::string_view key, const std::string& problem) const {
  throw util::InputError(where(key), problem);
}

const toml::node* TableReader::find(std::string_view key) {
  known_.push_back(key);
  return table_.get(key);
}

double TableReader::real(std::string_view key, double fallback, double min, double max) {
  const toml::node* node = find(key);
  if (node == nullptr) return fallback;
  if (!node->is_number()) fail(key, "must be a number");
  const double value = number_of(*node);
  if (!std::isfinite(value) || value < min || value > max) {
    fail(key, number_text(value) + " is outside [" + number_text(min) + ", " +
                  (std::isinf(max) ? std::string("inf") : number_text(max)) + "]");
  }
  return value;
}

std::uint64_t TableReader::integer(std::string_view key, std::uint64_t fallback, std::uint64_t min,
                                   std::uint64_t max) {
  const toml::node* node = find(key);
  if (node == nullptr) return fallback;
  if (!node->is_integer()) fail(key, "must be a whole number");
  const std::int64_t value = node->value<std::int64_t>().value_or(0);
  if (value < 0 || static_cast<std::uint64_t>(value) < min ||
      static_cast<std::uint64_t>(value) > max) {
    fail(key, std::to_string(value) + " is outside [" + std::to_string(min) + ", " +
                  std::to_string(max) + "]");
  }
  return static_cast<std::uint64_t>(value);
}

bool TableReader::boolean(std::string_view key, bool fallback) {
  const toml::node* node = find(key);
  if (node == nullptr) return fallback;
  if (!node->is_boolean()) fail(key, "must be true or false");
  return node->value<bool>().value_or(fallback);
}

std::string TableReader::text(std::string_view key, const std::string& fallback) {
  const toml::node* node = find(key);
  if (node == nullptr) return fallback;
  if (!node->is_string()) fail(key, "must be a string");
  return node->value<std::string>().value_or(fallback);
}

std::string TableReader::choice(std::string_view key, const std::string& fallback,
                                const std::vector<std::string_view>& choices) {
  const std::string value = text(key, fallback);
  if (std::find(choices.begin(), choices.end(), value) == choices.end()) {
    fail(key, "'" + value + "' is not allowed" + util::suggestion_suffix(value, choices));
  }
  return value;
}

const toml::table* TableReader::table(std::string_view key) {
  const toml::node* node = find(key);
  if (node == nullptr) return nullptr;
  if (!node->is_table()) fail(key, "must be a table");
  return node->as_table();
}

const toml::array* TableReader::array(std::string_view key) {
  const toml::node* node = find(key);
  if (node == nullptr) return nullptr;
  if (!node->is_array()) fail(key, "must be an array");
  return node->as_array();
}

void TableReader::check_unknown() const {
  for (auto&& [key, node] : table_) {
    const std::string_view name = key.str();
    if (std::find(known_.begin(), known_.end(), name) != known_.end()) continue;
    std::vector<std::string_view> candidates(known_.begin(), known_.end());
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    const std::string best = util::closest_match(name, candidates);
    throw util::InputError(
        {file_of(node, file_), line_of(node), full_key(name)},
        "unknown key" + (best.empty() ? std::string{} : " (did you mean '" + best + "'?)"));
  }
}

}  // namespace sim::scenario

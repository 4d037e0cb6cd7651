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

/// `{ family = [numbers...] }` for a parameter valid on [min, max].
Distribution distribution_of(const toml::table& table, const util::InputLocation& where, double min,
                             double max) {
  if (table.size() != 1) {
    throw util::InputError(where, "a distribution is one family, for example { uniform = [a, b] }");
  }
  // toml++'s iterator holds the key-node pair it points at: keep it alive while they are used.
  const auto entry = table.begin();
  const std::string_view name = entry->first.str();
  const toml::node& node = entry->second;
  const auto family = family_of(name);
  if (!family) {
    throw util::InputError(where, "unknown distribution '" + std::string(name) + "'" +
                                      util::suggestion_suffix(name, family_names()));
  }
  Distribution d{*family, {}, min, max};
  const toml::array* list = node.as_array();
  if (list == nullptr) {
    throw util::InputError(where, std::string(name) + " takes a list of numbers, [a, b, ...]");
  }
  for (const toml::node& item : *list) {
    if (!item.is_number()) throw util::InputError(where, std::string(name) + " takes numbers only");
    d.parameters.push_back(number_of(item));
  }
  if (const std::string problem = problem_with(d, min, max); !problem.empty()) {
    throw util::InputError(where, problem);
  }
  return d;
}

UncertainCollector*& active_collector() {
  thread_local UncertainCollector* collector = nullptr;
  return collector;
}

}  // namespace

UncertainCollector::UncertainCollector() {
  active_collector() = this;
}

UncertainCollector::~UncertainCollector() {
  active_collector() = nullptr;
}

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
  if (node->is_table() && active_collector() != nullptr) {
    const util::InputLocation at = where(key);
    const Distribution distribution = distribution_of(*node->as_table(), at, min, max);
    // Named as --set names it ("events.1.share", not "events[1].share"): worlds fix it that way.
    std::string name;
    for (const char c : full_key(key)) {
      if (c == '[')
        name += '.';
      else if (c != ']')
        name += c;
    }
    active_collector()->add({name, distribution, at.file, at.line});
    return quantile(distribution, 0.5);
  }
  if (!node->is_number()) {
    fail(key, active_collector() != nullptr
                  ? "must be a number or a distribution such as { uniform = [a, b] }"
                  : "must be a number");
  }
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
  if (node->is_table()) {
    fail(key, "must be a whole number (distributions are for real-valued parameters)");
  }
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

std::vector<std::string> TableReader::strings(std::string_view key) {
  std::vector<std::string> out;
  const toml::array* list = array(key);
  if (list == nullptr) return out;
  for (const toml::node& item : *list) {
    const auto text = item.value<std::string>();
    if (!text) fail(key, "takes a list of strings");
    out.push_back(*text);
  }
  return out;
}

}  // namespace sim::scenario

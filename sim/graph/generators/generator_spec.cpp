#include "sim/graph/generators/generator_spec.hpp"

#include <algorithm>
#include <charconv>

#include "sim/util/did_you_mean.hpp"
#include "sim/util/error.hpp"
#include "sim/util/parse_number.hpp"
#include "sim/util/text.hpp"

namespace sim::graph::generators {
namespace {

[[noreturn]] void malformed(std::string_view text, const std::string& problem) {
  throw util::InputError({.file = "generator spec '" + std::string(text) + "'"}, problem);
}

DefaultsRecorder*& active_recorder() {
  thread_local DefaultsRecorder* recorder = nullptr;
  return recorder;
}

/// The shortest text that reads back as the same double.
std::string real_text(double value) {
  char text[32];
  const auto end = std::to_chars(text, text + sizeof text, value).ptr;
  return {text, end};
}

void record_default(std::string_view key, std::string value) {
  if (active_recorder() != nullptr) active_recorder()->record(key, std::move(value));
}

}  // namespace

DefaultsRecorder::DefaultsRecorder() {
  active_recorder() = this;
}

DefaultsRecorder::~DefaultsRecorder() {
  active_recorder() = nullptr;
}

std::string DefaultsRecorder::value(std::string_view key) const {
  for (const auto& [name, value] : values_) {
    if (name == key) return value;
  }
  return {};
}

void DefaultsRecorder::record(std::string_view key, std::string value) {
  values_.emplace_back(std::string(key), std::move(value));
}

GeneratorSpec parse_generator_spec(std::string_view text) {
  GeneratorSpec spec;
  spec.text = std::string(text);
  const auto colon = text.find(':');
  spec.name = std::string(util::trim(text.substr(0, colon)));
  if (spec.name.empty()) malformed(text, "expected NAME:key=value,... (the name is missing)");
  if (colon == std::string_view::npos) return spec;
  std::string_view rest = text.substr(colon + 1);
  std::set<std::string, std::less<>> seen;
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    const std::string_view item = util::trim(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    if (item.empty()) continue;
    const auto equals = item.find('=');
    if (equals == std::string_view::npos || util::trim(item.substr(0, equals)).empty()) {
      malformed(text, "expected key=value, got '" + std::string(item) + "'");
    }
    std::string key(util::trim(item.substr(0, equals)));
    if (!seen.insert(key).second) malformed(text, "key '" + key + "' given twice");
    spec.values.emplace_back(std::move(key), std::string(util::trim(item.substr(equals + 1))));
  }
  return spec;
}

SpecReader::SpecReader(const GeneratorSpec& spec, std::span<const ParameterInfo> parameters)
    : spec_(spec) {
  std::vector<std::string_view> keys;
  for (const auto& parameter : parameters)
    keys.push_back(parameter.key);
  for (const auto& [key, value] : spec.values) {
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
      fail(key,
           "unknown key for generator '" + spec.name + "'" + util::suggestion_suffix(key, keys));
    }
  }
}

void SpecReader::fail(std::string_view key, const std::string& problem) const {
  throw util::InputError({.file = "generator spec '" + spec_.text + "'", .key = std::string(key)},
                         problem);
}

const std::string* SpecReader::find(std::string_view key) const {
  for (const auto& [name, value] : spec_.values) {
    if (name == key) return &value;
  }
  return nullptr;
}

bool SpecReader::has(std::string_view key) const {
  return find(key) != nullptr;
}

std::uint64_t SpecReader::count(std::string_view key, std::uint64_t fallback, std::uint64_t min,
                                std::uint64_t max) const {
  const std::string* text = find(key);
  if (text == nullptr) {
    record_default(key, std::to_string(fallback));
    return fallback;
  }
  const auto value = util::parse_unsigned(*text);
  if (!value) fail(key, "expected a non-negative integer, got '" + *text + "'");
  if (*value < min || *value > max) {
    fail(key, "value " + *text + " out of range [" + std::to_string(min) + ", " +
                  std::to_string(max) + "]");
  }
  return *value;
}

double SpecReader::real(std::string_view key, double fallback, double min, double max) const {
  const std::string* text = find(key);
  if (text == nullptr) {
    record_default(key, real_text(fallback));
    return fallback;
  }
  const auto value = util::parse_real(*text);
  if (!value) fail(key, "expected a number, got '" + *text + "'");
  if (*value < min || *value > max) {
    fail(key, "value " + *text + " out of range [" + std::to_string(min) + ", " +
                  std::to_string(max) + "]");
  }
  return *value;
}

bool SpecReader::flag(std::string_view key, bool fallback) const {
  const std::string* text = find(key);
  if (text == nullptr) {
    record_default(key, fallback ? "true" : "false");
    return fallback;
  }
  const auto value = util::parse_bool(*text);
  if (!value) fail(key, "expected true or false, got '" + *text + "'");
  return *value;
}

std::string SpecReader::text(std::string_view key, std::string_view fallback) const {
  const std::string* value = find(key);
  if (value == nullptr) record_default(key, std::string(fallback));
  return value == nullptr ? std::string(fallback) : *value;
}

}  // namespace sim::graph::generators

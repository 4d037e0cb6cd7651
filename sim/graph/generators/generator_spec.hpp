#pragma once
/// Generator specifications: "NAME:key=value,key=value" (e.g. "er:n=62000,mean_degree=10,seed=1").
/// SpecReader hands typed, range-checked values to a generator and rejects unknown keys with a
/// "did you mean" suggestion; every error is a util::InputError naming the spec and the key.

#include <cstdint>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sim::graph::generators {

struct GeneratorSpec {
  std::string text;  ///< the spec as the user wrote it (for error messages)
  std::string name;  ///< generator name before the colon
  std::vector<std::pair<std::string, std::string>> values;  ///< key=value pairs in order
};

/// Splits a spec into name and key=value pairs. Throws util::InputError when malformed or when a
/// key is repeated.
GeneratorSpec parse_generator_spec(std::string_view text);

/// One parameter a generator accepts: for validation, help text and documentation. Its default
/// is the fallback the generator's reader uses (written once, in the generator's parameter
/// struct); `computed` describes a default that depends on other values ("sqrt(n kmin)").
struct ParameterInfo {
  std::string_view key;
  std::string_view meaning;
  std::string_view computed = {};
};

/// While alive, every fallback a SpecReader on this thread uses is recorded as text, by key:
/// how the catalogue learns each generator's defaults from the generator itself.
class DefaultsRecorder {
 public:
  DefaultsRecorder();
  ~DefaultsRecorder();
  DefaultsRecorder(const DefaultsRecorder&) = delete;
  DefaultsRecorder& operator=(const DefaultsRecorder&) = delete;

  /// The recorded default of `key` ("" when none was recorded).
  std::string value(std::string_view key) const;
  void record(std::string_view key, std::string value);

 private:
  std::vector<std::pair<std::string, std::string>> values_;
};

/// Typed access to a spec's values. Construction rejects keys not in `parameters`.
class SpecReader {
 public:
  SpecReader(const GeneratorSpec& spec, std::span<const ParameterInfo> parameters);

  bool has(std::string_view key) const;
  std::uint64_t count(std::string_view key, std::uint64_t fallback, std::uint64_t min,
                      std::uint64_t max) const;
  double real(std::string_view key, double fallback, double min, double max) const;
  bool flag(std::string_view key, bool fallback) const;
  std::string text(std::string_view key, std::string_view fallback) const;

  /// An InputError naming the spec and `key`, for checks across several values.
  [[noreturn]] void fail(std::string_view key, const std::string& problem) const;

 private:
  const std::string* find(std::string_view key) const;

  const GeneratorSpec& spec_;
};

}  // namespace sim::graph::generators

#pragma once
/// Typed, range-checked reading of one TOML table, for strict scenario validation: every value is
/// checked for type and range, and check_unknown() rejects keys nobody asked for, with a "did you
/// mean" suggestion. Errors are InputErrors naming the file, line and full dotted key.

#include <toml++/toml.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sim/scenario/scenario.hpp"
#include "sim/util/error.hpp"

namespace sim::scenario {

/// While alive, every distribution a TableReader on this thread meets in place of a real value is
/// recorded here (read_scenario holds one for the whole document); without one, a distribution
/// is an error ("takes a number").
class UncertainCollector {
 public:
  UncertainCollector();
  ~UncertainCollector();
  UncertainCollector(const UncertainCollector&) = delete;
  UncertainCollector& operator=(const UncertainCollector&) = delete;
  std::vector<UncertainParameter> take() { return std::move(found_); }
  void add(UncertainParameter parameter) { found_.push_back(std::move(parameter)); }

 private:
  std::vector<UncertainParameter> found_;
};

class TableReader {
 public:
  /// `file`: the scenario file (used when a node does not know its own); `path`: dotted name of
  /// the table ("" for the root).
  TableReader(const toml::table& table, std::string file, std::string path);

  /// A number in [min, max], or a distribution whose support lies there (recorded with the
  /// UncertainCollector; the median is returned).
  double real(std::string_view key, double fallback, double min, double max);
  std::uint64_t integer(std::string_view key, std::uint64_t fallback, std::uint64_t min,
                        std::uint64_t max);
  bool boolean(std::string_view key, bool fallback);
  std::string text(std::string_view key, const std::string& fallback);
  /// One of `choices`; the error lists them or suggests the closest.
  std::string choice(std::string_view key, const std::string& fallback,
                     const std::vector<std::string_view>& choices);
  /// A sub-table (nullptr when absent); an error when the key holds something else.
  const toml::table* table(std::string_view key);
  /// An array (nullptr when absent); an error when the key holds something else.
  const toml::array* array(std::string_view key);
  /// A list of strings (empty when absent); an error for anything else.
  std::vector<std::string> strings(std::string_view key);
  /// Marks a key as known without reading it.
  void allow(std::string_view key) { known_.push_back(key); }

  /// Throws for the first key that no reader call named.
  void check_unknown() const;

  /// Location of a key (its node's file and line, or the table's).
  util::InputLocation where(std::string_view key) const;
  std::string full_key(std::string_view key) const;
  const std::string& file() const { return file_; }

 private:
  const toml::node* find(std::string_view key);
  [[noreturn]] void fail(std::string_view key, const std::string& problem) const;

  const toml::table& table_;
  std::string file_;
  std::string path_;
  std::vector<std::string_view> known_;
};

}  // namespace sim::scenario

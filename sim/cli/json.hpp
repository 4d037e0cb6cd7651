#pragma once
/// A minimal JSON object writer for machine-readable command output.

#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

namespace sim::cli {

class JsonObject {
 public:
  JsonObject& add(std::string_view key, std::string_view value);
  JsonObject& add(std::string_view key, const char* value) {
    return add(key, std::string_view(value));
  }
  JsonObject& add(std::string_view key, double value);
  JsonObject& add(std::string_view key, std::uint64_t value);
  JsonObject& add(std::string_view key, bool value);
  /// Adds a nested object (already rendered by another JsonObject).
  JsonObject& add_object(std::string_view key, const JsonObject& value);
  std::string str() const { return "{" + body_.str() + "}"; }

 private:
  void key(std::string_view name);
  std::ostringstream body_;
  bool first_ = true;
};

std::string json_quote(std::string_view text);

}  // namespace sim::cli

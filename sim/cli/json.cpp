#include "sim/cli/json.hpp"

#include <cmath>
#include <cstdio>

namespace sim::cli {

std::string json_quote(std::string_view text) {
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      quoted += '\\';
      quoted += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
      quoted += escaped;
    } else {
      quoted += c;
    }
  }
  return quoted + "\"";
}

void JsonObject::key(std::string_view name) {
  if (!first_) body_ << ", ";
  first_ = false;
  body_ << json_quote(name) << ": ";
}

JsonObject& JsonObject::add(std::string_view name, std::string_view value) {
  key(name);
  body_ << json_quote(value);
  return *this;
}

JsonObject& JsonObject::add(std::string_view name, double value) {
  key(name);
  if (!std::isfinite(value)) {
    body_ << "null";
  } else {
    char text[32];
    std::snprintf(text, sizeof text, "%.17g", value);
    body_ << text;
  }
  return *this;
}

JsonObject& JsonObject::add(std::string_view name, std::uint64_t value) {
  key(name);
  body_ << value;
  return *this;
}

JsonObject& JsonObject::add(std::string_view name, bool value) {
  key(name);
  body_ << (value ? "true" : "false");
  return *this;
}

JsonObject& JsonObject::add_object(std::string_view name, const JsonObject& value) {
  key(name);
  body_ << value.str();
  return *this;
}

}  // namespace sim::cli

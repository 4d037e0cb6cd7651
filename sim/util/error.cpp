#include "sim/util/error.hpp"

namespace sim::util {
namespace {

std::string format_message(const InputLocation& where, const std::string& problem) {
  std::string message;
  if (!where.file.empty()) {
    message += where.file;
    if (where.line > 0) message += ":" + std::to_string(where.line);
    message += ": ";
  }
  // A key can be anything a user typed (a megabyte by mistake): show its start only.
  constexpr std::size_t kShownKey = 80;
  if (where.key.size() > kShownKey) {
    message += "'" + where.key.substr(0, kShownKey) + "...' (" + std::to_string(where.key.size()) +
               " characters): ";
  } else if (!where.key.empty()) {
    message += "'" + where.key + "': ";
  }
  message += problem;
  constexpr std::size_t kLongest = 2000;
  if (message.size() > kLongest) message = message.substr(0, kLongest) + "...";
  // The message is promised to be one line: fold any newline a library put in.
  for (char& c : message) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return message;
}

}  // namespace

InputError::InputError(InputLocation where, const std::string& problem)
    : Error(format_message(where, problem)), where_(std::move(where)), problem_(problem) {}

}  // namespace sim::util

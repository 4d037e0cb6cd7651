#include "sim/cli/common.hpp"

#include <iostream>

#include "sim/util/parse_number.hpp"
#include "sim/util/thread_limit.hpp"
#include "sim/version.hpp"

namespace sim::cli {

const CLI::Validator& seed_digits() {
  static const CLI::Validator validator(
      [](const std::string& text) {
        const auto value = util::parse_unsigned(text);
        if (!value || *value > static_cast<std::uint64_t>(INT64_MAX)) {
          return "a seed is a whole number from 0 to 9223372036854775807, not '" + text + "'";
        }
        return std::string();
      },
      "SEED");
  return validator;
}

void add_common_options(CLI::App& command, CommonOptions& options) {
  command.add_option("--threads", options.threads, "Worker threads (default: all cores)")
      ->check(CLI::Range(1, 4096))
      ->each([](const std::string& threads) { util::limit_threads(std::stoi(threads)); });
  command.add_flag("--quiet,-q", options.quiet, "Print nothing but results and errors");
}

void inform(const CommonOptions& options, const std::string& message) {
  if (!options.quiet) std::cerr << message << '\n';
}

namespace {
std::string& stored_command_line() {
  static std::string text;
  return text;
}
}  // namespace

void set_command_line(int argc, const char* const* argv) {
  std::string text;
  for (int i = 0; i < argc; ++i)
    text += (i == 0 ? "" : " ") + std::string(argv[i]);
  stored_command_line() = text;
}

const std::string& command_line() {
  return stored_command_line();
}

engine::Provenance provenance() {
  return {creator(), command_line()};
}

}  // namespace sim::cli

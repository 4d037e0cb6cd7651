#include "sim/cli/common.hpp"

#include <chrono>
#include <ctime>
#include <iostream>
#include <thread>

#include "sim/util/parse_number.hpp"

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
      ->check(CLI::Range(1, 4096));
  command.add_flag("--quiet,-q", options.quiet, "Print nothing but results and errors");
}

ThreadLimit::ThreadLimit(int threads) {
  if (threads > 0) {
    control_ = std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism,
                                                     static_cast<std::size_t>(threads));
  }
}

std::uint64_t active_threads() {
  return static_cast<std::uint64_t>(
      tbb::global_control::active_value(tbb::global_control::max_allowed_parallelism));
}

void inform(const CommonOptions& options, const std::string& message) {
  if (!options.quiet) std::cerr << message << '\n';
}

double now_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double seconds_since(double start) {
  return now_seconds() - start;
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

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

}  // namespace sim::cli

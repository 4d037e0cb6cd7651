#include "sim/cli/typo_check.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "sim/util/did_you_mean.hpp"
#include "sim/util/error.hpp"

namespace sim::cli {
namespace {

std::vector<std::string> subcommand_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    names.push_back(sub->get_name());
  return names;
}

/// Long option names ("--replicates") of a command and the commands above it.
std::vector<std::string> option_names(const CLI::App* app) {
  std::vector<std::string> names;
  for (; app != nullptr; app = app->get_parent()) {
    for (const CLI::Option* option : app->get_options()) {
      for (const std::string& name : option->get_lnames()) {
        if (std::find(names.begin(), names.end(), "--" + name) == names.end()) {
          names.push_back("--" + name);
        }
      }
    }
  }
  return names;
}

/// True when the option `name` of the command (or a command above it) takes a value.
bool takes_value(const CLI::App* app, const std::string& name) {
  for (; app != nullptr; app = app->get_parent()) {
    if (const CLI::Option* option = app->get_option_no_throw(name)) {
      return option->get_type_size() != 0;
    }
  }
  return false;
}

std::string command_path(const CLI::App* app) {
  std::string path;
  for (; app != nullptr; app = app->get_parent()) {
    const std::string name = app->get_parent() == nullptr ? "trek" : app->get_name();
    path = name + (path.empty() ? "" : " " + path);
  }
  return path;
}

std::string suggestion(const std::string& word, const std::vector<std::string>& known) {
  const std::vector<std::string_view> candidates(known.begin(), known.end());
  return util::suggestion_suffix(word, candidates);
}

}  // namespace

void check_command_words(const CLI::App& app, int argc, const char* const* argv) {
  const CLI::App* command = &app;
  bool expect_subcommand = true;
  for (int i = 1; i < argc; ++i) {
    const std::string word = argv[i];
    if (word == "--") return;
    if (word.rfind("--", 0) == 0 && word.size() > 2) {
      const std::string name = word.substr(0, word.find('='));
      const std::vector<std::string> known = option_names(command);
      if (std::find(known.begin(), known.end(), name) == known.end()) {
        throw util::InputError("unknown option '" + name + "' for '" + command_path(command) + "'" +
                               suggestion(name, known));
      }
      if (word.find('=') == std::string::npos && takes_value(command, name)) ++i;
      continue;
    }
    if (!expect_subcommand || word.empty() || word[0] == '-') continue;
    const std::vector<std::string> names = subcommand_names(*command);
    if (names.empty()) {
      expect_subcommand = false;
      continue;
    }
    const CLI::App* next = nullptr;
    for (const CLI::App* sub : command->get_subcommands([](const CLI::App*) { return true; })) {
      if (sub->get_name() == word) next = sub;
    }
    if (next == nullptr) {
      // Only where a subcommand must come (trek, trek graph): elsewhere a word is an argument.
      if (command->get_require_subcommand_min() == 0) return;
      throw util::InputError("unknown command '" + word + "' for '" + command_path(command) + "'" +
                             suggestion(word, names));
    }
    command = next;
  }
}

}  // namespace sim::cli

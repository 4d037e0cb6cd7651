#include "sim/scenario/document.hpp"

#include <algorithm>
#include <filesystem>

#include "sim/util/error.hpp"

namespace sim::scenario {
namespace {

// Nodes are moved, never copied: toml++ keeps a node's file and line only when it is moved, and
// messages must point at the file that set the value.
void merge_into(toml::table& base, toml::table&& top) {
  for (auto&& [key, node] : top) {
    toml::node* existing = base.get(key.str());
    if (existing != nullptr && existing->is_table() && node.is_table()) {
      merge_into(*existing->as_table(), std::move(*node.as_table()));
    } else if (existing != nullptr && key.str() == "events" && existing->is_array() &&
               node.is_array()) {
      for (auto&& event : *node.as_array())
        existing->as_array()->push_back(std::move(event));
    } else {
      base.insert_or_assign(key.str(), std::move(node));
    }
  }
}

toml::table load_chain(const std::string& path, std::vector<std::string>& seen) {
  const std::string canonical = std::filesystem::weakly_canonical(path).string();
  if (std::find(seen.begin(), seen.end(), canonical) != seen.end()) {
    throw util::InputError({path, 0, "extends"}, "the extends chain loops back to this file");
  }
  seen.push_back(canonical);
  toml::table document = parse_toml(path);
  const toml::node* extends = document.get("extends");
  if (extends == nullptr) return document;
  const auto base_name = extends->value<std::string>();
  if (!base_name) {
    throw util::InputError({path, line_of(*extends), "extends"}, "must be a file name (a string)");
  }
  const std::filesystem::path base_path = std::filesystem::path(path).parent_path() / *base_name;
  if (!std::filesystem::is_regular_file(base_path)) {
    throw util::InputError({path, line_of(*extends), "extends"},
                           "base file '" + base_path.string() + "' does not exist");
  }
  toml::table merged = load_chain(base_path.string(), seen);
  document.erase("extends");
  merge_into(merged, std::move(document));
  return merged;
}

}  // namespace

toml::table parse_toml(const std::string& path) {
  if (!std::filesystem::is_regular_file(path)) {
    throw util::InputError({path, 0, ""}, "cannot read the file");
  }
  try {
    return toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    throw util::InputError({path, e.source().begin.line, ""},
                           "TOML syntax: " + std::string(e.description()));
  }
}

std::uint64_t line_of(const toml::node& node) {
  return node.source().begin.line;
}

std::string file_of(const toml::node& node, const std::string& fallback) {
  const auto& path = node.source().path;
  return path ? *path : fallback;
}

toml::table load_document(const std::string& path, std::vector<std::string>* chain) {
  std::vector<std::string> seen;
  toml::table document = load_chain(path, seen);
  if (chain != nullptr) *chain = std::move(seen);
  return document;
}

namespace {

/// The table at index key[at...] (up to the next dot) of an array of tables ("events.1.share").
toml::node* array_element(toml::array& array, const std::string& key, std::size_t at) {
  const std::string index = key.substr(at, key.find('.', at) - at);
  const bool digits = !index.empty() && index.find_first_not_of("0123456789") == std::string::npos;
  if (!digits || std::stoull(index) >= array.size()) {
    throw util::InputError({"--set", 0, key}, "expected an index below " +
                                                  std::to_string(array.size()) + " after '" +
                                                  key.substr(0, at - 1) + "'");
  }
  return array.get(static_cast<std::size_t>(std::stoull(index)));
}

}  // namespace

void apply_overrides(toml::table& document, const std::vector<std::string>& overrides) {
  for (const std::string& text : overrides) {
    const auto equals = text.find('=');
    if (equals == std::string::npos || equals == 0) {
      throw util::InputError({"--set", 0, text}, "expected key=value");
    }
    const std::string key = text.substr(0, equals);
    const std::string value = text.substr(equals + 1);
    toml::table parsed;
    try {
      parsed = toml::parse("v = " + value, std::string_view{"--set"});
    } catch (const toml::parse_error&) {
      parsed = toml::table{};
      parsed.insert("v", value);  // a bare word: take it as a string
    }
    toml::table* table = &document;
    std::size_t begin = 0;
    while (true) {
      const auto dot = key.find('.', begin);
      const std::string part = key.substr(begin, dot - begin);
      if (part.empty()) throw util::InputError({"--set", 0, key}, "empty part in the key");
      if (dot == std::string::npos) {
        table->insert_or_assign(part, *parsed.get("v"));
        break;
      }
      toml::node* next = table->get(part);
      if (next == nullptr) {
        table->insert(part, toml::table{});
        next = table->get(part);
      }
      begin = dot + 1;
      if (next->is_array()) {
        next = array_element(*next->as_array(), key, begin);
        const auto after_index = key.find('.', begin);
        if (after_index == std::string::npos) {
          throw util::InputError({"--set", 0, key}, "expected a key after the index");
        }
        begin = after_index + 1;
      }
      if (!next->is_table()) {
        throw util::InputError({"--set", 0, key}, "'" + part + "' is a value, not a table");
      }
      table = next->as_table();
    }
  }
}

}  // namespace sim::scenario

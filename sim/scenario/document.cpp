// Builds the merged TOML document of a scenario: the nesting is checked before toml++ parses
// (its parser recurses), the `extends` chain is followed with a cycle and depth check, tables are
// merged by moving nodes (which keeps their file and line), and `--set` overrides go on top.

#include "sim/scenario/document.hpp"

#include <algorithm>
#include <charconv>
#include <filesystem>

#include "sim/scenario/distribution.hpp"
#include "sim/util/did_you_mean.hpp"
#include "sim/util/error.hpp"
#include "sim/util/input_file.hpp"

namespace sim::scenario {
namespace {

// Nodes are moved, never copied: toml++ keeps a node's file and line only when it is moved, and
// messages must point at the file that set the value.
void merge_into(toml::table& base, toml::table&& top) {
  for (auto&& [key, node] : top) {
    toml::node* existing = base.get(key.str());
    // A distribution ({ uniform = [a, b] }) replaces whatever the base has, as a value would.
    const bool distribution = node.is_table() && node.as_table()->size() == 1 &&
                              family_of(node.as_table()->begin()->first.str()).has_value();
    if (existing != nullptr && existing->is_table() && node.is_table() && !distribution) {
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

constexpr std::size_t kMaxTomlDepth = 64;  // dotted key parts and nested arrays or tables

/// toml++ parses and destroys nested keys, arrays and tables recursively, so input nested
/// thousands deep would overflow the stack: count the depth first. Scans outside strings and
/// comments; a key's dots count on the line before its '=' (and in [table] headers), brackets
/// and braces anywhere.
void check_toml_nesting(const std::string& path, std::string_view text) {
  std::string open;  // the brackets and braces open at this point
  std::size_t dots = 0, line = 1;
  bool in_value = false;  // after a key's '=': dots are decimal points, not key separators
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      ++line;
      dots = 0;
      in_value = !open.empty();
    } else if (c == '#') {
      while (i + 1 < text.size() && text[i + 1] != '\n')
        ++i;
    } else if (c == '"' || c == '\'') {
      const bool triple = text.compare(i, 3, std::string(3, c)) == 0;
      const std::size_t width = triple ? 3 : 1;
      std::size_t end = i + width;
      while (end < text.size() && text.compare(end, width, std::string(width, c)) != 0) {
        if (text[end] == '\n') ++line;
        end += (c == '"' && text[end] == '\\') ? std::size_t{2} : std::size_t{1};
      }
      i = std::min(text.size(), end + width) - 1;
    } else if (c == '=') {
      in_value = true;
    } else if (c == '.' && !in_value) {
      ++dots;
    } else if (c == '[' || c == '{') {
      open.push_back(c);
      if (c == '{') in_value = false;  // an inline table starts with a key
    } else if ((c == ']' || c == '}') && !open.empty()) {
      open.pop_back();
    } else if (c == ',' && !open.empty() && open.back() == '{') {
      in_value = false;
      dots = 0;
    }
    if (dots >= kMaxTomlDepth || open.size() >= kMaxTomlDepth) {
      throw util::InputError({path, line, ""}, "nested more than " + std::to_string(kMaxTomlDepth) +
                                                   " levels deep (keys, arrays or tables)");
    }
  }
}

constexpr std::size_t kMaxChain = 32;  // extends levels; deeper is a mistake, not a design

std::string canonical_path(const std::string& path, const util::InputLocation& where) {
  std::error_code error;
  const auto canonical = std::filesystem::weakly_canonical(path, error);
  if (error) throw util::InputError(where, "cannot resolve '" + path + "': " + error.message());
  return canonical.string();
}

/// One file of an extends chain: its canonical path and its own table, `extends` removed.
struct Layer {
  std::string canonical;
  toml::table table;
};

/// The layers of `path`'s extends chain, `path` first and the last base last.
void collect_chain(const std::string& path, std::vector<Layer>& layers,
                   const util::InputLocation& named_by) {
  const std::string canonical = canonical_path(path, named_by);
  for (const Layer& layer : layers) {
    if (layer.canonical == canonical) {
      throw util::InputError(named_by, "the extends chain loops back to " + path);
    }
  }
  if (layers.size() >= kMaxChain) {
    throw util::InputError(
        named_by, "the extends chain is longer than " + std::to_string(kMaxChain) + " files");
  }
  layers.push_back({canonical, parse_toml(path)});
  toml::table& document = layers.back().table;
  const toml::node* extends = document.get("extends");
  if (extends == nullptr) return;
  const auto base_name = extends->value<std::string>();
  const util::InputLocation where{path, line_of(*extends), "extends"};
  if (!base_name || base_name->empty()) {
    throw util::InputError(where, "must be a file name (a non-empty string)");
  }
  const std::filesystem::path base_path = std::filesystem::path(path).parent_path() / *base_name;
  std::error_code error;
  if (!std::filesystem::is_regular_file(base_path, error)) {
    throw util::InputError(
        where, "base file '" + base_path.string() + "' " +
                   (error ? "cannot be read: " + error.message() : std::string("does not exist")));
  }
  document.erase("extends");
  collect_chain(base_path.string(), layers, where);
}

/// The layers merged, the last base first and each file's values on top of its base's.
toml::table merge_layers(std::vector<Layer>& layers) {
  toml::table merged;
  for (auto layer = layers.rbegin(); layer != layers.rend(); ++layer)
    merge_into(merged, std::move(layer->table));
  return merged;
}

std::vector<std::string> canonical_paths(const std::vector<Layer>& layers) {
  std::vector<std::string> paths;
  for (const Layer& layer : layers)
    paths.push_back(layer.canonical);
  return paths;
}

}  // namespace

toml::table parse_toml(const std::string& path) {
  const std::string text = util::read_input_file(path, kMaxTomlBytes);
  check_toml_nesting(path, text);
  try {
    return toml::parse(text, std::string_view{path});
  } catch (const toml::parse_error& e) {
    throw util::InputError({path, e.source().begin.line, ""},
                           "TOML syntax: " + std::string(e.description()));
  }
}

double number_of(const toml::node& node) {
  if (const auto* integer = node.as_integer()) return static_cast<double>(integer->get());
  return node.as_floating_point()->get();
}

std::uint64_t line_of(const toml::node& node) {
  return node.source().begin.line;
}

std::string file_of(const toml::node& node, const std::string& fallback) {
  const auto& path = node.source().path;
  return path ? *path : fallback;
}

toml::table load_document(const std::string& path, std::vector<std::string>* chain) {
  std::vector<Layer> layers;
  collect_chain(path, layers, {path, 0, ""});
  if (chain != nullptr) *chain = canonical_paths(layers);
  return merge_layers(layers);
}

toml::table load_crossed_document(const std::string& strategy, const std::string& what_if,
                                  std::vector<std::string>* chain) {
  std::vector<Layer> layers;
  collect_chain(strategy, layers, {strategy, 0, ""});
  std::vector<Layer> condition;
  collect_chain(what_if, condition, {what_if, 0, ""});
  const std::vector<std::string> shared = canonical_paths(layers);
  std::vector<Layer> own;
  for (Layer& layer : condition) {
    if (std::find(shared.begin(), shared.end(), layer.canonical) != shared.end()) continue;
    for (const char* key : {"name", "description", "kind", "baseline"})
      layer.table.erase(key);
    own.push_back(std::move(layer));
  }
  // The what-if's own layers go on top of the whole strategy, in the what-if's order.
  own.insert(own.end(), std::make_move_iterator(layers.begin()),
             std::make_move_iterator(layers.end()));
  if (chain != nullptr) *chain = canonical_paths(own);
  return merge_layers(own);
}

namespace {

/// The table at index key[at...] (up to the next dot) of an array of tables ("events.1.share").
toml::node* array_element(toml::array& array, const std::string& key, std::size_t at) {
  const std::string index = key.substr(at, key.find('.', at) - at);
  std::size_t value = 0;
  const auto [end, status] = std::from_chars(index.data(), index.data() + index.size(), value);
  if (index.empty() || status != std::errc{} || end != index.data() + index.size() ||
      value >= array.size()) {
    throw util::InputError({"--set", 0, key}, "expected an index below " +
                                                  std::to_string(array.size()) + " after '" +
                                                  key.substr(0, at - 1) + "'");
  }
  return array.get(value);
}

/// A platform comes into being only by its own table in a scenario file: through --set, a name
/// that is not there is a typo of one that is.
[[noreturn]] void unknown_platform(const toml::table& platforms, const std::string& name,
                                   const std::string& key) {
  std::vector<std::string_view> names;
  for (auto&& [platform, node] : platforms)
    names.push_back(platform.str());
  throw util::InputError({"--set", 0, key}, "unknown platform '" + name + "'" +
                                                util::suggestion_suffix(name, names) +
                                                "; a new platform needs its own table in a file");
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
    if (static_cast<std::size_t>(std::count(key.begin(), key.end(), '.')) >= kMaxTomlDepth) {
      throw util::InputError({"--set", 0, key},
                             "more than " + std::to_string(kMaxTomlDepth) + " parts in the key");
    }
    check_toml_nesting("--set", "v = " + value);
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
      if (next == nullptr && table != &document && begin > 0 &&
          key.compare(0, begin, "platforms.") == 0) {
        unknown_platform(*table, part, key);
      }
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

// Read as a scenario document (the same size and nesting checks, extends allowed), then every
// leaf written back as an override; values are printed with 17 significant digits, so they
// read back exactly.

#include "sim/scenario/priors_file.hpp"

#include "sim/scenario/distribution.hpp"
#include "sim/scenario/document.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/util/error.hpp"
#include "sim/util/text.hpp"

namespace sim::scenario {
namespace {

/// `{ family = [a, b] }` as TOML text, or "" when `table` is not a distribution: one key holding
/// a list (an unknown family is passed on, so that the scenario's reader names it with "did you
/// mean").
std::string distribution_text(const toml::table& table, const util::InputLocation& where) {
  if (table.size() != 1) return "";
  const auto entry = table.begin();  // keep the iterator: it owns the pair
  const toml::array* list = entry->second.as_array();
  if (list == nullptr) {
    if (!family_of(entry->first.str())) return "";
    throw util::InputError(where, "a distribution takes a list of numbers");
  }
  std::string text = "{ " + std::string(entry->first.str()) + " = [";
  for (std::size_t i = 0; i < list->size(); ++i) {
    const toml::node& item = *list->get(i);
    if (!item.is_number()) throw util::InputError(where, "a distribution takes numbers only");
    text += (i == 0 ? "" : ", ") + util::exact_text(number_of(item));
  }
  return text + "] }";
}

void collect(const toml::table& table, const std::string& prefix, const std::string& path,
             std::vector<std::string>& out) {
  for (auto&& [key, node] : table) {
    const std::string name =
        prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
    if (name == "extends") continue;
    const util::InputLocation where{file_of(node, path), line_of(node), name};
    if (builds_population(name)) {
      throw util::InputError(where,
                             "builds the population, which every world shares: it cannot "
                             "have a prior");
    }
    if (node.is_number()) {
      out.push_back(name + "=" + util::exact_text(number_of(node)));
    } else if (const toml::table* inner = node.as_table()) {
      const std::string distribution = distribution_text(*inner, where);
      if (distribution.empty()) {
        collect(*inner, name, path, out);
      } else {
        out.push_back(name + "=" + distribution);
      }
    } else {
      throw util::InputError(where, "a priors file holds numbers and distributions only");
    }
  }
}

}  // namespace

std::vector<std::string> priors_overrides(const std::string& path) {
  return table_overrides(load_document(path), path);
}

std::vector<std::string> table_overrides(const toml::table& table, const std::string& path) {
  std::vector<std::string> out;
  collect(table, "", path, out);
  return out;
}

}  // namespace sim::scenario

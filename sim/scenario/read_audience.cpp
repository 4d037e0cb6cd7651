// The group sizes in closed form. With N_A anchor followers, and E_k agents whose first channel is
// platform k, the expected followers on platform j are
//   N_j = N_A a_j f_j + E_j + c_j (T - E_j),  c_j = s_j f_j,  T = sum_k E_k,
// (a: initial_account, f: initial_follows, s: account_share), so E_j = (b_j - c_j T) / (1 - c_j)
// with b_j = N_j - N_A a_j f_j, and summing over j gives T itself.

#include "sim/scenario/read_audience.hpp"

#include <cmath>

#include "sim/graph/generators/generator_spec.hpp"
#include "sim/scenario/read_events.hpp"

namespace sim::scenario {

std::uint64_t AudienceOptions::agents() const {
  std::uint64_t total = 0;
  for (const std::uint64_t size : group_size)
    total += size;
  return total;
}

int AudienceOptions::home_of(std::uint64_t agent) const {
  if (group_size.empty() || agent < group_size[0]) return -1;
  std::uint64_t end = group_size[0];
  for (std::size_t k = 1; k < group_size.size(); ++k) {
    end += group_size[k];
    if (agent < end) return static_cast<int>(k - 1);
  }
  return -1;
}

namespace {

/// Per platform, a value of the sub-table `name` (platform names as keys), or `fallback`.
std::vector<double> per_platform(TableReader& audience, const std::string& file, Scenario& s,
                                 const char* name, std::vector<double> fallback, double max) {
  const toml::table* table = audience.table(name);
  if (table == nullptr) return fallback;
  TableReader r(*table, file, std::string("audience.") + name);
  for (auto&& [key, node] : *table) {
    const std::string platform(key.str());
    const std::uint32_t k = platform_named(s, platform, r.where(key.str()));
    fallback[k] = r.real(key.str(), 0.0, 0.0, max);
  }
  r.check_unknown();
  return fallback;
}

/// c_j of the formula above.
double overlap(const Scenario& s, std::size_t j) {
  return s.audience.account_share[j] * s.platforms[j].initial_follows;
}

void solve_groups(const Scenario& s, const std::string& file, AudienceOptions& a) {
  const auto anchor = static_cast<std::size_t>(a.anchor);
  const double anchors = a.followers[anchor];
  double numerator = 0.0, denominator = 1.0;
  for (std::size_t j = 0; j < s.platforms.size(); ++j) {
    if (j == anchor || a.followers[j] < 0.0) continue;
    const double c = overlap(s, j);
    if (c >= 1.0) {
      throw util::InputError({file, 0, "audience.account_share." + s.platforms[j].name},
                             "with initial_follows 1 every agent would follow there");
    }
    const auto& p = s.platforms[j];
    numerator += (a.followers[j] - anchors * p.initial_account * p.initial_follows) / (1.0 - c);
    denominator += c / (1.0 - c);
  }
  const double total = numerator / denominator;
  a.group_size.assign(1 + s.platforms.size(), 0);
  a.group_size[0] = static_cast<std::uint64_t>(std::llround(anchors));
  for (std::size_t j = 0; j < s.platforms.size(); ++j) {
    if (j == anchor || a.followers[j] < 0.0) continue;
    const auto& p = s.platforms[j];
    const double c = overlap(s, j);
    const double own =
        (a.followers[j] - anchors * p.initial_account * p.initial_follows - c * total) / (1.0 - c);
    if (own < -0.5) {
      throw util::InputError({file, 0, "audience.followers." + p.name},
                             "is below the followers the other groups alone give there (" +
                                 std::to_string(std::llround(a.followers[j] - own)) +
                                 "): lower initial_follows or account_share, or raise the count");
    }
    a.group_size[1 + j] = static_cast<std::uint64_t>(std::llround(std::max(0.0, own)));
  }
}

/// `groups = [N_A, E_0, ..., E_P-1]`: the group sizes given instead of solved (worlds pass the
/// nominal ones this way, so that every world has the same population).
bool read_groups(TableReader& r, const Scenario& s, AudienceOptions& a) {
  const toml::array* list = r.array("groups");
  if (list == nullptr) return false;
  const util::InputLocation where = r.where("groups");
  if (list->size() != 1 + s.platforms.size()) {
    throw util::InputError(where, "needs " + std::to_string(1 + s.platforms.size()) +
                                      " sizes: the anchor's followers, then one per platform");
  }
  a.group_size.clear();
  for (const toml::node& item : *list) {
    const auto value = item.value<std::int64_t>();
    if (!value || *value < 0 || *value > 1'000'000'000) {
      throw util::InputError(where, "holds a size that is not a whole number in [0, 1e9]");
    }
    a.group_size.push_back(static_cast<std::uint64_t>(*value));
  }
  if (a.group_size[0] == 0 || a.group_size[1 + static_cast<std::size_t>(a.anchor)] != 0) {
    throw util::InputError(where, "needs anchor followers first and no group of the anchor");
  }
  return true;
}

/// A generator spec gets n = the audience's agents; a spec that names another n is an error.
void size_the_graph(Scenario& s, const util::InputLocation& where) {
  if (s.graph.find(':') == std::string::npos || s.graph.find('/') != std::string::npos) return;
  const graph::generators::GeneratorSpec spec = graph::generators::parse_generator_spec(s.graph);
  const std::string n = std::to_string(s.audience.agents());
  std::string text = spec.name + ":n=" + n;
  for (const auto& [key, value] : spec.values) {
    if (key == "n" && value != n) {
      throw util::InputError(where, "names n=" + value + " but the audience holds " + n +
                                        " agents: leave n out of the spec");
    }
    if (key != "n") text += "," + key + "=" + value;
  }
  s.graph = text;
}

}  // namespace

void read_audience(TableReader& root, Scenario& s) {
  const toml::table* table = root.table("audience");
  if (table == nullptr) return;
  TableReader r(*table, root.file(), "audience");
  AudienceOptions& a = s.audience;
  const std::string anchor = r.text("anchor", "");
  a.anchor = static_cast<int>(platform_named(s, anchor, r.where("anchor")));
  a.followers = per_platform(r, root.file(), s, "followers",
                             std::vector<double>(s.platforms.size(), -1.0), 1e9);
  std::vector<double> accounts;
  for (const auto& p : s.platforms)
    accounts.push_back(p.initial_account);
  a.account_share = per_platform(r, root.file(), s, "account_share", accounts, 1.0);
  const bool given = read_groups(r, s, a);
  r.check_unknown();
  if (!given) {
    if (a.followers[static_cast<std::size_t>(a.anchor)] < 1.0) {
      throw util::InputError(r.where("followers"),
                             "needs the anchor platform's follower count (" + anchor + ")");
    }
    solve_groups(s, root.file(), a);
  }
  size_the_graph(s, root.where("population"));
}

double expected_followers(const Scenario& s, std::size_t j, const std::vector<double>& others) {
  const auto& a = s.audience;
  const auto& p = s.platforms[j];
  double total =
      a.followers[static_cast<std::size_t>(a.anchor)] * p.initial_account * p.initial_follows;
  if (static_cast<int>(j) == a.anchor) return total;  // the others do not follow there
  for (std::size_t k = 0; k < others.size(); ++k)
    total += k == j ? others[k] : others[k] * overlap(s, j);
  return total;
}

}  // namespace sim::scenario

// Crisis options: a message count, relay shares by segment (absent: the platforms' reshare
// shares), the relay delay, and the alert channels, each with the keys of AlertChannel.

#include "sim/scenario/read_crisis.hpp"

#include <array>
#include <string_view>

namespace sim::scenario {
namespace {

AlertChannel read_channel(const toml::table& table, const std::string& file,
                          const std::string& name) {
  TableReader r(table, file, "crisis.channels." + name);
  AlertChannel c;
  c.name = name;
  c.reach = r.real("reach", c.reach, 0, 1);
  c.use_share = r.real("use_share", c.use_share, 0, 1);
  c.dispatch_minutes = r.real("dispatch_minutes", c.dispatch_minutes, 0, 100000);
  c.dispatch_sigma = r.real("dispatch_sigma", c.dispatch_sigma, 0, 5);
  c.read_minutes = r.real("read_minutes", c.read_minutes, 0, 100000);
  r.check_unknown();
  return c;
}

void read_channels(TableReader& crisis, const std::string& file, CrisisOptions& options) {
  const toml::table* table = crisis.table("channels");
  if (table == nullptr) return;
  TableReader r(*table, file, "crisis.channels");
  for (auto&& [key, node] : *table) {
    const std::string name(key.str());
    options.channels.push_back(read_channel(*r.table(key.str()), file, name));
  }
}

}  // namespace

void read_crisis(TableReader& root, Scenario& s) {
  const toml::table* table = root.table("crisis");
  if (table == nullptr) return;
  TableReader r(*table, root.file(), "crisis");
  CrisisOptions& c = s.crisis;
  c.messages = static_cast<std::uint32_t>(r.integer("messages", 8, 0, 1000));
  // Static names: the reader keeps the keys it was asked for as string views.
  static constexpr std::array<std::string_view, graph::kSegmentCount> kRelayKeys{
      "relay_citizen", "relay_media", "relay_politician", "relay_organisation"};
  for (std::size_t g = 0; g < graph::kSegmentCount; ++g) {
    if (table->contains(kRelayKeys[g])) {
      c.relay[g] = r.real(kRelayKeys[g], 0.0, 0, 1);
    } else {
      r.allow(kRelayKeys[g]);
    }
  }
  c.relay_minutes = r.real("relay_minutes", c.relay_minutes, 0, 100000);
  c.relay_sigma = r.real("relay_sigma", c.relay_sigma, 0, 5);
  read_channels(r, root.file(), c);
  r.check_unknown();
}

}  // namespace sim::scenario

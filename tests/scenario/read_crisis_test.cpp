// The [crisis] table: relay shares by segment (unset: the platforms' own), delays, and alert
// channels with their keys, through files and --set.

#include <gtest/gtest.h>

#include "sim/scenario/read_scenario.hpp"
#include "support/test_support.hpp"

namespace {

using sim::scenario::read_scenario;
using sim::scenario::Scenario;

const char* const kBase = R"(name = "base"
[population]
graph = "er:n=100,mean_degree=4"
[platforms.x]
initial_account = 1.0
)";

using sim::test::Files;

TEST(ReadCrisis, OptionsAndChannels) {
  Files files;
  const std::string path = files.write(
      "crisis.toml", std::string(kBase) +
                         "[crisis]\nrelay_media = 0.6\nrelay_minutes = 8\n"
                         "[crisis.channels.be_alert]\nreach = 0.09\ndispatch_minutes = 20\n");
  const Scenario s = read_scenario(path, {"crisis.channels.be_alert.use_share=0.5"});
  EXPECT_EQ(s.crisis.messages, 8u);  // the default once the table exists
  EXPECT_EQ(s.crisis.relay[1], 0.6);
  EXPECT_FALSE(s.crisis.relay[0].has_value());  // citizens relay at their reshare shares
  EXPECT_DOUBLE_EQ(s.crisis.relay_minutes, 8.0);
  ASSERT_EQ(s.crisis.channels.size(), 1u);
  EXPECT_EQ(s.crisis.channels[0].name, "be_alert");
  EXPECT_DOUBLE_EQ(s.crisis.channels[0].reach, 0.09);
  EXPECT_DOUBLE_EQ(s.crisis.channels[0].use_share, 0.5);
  EXPECT_DOUBLE_EQ(s.crisis.channels[0].dispatch_minutes, 20.0);
  EXPECT_EQ(read_scenario(files.write("plain.toml", kBase)).crisis.messages, 0u);
}

}  // namespace

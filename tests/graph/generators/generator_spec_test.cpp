#include "sim/graph/generators/generator_spec.hpp"

#include <gtest/gtest.h>

#include <array>

#include "sim/graph/generators/generator.hpp"
#include "sim/util/error.hpp"

namespace sim::graph::generators {
namespace {

std::string message_of(const std::string& spec) {
  try {
    generate(parse_generator_spec(spec));
  } catch (const util::InputError& e) {
    return e.what();
  }
  return "";
}

TEST(GeneratorSpec, SplitsNameAndValues) {
  const auto spec = parse_generator_spec("er: n=10 , mean_degree=2.5,seed=3");
  EXPECT_EQ(spec.name, "er");
  ASSERT_EQ(spec.values.size(), 3u);
  EXPECT_EQ(spec.values[0].first, "n");
  EXPECT_EQ(spec.values[1].second, "2.5");
  EXPECT_TRUE(parse_generator_spec("follower").values.empty());
}

TEST(GeneratorSpec, RejectsMalformedSpecs) {
  EXPECT_THROW(parse_generator_spec(":n=1"), util::InputError);
  EXPECT_THROW(parse_generator_spec("er:n"), util::InputError);
  EXPECT_THROW(parse_generator_spec("er:=4"), util::InputError);
  EXPECT_THROW(parse_generator_spec("er:n=1,n=2"), util::InputError);
}

TEST(GeneratorSpec, UnknownGeneratorGetsASuggestion) {
  EXPECT_NE(message_of("folower:n=10").find("did you mean 'follower'"), std::string::npos);
  EXPECT_NE(message_of("zzzz:n=10").find("expected one of: er, ws, ba, config, sbm, follower"),
            std::string::npos);
}

TEST(GeneratorSpec, UnknownKeyGetsASuggestion) {
  const std::string message = message_of("er:n=10,mean_degre=3");
  EXPECT_NE(message.find("'mean_degre'"), std::string::npos) << message;
  EXPECT_NE(message.find("did you mean 'mean_degree'"), std::string::npos) << message;
  EXPECT_NE(message.find("generator spec 'er:n=10,mean_degre=3'"), std::string::npos);
}

TEST(GeneratorSpec, OutOfRangeAndMistypedValuesAreNamed) {
  EXPECT_NE(message_of("er:n=0").find("'n': value 0 out of range"), std::string::npos);
  EXPECT_NE(message_of("er:n=ten").find("expected a non-negative integer, got 'ten'"),
            std::string::npos);
  EXPECT_NE(message_of("er:n=10,mean_degree=20").find("must not exceed n - 1"), std::string::npos);
  EXPECT_NE(message_of("ws:n=10,k=3").find("must be even"), std::string::npos);
  EXPECT_NE(message_of("ba:n=5,m=5").find("smaller than n"), std::string::npos);
  EXPECT_NE(message_of("follower:closure=1.5").find("out of range"), std::string::npos);
  EXPECT_NE(message_of("follower:media=0.6,politician=0.6").find("more than 1"), std::string::npos);
  EXPECT_NE(message_of("er:directed=maybe").find("expected true or false"), std::string::npos);
  EXPECT_NE(message_of("config:degrees=/nonexistent/file").find("cannot open"), std::string::npos);
  EXPECT_NE(message_of("config:degrees=x,gamma=2").find("cannot be combined"), std::string::npos);
}

// The defaults --help prints are the ones the generators use: a spec that spells out every
// printed default (n made small) gives the same graph as the spec that leaves them out.
TEST(GeneratorSpec, PrintedDefaultsAreTheDefaultsInUse) {
  for (const auto& info : generator_catalogue()) {
    const std::vector<std::string> defaults = parameter_defaults(info);
    ASSERT_EQ(defaults.size(), info.parameters.size()) << info.name;
    std::string spelled = std::string(info.name) + ":n=300";
    for (std::size_t i = 0; i < defaults.size(); ++i) {
      const ParameterInfo& parameter = info.parameters[i];
      EXPECT_FALSE(defaults[i].empty()) << info.name << " " << parameter.key;
      if (parameter.key == "n" || !parameter.computed.empty()) continue;
      spelled += "," + std::string(parameter.key) + "=" + defaults[i];
    }
    const Graph plain = generate(parse_generator_spec(std::string(info.name) + ":n=300"));
    const Graph explicit_defaults = generate(parse_generator_spec(spelled));
    EXPECT_EQ(plain.node_count(), explicit_defaults.node_count()) << spelled;
    ASSERT_EQ(plain.arc_count(), explicit_defaults.arc_count()) << spelled;
    EXPECT_TRUE(std::ranges::equal(plain.out_offsets(), explicit_defaults.out_offsets()))
        << spelled;
    EXPECT_TRUE(std::ranges::equal(plain.out_targets(), explicit_defaults.out_targets()))
        << spelled;
  }
}

}  // namespace
}  // namespace sim::graph::generators

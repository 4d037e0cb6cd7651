// Study validation (bad input), summaries and the per-cascade HDF5 file.

#include <gtest/gtest.h>

#include "sim/cascade/samples_file.hpp"
#include "sim/cascade/summary.hpp"
#include "sim/cascade/transmission_spec.hpp"
#include "sim/graph/generators/er.hpp"
#include "sim/io/h5.hpp"
#include "sim/util/error.hpp"
#include "support/test_support.hpp"

namespace {

using namespace sim;

const graph::Graph& small_graph() {
  static const graph::Graph graph = graph::generators::generate_er(
      {.nodes = 500, .mean_degree = 4.0, .directed = false, .seed = 2});
  return graph;
}

TEST(CascadeStudy, BadInputIsAnInputError) {
  EXPECT_THROW(cascade::Transmission::uniform(1.2), util::InputError);
  EXPECT_THROW(cascade::Transmission::uniform(-0.1), util::InputError);
  EXPECT_THROW(cascade::Transmission::per_segment({0.1, 0.2, 1.5, 0.1}), util::InputError);
  EXPECT_THROW(cascade::Transmission::per_arc({0.5f, 2.0f}), util::InputError);
  cascade::CascadeStudy study;
  study.seeds = cascade::parse_seed_rule("random:1");
  study.samples = 0;
  EXPECT_THROW(study.validate_for(small_graph()), util::InputError);
  study.samples = 10;
  EXPECT_THROW(study.validate_for(graph::Graph{}), util::InputError);
  study.transmission = cascade::Transmission::per_segment({0.1, 0.2, 0.3, 0.1});  // no segments
  EXPECT_THROW(study.validate_for(small_graph()), util::InputError);
  study.transmission = cascade::Transmission::per_arc({0.5f});  // wrong length
  EXPECT_THROW(study.validate_for(small_graph()), util::InputError);
  study.transmission = cascade::Transmission::uniform(0.1);
  study.times_hours = {1.0};  // without delays
  EXPECT_THROW(study.validate_for(small_graph()), util::InputError);
  study.times_hours.clear();
  study.cascades_per_live_graph = 65;
  EXPECT_THROW(study.validate_for(small_graph()), util::InputError);
  study.cascades_per_live_graph = 64;
  study.delay = cascade::parse_delay("exp:1");
  EXPECT_THROW(study.validate_for(small_graph()), util::InputError);
  study.cascades_per_live_graph = 1;
  EXPECT_NO_THROW(study.validate_for(small_graph()));
  study.model = cascade::CascadeStudy::Model::kThreshold;
  study.delay = {};
  study.threshold.mean = 1.5;
  EXPECT_THROW(study.validate_for(small_graph()), util::InputError);
  study.threshold.kind = cascade::ThresholdRule::Kind::kCount;
  study.threshold.mean = -1;
  EXPECT_THROW(study.validate_for(small_graph()), util::InputError);
  for (const char* delay : {"exp:0", "exp:-1", "lognormal:1", "fixd:1", "fixed:1,2", "exp:"}) {
    EXPECT_THROW(cascade::parse_delay(delay), util::InputError) << delay;
  }
  EXPECT_THROW(cascade::parse_segment_probabilities("citizen=0.1,media=0.2,politican=0.3"),
               util::InputError);
  EXPECT_THROW(cascade::parse_segment_probabilities("citizen=0.1,media=0.2"), util::InputError);
}

TEST(CascadeStudy, SegmentAndArcProbabilityText) {
  const auto p =
      cascade::parse_segment_probabilities("media=0.3,citizen=0.1,organisation=0.5,politician=0.2");
  EXPECT_EQ(p, (std::array<double, 4>{0.1, 0.3, 0.2, 0.5}));
  const test::TempDir dir;
  test::write_text(dir.path("p.txt"), "# p per arc\n0.5\n\n0.25 # second\n");
  EXPECT_EQ(cascade::read_arc_probabilities(dir.path("p.txt")), (std::vector<float>{0.5f, 0.25f}));
  test::write_text(dir.path("bad.txt"), "0.5\n7\n");
  try {
    cascade::read_arc_probabilities(dir.path("bad.txt"));
    FAIL() << "no error";
  } catch (const util::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("bad.txt:2"), std::string::npos) << e.what();
  }
}

TEST(CascadeSummary, QuantilesLargeCascadesAndHistogram) {
  cascade::CascadeSamples samples;
  samples.reached = {1, 2, 3, 100, 200};
  samples.rounds = {0, 1, 1, 5, 7};
  samples.arcs_decided = {1, 1, 1, 1, 1};
  samples.seeds = {1, 1, 1, 1, 1};
  samples.eligible_nodes = 1000;
  const auto s = cascade::summarise(samples, 0.05, {});
  EXPECT_DOUBLE_EQ(s.mean, 61.2);
  EXPECT_DOUBLE_EQ(s.quantiles[2], 3.0);
  EXPECT_DOUBLE_EQ(s.quantiles[1], 2.0);
  EXPECT_EQ(s.large_threshold, 50u);
  EXPECT_DOUBLE_EQ(s.p_large, 0.4);
  EXPECT_DOUBLE_EQ(s.large_mean_fraction, 0.15);
  EXPECT_DOUBLE_EQ(s.mean_rounds, 2.8);
  EXPECT_EQ(s.log2_histogram, (std::vector<std::uint64_t>{1, 2, 0, 0, 0, 0, 1, 1}));
  EXPECT_DOUBLE_EQ(cascade::quantile({4, 1, 3, 2}, 0.5), 2.5);
}

TEST(CascadeSamplesFile, RoundTripsThroughHdf5) {
  cascade::CascadeStudy study;
  study.transmission = cascade::Transmission::uniform(0.3);
  study.delay = cascade::parse_delay("exp:2");
  study.times_hours = {1, 24};
  study.samples = 50;
  const auto samples = cascade::run_study(small_graph(), study);
  const test::TempDir dir;
  const std::string path = dir.path("c.h5");
  cascade::write_samples_file(path, samples, study.times_hours, {{"model", "ic"}}, {});
  const io::Handle file = io::open_file_read(path);
  EXPECT_EQ(io::read_string_attribute(file.get(), "format"), "trek-cascade");
  const io::Handle group = io::open_group(file.get(), "cascade");
  EXPECT_EQ(io::read_vector<std::uint32_t>(group.get(), "reached"), samples.reached);
  EXPECT_EQ(io::read_vector<std::uint32_t>(group.get(), "reached_by_time"),
            samples.reached_by_time);
  for (std::size_t c = 0; c < samples.reached.size(); ++c) {
    EXPECT_LE(samples.reached_by_time[c * 2], samples.reached_by_time[c * 2 + 1]);
    EXPECT_LE(samples.reached_by_time[c * 2 + 1], samples.reached[c]);
  }
}

}  // namespace

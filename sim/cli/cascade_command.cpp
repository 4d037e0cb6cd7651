// `trek cascade`: parses options into a CascadeStudy, runs it and prints the size distribution.

#include "sim/cli/cascade_command.hpp"

#include <cstdio>
#include <iostream>
#include <memory>

#include "sim/cascade/samples_file.hpp"
#include "sim/cascade/summary.hpp"
#include "sim/cascade/transmission_spec.hpp"
#include "sim/cli/common.hpp"
#include "sim/cli/json.hpp"
#include "sim/graph/formats/load.hpp"
#include "sim/io/atomic_file.hpp"
#include "sim/util/clock.hpp"
#include "sim/util/error.hpp"
#include "sim/version.hpp"

namespace sim::cli {
namespace {

struct CascadeOptions {
  CommonOptions common;
  std::string graph;
  bool follows = false;
  std::uint64_t nodes = 0;
  std::string model = "ic";
  std::optional<double> p;
  std::string p_segment;
  std::string p_arcs;
  std::optional<double> phi;
  std::optional<double> theta;
  double threshold_sd = 0.0;
  std::string seeds = "random:1";
  std::uint64_t samples = 1000;
  std::uint64_t seed = 1;
  std::uint32_t share = 1;
  bool no_rounds = false;
  bool force = false;
  std::string delay;
  std::vector<double> times;
  double large = 0.05;
  std::string format = "table";
  std::string output;
};

cascade::Transmission transmission_from(const CascadeOptions& o) {
  const int given = (o.p ? 1 : 0) + (o.p_segment.empty() ? 0 : 1) + (o.p_arcs.empty() ? 0 : 1);
  if (given != 1) {
    throw util::InputError({"", 0, "--p"},
                           "the ic model needs exactly one of --p, --p-segment, --p-arcs");
  }
  if (o.p) return cascade::Transmission::uniform(*o.p);
  if (!o.p_segment.empty()) {
    return cascade::Transmission::per_segment(cascade::parse_segment_probabilities(o.p_segment));
  }
  return cascade::Transmission::per_arc(cascade::read_arc_probabilities(o.p_arcs));
}

cascade::ThresholdRule threshold_from(const CascadeOptions& o) {
  if (o.phi.has_value() == o.theta.has_value()) {
    throw util::InputError({"", 0, "--phi"},
                           "the threshold model needs exactly one of --phi (fraction) or "
                           "--theta (count)");
  }
  cascade::ThresholdRule rule;
  rule.kind =
      o.phi ? cascade::ThresholdRule::Kind::kFraction : cascade::ThresholdRule::Kind::kCount;
  rule.mean = o.phi ? *o.phi : *o.theta;
  rule.sd = o.threshold_sd;
  return rule;
}

cascade::CascadeStudy study_from(const CascadeOptions& o) {
  cascade::CascadeStudy study;
  if (o.model == "ic") {
    if (o.phi || o.theta)
      throw util::InputError({"", 0, "--phi"}, "--phi/--theta need --model threshold");
    study.transmission = transmission_from(o);
  } else {
    if (o.p || !o.p_segment.empty() || !o.p_arcs.empty()) {
      throw util::InputError({"", 0, "--p"}, "--p options need --model ic");
    }
    study.model = cascade::CascadeStudy::Model::kThreshold;
    study.threshold = threshold_from(o);
  }
  study.seeds = cascade::parse_seed_rule(o.seeds);
  if (!o.delay.empty()) study.delay = cascade::parse_delay(o.delay);
  study.times_hours = o.times;
  study.samples = o.samples;
  study.run = {o.seed, 0};
  study.cascades_per_live_graph = o.share;
  study.count_rounds = !o.no_rounds;
  return study;
}

std::string model_text(const cascade::CascadeStudy& study) {
  if (study.model == cascade::CascadeStudy::Model::kThreshold) {
    return "threshold, " + study.threshold.describe();
  }
  return "independent cascade, " + study.transmission.describe();
}

std::string summary_json(const CascadeOptions& o, const cascade::CascadeStudy& study,
                         const cascade::SizeSummary& s) {
  JsonObject quantiles;
  for (std::size_t i = 0; i < cascade::kSummaryQuantiles.size(); ++i) {
    char name[8];
    std::snprintf(name, sizeof name, "q%02d",
                  static_cast<int>(cascade::kSummaryQuantiles[i] * 100 + 0.5));
    quantiles.add(name, s.quantiles[i]);
  }
  JsonObject histogram;
  for (std::size_t k = 0; k < s.log2_histogram.size(); ++k) {
    histogram.add(std::to_string(std::uint64_t{1} << k), s.log2_histogram[k]);
  }
  JsonObject by_time;
  for (std::size_t t = 0; t < s.times_hours.size(); ++t) {
    char name[32];
    std::snprintf(name, sizeof name, "%gh", s.times_hours[t]);
    by_time.add(name, s.mean_fraction_by_time[t]);
  }
  JsonObject out;
  out.add("graph", o.graph).add("model", model_text(study));
  out.add("seeds", cascade::describe(study.seeds)).add("samples", s.samples);
  out.add("seed", o.seed).add("cascades_per_live_graph", std::uint64_t{o.share});
  out.add("eligible_nodes", s.eligible_nodes);
  out.add("mean", s.mean).add("sd", s.sd).add("std_error", s.std_error);
  out.add("min", std::uint64_t{s.min}).add("max", std::uint64_t{s.max});
  out.add_object("quantiles", quantiles);
  out.add("large_threshold", s.large_threshold).add("p_large", s.p_large);
  out.add("p_large_std_error", s.p_large_se).add("large_mean_share", s.large_mean_fraction);
  if (s.rounds_counted) out.add("mean_rounds", s.mean_rounds);
  out.add_object("share_reached_by_time", by_time);
  out.add_object("size_histogram_log2", histogram);
  return out.str();
}

void print_table(const CascadeOptions& o, const cascade::CascadeStudy& study,
                 const cascade::SizeSummary& s) {
  std::printf("%-24s %s\n", "graph", o.graph.c_str());
  std::printf("%-24s %s\n", "model", model_text(study).c_str());
  std::printf("%-24s %s\n", "seeds", cascade::describe(study.seeds).c_str());
  std::printf("%-24s %llu (seed %llu)\n", "cascades", static_cast<unsigned long long>(s.samples),
              static_cast<unsigned long long>(o.seed));
  std::printf("%-24s %.2f nodes (sd %.2f, standard error %.2f) of %llu\n", "mean final size",
              s.mean, s.sd, s.std_error, static_cast<unsigned long long>(s.eligible_nodes));
  std::printf("%-24s", "quantiles 5/25/50/75/95%");
  for (const double q : s.quantiles)
    std::printf(" %.1f", q);
  std::printf("\n%-24s %.4f +- %.4f (size >= %llu nodes); large ones reach %.4f of nodes\n",
              "P(large cascade)", s.p_large, s.p_large_se,
              static_cast<unsigned long long>(s.large_threshold), s.large_mean_fraction);
  if (s.rounds_counted) {
    std::printf("%-24s %.2f\n", "mean rounds", s.mean_rounds);
  } else {
    std::printf("%-24s not counted (--no-rounds)\n", "mean rounds");
  }
  for (std::size_t t = 0; t < s.times_hours.size(); ++t) {
    std::printf("reached by %-13s %.4f of nodes\n",
                (std::to_string(s.times_hours[t]) + " h").c_str(), s.mean_fraction_by_time[t]);
  }
  std::printf("%-24s", "sizes [2^k, 2^(k+1))");
  for (std::size_t k = 0; k < s.log2_histogram.size(); ++k) {
    std::printf(" %llu:%llu", static_cast<unsigned long long>(std::uint64_t{1} << k),
                static_cast<unsigned long long>(s.log2_histogram[k]));
  }
  std::printf("\n");
}

void run_cascade(const CascadeOptions& o) {
  if (!o.output.empty()) io::check_output(o.output, {.replace = o.force, .inputs = {o.graph}});
  if (!(o.large >= 0.0 && o.large <= 1.0)) {
    throw util::InputError({"", 0, "--large"}, "must be a share of nodes in [0, 1]");
  }
  cascade::CascadeStudy study = study_from(o);
  graph::formats::EdgeListOptions edge_list;
  edge_list.follows = o.follows;
  if (o.nodes > 0) edge_list.node_count = o.nodes;
  const auto loaded = graph::formats::load_graph(o.graph, edge_list);
  study.validate_for(loaded.graph);
  const double start = util::now_seconds();
  const cascade::CascadeSamples samples = cascade::run_study(loaded.graph, study);
  const double seconds = util::seconds_since(start);
  const auto summary = cascade::summarise(samples, o.large, o.times, o.share);
  if (!o.output.empty()) {
    cascade::write_samples_file(o.output, samples, o.times,
                                {{"graph", o.graph},
                                 {"model", model_text(study)},
                                 {"seeds", cascade::describe(study.seeds)},
                                 {"seed", std::to_string(o.seed)},
                                 {"creator", creator()}},
                                {.replace = o.force, .inputs = {o.graph}});
  }
  if (o.format == "json") {
    std::cout << summary_json(o, study, summary) << '\n';
  } else {
    print_table(o, study, summary);
  }
  char timing[96];
  std::snprintf(timing, sizeof timing, "%llu cascades in %.3f s (%.4f ms per cascade)",
                static_cast<unsigned long long>(o.samples), seconds,
                1000.0 * seconds / static_cast<double>(o.samples));
  inform(o.common, timing);
}

}  // namespace

void register_cascade_command(CLI::App& app) {
  auto o = std::make_shared<CascadeOptions>();
  CLI::App* command =
      app.add_subcommand("cascade", "Monte Carlo information cascades on a follower graph");
  command->add_option("--graph", o->graph, "Graph file or generator spec")->required();
  command->add_flag("--follows", o->follows, "Edge lists give 'A B' as A follows B");
  command->add_option("--nodes", o->nodes, "Edge lists use dense ids 0..N-1");
  command->add_option("--model", o->model, "ic (independent cascade) or threshold")
      ->check(CLI::IsMember({"ic", "threshold"}));
  command->add_option("--p", o->p, "IC: probability that a reached node passes to a follower");
  command->add_option("--p-segment", o->p_segment,
                      "IC: p per segment of the passing node, citizen=P,media=P,politician=P,"
                      "organisation=P");
  command->add_option("--p-arcs", o->p_arcs, "IC: file with one p per arc, in arc order");
  command->add_option("--phi", o->phi, "Threshold: fraction of followed accounts that must adopt");
  command->add_option("--theta", o->theta,
                      "Threshold: number of followed accounts that must adopt");
  command->add_option("--threshold-sd", o->threshold_sd,
                      "Threshold: draw each node's threshold from a normal with this sd");
  command->add_option("--seeds", o->seeds,
                      "random:K | fraction:F | ids:A,B,... | top:K | feed:R (default random:1)");
  command->add_option("--samples", o->samples, "Number of cascades (default 1000)");
  command->add_option("--seed", o->seed, "Master seed (default 1)")->check(seed_digits());
  command->add_option("--share", o->share,
                      "IC: cascades per sampled live-arc graph, 1-64 (default 1: independent)");
  command->add_flag("--force", o->force, "Replace an existing output file (-o)");
  command->add_flag("--no-rounds", o->no_rounds,
                    "IC with --share: skip round counts; sizes come from the components of each "
                    "live-arc graph (much faster)");
  command->add_option("--delay", o->delay,
                      "IC: per-hop delay, fixed:H | exp:MEAN | lognormal:MEDIAN,SIGMA (hours)");
  command->add_option("--times", o->times, "With --delay: report reach at these hours")
      ->delimiter(',');
  command->add_option("--large", o->large, "A cascade is large above this share of nodes (0.05)");
  command->add_option("--format", o->format, "table or json")
      ->check(CLI::IsMember({"table", "json"}));
  command->add_option("-o,--output", o->output, "Write per-cascade results to this HDF5 file");
  add_common_options(*command, o->common);
  command->callback([o] { run_cascade(*o); });
}

}  // namespace sim::cli

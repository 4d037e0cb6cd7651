// The graph subcommands: thin wrappers that parse options, call sim::graph and print.

#include "sim/cli/graph_command.hpp"

#include <cstdio>
#include <iostream>
#include <memory>

#include "sim/cli/common.hpp"
#include "sim/cli/json.hpp"
#include "sim/graph/formats/load.hpp"
#include "sim/graph/generators/generator.hpp"
#include "sim/graph/stats/graph_stats.hpp"
#include "sim/io/atomic_file.hpp"
#include "sim/util/clock.hpp"
#include "sim/version.hpp"

namespace sim::cli {
namespace {

struct GraphOptions {
  CommonOptions common;
  std::string input;
  std::string output;
  std::string format = "table";
  bool follows = false;
  bool force = false;
  std::uint64_t nodes = 0;
};

graph::formats::EdgeListOptions edge_list_options(const GraphOptions& options) {
  graph::formats::EdgeListOptions edge_list;
  edge_list.follows = options.follows;
  if (options.nodes > 0) edge_list.node_count = options.nodes;
  return edge_list;
}

void add_input_options(CLI::App& command, GraphOptions& options) {
  command.add_flag("--follows", options.follows,
                   "Edge lists give 'A B' as A follows B (default: information flows A -> B)");
  command.add_option("--nodes", options.nodes,
                     "Edge lists use dense ids 0..N-1 (keeps isolated nodes; ids are checked)");
}

std::string generator_catalogue_text() {
  std::string text = "\nGenerators (SPEC = NAME:key=value,...):\n";
  for (const auto& info : graph::generators::generator_catalogue()) {
    text += "  " + std::string(info.name) + ": " + std::string(info.summary) + "\n";
    const std::vector<std::string> defaults = graph::generators::parameter_defaults(info);
    for (std::size_t i = 0; i < info.parameters.size(); ++i) {
      const auto& parameter = info.parameters[i];
      text += "      " + std::string(parameter.key) + " (default " + defaults[i] +
              "): " + std::string(parameter.meaning) + "\n";
    }
  }
  return text;
}

std::string summary_line(const graph::Graph& graph) {
  return std::to_string(graph.node_count()) + " nodes, " + std::to_string(graph.arc_count()) +
         " arcs";
}

std::string elapsed_text(double start) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f s", util::seconds_since(start));
  return text;
}

void run_generate(const GraphOptions& options) {
  const double start = util::now_seconds();
  const auto spec = graph::generators::parse_generator_spec(options.input);
  const io::OutputPolicy policy{.replace = options.force, .inputs = {}};
  io::check_output(options.output, policy);
  const graph::Graph graph = graph::generators::generate(spec);
  graph::formats::save_graph(graph, options.output, creator(), policy);
  inform(options.common,
         "wrote " + options.output + ": " + summary_line(graph) + " (" + elapsed_text(start) + ")");
}

void run_convert(const GraphOptions& options) {
  const double start = util::now_seconds();
  const io::OutputPolicy policy{.replace = options.force, .inputs = {options.input}};
  io::check_output(options.output, policy);
  const auto loaded = graph::formats::load_graph(options.input, edge_list_options(options));
  graph::formats::save_graph(loaded.graph, options.output, creator(), policy);
  inform(options.common, "wrote " + options.output + ": " + summary_line(loaded.graph) + ", " +
                             std::to_string(loaded.report.self_loops) + " self-loops and " +
                             std::to_string(loaded.report.duplicates) +
                             " duplicate arcs dropped (" + elapsed_text(start) + ")");
}

JsonObject degree_json(const graph::stats::DegreeSummary& d) {
  JsonObject o;
  o.add("mean", d.mean).add("max", d.max).add("p50", d.p50).add("p90", d.p90).add("p99", d.p99);
  o.add("zeros", d.zeros).add("top1_share", d.top1_share);
  return o;
}

std::string stats_json(const std::string& source, const graph::stats::GraphStats& s) {
  JsonObject o;
  o.add("graph", source).add("nodes", std::uint64_t{s.nodes}).add("arcs", s.arcs);
  o.add("self_loops_dropped", s.input.self_loops).add("duplicates_dropped", s.input.duplicates);
  o.add("reciprocity", s.reciprocity);
  o.add_object("in_degree", degree_json(s.in_degree));
  o.add_object("out_degree", degree_json(s.out_degree));
  o.add("undirected_edges", s.undirected_edges);
  o.add("mean_undirected_degree", s.mean_undirected_degree);
  o.add("average_clustering", s.average_clustering).add("transitivity", s.transitivity);
  o.add("triangles", s.triangles);
  o.add("weak_components", s.weak_component_count);
  o.add("largest_weak_component", std::uint64_t{s.largest_weak_component});
  o.add("strong_components", s.strong_component_count);
  o.add("largest_strong_component", std::uint64_t{s.largest_strong_component});
  return o.str();
}

void print_stats_table(const std::string& source, const graph::stats::GraphStats& s) {
  auto degree_row = [](const char* name, const graph::stats::DegreeSummary& d) {
    std::printf(
        "%-26s mean %.3f  max %llu  p50 %llu  p90 %llu  p99 %llu  zeros %llu  top 1%% %.4f\n", name,
        d.mean, static_cast<unsigned long long>(d.max), static_cast<unsigned long long>(d.p50),
        static_cast<unsigned long long>(d.p90), static_cast<unsigned long long>(d.p99),
        static_cast<unsigned long long>(d.zeros), d.top1_share);
  };
  auto count_row = [](const char* name, std::uint64_t value) {
    std::printf("%-26s %llu\n", name, static_cast<unsigned long long>(value));
  };
  std::printf("%-26s %s\n", "graph", source.c_str());
  count_row("nodes", s.nodes);
  count_row("arcs", s.arcs);
  count_row("self-loops dropped", s.input.self_loops);
  count_row("duplicate arcs dropped", s.input.duplicates);
  std::printf("%-26s %.4f\n", "reciprocity", s.reciprocity);
  degree_row("in-degree (followees)", s.in_degree);
  degree_row("out-degree (followers)", s.out_degree);
  count_row("undirected edges", s.undirected_edges);
  std::printf("%-26s %.3f\n", "mean undirected degree", s.mean_undirected_degree);
  std::printf("%-26s %.4f\n", "average clustering", s.average_clustering);
  std::printf("%-26s %.4f\n", "transitivity", s.transitivity);
  count_row("triangles", s.triangles);
  count_row("weak components", s.weak_component_count);
  count_row("largest weak component", s.largest_weak_component);
  count_row("strong components", s.strong_component_count);
  count_row("largest strong component", s.largest_strong_component);
}

void run_stats(const GraphOptions& options) {
  const auto loaded = graph::formats::load_graph(options.input, edge_list_options(options));
  const auto stats = graph::stats::compute_stats(loaded.graph, loaded.report);
  if (options.format == "json") {
    std::cout << stats_json(options.input, stats) << '\n';
  } else {
    print_stats_table(options.input, stats);
  }
}

}  // namespace

void register_graph_command(CLI::App& app) {
  auto options = std::make_shared<GraphOptions>();
  CLI::App* graph = app.add_subcommand("graph", "Generate, convert and describe follower graphs");
  graph->require_subcommand(1);

  CLI::App* generate = graph->add_subcommand("generate", "Generate a graph from a spec");
  generate->add_option("spec", options->input, "Generator spec NAME:key=value,...")->required();
  generate->add_option("-o,--output", options->output, "Output file (.h5, .graphml, .txt)")
      ->required();
  generate->add_flag("--force", options->force, "Replace an existing output file");
  add_common_options(*generate, options->common);
  generate->footer(generator_catalogue_text());
  generate->callback([options] { run_generate(*options); });

  CLI::App* convert = graph->add_subcommand("convert", "Convert a graph file to another format");
  convert->add_option("input", options->input, "Graph file or generator spec")->required();
  convert->add_option("-o,--output", options->output, "Output file (.h5, .graphml, .txt)")
      ->required();
  convert->add_flag("--force", options->force, "Replace an existing output file");
  add_input_options(*convert, *options);
  add_common_options(*convert, options->common);
  convert->callback([options] { run_convert(*options); });

  CLI::App* stats = graph->add_subcommand("stats", "Print statistics of a graph");
  stats->add_option("graph", options->input, "Graph file or generator spec")->required();
  stats->add_option("--format", options->format, "Output format")
      ->check(CLI::IsMember({"table", "json"}));
  add_input_options(*stats, *options);
  add_common_options(*stats, options->common);
  stats->callback([options] { run_stats(*options); });
}

}  // namespace sim::cli

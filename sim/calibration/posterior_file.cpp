// Written whole at the end of a calibration through io::write_atomically, so a kill leaves any
// earlier file intact; scenario/posterior_source reads it back as a source of worlds.

#include "sim/calibration/posterior_file.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "sim/io/h5.hpp"
#include "sim/io/h5_array.hpp"
#include "sim/scenario/distribution.hpp"
#include "sim/util/error.hpp"

namespace sim::calibration {
namespace {

void write_generation(hid_t parent, const std::string& name, const Generation& g,
                      std::size_t parameters) {
  io::Handle group = io::create_group(parent, name);
  io::write_attribute(group.get(), "tolerance", g.tolerance);
  io::write_attribute(group.get(), "proposals", std::uint64_t{g.proposals});
  io::write_attribute(group.get(), "accepted", std::uint64_t{g.accepted});
  io::write_attribute(group.get(), "acceptance", g.acceptance());
  io::write_attribute(group.get(), "effective_size", g.effective_size());
  io::write_rows(group.get(), "values", g.values, parameters);
  io::write_rows(group.get(), "z", g.z, parameters);
  io::write_vector<double>(group.get(), "weights", g.weights);
  io::write_vector<double>(group.get(), "distances", g.distances);
  io::write_vector<std::uint64_t>(group.get(), "simulations", g.simulations);
}

void write_targets(hid_t file, const Calibration& c, const AbcResult& result,
                   const PosteriorRecord& record) {
  io::Handle group = io::create_group(file, "targets");
  std::vector<std::string> files, dates, platforms, metrics;
  std::vector<std::uint64_t> lines, weeks;
  std::vector<double> observed, scale, weight, fitted_observed, p05, p50, p95;
  const Generation& last = result.generations.back();
  std::vector<double> observed_values;
  for (const TargetRow& row : c.rows)
    observed_values.push_back(row.observation.value);
  for (std::size_t i = 0; i < c.rows.size(); ++i) {
    const TargetRow& row = c.rows[i];
    files.push_back(row.file);
    lines.push_back(row.observation.line);
    dates.push_back(row.observation.date);
    platforms.push_back(row.observation.platform);
    metrics.push_back(std::string(metric_name(row.observation.metric)));
    weeks.push_back(row.week);
    observed.push_back(row.observation.value);
    scale.push_back(row.scale);
    weight.push_back(row.weight);
    fitted_observed.push_back(fitted(c, observed_values, i));
    std::vector<double> model;
    for (const auto& particle : record.predictions)
      model.push_back(fitted(c, particle, i));
    p05.push_back(weighted_quantile(model, last.weights, 0.05));
    p50.push_back(weighted_quantile(model, last.weights, 0.5));
    p95.push_back(weighted_quantile(model, last.weights, 0.95));
  }
  io::write_strings(group.get(), "file", files);
  io::write_vector<std::uint64_t>(group.get(), "line", lines);
  io::write_strings(group.get(), "date", dates);
  io::write_strings(group.get(), "platform", platforms);
  io::write_strings(group.get(), "metric", metrics);
  io::write_vector<std::uint64_t>(group.get(), "week", weeks);
  io::write_vector<double>(group.get(), "observed", observed);
  io::write_vector<double>(group.get(), "scale", scale);
  io::write_vector<double>(group.get(), "weight", weight);
  io::write_vector<double>(group.get(), "fitted_observed", fitted_observed);
  io::write_vector<double>(group.get(), "predictive_p05", p05);
  io::write_vector<double>(group.get(), "predictive_p50", p50);
  io::write_vector<double>(group.get(), "predictive_p95", p95);
  io::write_rows(group.get(), "predictions", record.predictions, c.rows.size());
}

void write_file(const std::string& path, const Calibration& c, const AbcResult& result,
                const PosteriorRecord& record) {
  io::Handle file = io::create_file(path);
  io::write_attribute(file.get(), "format", std::string(kPosteriorFormat));
  io::write_attribute(file.get(), "version", kPosteriorVersion);
  io::write_attribute(file.get(), "trek_version", record.trek_version);
  io::write_attribute(file.get(), "command", record.command);
  io::write_attribute(file.get(), "calibration_file", c.file);
  io::write_attribute(file.get(), "scenario_file", c.base.file);
  io::write_attribute(file.get(), "seed", c.method.seed);
  io::write_attribute(file.get(), "stopped", result.stopped);
  io::write_attribute(file.get(), "seconds", record.seconds);
  io::write_attribute(file.get(), "complete", std::uint64_t{record.complete ? 1U : 0U});
  io::write_attribute(file.get(), "inputs_hash", record.inputs_hash);
  io::Handle parameters = io::create_group(file.get(), "parameters");
  std::vector<std::string> keys, priors;
  for (const FreeParameter& p : c.parameters) {
    keys.push_back(p.key);
    priors.push_back(scenario::describe(p.prior));
  }
  io::write_strings(parameters.get(), "key", keys);
  io::write_strings(parameters.get(), "prior", priors);
  const std::size_t d = c.parameters.size();
  const Generation& last = result.generations.back();
  io::Handle posterior = io::create_group(file.get(), "posterior");
  io::write_rows(posterior.get(), "values", last.values, d);
  io::write_vector<double>(posterior.get(), "weights", last.weights);
  io::write_vector<double>(posterior.get(), "distances", last.distances);
  io::Handle generations = io::create_group(file.get(), "generations");
  std::vector<double> tolerance, acceptance, ess;
  std::vector<std::uint64_t> proposals;
  for (std::size_t t = 0; t < result.generations.size(); ++t) {
    const Generation& g = result.generations[t];
    char name[32];
    std::snprintf(name, sizeof name, "%03zu", t);
    write_generation(generations.get(), name, g, d);
    tolerance.push_back(g.tolerance);
    acceptance.push_back(g.acceptance());
    ess.push_back(g.effective_size());
    proposals.push_back(g.proposals);
  }
  io::Handle diagnostics = io::create_group(file.get(), "diagnostics");
  io::write_vector<double>(diagnostics.get(), "tolerance", tolerance);
  io::write_vector<double>(diagnostics.get(), "acceptance", acceptance);
  io::write_vector<double>(diagnostics.get(), "effective_size", ess);
  io::write_vector<std::uint64_t>(diagnostics.get(), "proposals", proposals);
  write_targets(file.get(), c, result, record);
  io::close_file(file);
}

}  // namespace

double fitted(const Calibration& c, const std::vector<double>& row_values, std::size_t i) {
  const TargetRow& row = c.rows[i];
  if (!is_platform_level(row.observation.metric)) return row_values[i];
  const double reference = row_values[row.reference];
  return reference > 0.0 ? row_values[i] / reference - 1.0 : 0.0;
}

void write_posterior(const std::string& path, const Calibration& c, const AbcResult& result,
                     const PosteriorRecord& record, const io::OutputPolicy& policy) {
  io::write_atomically(
      path, [&](const std::string& temporary) { write_file(temporary, c, result, record); },
      policy);
}

Checkpoint read_checkpoint(const std::string& path, std::uint64_t inputs_hash) {
  return io::read_input(path, [&] {
    io::Handle file = io::open_file_read(path);
    io::check_format(path, file.get(), kPosteriorFormat, kPosteriorVersion, "posterior");
    if (io::read_uint_attribute(file.get(), "inputs_hash") != inputs_hash) {
      throw util::InputError({path, 0, "inputs_hash"},
                             "was written by another calibration (its files changed): start "
                             "again without --resume");
    }
    io::Handle parameters = io::open_group(file.get(), "parameters");
    const std::size_t d = io::read_strings(parameters.get(), "key").size();
    io::Handle generations = io::open_group(file.get(), "generations");
    Checkpoint out;
    std::vector<std::string> names = io::link_names(generations.get());
    std::sort(names.begin(), names.end());  // 000, 001, ...: generation order
    for (const std::string& name : names) {
      io::Handle group = io::open_group(generations.get(), name);
      Generation g;
      g.weights = io::read_vector<double>(group.get(), "weights");
      const std::size_t n = g.weights.size();
      g.values = io::read_rows(group.get(), "values", n, d);
      g.z = io::read_rows(group.get(), "z", n, d);
      g.distances = io::read_elements<double>(group.get(), "distances", n);
      g.simulations = io::read_elements<std::uint64_t>(group.get(), "simulations", n);
      g.tolerance = io::read_double_attribute(group.get(), "tolerance");
      g.proposals = io::read_uint_attribute(group.get(), "proposals");
      // Files from before the moves sampler: every particle was an accepted proposal.
      g.accepted = io::has_attribute(group.get(), "accepted")
                       ? io::read_uint_attribute(group.get(), "accepted")
                       : n;
      out.generations.push_back(std::move(g));
    }
    if (out.generations.empty())
      throw util::InputError({path, 0, "generations"}, "holds no generation");
    io::Handle targets = io::open_group(file.get(), "targets");
    const std::size_t rows = io::vector_length(targets.get(), "observed");
    out.predictions =
        io::read_rows(targets.get(), "predictions", out.generations.back().values.size(), rows);
    return out;
  });
}

}  // namespace sim::calibration

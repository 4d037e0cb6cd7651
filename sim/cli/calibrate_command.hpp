#pragma once
/// `trek calibrate CALIBRATION.toml -o posterior.h5`: fit free parameters to observations.

#include <CLI/CLI.hpp>

namespace sim::cli {

void register_calibrate_command(CLI::App& app);

}  // namespace sim::cli

#pragma once
/// `trek sweep` (run a design, whole or one shard, resumable) and `trek merge` (shards into one).

#include <CLI/CLI.hpp>

namespace sim::cli {

void register_sweep_commands(CLI::App& app);

}  // namespace sim::cli

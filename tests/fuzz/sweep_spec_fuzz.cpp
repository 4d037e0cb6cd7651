// Fuzzes the sweep-file reader (its base scenario is resolved next to the scratch file, so most
// inputs stop at the sweep's own keys; the seed corpus names the Ghent base by absolute path).
#include "fuzz_input.hpp"
#include "sim/sweep/read_sweep.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return sim::fuzz::read_input(data, size, "sweep.toml", [](const std::string& path) {
    static_cast<void>(sim::sweep::read_sweep(path));
  });
}

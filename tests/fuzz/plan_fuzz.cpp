// Fuzzes the plan-file reader of `trek optimize` (its base scenario and comparisons are resolved
// next to the scratch file, so most inputs stop at the plan's own keys; the seed corpus names the
// Ghent base by absolute path).
#include "fuzz_input.hpp"
#include "sim/optimize/read_plan.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return sim::fuzz::read_input(data, size, "plan.toml", [](const std::string& path) {
    static_cast<void>(sim::optimize::read_plan(path));
  });
}

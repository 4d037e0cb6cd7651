// Fuzzes the scenario reader: TOML syntax, extends, every key's type and range, events.
#include "fuzz_input.hpp"
#include "sim/scenario/read_scenario.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return sim::fuzz::read_input(data, size, "scenario.toml", [](const std::string& path) {
    static_cast<void>(sim::scenario::read_scenario(path, {}));
  });
}

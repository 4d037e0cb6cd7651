// Fuzzes the sweep-file reader of `trek merge` and `--resume` (format, shard, layout), which
// then copies the points into a new file.
#include "fuzz_input.hpp"
#include "sim/sweep/sweep_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return sim::fuzz::read_input(data, size, "shard.h5", [](const std::string& path) {
    const std::string merged = (sim::fuzz::scratch() / "merged.h5").string();
    sim::sweep::finalise({path}, merged, false, 0.0, "fuzz");
  });
}

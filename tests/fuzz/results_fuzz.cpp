// Fuzzes the run-results readers (`trek inspect`, the report's table): layout check first.
#include "fuzz_input.hpp"
#include "sim/engine/results_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return sim::fuzz::read_input(data, size, "run.h5", [](const std::string& path) {
    static_cast<void>(sim::engine::read_results_info(path));
    static_cast<void>(sim::engine::read_series_table(path));
  });
}

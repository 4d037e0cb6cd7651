// Fuzzes the reader of plan results files (`trek report` and `trek inspect` of a `trek optimize`
// output): format, completeness and the layout of the history.
#include "fuzz_input.hpp"
#include "sim/optimize/plan_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return sim::fuzz::read_input(data, size, "plan.h5", [](const std::string& path) {
    static_cast<void>(sim::optimize::read_plan_summary(path));
  });
}

// Fuzzes the GraphML reader (Boost's parser behind Trek's nesting bound).
#include "fuzz_input.hpp"
#include "sim/graph/formats/graphml.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return sim::fuzz::read_input(data, size, "graph.graphml", [](const std::string& path) {
    static_cast<void>(sim::graph::formats::read_graphml(path, nullptr));
  });
}

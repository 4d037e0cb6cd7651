// Fuzzes the edge-list reader (ids, separators, comments, columns).
#include "fuzz_input.hpp"
#include "sim/graph/formats/edge_list.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return sim::fuzz::read_input(data, size, "graph.txt", [](const std::string& path) {
    static_cast<void>(sim::graph::formats::read_edge_list(path, {}, nullptr));
  });
}

// Fuzzes the reader of Trek's HDF5 graph files (header, CSR arrays, checksum, attributes).
#include "fuzz_input.hpp"
#include "sim/graph/formats/graph_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return sim::fuzz::read_input(data, size, "graph.h5", [](const std::string& path) {
    static_cast<void>(sim::graph::formats::read_graph_file(path));
  });
}

#pragma once
// Shared by the libFuzzer harnesses: each input is written to a file (Trek's readers take
// paths), read, and every util::Error (bad input, exit code 1 or 2) is the expected outcome.
// Anything else (a crash, a sanitizer report, another exception, a hang) is a finding.

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "sim/io/h5.hpp"
#include "sim/util/error.hpp"

namespace sim::fuzz {

/// A per-process scratch folder, removed at exit.
inline const std::filesystem::path& scratch() {
  static const struct Folder {
    std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("trek-fuzz-" + std::to_string(::getpid()));
    Folder() { std::filesystem::create_directories(path); }
    ~Folder() {
      std::error_code ignored;
      std::filesystem::remove_all(path, ignored);
    }
  } folder;
  return folder.path;
}

/// Writes the input to scratch()/name and calls read(path); util::Error is expected.
template <class Read>
int read_input(const std::uint8_t* data, std::size_t size, const std::string& name, Read&& read) {
  io::silence_hdf5_errors();
  const std::string path = (scratch() / name).string();
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  try {
    read(path);
  } catch (const util::Error&) {
  }
  return 0;
}

}  // namespace sim::fuzz

// Fuzzes the observation-file reader (calibration targets) with the Ghent platform names.
#include "fuzz_input.hpp"
#include "sim/calibration/observations.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::vector<std::string_view> platforms{"bluesky",  "facebook", "instagram",
                                                       "linkedin", "mastodon", "threads",
                                                       "tiktok",   "x",        "youtube"};
  return sim::fuzz::read_input(data, size, "observations.csv", [](const std::string& path) {
    static_cast<void>(sim::calibration::read_observations(path, platforms));
  });
}

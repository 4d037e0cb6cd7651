// Writes the per-cascade samples with the same checked HDF5 helpers as run files (io/h5,
// io/h5_array), one dataset per quantity; the caller writes the file atomically.

#include "sim/cascade/samples_file.hpp"

#include "sim/io/atomic_file.hpp"
#include "sim/io/h5.hpp"

namespace sim::cascade {

void write_samples_file(const std::string& path, const CascadeSamples& samples,
                        const std::vector<double>& times_hours,
                        const std::map<std::string, std::string>& description,
                        const io::OutputPolicy& policy) {
  io::write_atomically(
      path,
      [&](const std::string& temporary) {
        io::Handle file = io::create_file(temporary);
        io::write_attribute(file.get(), "format", "trek-cascade");
        io::write_attribute(file.get(), "version", std::uint64_t{1});
        {
          const io::Handle group = io::create_group(file.get(), "cascade");
          for (const auto& [key, value] : description)
            io::write_attribute(group.get(), key, value);
          io::write_attribute(group.get(), "eligible_nodes", samples.eligible_nodes);
          io::write_vector<std::uint32_t>(group.get(), "reached", samples.reached, true);
          io::write_vector<std::uint32_t>(group.get(), "seeds", samples.seeds, true);
          if (samples.rounds_counted) {
            io::write_vector<std::uint32_t>(group.get(), "rounds", samples.rounds, true);
          }
          io::write_vector<double>(group.get(), "times_hours", times_hours);
          io::write_vector<std::uint32_t>(group.get(), "reached_by_time", samples.reached_by_time,
                                          true);
        }
        io::close_file(file);
      },
      policy);
}

}  // namespace sim::cascade

#include "sim/cli/sweep_report.hpp"

#include <cstdio>

#include "sim/io/h5_array.hpp"

namespace sim::cli {
namespace {

void print_sobol(hid_t file, const std::vector<std::string>& metrics,
                 const std::vector<std::string>& parameters) {
  const auto first = io::read_array<double>(file, "sensitivity/first_order");
  const auto total = io::read_array<double>(file, "sensitivity/total");
  std::printf("Sobol indices: first order and total, [90%% bootstrap interval]\n");
  const std::size_t d = parameters.size();
  for (std::size_t m = 0; m < metrics.size(); ++m) {
    std::printf("%s\n", metrics[m].c_str());
    for (std::size_t i = 0; i < d; ++i) {
      const double* s = &first[(m * d + i) * 3];
      const double* t = &total[(m * d + i) * 3];
      std::printf("  %-36s S1 %5.2f [%5.2f, %5.2f]   ST %5.2f [%5.2f, %5.2f]\n",
                  parameters[i].c_str(), s[0], s[1], s[2], t[0], t[1], t[2]);
    }
  }
}

void print_morris(hid_t file, const std::vector<std::string>& metrics,
                  const std::vector<std::string>& parameters) {
  const auto mu_star = io::read_array<double>(file, "sensitivity/mu_star");
  const auto mu = io::read_array<double>(file, "sensitivity/mu");
  const auto sigma = io::read_array<double>(file, "sensitivity/sigma");
  std::printf("Morris elementary effects per unit of each parameter's range: mu*, mu, sigma\n");
  const std::size_t d = parameters.size();
  for (std::size_t m = 0; m < metrics.size(); ++m) {
    std::printf("%s\n", metrics[m].c_str());
    for (std::size_t i = 0; i < d; ++i) {
      const std::size_t at = m * d + i;
      std::printf("  %-36s mu* %10.4g   mu %10.4g   sigma %10.4g\n", parameters[i].c_str(),
                  mu_star[at], mu[at], sigma[at]);
    }
  }
}

}  // namespace

void print_sensitivity(const std::string& path) {
  const io::Handle file = io::open_file_read(path);
  if (!io::has_link(file.get(), "sensitivity")) return;
  const auto metrics = io::read_strings(file.get(), "sweep/metrics");
  const auto parameters = io::read_strings(file.get(), "sweep/parameters");
  if (io::has_link(file.get(), "sensitivity/first_order")) {
    print_sobol(file.get(), metrics, parameters);
  } else {
    print_morris(file.get(), metrics, parameters);
  }
  std::fflush(stdout);
}

}  // namespace sim::cli

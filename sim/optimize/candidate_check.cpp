#include "sim/optimize/candidate_check.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "sim/optimize/candidate.hpp"
#include "sim/scenario/read_scenario.hpp"
#include "sim/util/error.hpp"

namespace sim::optimize {

ScratchFolder::ScratchFolder() {
  std::string pattern = (std::filesystem::temp_directory_path() / "trek-optimize-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    throw util::SystemError(errno, "cannot make a scratch folder under " +
                                       std::filesystem::temp_directory_path().string() + ": " +
                                       std::strerror(errno));
  }
  path_ = pattern;
}

ScratchFolder::~ScratchFolder() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::string ScratchFolder::write(const std::string& name, const std::string& text) const {
  const std::string path = path_ + "/" + name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) throw util::Error("cannot write " + path);
  return path;
}

scenario::Scenario read_candidate(const Plan& plan, const std::vector<double>& values,
                                  std::uint64_t number, const ScratchFolder& folder) {
  const std::string base = std::filesystem::absolute(plan.base).lexically_normal().string();
  const std::string name = "plan candidate " + std::to_string(number);
  const std::string file = folder.write("candidate_" + std::to_string(number) + ".toml",
                                        candidate_toml(plan, values, base, name));
  try {
    return scenario::read_scenario(file, plan.overrides);
  } catch (const util::InputError& e) {
    throw util::InputError(
        {plan.file, 0, "decisions"},
        "the candidate '" + describe(plan, values) + "' is not a valid scenario: " + e.problem());
  }
}

void check_candidates(const Plan& plan) {
  const ScratchFolder folder;
  const std::vector<std::size_t> free = plan.free_variables();
  std::vector<double> low;
  for (const std::size_t i : free)
    low.push_back(plan.variables[i].min);
  (void)read_candidate(plan, full_values(plan, low), 0, folder);
  for (std::size_t j = 0; j < free.size(); ++j) {
    std::vector<double> point = low;
    point[j] = plan.variables[free[j]].max;
    (void)read_candidate(plan, full_values(plan, point), j + 1, folder);
  }
}

}  // namespace sim::optimize

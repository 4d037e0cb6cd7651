#include "sim/optimize/plan.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace sim::optimize {

double Variable::snapped(double value) const {
  double v = std::clamp(value, min, max);
  if (kind == VariableKind::kWeeks) v = std::clamp(std::round(v), min, max);
  if (kind == VariableKind::kChoice) v = v >= 0.5 * (min + max) ? max : min;
  return v;
}

std::string Goal::describe() const {
  char text[64];
  if (quantile >= 0.0) {
    std::snprintf(text, sizeof text, "%g%% quantile", 100.0 * quantile);
  } else {
    std::snprintf(text, sizeof text, "mean");
  }
  if (from_week > 0 && from_week < week) {
    return std::string(text) + " of " + metric + " over weeks " + std::to_string(from_week) + "-" +
           std::to_string(week);
  }
  return std::string(text) + " of " + metric + " at week " + std::to_string(week);
}

std::vector<std::size_t> Plan::free_variables() const {
  std::vector<std::size_t> free;
  for (std::size_t i = 0; i < variables.size(); ++i) {
    if (variables[i].free()) free.push_back(i);
  }
  return free;
}

std::size_t Plan::platform_index(const std::string& name) const {
  for (std::size_t k = 0; k < platforms.size(); ++k) {
    if (platforms[k] == name) return k;
  }
  return platforms.size();
}

const Variable* Plan::find(const std::string& name) const {
  for (const Variable& v : variables) {
    if (v.name == name) return &v;
  }
  return nullptr;
}

}  // namespace sim::optimize

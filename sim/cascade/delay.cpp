// Delay draws keyed by (cascade, arc): the delay of an arc is the same whichever node reaches
// it first or in which order a search settles nodes. Parsing of "fixed:H", "exp:H" and
// "lognormal:H,SIGMA" and the range checks live here too.

#include "sim/cascade/delay.hpp"

#include <array>
#include <cmath>
#include <string_view>

#include "sim/rng/distributions.hpp"
#include "sim/util/did_you_mean.hpp"
#include "sim/util/error.hpp"
#include "sim/util/parse_number.hpp"

namespace sim::cascade {
namespace {

double hours_value(const std::string& text, const util::InputLocation& where) {
  const auto value = util::parse_real(text);
  if (!value) throw util::InputError(where, "'" + text + "' is not a number");
  return *value;
}

}  // namespace

double DelayModel::hours_for(const CascadeKey& key, graph::ArcIndex arc) const {
  rng::RandomStream draws(key.run, key.at(rng::Stream::kCascadeDelay, arc));
  switch (kind) {
    case Kind::kNone:
      return 0.0;
    case Kind::kFixed:
      return hours;
    case Kind::kExponential:
      return rng::exponential(draws, 1.0 / hours);
    case Kind::kLognormal:
      return rng::lognormal(draws, std::log(hours), sigma);
  }
  return 0.0;
}

void DelayModel::validate() const {
  if (kind == Kind::kNone) return;
  if (!(hours > 0.0 && std::isfinite(hours))) {
    throw util::InputError({"", 0, "delay"}, "delay hours must be positive and finite");
  }
  if (kind == Kind::kLognormal && !(sigma >= 0.0 && std::isfinite(sigma))) {
    throw util::InputError({"", 0, "delay"}, "log-normal sigma must be >= 0 and finite");
  }
}

std::string DelayModel::describe() const {
  switch (kind) {
    case Kind::kNone:
      return "none";
    case Kind::kFixed:
      return "fixed " + std::to_string(hours) + " h";
    case Kind::kExponential:
      return "exponential, mean " + std::to_string(hours) + " h";
    case Kind::kLognormal:
      return "log-normal, median " + std::to_string(hours) + " h, sigma " + std::to_string(sigma);
  }
  return {};
}

DelayModel parse_delay(const std::string& text) {
  const util::InputLocation where{text, 0, "delay"};
  const auto colon = text.find(':');
  const std::string name = text.substr(0, colon);
  const std::string args = colon == std::string::npos ? "" : text.substr(colon + 1);
  DelayModel model;
  if (name == "fixed") {
    model.kind = DelayModel::Kind::kFixed;
  } else if (name == "exp") {
    model.kind = DelayModel::Kind::kExponential;
  } else if (name == "lognormal") {
    model.kind = DelayModel::Kind::kLognormal;
  } else {
    constexpr std::array<std::string_view, 3> kNames{"fixed", "exp", "lognormal"};
    throw util::InputError(
        where, "unknown delay distribution '" + name + "'" + util::suggestion_suffix(name, kNames));
  }
  const auto comma = args.find(',');
  if (args.empty()) throw util::InputError(where, "missing hours after '" + name + ":'");
  model.hours = hours_value(args.substr(0, comma), where);
  if (model.kind == DelayModel::Kind::kLognormal) {
    if (comma == std::string::npos) throw util::InputError(where, "lognormal needs MEDIAN,SIGMA");
    model.sigma = hours_value(args.substr(comma + 1), where);
  } else if (comma != std::string::npos) {
    throw util::InputError(where, "'" + name + "' takes one value");
  }
  model.validate();
  return model;
}

}  // namespace sim::cascade

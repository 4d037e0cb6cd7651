#pragma once
/// A Bernoulli decision that hands its uniform on: the device that lets one draw serve a chain of
/// decisions in the weekly step.

namespace sim::model {

/// A Bernoulli(p) decision on uniform u, and a fresh uniform for the next decision: given the
/// outcome, u is uniform on [0, p) or [p, 1), and rescaling that interval to [0, 1) gives a
/// uniform independent of the outcome. One draw thus serves a chain of decisions (leave, then
/// delete; adopt or stay, then follow the organisation) without a second Philox block. The
/// rescaled uniform is computed only when a next decision asks for it.
struct Decision {
  Decision(double uniform, double probability)
      : u(uniform), p(probability), happened(probability >= 1.0 || uniform < probability) {}
  double next_uniform() const {
    if (p >= 1.0 || p <= 0.0) return u;
    return happened ? u / p : (u - p) / (1.0 - p);
  }
  double u;
  double p;
  bool happened;
};

}  // namespace sim::model

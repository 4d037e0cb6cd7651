#pragma once
/// Wall-clock facts of an execution (provenance and progress, never results): a steady clock in
/// seconds and the current UTC time.

#include <string>

namespace sim::util {

/// Seconds on a steady clock since an arbitrary epoch.
double now_seconds();

/// Seconds elapsed since `start` (a value of now_seconds()).
double seconds_since(double start);

/// The current time as an ISO 8601 UTC string ("2026-12-02T01:00:00Z").
std::string utc_now();

}  // namespace sim::util

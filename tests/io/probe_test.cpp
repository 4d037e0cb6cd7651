// The probe of an input file in a child process: a probe that succeeds returns, one that throws an
// InputError passes its file, line, key and message on, one that crashes or hangs becomes one
// InputError naming the file, and the parent never dies or waits past the limit.

#include "sim/io/probe.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <string>

#include "sim/util/error.hpp"

namespace sim::io {
namespace {

std::string error_of(const std::function<void()>& probe, int limit_ms = kProbeLimitMilliseconds) {
  try {
    probe_input("input.h5", probe, limit_ms);
  } catch (const util::InputError& e) {
    return e.what();
  }
  return "";
}

TEST(Probe, ASuccessfulProbeReturns) {
  EXPECT_NO_THROW(probe_input("input.h5", [] {}));
}

TEST(Probe, AnInputErrorKeepsItsFileLineAndKey) {
  const std::string message = error_of([] {
    throw util::InputError({"other.toml", 7, "platforms.x"}, "is out of range");
  });
  EXPECT_NE(message.find("other.toml"), std::string::npos) << message;
  EXPECT_NE(message.find("7"), std::string::npos) << message;
  EXPECT_NE(message.find("platforms.x"), std::string::npos) << message;
  EXPECT_NE(message.find("is out of range"), std::string::npos) << message;
}

TEST(Probe, ACrashInTheChildIsADamagedFile) {
  // An abort (an HDF5 assertion) and a segmentation fault. Under AddressSanitizer the fault ends
  // the child with an exit code instead of the signal; either way the file is damaged.
  for (void (*crash)() : {+[] { std::abort(); }, +[] { std::raise(SIGSEGV); }}) {
    const std::string message = error_of(crash);
    EXPECT_NE(message.find("input.h5"), std::string::npos) << message;
    EXPECT_NE(message.find("damaged HDF5 file: the HDF5 library failed reading it"),
              std::string::npos)
        << message;
  }
#ifndef __SANITIZE_ADDRESS__
  EXPECT_NE(error_of([] { std::raise(SIGSEGV); }).find("(signal 11)"), std::string::npos);
#endif
}

TEST(Probe, AHangingChildIsKilledAtTheLimit) {
  const auto start = std::chrono::steady_clock::now();
  const std::string message = error_of([] { ::sleep(30); }, 200);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_NE(message.find("input.h5"), std::string::npos) << message;
  EXPECT_NE(message.find("did not finish within 0.2 s"), std::string::npos) << message;
  // Not a timing benchmark: only that the parent did not wait for the 30 s child.
  EXPECT_LT(seconds, 20.0);
}

}  // namespace
}  // namespace sim::io

// The child reports an error message through a pipe and its outcome through its exit code:
// 0 done, 2 an InputError (file, line, key and problem, separated by 0x1f), 3 another exception
// (its message). It leaves with
// _exit, so no exit handler or buffered output of the parent runs twice.

#include "sim/io/probe.hpp"

#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <optional>
#include <vector>

#include "sim/util/error.hpp"

namespace sim::io {
namespace {

constexpr int kProbeInputError = 2;
constexpr int kProbeOtherError = 3;

[[noreturn]] void run_child(int pipe_out, const std::function<void()>& probe) {
  int code = 0;
  std::string message;
  try {
    probe();
  } catch (const util::InputError& e) {
    code = kProbeInputError;
    const char separator = '\x1f';
    message = e.where().file + separator + std::to_string(e.where().line) + separator +
              e.where().key + separator + e.problem();
  } catch (const std::exception& e) {
    code = kProbeOtherError;
    message = e.what();
  } catch (...) {
    code = kProbeOtherError;
    message = "unknown error";
  }
  std::size_t written = 0;
  while (written < message.size()) {
    const ssize_t n = ::write(pipe_out, message.data() + written, message.size() - written);
    if (n <= 0) break;
    written += static_cast<std::size_t>(n);
  }
  ::_exit(code);
}

/// What the child wrote until it closed the pipe; nothing when it did not within `limit_ms`.
std::optional<std::string> read_all(int pipe_in, int limit_ms) {
  std::string text;
  char buffer[4096];
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(limit_ms);
  while (true) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    pollfd ready{.fd = pipe_in, .events = POLLIN, .revents = 0};
    const int polled = ::poll(&ready, 1, static_cast<int>(std::max<long long>(0, left.count())));
    if (polled == 0) return std::nullopt;
    if (polled < 0) {
      if (errno == EINTR) continue;
      return text;
    }
    const ssize_t n = ::read(pipe_in, buffer, sizeof buffer);
    if (n > 0) {
      text.append(buffer, static_cast<std::size_t>(n));
    } else if (n == 0 || errno != EINTR) {
      return text;
    }
  }
}

}  // namespace

void probe_input(const std::string& path, const std::function<void()>& probe, int limit_ms) {
  int channel[2];
  if (::pipe(channel) != 0) throw util::Error(std::string("pipe: ") + std::strerror(errno));
  const pid_t child = ::fork();
  if (child < 0) {
    ::close(channel[0]);
    ::close(channel[1]);
    throw util::Error(std::string("fork: ") + std::strerror(errno));
  }
  if (child == 0) {
    ::close(channel[0]);
    run_child(channel[1], probe);
  }
  ::close(channel[1]);
  const std::optional<std::string> written = read_all(channel[0], limit_ms);
  ::close(channel[0]);
  const bool timed_out = !written;
  if (timed_out) ::kill(child, SIGKILL);
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  if (timed_out) {
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%g s", limit_ms / 1000.0);
    throw util::InputError(
        {.file = path},
        std::string("damaged HDF5 file: reading it did not finish within ") + seconds);
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return;
  const std::string& message = *written;
  if (WIFEXITED(status) && WEXITSTATUS(status) == kProbeInputError) {
    std::vector<std::string> parts;
    std::size_t begin = 0;
    for (int i = 0; i < 3; ++i) {
      const std::size_t end = message.find('\x1f', begin);
      if (end == std::string::npos) break;
      parts.push_back(message.substr(begin, end - begin));
      begin = end + 1;
    }
    if (parts.size() != 3) throw util::InputError({.file = path}, message);
    throw util::InputError({parts[0], std::strtoull(parts[1].c_str(), nullptr, 10), parts[2]},
                           message.substr(begin));
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == kProbeOtherError) {
    throw util::InputError({.file = path}, "damaged or not a Trek file: " + message);
  }
  const std::string how = WIFSIGNALED(status) ? "signal " + std::to_string(WTERMSIG(status))
                                              : "exit code " + std::to_string(WEXITSTATUS(status));
  throw util::InputError({.file = path},
                         "damaged HDF5 file: the HDF5 library failed reading it (" + how + ")");
}

}  // namespace sim::io

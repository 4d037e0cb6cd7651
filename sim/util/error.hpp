#pragma once
/// Error types thrown by the core library. The command line maps them to exit codes:
/// InputError (bad scenario, graph, spec or command line) to 2, every other Error to 1.

#include <cstdint>
#include <stdexcept>
#include <string>

namespace sim::util {

/// A run-time failure that is not the user's input: I/O, HDF5, resources (exit code 1).
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Where a piece of bad input was found. Empty fields are left out of the message.
struct InputLocation {
  std::string file;        ///< file name or spec text, as the user gave it
  std::uint64_t line = 0;  ///< 1-based line number; 0 when not line based
  std::string key;         ///< key, field or dataset at fault
};

/// Invalid input (exit code 2). what() is one line: "FILE:LINE: key 'K': problem".
class InputError : public Error {
 public:
  InputError(InputLocation where, const std::string& problem);
  explicit InputError(const std::string& problem) : InputError(InputLocation{}, problem) {}

  const InputLocation& where() const { return where_; }
  const std::string& problem() const { return problem_; }

 private:
  InputLocation where_;
  std::string problem_;
};

/// A failed system call with its errno, for callers that tell the user what happened (a full
/// disk) in their own words (exit code 1).
class SystemError : public Error {
 public:
  SystemError(int code, const std::string& message) : Error(message), code_(code) {}
  int code() const { return code_; }

 private:
  int code_;
};

}  // namespace sim::util

#pragma once
/// Writing an output file so that nothing is ever lost: a kill or a full disk at any moment leaves
/// the old file intact, two processes never write the same output at once, and an output never
/// replaces an input, a folder or anything that is not a regular file.
///
/// The content goes to a temporary file `.NAME.partial-PID` beside the target. It replaces the
/// target only when the writer returned, every byte reached the disk (fsync) and the rename
/// succeeded; then the folder is synced too. While writing, the process holds an exclusive lock
/// on `.NAME.lock`, so a second writer of the same path is refused at once; under that lock, any
/// `.NAME.partial-*` left by a killed process is removed.

#include <functional>
#include <string>
#include <vector>

namespace sim::io {

struct OutputPolicy {
  bool replace = false;             ///< --force: an existing regular file may be replaced
  std::vector<std::string> inputs;  ///< files the command reads: never overwritten
};

/// Checks made before anything runs: InputError (exit code 2) when `path` is empty, a folder or
/// not a regular file, exists without `replace`, is one of the inputs, or lies in a folder that
/// is missing or not writable.
void check_output(const std::string& path, const OutputPolicy& policy = {});

/// Calls write(temporary_path), makes it durable, then renames it to `path`. If anything fails
/// the temporary file is removed, `path` is untouched and the exception propagates; a full disk
/// becomes util::Error "no space left on device while writing PATH". Checks `path` as
/// check_output does, and refuses (InputError) while another process writes the same path.
void write_atomically(const std::string& path, const std::function<void(const std::string&)>& write,
                      const OutputPolicy& policy = {.replace = true});

/// The message for a failed write of `path` with errno `code` ("no space left on device while
/// writing PATH").
std::string write_failure(const std::string& path, int code);

/// Flushes a file written through the C library or a stream to disk; util::SystemError with
/// the errno when that fails.
void sync_file(const std::string& path);

}  // namespace sim::io

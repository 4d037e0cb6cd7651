#pragma once
/// Writing a file so that a kill at any moment leaves the old file intact: the content goes to a
/// temporary file beside the target, which is renamed over the target only when complete.

#include <filesystem>
#include <functional>
#include <string>

namespace sim::io {

/// Calls write(temporary_path), then renames the temporary file to `path`. If write throws, the
/// temporary file is removed and the exception propagates; `path` is untouched.
void write_atomically(const std::string& path,
                      const std::function<void(const std::string&)>& write);

}  // namespace sim::io

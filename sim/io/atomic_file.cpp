// Atomic, durable, exclusive output files (see the header for the protocol). The lock file is
// taken with flock and re-checked against the path after locking: a process that unlinked it
// in between leaves the lock on an orphaned inode, and the newcomer must retry on the new file.

#include "sim/io/atomic_file.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "sim/util/error.hpp"

namespace sim::io {
namespace {

namespace fs = std::filesystem;

fs::path folder_of(const fs::path& target) {
  return target.has_parent_path() ? target.parent_path() : fs::path(".");
}

fs::path beside(const fs::path& target, const std::string& suffix) {
  return folder_of(target) / ("." + target.filename().string() + suffix);
}

/// An exclusive flock on `.NAME.lock`, released and unlinked by the destructor.
class OutputLock {
 public:
  explicit OutputLock(const fs::path& target) : path_(beside(target, ".lock")) {
    for (int attempt = 0; attempt < 100; ++attempt) {
      descriptor_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
      if (descriptor_ < 0) {
        throw util::Error(path_.string() +
                          ": cannot create the lock file: " + std::strerror(errno));
      }
      if (::flock(descriptor_, LOCK_EX | LOCK_NB) != 0) {
        ::close(descriptor_);
        descriptor_ = -1;
        throw util::InputError({.file = target.string()},
                               "another trek process is writing this file; wait for it to end");
      }
      struct stat held {
      }, named{};
      if (::fstat(descriptor_, &held) == 0 && ::stat(path_.c_str(), &named) == 0 &&
          held.st_ino == named.st_ino && held.st_dev == named.st_dev) {
        return;
      }
      ::close(descriptor_);  // the file was unlinked by its previous holder: take the new one
      descriptor_ = -1;
    }
    throw util::Error(path_.string() + ": cannot take the lock");
  }
  OutputLock(const OutputLock&) = delete;
  OutputLock& operator=(const OutputLock&) = delete;
  ~OutputLock() {
    ::unlink(path_.c_str());  // while still holding it, so no one can lock the old inode anew
    ::close(descriptor_);
  }

 private:
  fs::path path_;
  int descriptor_ = -1;
};

/// Under the lock no other trek process writes this target: every temporary of it is stale.
void remove_stale_temporaries(const fs::path& target) {
  const std::string prefix = "." + target.filename().string() + ".partial-";
  std::error_code error;
  for (fs::directory_iterator it(folder_of(target), error), end; !error && it != end;
       it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    const std::string pid = name.substr(prefix.size());
    if (pid.empty() || pid.find_first_not_of("0123456789") != std::string::npos) continue;
    std::error_code ignored;
    fs::remove(it->path(), ignored);
  }
}

void sync_descriptor(int descriptor, const std::string& path) {
  if (::fsync(descriptor) != 0 && errno != EINVAL && errno != EROFS) {
    const int code = errno;
    ::close(descriptor);
    throw util::SystemError(code, write_failure(path, code));
  }
}

void sync_folder(const fs::path& folder) {
  const int descriptor = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (descriptor < 0) return;  // not every file system lets a folder be opened: best effort
  sync_descriptor(descriptor, folder.string());
  ::close(descriptor);
}

bool same_file(const fs::path& a, const std::string& b) {
  std::error_code error;
  return fs::equivalent(a, b, error) && !error;
}

}  // namespace

std::string write_failure(const std::string& path, int code) {
  switch (code) {
    case ENOSPC:
      return "no space left on device while writing " + path;
    case EDQUOT:
      return "disk quota exceeded while writing " + path;
    case EFBIG:
      return "file size limit exceeded while writing " + path;
    default:
      return std::string(std::strerror(code)) + " while writing " + path;
  }
}

void sync_file(const std::string& path) {
  const int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (descriptor < 0) throw util::SystemError(errno, write_failure(path, errno));
  sync_descriptor(descriptor, path);
  ::close(descriptor);
}

void check_output(const std::string& path, const OutputPolicy& policy) {
  const util::InputLocation where{path, 0, "--output"};
  if (path.empty()) throw util::InputError({.key = "--output"}, "the output file name is empty");
  std::error_code error;
  const fs::file_status status = fs::symlink_status(path, error);
  const bool exists = status.type() != fs::file_type::not_found && !error;
  if (status.type() == fs::file_type::directory) throw util::InputError(where, "is a folder");
  for (const std::string& input : policy.inputs) {
    if (exists && same_file(path, input)) {
      throw util::InputError(where, "is an input of this command; write elsewhere");
    }
  }
  if (exists && status.type() != fs::file_type::regular) {
    throw util::InputError(where, "exists and is not a regular file; it is never replaced");
  }
  if (exists && !policy.replace) throw util::InputError(where, "exists; use --force to replace it");
  const fs::path folder = folder_of(path);
  if (!fs::is_directory(folder, error)) {
    throw util::InputError(where, "the output folder does not exist");
  }
  if (::access(folder.c_str(), W_OK) != 0) {
    throw util::InputError(where, "the output folder is not writable");
  }
  if (fs::path(path).filename().string().size() > 200) {
    throw util::InputError(where, "the file name is longer than 200 characters");
  }
}

void write_atomically(const std::string& path, const std::function<void(const std::string&)>& write,
                      const OutputPolicy& policy) {
  check_output(path, policy);
  const fs::path target(path);
  const OutputLock lock(target);
  remove_stale_temporaries(target);
  check_output(path, policy);  // another process may have finished it before we locked
  const fs::path temporary = beside(target, ".partial-" + std::to_string(::getpid()));
  try {
    write(temporary.string());
    sync_file(temporary.string());
    fs::rename(temporary, target);
    sync_folder(folder_of(target));
  } catch (const util::SystemError& e) {
    std::error_code ignored;
    fs::remove(temporary, ignored);
    throw util::Error(write_failure(path, e.code()));
  } catch (...) {
    std::error_code ignored;
    fs::remove(temporary, ignored);
    throw;
  }
}

}  // namespace sim::io

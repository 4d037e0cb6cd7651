#include "sim/util/input_file.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "sim/util/did_you_mean.hpp"
#include "sim/util/error.hpp"

namespace sim::util {
namespace {

namespace fs = std::filesystem;

/// " (did you mean 'FOLDER/NAME'?)" for the closest file name in the path's folder, or "".
std::string nearest_file(const fs::path& path) {
  const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
  std::error_code error;
  std::vector<std::string> names;
  for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
    names.push_back(it->path().filename().string());
    if (names.size() > 10000) break;  // a huge folder: no suggestion is better than a slow one
  }
  const std::vector<std::string_view> candidates(names.begin(), names.end());
  const std::string best = closest_match(path.filename().string(), candidates);
  if (best.empty()) return "";
  return " (did you mean '" + (folder / best).lexically_normal().string() + "'?)";
}

}  // namespace

bool path_exists(const std::string& path) noexcept {
  std::error_code error;
  return fs::exists(path, error) && !error;
}

void check_input_file(const std::string& path) {
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  if (path.empty()) throw InputError("an input file name is empty");
  if (status.type() == fs::file_type::not_found) {
    throw InputError({.file = path}, "does not exist" + nearest_file(path));
  }
  if (error) throw InputError({.file = path}, "cannot be read: " + error.message());
  if (status.type() == fs::file_type::directory) throw InputError({.file = path}, "is a folder");
  if (status.type() != fs::file_type::regular) {
    throw InputError({.file = path}, "is not a regular file");
  }
}

std::string read_input_file(const std::string& path, std::size_t max_bytes) {
  check_input_file(path);
  std::error_code error;
  const auto size = fs::file_size(path, error);
  if (error) throw InputError({.file = path}, "cannot be read: " + error.message());
  if (size > max_bytes) {
    throw InputError({.file = path}, "is " + std::to_string(size) + " bytes; at most " +
                                         std::to_string(max_bytes) + " are read");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError({.file = path}, "cannot be opened for reading");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw InputError({.file = path}, "could not be read to the end");
  return text.str();
}

std::string beside(const std::string& file, const std::string& path) {
  // operator/ keeps an absolute right-hand side as it is.
  return (std::filesystem::path(file).parent_path() / path).lexically_normal().string();
}

}  // namespace sim::util

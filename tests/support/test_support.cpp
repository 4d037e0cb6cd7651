#include "support/test_support.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace sim::test {

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  root_ = std::filesystem::temp_directory_path() /
          ("trek-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::create_directories(root_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(root_, ignored);
}

void with_threads(int threads, const std::function<void()>& body) {
  const tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                                  static_cast<std::size_t>(threads));
  tbb::task_arena arena(threads);
  arena.execute(body);
}

std::string shared_dir() {
  const char* override_dir = std::getenv("TREK_SHARED");
  const std::string dir = override_dir != nullptr ? override_dir : TREK_SHARED_DIR;
  return std::filesystem::is_directory(dir + "/data") ? dir : "";
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string Files::write(const std::string& name, const std::string& text) const {
  write_text(dir.path(name), text);
  return dir.path(name);
}

void write_text(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path);
}

bool identical(const graph::Graph& a, const graph::Graph& b) {
  const auto& x = a.boost_graph();
  const auto& y = b.boost_graph();
  return x.m_forward.m_rowstart == y.m_forward.m_rowstart &&
         x.m_forward.m_column == y.m_forward.m_column &&
         x.m_backward.m_rowstart == y.m_backward.m_rowstart &&
         x.m_backward.m_column == y.m_backward.m_column &&
         x.m_backward.m_edge_properties == y.m_backward.m_edge_properties &&
         a.attributes().segment == b.attributes().segment &&
         a.attributes().external_id == b.attributes().external_id &&
         a.attributes().community == b.attributes().community;
}

CommandResult run_trek(const std::string& arguments, bool with_stderr,
                       const std::string& shell_prefix) {
  const std::string command = shell_prefix + std::string(TREK_BINARY) + " " + arguments +
                              (with_stderr ? " 2>&1" : " 2>/dev/null");
  CommandResult result;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buffer{};
  while (fgets(buffer.data(), buffer.size(), pipe) != nullptr)
    result.output += buffer.data();
  const int status = pclose(pipe);
  result.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

}  // namespace sim::test

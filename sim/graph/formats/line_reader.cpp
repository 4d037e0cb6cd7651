#include "sim/graph/formats/line_reader.hpp"

#include <cstring>
#include <filesystem>

#include "sim/util/error.hpp"

namespace sim::graph::formats {
namespace {
constexpr std::size_t kBufferBytes = 1 << 20;
}

LineReader::LineReader(const std::string& path) : path_(path), buffer_(kBufferBytes) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    throw util::InputError({.file = path}, "no such file");
  }
  file_ = gzopen(path.c_str(), "rb");
  if (file_ == nullptr) throw util::InputError({.file = path}, "cannot open the file");
  gzbuffer(file_, 1 << 17);
}

LineReader::~LineReader() {
  if (file_ != nullptr) gzclose(file_);
}

bool LineReader::refill() {
  if (eof_) return false;
  const int got = gzread(file_, buffer_.data(), static_cast<unsigned>(buffer_.size()));
  int code = Z_OK;
  const char* message = gzerror(file_, &code);
  if (got < 0 || (code != Z_OK && code != Z_STREAM_END)) {
    const std::string why = code == Z_BUF_ERROR ? "the compressed file is truncated"
                                                : std::string("read error: ") + message;
    throw util::InputError({.file = path_, .line = line_number_ + 1}, why);
  }
  begin_ = 0;
  end_ = static_cast<std::size_t>(got);
  if (got == 0) eof_ = true;
  return got > 0;
}

bool LineReader::next(std::string_view& line) {
  carry_.clear();
  while (true) {
    if (begin_ == end_ && !refill()) {
      if (carry_.empty()) return false;
      ++line_number_;
      line = carry_;
      return true;
    }
    const char* start = buffer_.data() + begin_;
    const auto* newline = static_cast<const char*>(std::memchr(start, '\n', end_ - begin_));
    if (newline == nullptr) {
      carry_.append(start, end_ - begin_);
      begin_ = end_;
      continue;
    }
    const auto length = static_cast<std::size_t>(newline - start);
    begin_ += length + 1;
    ++line_number_;
    if (carry_.empty()) {
      line = std::string_view(start, length);
    } else {
      carry_.append(start, length);
      line = carry_;
    }
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return true;
  }
}

}  // namespace sim::graph::formats

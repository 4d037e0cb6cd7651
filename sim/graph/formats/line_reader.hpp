#pragma once
/// Reads a text file line by line through zlib, which passes plain files through unchanged and
/// decompresses gzip streams; detects truncated and corrupt gzip data.

#include <zlib.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sim::graph::formats {

class LineReader {
 public:
  /// Throws util::InputError when the file cannot be opened.
  explicit LineReader(const std::string& path);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  /// The next line without its end-of-line characters; false at the end of the file.
  /// Throws util::InputError on a read error or a damaged gzip stream.
  bool next(std::string_view& line);

  /// 1-based number of the line last returned.
  std::uint64_t line_number() const { return line_number_; }

 private:
  bool refill();

  std::string path_;
  gzFile file_ = nullptr;
  std::vector<char> buffer_;
  std::size_t begin_ = 0, end_ = 0;
  bool eof_ = false;
  std::uint64_t line_number_ = 0;
  std::string carry_;
};

}  // namespace sim::graph::formats

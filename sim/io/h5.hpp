#pragma once
/// A small RAII layer over the HDF5 C API: every handle closes itself, every call is checked, and a
/// failure becomes util::Error carrying the innermost message of HDF5's error stack.

#include <hdf5.h>

#include <cstdint>
#include <new>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "sim/util/error.hpp"

namespace sim::io {

/// Owns one HDF5 identifier and closes it with the matching H5*close.
class Handle {
 public:
  Handle() = default;
  explicit Handle(hid_t id) : id_(id) {}
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  Handle(Handle&& other) noexcept : id_(other.release()) {}
  Handle& operator=(Handle&& other) noexcept;
  ~Handle() { close(); }

  hid_t get() const { return id_; }
  hid_t release() {
    const hid_t id = id_;
    id_ = H5I_INVALID_HID;
    return id;
  }
  bool valid() const { return id_ >= 0; }

 private:
  void close() noexcept;
  hid_t id_ = H5I_INVALID_HID;
};

/// Turns off HDF5's printing of its error stack on the calling thread; our checks report errors
/// instead. Cheap after the first call on a thread; every io function calls it.
void silence_hdf5_errors();

/// Throws util::Error("<what>: <HDF5 message>") when `status` is negative; returns it otherwise.
/// A failed system call underneath (a full disk) gives util::SystemError with its errno.
hid_t check(hid_t status, const std::string& what);

/// Flushes and closes a file written through HDF5, checking both: a write is complete only when
/// this returned. Every dataset and group of the file must be closed before.
void close_file(Handle& file);

/// HDF5 copies a compact dataset's bytes out of its header, and an unfiltered chunk's bytes out
/// of the file, by the shape the header claims, unchecked: util::InputError when a damaged file
/// stores fewer bytes than that (a compact dataset, or any raw chunk, that is too short).
void check_stored_bytes(hid_t dataset, const std::string& name);

/// Claims up to this many bytes are read without the checks below.
inline constexpr std::uint64_t kUncheckedBytes = std::uint64_t{1} << 20;
/// Deflate expands at most 1032-fold; a claim beyond this multiple of the stored bytes is damage.
inline constexpr std::uint64_t kMaxExpansion = 1100;

/// Before a whole dataset of an input file is read into memory: util::InputError when it claims
/// more than kUncheckedBytes (`count` elements of `size` bytes) and either does not store its
/// whole extent (HDF5 would fill the rest) or stores less than 1/kMaxExpansion of the claim (no
/// compression HDF5 writes reaches that). A damaged header would otherwise make the reader
/// allocate and fill it all.
void check_claimed_size(hid_t dataset, std::uint64_t count, std::size_t size,
                        const std::string& name);

/// Maps C++ element types to HDF5 native types.
template <class T>
hid_t native_type();

/// Opens an existing file read-only; throws util::InputError when it is not an HDF5 file.
Handle open_file_read(const std::string& path);
/// Opens an existing file for reading and writing; util::InputError when it is not HDF5.
Handle open_file_write(const std::string& path);
/// A file held in memory only (HDF5's core driver, nothing written to disk), for probes.
Handle create_memory_file();
/// Creates (truncates) a file for writing.
Handle create_file(const std::string& path);

Handle create_group(hid_t parent, const std::string& name);
Handle open_group(hid_t parent, const std::string& name);
bool has_link(hid_t parent, const std::string& name);

/// Writes a 1-D dataset (contiguous layout; chunked + deflate when `compress`).
template <class T>
void write_vector(hid_t parent, const std::string& name, std::span<const T> values,
                  bool compress = false);

/// Number of elements of a 1-D dataset; throws util::Error when it is not 1-D.
std::uint64_t vector_length(hid_t parent, const std::string& name);

/// Reads a whole 1-D dataset, converting to T (HDF5 checks the conversion is lossless-capable).
template <class T>
std::vector<T> read_vector(hid_t parent, const std::string& name);

/// Reads a whole dataset of `count` elements (any rank), converting to T; its storage size is
/// checked against `count` first (a damaged file cannot claim more memory than it holds).
template <class T>
std::vector<T> read_elements(hid_t parent, const std::string& name, std::uint64_t count);

void write_attribute(hid_t object, const std::string& name, const std::string& value);
void write_attribute(hid_t object, const std::string& name, std::uint64_t value);
std::string read_string_attribute(hid_t object, const std::string& name);
std::uint64_t read_uint_attribute(hid_t object, const std::string& name);

/// Checks that `file` (a file or a group) is a Trek file of format `format` at version `version`
/// by its "format" and "version" attributes. InputError naming `path` and the attribute, in
/// words of `kind` ("run results", "comparison", "sweep"), otherwise.
void check_format(const std::string& path, hid_t file, std::string_view format,
                  std::uint64_t version, const std::string& kind);
bool has_attribute(hid_t object, const std::string& name);

/// Runs read() on the HDF5 input `path` and makes every failure of it one line naming the file
/// (util::InputError, exit code 2): a damaged file, a missing or misshapen dataset, a dataset
/// whose claimed size exceeds memory.
template <class Read>
auto read_input(const std::string& path, Read&& read) -> decltype(read()) {
  try {
    return read();
  } catch (const util::SystemError&) {
    throw;  // a failed write of the output (a full disk), not a fault of the input
  } catch (const util::InputError& e) {
    if (!e.where().file.empty()) throw;
    throw util::InputError({path, 0, e.where().key}, e.problem());
  } catch (const util::Error& e) {
    throw util::InputError({.file = path}, std::string("damaged or not a Trek file: ") + e.what());
  } catch (const std::bad_alloc&) {
    throw util::InputError({.file = path}, "damaged: a dataset claims more memory than there is");
  } catch (const std::length_error&) {
    throw util::InputError({.file = path}, "damaged: a dataset claims an impossible size");
  }
}

}  // namespace sim::io

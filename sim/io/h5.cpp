// HDF5 helpers. Errors: HDF5 keeps a per-thread error stack; on a failed call we walk it and keep
// the innermost description, which names the real cause ("file signature not found", ...).

#include "sim/io/h5.hpp"

#include <cstdlib>
#include <string_view>

#include "sim/util/error.hpp"

namespace sim::io {
namespace {

/// What a failed call left on HDF5's error stack: the innermost description, which names the
/// real cause ("file signature not found", ...), and the errno of a failed system call if any.
struct StackReport {
  std::string message;
  int system_error = 0;
};

herr_t read_entry(unsigned depth, const H5E_error2_t* entry, void* data) {
  auto* report = static_cast<StackReport*>(data);
  if (entry->desc == nullptr) return 0;
  const std::string_view desc(entry->desc);
  if (depth == 0) report->message = desc;
  // The file drivers write "..., errno = 28, error message = 'No space left on device', ...".
  const auto at = desc.find("errno = ");
  if (at != std::string_view::npos && report->system_error == 0) {
    report->system_error = std::atoi(std::string(desc.substr(at + 8, 8)).c_str());
  }
  return 0;
}

StackReport stack_report() {
  StackReport report;
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_DOWNWARD, read_entry, &report);
  if (report.message.empty()) report.message = "HDF5 call failed";
  return report;
}

std::string hdf5_message() {
  return stack_report().message;
}

}  // namespace

Handle& Handle::operator=(Handle&& other) noexcept {
  if (this != &other) {
    close();
    id_ = other.release();
  }
  return *this;
}

void Handle::close() noexcept {
  if (id_ < 0) return;
  switch (H5Iget_type(id_)) {
    case H5I_FILE:
      H5Fclose(id_);
      break;
    case H5I_GROUP:
      H5Gclose(id_);
      break;
    case H5I_DATASET:
      H5Dclose(id_);
      break;
    case H5I_DATASPACE:
      H5Sclose(id_);
      break;
    case H5I_DATATYPE:
      H5Tclose(id_);
      break;
    case H5I_ATTR:
      H5Aclose(id_);
      break;
    case H5I_GENPROP_LST:
      H5Pclose(id_);
      break;
    default:
      break;
  }
  id_ = H5I_INVALID_HID;
}

void silence_hdf5_errors() {
  // The library is thread-safe, so each thread has its own error stack and printing setting.
  thread_local bool silent = false;
  if (silent) return;
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  silent = true;
}

hid_t check(hid_t status, const std::string& what) {
  if (status >= 0) return status;
  const StackReport report = stack_report();
  if (report.system_error != 0) {
    throw util::SystemError(report.system_error, what + ": " + report.message);
  }
  throw util::Error(what + ": " + report.message);
}

void close_file(Handle& file) {
  silence_hdf5_errors();
  if (!file.valid()) return;
  check(H5Fflush(file.get(), H5F_SCOPE_GLOBAL), "flushing the file");
  const hid_t id = file.release();
  check(H5Fclose(id), "closing the file");
}

namespace {

/// Bytes of one element as stored and of the whole shape.
std::pair<std::uint64_t, std::size_t> stored_shape(hid_t dataset, const std::string& name) {
  const Handle type(check(H5Dget_type(dataset), "type of " + name));
  const Handle space(check(H5Dget_space(dataset), "dataspace of " + name));
  const hssize_t elements = H5Sget_simple_extent_npoints(space.get());
  const std::size_t element_size = H5Tget_size(type.get());
  if (elements < 0 || element_size == 0) {
    throw util::InputError({.key = name}, "has an unreadable shape: the file is damaged");
  }
  return {static_cast<std::uint64_t>(elements), element_size};
}

[[noreturn]] void short_storage(const std::string& name) {
  throw util::InputError({.key = name},
                         "holds fewer bytes than its shape needs: the file is damaged");
}

/// The extent of one chunk of a chunked dataset, per dimension.
std::vector<hsize_t> chunk_shape(hid_t properties, const std::string& name) {
  const int rank = H5Pget_chunk(properties, 0, nullptr);
  if (rank <= 0 || rank > 32) short_storage(name);
  std::vector<hsize_t> chunk(static_cast<std::size_t>(rank));
  check(H5Pget_chunk(properties, rank, chunk.data()), "chunk shape of " + name);
  return chunk;
}

/// Without filters, every stored chunk holds exactly one chunk's bytes.
void check_raw_chunks(hid_t dataset, hid_t properties, std::size_t element_size,
                      const std::string& name) {
  const std::vector<hsize_t> chunk = chunk_shape(properties, name);
  std::uint64_t chunk_bytes = element_size;
  for (const hsize_t extent : chunk)
    chunk_bytes *= extent;
  const Handle space(check(H5Dget_space(dataset), "dataspace of " + name));
  hsize_t chunks = 0;
  check(H5Dget_num_chunks(dataset, space.get(), &chunks), "chunks of " + name);
  std::vector<hsize_t> offset(chunk.size());
  for (hsize_t i = 0; i < chunks; ++i) {
    unsigned filter_mask = 0;
    haddr_t address = 0;
    hsize_t size = 0;
    check(H5Dget_chunk_info(dataset, space.get(), i, offset.data(), &filter_mask, &address, &size),
          "chunk of " + name);
    if (size != chunk_bytes) short_storage(name);
  }
}

}  // namespace

void check_stored_bytes(hid_t dataset, const std::string& name) {
  const Handle properties(check(H5Dget_create_plist(dataset), "properties of " + name));
  const H5D_layout_t layout = H5Pget_layout(properties.get());
  if (layout != H5D_COMPACT && layout != H5D_CHUNKED) return;  // contiguous reads are bounded
  const auto [elements, element_size] = stored_shape(dataset, name);
  if (layout == H5D_COMPACT) {
    if (H5Dget_storage_size(dataset) < elements * element_size) short_storage(name);
    return;
  }
  // Filtered chunks are decoded into buffers HDF5 sizes itself; raw ones are copied as stored.
  if (H5Pget_nfilters(properties.get()) == 0) {
    check_raw_chunks(dataset, properties.get(), element_size, name);
  }
}

namespace {

/// Chunks a chunked dataset needs to cover its whole extent.
std::uint64_t chunks_needed(hid_t dataset, hid_t properties, const std::string& name) {
  const std::vector<hsize_t> chunk = chunk_shape(properties, name);
  const Handle space(check(H5Dget_space(dataset), "dataspace of " + name));
  std::vector<hsize_t> extent(chunk.size());
  if (H5Sget_simple_extent_ndims(space.get()) != static_cast<int>(chunk.size())) {
    short_storage(name);
  }
  check(H5Sget_simple_extent_dims(space.get(), extent.data(), nullptr), "extent of " + name);
  std::uint64_t needed = 1;
  for (std::size_t d = 0; d < chunk.size(); ++d) {
    if (chunk[d] == 0) short_storage(name);
    needed *= (extent[d] + chunk[d] - 1) / chunk[d];
  }
  return needed;
}

/// True when every byte of the dataset's extent is stored in the file: HDF5 fills the rest with
/// the fill value, so a tiny damaged file could otherwise claim gigabytes of fill.
bool fully_stored(hid_t dataset, const std::string& name) {
  const Handle properties(check(H5Dget_create_plist(dataset), "properties of " + name));
  if (H5Pget_layout(properties.get()) == H5D_CHUNKED) {
    const Handle space(check(H5Dget_space(dataset), "dataspace of " + name));
    hsize_t chunks = 0;
    check(H5Dget_num_chunks(dataset, space.get(), &chunks), "chunks of " + name);
    return chunks == chunks_needed(dataset, properties.get(), name);
  }
  H5D_space_status_t status = H5D_SPACE_STATUS_ERROR;
  check(H5Dget_space_status(dataset, &status), "storage of " + name);
  return status == H5D_SPACE_STATUS_ALLOCATED;
}

/// The bytes the dataset stores, at most the file's size (a damaged chunk index can claim more).
std::uint64_t stored_bytes(hid_t dataset, const std::string& name) {
  const Handle file(check(H5Iget_file_id(dataset), "file of " + name));
  hsize_t file_size = 0;
  check(H5Fget_filesize(file.get(), &file_size), "size of the file holding " + name);
  return std::min<std::uint64_t>(H5Dget_storage_size(dataset), file_size);
}

}  // namespace

void check_claimed_size(hid_t dataset, std::uint64_t count, std::size_t size,
                        const std::string& name) {
  check_stored_bytes(dataset, name);
  if (size > 0 && count > UINT64_MAX / size) {
    throw util::InputError({.key = name}, "claims an impossible size: the file is damaged");
  }
  const std::uint64_t bytes = count * size;
  if (bytes <= kUncheckedBytes) return;
  if (!fully_stored(dataset, name)) {
    throw util::InputError({.key = name}, "claims " + std::to_string(bytes) +
                                              " bytes but stores only part: the file is damaged");
  }
  // The expansion is measured against the stored type: reading bytes as 64-bit words is no
  // compression.
  const auto [elements, element_size] = stored_shape(dataset, name);
  const std::uint64_t stored = stored_bytes(dataset, name);
  if (stored < elements * element_size / kMaxExpansion) {
    throw util::InputError({.key = name}, "claims " + std::to_string(bytes) + " bytes but stores " +
                                              std::to_string(stored) + ": the file is damaged");
  }
}

template <>
hid_t native_type<std::uint8_t>() {
  return H5T_NATIVE_UINT8;
}
template <>
hid_t native_type<std::uint16_t>() {
  return H5T_NATIVE_UINT16;
}
template <>
hid_t native_type<std::uint32_t>() {
  return H5T_NATIVE_UINT32;
}
template <>
hid_t native_type<std::uint64_t>() {
  return H5T_NATIVE_UINT64;
}
template <>
hid_t native_type<std::int64_t>() {
  return H5T_NATIVE_INT64;
}
template <>
hid_t native_type<double>() {
  return H5T_NATIVE_DOUBLE;
}

namespace {

/// Opens an existing HDF5 file with `flags`; util::InputError when it is not one or is damaged.
Handle open_existing(const std::string& path, unsigned flags) {
  silence_hdf5_errors();
  if (H5Fis_hdf5(path.c_str()) <= 0) {
    throw util::InputError({.file = path}, "not an HDF5 file (or not readable)");
  }
  const hid_t file = H5Fopen(path.c_str(), flags, H5P_DEFAULT);
  if (file < 0) {
    throw util::InputError({.file = path}, "damaged or truncated HDF5 file: " + hdf5_message());
  }
  return Handle(file);
}

}  // namespace

Handle open_file_read(const std::string& path) {
  return open_existing(path, H5F_ACC_RDONLY);
}

Handle open_file_write(const std::string& path) {
  return open_existing(path, H5F_ACC_RDWR);
}

Handle create_memory_file() {
  silence_hdf5_errors();
  const Handle access(check(H5Pcreate(H5P_FILE_ACCESS), "file access properties"));
  check(H5Pset_fapl_core(access.get(), std::size_t{1} << 20, 0), "in-memory driver");
  return Handle(check(H5Fcreate("trek-probe.h5", H5F_ACC_TRUNC, H5P_DEFAULT, access.get()),
                      "creating an in-memory file"));
}

Handle create_file(const std::string& path) {
  silence_hdf5_errors();
  return Handle(
      check(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), "creating " + path));
}

Handle create_group(hid_t parent, const std::string& name) {
  silence_hdf5_errors();
  return Handle(check(H5Gcreate2(parent, name.c_str(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
                      "creating group " + name));
}

Handle open_group(hid_t parent, const std::string& name) {
  silence_hdf5_errors();
  return Handle(check(H5Gopen2(parent, name.c_str(), H5P_DEFAULT), "opening group " + name));
}

bool has_link(hid_t parent, const std::string& name) {
  silence_hdf5_errors();
  return H5Lexists(parent, name.c_str(), H5P_DEFAULT) > 0;
}

template <class T>
void write_vector(hid_t parent, const std::string& name, std::span<const T> values, bool compress) {
  silence_hdf5_errors();
  const hsize_t length = values.size();
  Handle space(check(H5Screate_simple(1, &length, nullptr), "dataspace for " + name));
  Handle properties(check(H5Pcreate(H5P_DATASET_CREATE), "properties for " + name));
  if (compress && length > 0) {
    const hsize_t chunk = std::min<hsize_t>(length, 1 << 16);
    check(H5Pset_chunk(properties.get(), 1, &chunk), "chunking " + name);
    check(H5Pset_shuffle(properties.get()), "shuffle filter for " + name);
    check(H5Pset_deflate(properties.get(), 4), "deflate filter for " + name);
  }
  Handle dataset(check(H5Dcreate2(parent, name.c_str(), native_type<T>(), space.get(), H5P_DEFAULT,
                                  properties.get(), H5P_DEFAULT),
                       "creating dataset " + name));
  if (length > 0) {
    check(H5Dwrite(dataset.get(), native_type<T>(), H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
          "writing dataset " + name);
  }
}

std::uint64_t vector_length(hid_t parent, const std::string& name) {
  silence_hdf5_errors();
  Handle dataset(check(H5Dopen2(parent, name.c_str(), H5P_DEFAULT), "opening dataset " + name));
  Handle space(check(H5Dget_space(dataset.get()), "dataspace of " + name));
  if (H5Sget_simple_extent_ndims(space.get()) != 1) {
    throw util::Error("dataset " + name + " is not one-dimensional");
  }
  hsize_t length = 0;
  check(H5Sget_simple_extent_dims(space.get(), &length, nullptr), "extent of " + name);
  return length;
}

template <class T>
std::vector<T> read_elements(hid_t parent, const std::string& name, std::uint64_t count) {
  silence_hdf5_errors();
  Handle dataset(check(H5Dopen2(parent, name.c_str(), H5P_DEFAULT), "opening dataset " + name));
  check_claimed_size(dataset.get(), count, sizeof(T), name);
  std::vector<T> values(count);
  if (!values.empty()) {
    check(H5Dread(dataset.get(), native_type<T>(), H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
          "reading dataset " + name);
  }
  return values;
}

template <class T>
std::vector<T> read_vector(hid_t parent, const std::string& name) {
  silence_hdf5_errors();
  return read_elements<T>(parent, name, vector_length(parent, name));
}

#define SIM_H5_INSTANTIATE(T)                                                         \
  template void write_vector<T>(hid_t, const std::string&, std::span<const T>, bool); \
  template std::vector<T> read_vector<T>(hid_t, const std::string&);                  \
  template std::vector<T> read_elements<T>(hid_t, const std::string&, std::uint64_t);
SIM_H5_INSTANTIATE(std::uint8_t)
SIM_H5_INSTANTIATE(std::uint16_t)
SIM_H5_INSTANTIATE(std::uint32_t)
SIM_H5_INSTANTIATE(std::uint64_t)
SIM_H5_INSTANTIATE(std::int64_t)
SIM_H5_INSTANTIATE(double)
#undef SIM_H5_INSTANTIATE

void write_attribute(hid_t object, const std::string& name, const std::string& value) {
  silence_hdf5_errors();
  Handle type(check(H5Tcopy(H5T_C_S1), "string type"));
  check(H5Tset_size(type.get(), std::max<std::size_t>(1, value.size())), "string size");
  check(H5Tset_strpad(type.get(), H5T_STR_NULLPAD), "string padding");
  Handle space(check(H5Screate(H5S_SCALAR), "scalar dataspace"));
  Handle attribute(
      check(H5Acreate2(object, name.c_str(), type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT),
            "creating attribute " + name));
  check(H5Awrite(attribute.get(), type.get(), value.data()), "writing attribute " + name);
}

void write_attribute(hid_t object, const std::string& name, std::uint64_t value) {
  silence_hdf5_errors();
  Handle space(check(H5Screate(H5S_SCALAR), "scalar dataspace"));
  Handle attribute(
      check(H5Acreate2(object, name.c_str(), H5T_STD_U64LE, space.get(), H5P_DEFAULT, H5P_DEFAULT),
            "creating attribute " + name));
  check(H5Awrite(attribute.get(), H5T_NATIVE_UINT64, &value), "writing attribute " + name);
}

void check_format(const std::string& path, hid_t file, std::string_view format,
                  std::uint64_t version, const std::string& kind) {
  if (!has_attribute(file, "format") || read_string_attribute(file, "format") != format) {
    throw util::InputError({path, 0, "format"}, "not a Trek " + kind + " file");
  }
  const std::uint64_t found = read_uint_attribute(file, "version");
  if (found != version) {
    throw util::InputError({path, 0, "version"},
                           kind + " format version " + std::to_string(found) +
                               " is not supported (this build reads version " +
                               std::to_string(version) + ")");
  }
}

std::string read_string_attribute(hid_t object, const std::string& name) {
  silence_hdf5_errors();
  Handle attribute(check(H5Aopen(object, name.c_str(), H5P_DEFAULT), "opening attribute " + name));
  Handle type(check(H5Aget_type(attribute.get()), "type of attribute " + name));
  if (H5Tget_class(type.get()) != H5T_STRING || H5Tis_variable_str(type.get()) > 0) {
    throw util::Error("attribute " + name + " is not a fixed-length string");
  }
  std::string value(H5Tget_size(type.get()), '\0');
  check(H5Aread(attribute.get(), type.get(), value.data()), "reading attribute " + name);
  value.resize(value.find('\0') == std::string::npos ? value.size() : value.find('\0'));
  return value;
}

std::uint64_t read_uint_attribute(hid_t object, const std::string& name) {
  silence_hdf5_errors();
  Handle attribute(check(H5Aopen(object, name.c_str(), H5P_DEFAULT), "opening attribute " + name));
  std::uint64_t value = 0;
  check(H5Aread(attribute.get(), H5T_NATIVE_UINT64, &value), "reading attribute " + name);
  return value;
}

bool has_attribute(hid_t object, const std::string& name) {
  silence_hdf5_errors();
  return H5Aexists(object, name.c_str()) > 0;
}

}  // namespace sim::io

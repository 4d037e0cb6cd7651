#include "sim/io/h5_array.hpp"

#include <algorithm>
#include <numeric>

#include "sim/util/error.hpp"

namespace sim::io {
namespace {

hsize_t element_count(const Dims& dims) {
  return std::accumulate(dims.begin(), dims.end(), hsize_t{1}, std::multiplies<>());
}

/// The file space of a dataset with the block at `offset` selected, and a matching memory space.
struct BlockSpaces {
  BlockSpaces(hid_t dataset, const Dims& offset, const Dims& count)
      : file(check(H5Dget_space(dataset), "dataset space")),
        memory(check(H5Screate_simple(static_cast<int>(count.size()), count.data(), nullptr),
                     "memory space")) {
    check(H5Sselect_hyperslab(file.get(), H5S_SELECT_SET, offset.data(), nullptr, count.data(),
                              nullptr),
          "selecting a block");
  }
  Handle file, memory;
};

herr_t collect_name(hid_t, const char* name, const H5L_info_t*, void* data) {
  static_cast<std::vector<std::string>*>(data)->emplace_back(name);
  return 0;
}

}  // namespace

template <class T>
Handle create_array(hid_t parent, const std::string& name, const Dims& dims, const Dims& chunk) {
  silence_hdf5_errors();
  if (dims.size() != chunk.size()) throw util::Error("chunk rank differs for " + name);
  const int rank = static_cast<int>(dims.size());
  Handle space(check(H5Screate_simple(rank, dims.data(), nullptr), "dataspace for " + name));
  Handle properties(check(H5Pcreate(H5P_DATASET_CREATE), "properties for " + name));
  if (element_count(dims) > 0) {
    Dims clamped(chunk);
    for (std::size_t i = 0; i < dims.size(); ++i) {
      clamped[i] = std::clamp<hsize_t>(clamped[i], 1, std::max<hsize_t>(dims[i], 1));
    }
    check(H5Pset_chunk(properties.get(), rank, clamped.data()), "chunking " + name);
    check(H5Pset_shuffle(properties.get()), "shuffle filter for " + name);
    check(H5Pset_deflate(properties.get(), 4), "deflate filter for " + name);
    const T zero{};
    check(H5Pset_fill_value(properties.get(), native_type<T>(), &zero), "fill value of " + name);
  }
  return Handle(check(H5Dcreate2(parent, name.c_str(), native_type<T>(), space.get(), H5P_DEFAULT,
                                 properties.get(), H5P_DEFAULT),
                      "creating dataset " + name));
}

template <class T>
Handle create_fixed_array(hid_t parent, const std::string& name, const Dims& dims, T fill) {
  silence_hdf5_errors();
  const int rank = static_cast<int>(dims.size());
  Handle space(check(H5Screate_simple(rank, dims.data(), nullptr), "dataspace for " + name));
  Handle properties(check(H5Pcreate(H5P_DATASET_CREATE), "properties for " + name));
  check(H5Pset_layout(properties.get(), H5D_CONTIGUOUS), "layout of " + name);
  check(H5Pset_alloc_time(properties.get(), H5D_ALLOC_TIME_EARLY), "allocation of " + name);
  check(H5Pset_fill_time(properties.get(), H5D_FILL_TIME_ALLOC), "fill time of " + name);
  check(H5Pset_fill_value(properties.get(), native_type<T>(), &fill), "fill value of " + name);
  return Handle(check(H5Dcreate2(parent, name.c_str(), native_type<T>(), space.get(), H5P_DEFAULT,
                                 properties.get(), H5P_DEFAULT),
                      "creating dataset " + name));
}

template <class T>
std::vector<T> read_block(hid_t dataset, const Dims& offset, const Dims& count) {
  silence_hdf5_errors();
  std::vector<T> values(element_count(count));
  if (values.empty()) return values;
  check_stored_bytes(dataset, "a dataset");
  const BlockSpaces spaces(dataset, offset, count);
  check(H5Dread(dataset, native_type<T>(), spaces.memory.get(), spaces.file.get(), H5P_DEFAULT,
                values.data()),
        "reading a block");
  return values;
}

Handle open_dataset(hid_t parent, const std::string& name) {
  silence_hdf5_errors();
  return Handle(check(H5Dopen2(parent, name.c_str(), H5P_DEFAULT), "opening dataset " + name));
}

template <class T>
void write_block(hid_t dataset, const Dims& offset, const Dims& count, const T* values) {
  silence_hdf5_errors();
  if (element_count(count) == 0) return;
  const BlockSpaces spaces(dataset, offset, count);
  check(H5Dwrite(dataset, native_type<T>(), spaces.memory.get(), spaces.file.get(), H5P_DEFAULT,
                 values),
        "writing a block");
}

Dims array_dims(hid_t parent, const std::string& name) {
  silence_hdf5_errors();
  Handle dataset(check(H5Dopen2(parent, name.c_str(), H5P_DEFAULT), "opening dataset " + name));
  Handle space(check(H5Dget_space(dataset.get()), "dataspace of " + name));
  const int rank = H5Sget_simple_extent_ndims(space.get());
  if (rank < 0) throw util::Error("dataset " + name + " has no simple shape");
  Dims dims(static_cast<std::size_t>(rank));
  H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr);
  return dims;
}

template <class T>
std::vector<T> read_array(hid_t parent, const std::string& name) {
  silence_hdf5_errors();
  return read_elements<T>(parent, name, element_count(array_dims(parent, name)));
}

std::vector<std::vector<double>> read_rows(hid_t parent, const std::string& name, std::size_t rows,
                                           std::size_t columns) {
  require_dataset(parent, name, H5T_FLOAT, Dims{rows, columns});
  const std::vector<double> flat = read_array<double>(parent, name);
  std::vector<std::vector<double>> out;
  out.reserve(rows);
  for (std::size_t r = 0; r < rows; ++r) {
    out.emplace_back(flat.begin() + static_cast<std::ptrdiff_t>(r * columns),
                     flat.begin() + static_cast<std::ptrdiff_t>((r + 1) * columns));
  }
  return out;
}

void write_rows(hid_t parent, const std::string& name, const std::vector<std::vector<double>>& rows,
                std::size_t columns) {
  std::vector<double> flat;
  flat.reserve(rows.size() * columns);
  for (const auto& row : rows)
    flat.insert(flat.end(), row.begin(), row.end());
  const Dims dims{rows.size(), columns};
  Handle set = create_fixed_array<double>(parent, name, dims, 0.0);
  if (!flat.empty()) write_block<double>(set.get(), {0, 0}, dims, flat.data());
}

#define SIM_H5_ARRAY_INSTANTIATE(T)                                                     \
  template Handle create_array<T>(hid_t, const std::string&, const Dims&, const Dims&); \
  template void write_block<T>(hid_t, const Dims&, const Dims&, const T*);              \
  template Handle create_fixed_array<T>(hid_t, const std::string&, const Dims&, T);     \
  template std::vector<T> read_block<T>(hid_t, const Dims&, const Dims&);               \
  template std::vector<T> read_array<T>(hid_t, const std::string&);
SIM_H5_ARRAY_INSTANTIATE(std::uint8_t)
SIM_H5_ARRAY_INSTANTIATE(std::uint16_t)
SIM_H5_ARRAY_INSTANTIATE(std::uint32_t)
SIM_H5_ARRAY_INSTANTIATE(std::uint64_t)
SIM_H5_ARRAY_INSTANTIATE(double)
#undef SIM_H5_ARRAY_INSTANTIATE

void write_strings(hid_t parent, const std::string& name, const std::vector<std::string>& values) {
  silence_hdf5_errors();
  std::size_t width = 1;
  for (const auto& value : values)
    width = std::max(width, value.size());
  std::string packed(width * values.size(), '\0');
  for (std::size_t i = 0; i < values.size(); ++i)
    values[i].copy(packed.data() + i * width, width);
  Handle type(check(H5Tcopy(H5T_C_S1), "string type"));
  check(H5Tset_size(type.get(), width), "string size");
  check(H5Tset_strpad(type.get(), H5T_STR_NULLPAD), "string padding");
  const hsize_t length = values.size();
  Handle space(check(H5Screate_simple(1, &length, nullptr), "dataspace for " + name));
  Handle dataset(check(H5Dcreate2(parent, name.c_str(), type.get(), space.get(), H5P_DEFAULT,
                                  H5P_DEFAULT, H5P_DEFAULT),
                       "creating dataset " + name));
  if (length > 0) {
    check(H5Dwrite(dataset.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, packed.data()),
          "writing dataset " + name);
  }
}

std::vector<std::string> read_strings(hid_t parent, const std::string& name) {
  silence_hdf5_errors();
  Handle dataset(check(H5Dopen2(parent, name.c_str(), H5P_DEFAULT), "opening dataset " + name));
  Handle type(check(H5Dget_type(dataset.get()), "type of " + name));
  if (H5Tget_class(type.get()) != H5T_STRING || H5Tis_variable_str(type.get()) > 0) {
    throw util::Error("dataset " + name + " is not a fixed-length string list");
  }
  const std::size_t width = H5Tget_size(type.get());
  const Dims dims = array_dims(parent, name);
  if (dims.size() != 1) throw util::Error("dataset " + name + " is not one-dimensional");
  check_claimed_size(dataset.get(), dims[0], width, name);
  std::string packed(width * dims[0], '\0');
  if (!packed.empty()) {
    check(H5Dread(dataset.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, packed.data()),
          "reading dataset " + name);
  }
  std::vector<std::string> values;
  for (hsize_t i = 0; i < dims[0]; ++i) {
    std::string value = packed.substr(i * width, width);
    value.resize(std::min(value.size(), value.find('\0')));
    values.push_back(value);
  }
  return values;
}

void write_attribute(hid_t object, const std::string& name, double value) {
  silence_hdf5_errors();
  Handle space(check(H5Screate(H5S_SCALAR), "scalar dataspace"));
  Handle attribute(
      check(H5Acreate2(object, name.c_str(), H5T_IEEE_F64LE, space.get(), H5P_DEFAULT, H5P_DEFAULT),
            "creating attribute " + name));
  check(H5Awrite(attribute.get(), H5T_NATIVE_DOUBLE, &value), "writing attribute " + name);
}

double read_double_attribute(hid_t object, const std::string& name) {
  silence_hdf5_errors();
  Handle attribute(check(H5Aopen(object, name.c_str(), H5P_DEFAULT), "opening attribute " + name));
  double value = 0;
  check(H5Aread(attribute.get(), H5T_NATIVE_DOUBLE, &value), "reading attribute " + name);
  return value;
}

std::vector<std::string> link_names(hid_t group) {
  silence_hdf5_errors();
  std::vector<std::string> names;
  check(H5Literate(group, H5_INDEX_NAME, H5_ITER_INC, nullptr, collect_name, &names),
        "listing a group");
  return names;
}

namespace {

std::string dims_text(const Dims& dims) {
  std::string text;
  for (const hsize_t extent : dims)
    text += (text.empty() ? "" : " x ") + std::to_string(extent);
  return text.empty() ? "a scalar" : text;
}

}  // namespace

Dims require_dataset(hid_t parent, const std::string& name, H5T_class_t type, std::size_t rank) {
  silence_hdf5_errors();
  const util::InputLocation where{.key = name};
  if (H5Lexists(parent, name.c_str(), H5P_DEFAULT) <= 0 ||
      H5Oexists_by_name(parent, name.c_str(), H5P_DEFAULT) <= 0) {
    throw util::InputError(where, "missing");
  }
  H5O_info_t info{};
  if (H5Oget_info_by_name(parent, name.c_str(), &info, H5P_DEFAULT) < 0 ||
      info.type != H5O_TYPE_DATASET) {
    throw util::InputError(where, "is not a dataset");
  }
  const Handle dataset(check(H5Dopen2(parent, name.c_str(), H5P_DEFAULT), "opening " + name));
  const Handle element(check(H5Dget_type(dataset.get()), "type of " + name));
  if (H5Tget_class(element.get()) != type) throw util::InputError(where, "has the wrong type");
  const Handle space(check(H5Dget_space(dataset.get()), "dataspace of " + name));
  const int found = H5Sget_simple_extent_ndims(space.get());
  if (found < 0 || static_cast<std::size_t>(found) != rank) {
    throw util::InputError(
        where, "has rank " + std::to_string(found) + ", expected " + std::to_string(rank));
  }
  Dims dims(rank);
  H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr);
  return dims;
}

void require_dataset(hid_t parent, const std::string& name, H5T_class_t type, const Dims& dims) {
  const Dims found = require_dataset(parent, name, type, dims.size());
  if (found != dims) {
    throw util::InputError({.key = name},
                           "has shape " + dims_text(found) + ", expected " + dims_text(dims));
  }
}

}  // namespace sim::io

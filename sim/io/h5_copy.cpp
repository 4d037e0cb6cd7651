#include "sim/io/h5_copy.hpp"

#include <vector>

#include "sim/io/h5.hpp"
#include "sim/io/h5_array.hpp"
#include "sim/util/error.hpp"

namespace sim::io {
namespace {

herr_t collect_attribute(hid_t, const char* name, const H5A_info_t*, void* data) {
  static_cast<std::vector<std::string>*>(data)->emplace_back(name);
  return 0;
}

void copy_attributes(hid_t from, hid_t to, const std::string& where) {
  std::vector<std::string> names;
  hsize_t at = 0;
  check(H5Aiterate2(from, H5_INDEX_NAME, H5_ITER_INC, &at, collect_attribute, &names),
        "listing the attributes of " + where);
  for (const std::string& name : names) {
    const Handle attribute(check(H5Aopen(from, name.c_str(), H5P_DEFAULT), "opening " + name));
    const Handle type(check(H5Aget_type(attribute.get()), "type of " + name));
    switch (H5Tget_class(type.get())) {
      case H5T_STRING:
        write_attribute(to, name, read_string_attribute(from, name));
        break;
      case H5T_INTEGER:
        write_attribute(to, name, read_uint_attribute(from, name));
        break;
      case H5T_FLOAT:
        write_attribute(to, name, read_double_attribute(from, name));
        break;
      default:
        throw util::InputError({.key = where + "@" + name}, "an attribute of an unknown type");
    }
  }
}

template <class T>
void copy_values(hid_t from, hid_t to, const std::string& name, const Dims& dims) {
  const std::vector<T> values = read_array<T>(from, name);
  const Handle data = create_fixed_array<T>(to, name, dims, T{});
  write_block(data.get(), Dims(dims.size(), 0), dims, values.data());
}

void copy_dataset(hid_t from, hid_t to, const std::string& name, const std::string& where) {
  const Handle dataset(check(H5Dopen2(from, name.c_str(), H5P_DEFAULT), "opening " + where));
  const Handle type(check(H5Dget_type(dataset.get()), "type of " + where));
  const H5T_class_t kind = H5Tget_class(type.get());
  if (kind == H5T_STRING) {
    write_strings(to, name, read_strings(from, name));
  } else {
    const Dims dims = array_dims(from, name);
    const std::size_t size = H5Tget_size(type.get());
    if (kind == H5T_FLOAT) {
      copy_values<double>(from, to, name, dims);
    } else if (kind == H5T_INTEGER && size == 1) {
      copy_values<std::uint8_t>(from, to, name, dims);
    } else if (kind == H5T_INTEGER && size == 4) {
      copy_values<std::uint32_t>(from, to, name, dims);
    } else if (kind == H5T_INTEGER && size == 8) {
      copy_values<std::uint64_t>(from, to, name, dims);
    } else {
      throw util::InputError({.key = where}, "a dataset of an unknown type");
    }
  }
  const Handle copied = open_dataset(to, name);
  copy_attributes(dataset.get(), copied.get(), where);
}

void copy_into(hid_t from, hid_t to, const std::string& where, int depth) {
  if (depth > 16) throw util::InputError({.key = where}, "groups nested too deep");
  copy_attributes(from, to, where);
  for (const std::string& name : link_names(from)) {
    H5O_info_t info{};
    if (H5Oget_info_by_name(from, name.c_str(), &info, H5P_DEFAULT) < 0) {
      throw util::InputError({.key = where + "/" + name}, "cannot be read");
    }
    if (info.type == H5O_TYPE_GROUP) {
      const Handle source = open_group(from, name);
      const Handle target = create_group(to, name);
      copy_into(source.get(), target.get(), where + "/" + name, depth + 1);
    } else if (info.type == H5O_TYPE_DATASET) {
      copy_dataset(from, to, name, where + "/" + name);
    } else {
      throw util::InputError({.key = where + "/" + name}, "neither a group nor a dataset");
    }
  }
}

}  // namespace

void copy_group(hid_t from, hid_t to, const std::string& name) {
  silence_hdf5_errors();
  const Handle source = open_group(from, name);
  const Handle target = create_group(to, name);
  copy_into(source.get(), target.get(), "/" + name, 0);
}

}  // namespace sim::io

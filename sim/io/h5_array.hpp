#pragma once
/// N-dimensional datasets over the RAII layer of h5.hpp: created chunked and compressed, written a
/// block at a time (so results can be written as a run goes), read whole. Also string lists.

#include <hdf5.h>

#include <cstdint>
#include <string>
#include <vector>

#include "sim/io/h5.hpp"

namespace sim::io {

using Dims = std::vector<hsize_t>;

/// Creates a dataset of element type T with shape `dims`, chunked by `chunk` (same rank), with
/// the shuffle and deflate filters. Unwritten elements read as 0.
template <class T>
Handle create_array(hid_t parent, const std::string& name, const Dims& dims, const Dims& chunk);

/// Creates a contiguous dataset whose storage is allocated at once and filled with `fill`. Later
/// writes change raw data only, never the file's metadata, so a process killed while writing
/// leaves a file that still opens (what resumable sweeps rely on).
template <class T>
Handle create_fixed_array(hid_t parent, const std::string& name, const Dims& dims, T fill);

/// Reads the block at `offset` (row-major, product(count) elements).
template <class T>
std::vector<T> read_block(hid_t dataset, const Dims& offset, const Dims& count);

Handle open_dataset(hid_t parent, const std::string& name);

/// Writes `values` (row-major, product(count) elements) into the block at `offset`.
template <class T>
void write_block(hid_t dataset, const Dims& offset, const Dims& count, const T* values);

/// Shape of a dataset.
Dims array_dims(hid_t parent, const std::string& name);

/// Reads a whole dataset of any rank, row-major, converting to T.
template <class T>
std::vector<T> read_array(hid_t parent, const std::string& name);

/// A 1-D dataset of fixed-length strings (h5py reads them as bytes).
/// A 2-D float64 dataset of exactly `rows` x `columns`, as rows (its shape checked first).
std::vector<std::vector<double>> read_rows(hid_t parent, const std::string& name, std::size_t rows,
                                           std::size_t columns);

/// Writes `rows` (each of `columns` values) as a 2-D float64 dataset.
void write_rows(hid_t parent, const std::string& name, const std::vector<std::vector<double>>& rows,
                std::size_t columns);

void write_strings(hid_t parent, const std::string& name, const std::vector<std::string>& values);
std::vector<std::string> read_strings(hid_t parent, const std::string& name);

void write_attribute(hid_t object, const std::string& name, double value);
double read_double_attribute(hid_t object, const std::string& name);

/// Names of the links in a group, in name order.
std::vector<std::string> link_names(hid_t group);

/// Checks a dataset of an input file before it is read: util::InputError (key: the dataset's
/// name) unless `name` exists, holds elements of class `type` (H5T_INTEGER, H5T_FLOAT,
/// H5T_STRING) and has rank `rank`. Returns its extents.
Dims require_dataset(hid_t parent, const std::string& name, H5T_class_t type, std::size_t rank);
/// As above, with exactly the extents `dims`.
void require_dataset(hid_t parent, const std::string& name, H5T_class_t type, const Dims& dims);

}  // namespace sim::io

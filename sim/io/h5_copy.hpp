#pragma once
/// Copying a group of an input file into an output file through Trek's checked readers, instead
/// of H5Ocopy: HDF5's object copy walks every header message of the source and crashes on some
/// damaged ones, while these readers check each object before they read it.

#include <hdf5.h>

#include <string>

namespace sim::io {

/// Copies group `name` of `from` into `to` under the same name: its attributes (fixed-length
/// strings, unsigned integers, floats) and, recursively, its groups and datasets (strings,
/// floats, unsigned integers of 1, 4 or 8 bytes), values and shapes alike. Anything else is a
/// util::InputError naming the object.
void copy_group(hid_t from, hid_t to, const std::string& name);

}  // namespace sim::io

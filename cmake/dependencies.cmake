# Every dependency comes from a Debian package (scripts/setup.sh installs them).
find_package(Boost 1.74 REQUIRED COMPONENTS graph)
find_package(TBB REQUIRED)
find_package(HDF5 REQUIRED COMPONENTS C)
find_package(CLI11 CONFIG REQUIRED)
find_package(tomlplusplus CONFIG REQUIRED)
find_package(ZLIB REQUIRED)
find_package(Threads REQUIRED)

# Random123 is header only and ships no CMake package.
find_path(RANDOM123_INCLUDE_DIR Random123/philox.h REQUIRED)
add_library(trek_random123 INTERFACE)
target_include_directories(trek_random123 SYSTEM INTERFACE ${RANDOM123_INCLUDE_DIR})

add_library(trek_hdf5 INTERFACE)
target_include_directories(trek_hdf5 SYSTEM INTERFACE ${HDF5_INCLUDE_DIRS})
target_link_libraries(trek_hdf5 INTERFACE ${HDF5_C_LIBRARIES})
target_compile_definitions(trek_hdf5 INTERFACE ${HDF5_DEFINITIONS})

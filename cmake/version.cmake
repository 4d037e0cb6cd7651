# The git revision is read when the build runs, so `trek --version` names the commit it was built from.
set(TREK_VERSION_IN ${PROJECT_SOURCE_DIR}/sim/version.cpp.in)
set(TREK_VERSION_OUT ${PROJECT_BINARY_DIR}/generated/version.cpp)
add_custom_target(trek_version_file
  COMMAND ${CMAKE_COMMAND} -DIN=${TREK_VERSION_IN} -DOUT=${TREK_VERSION_OUT}
          -DVERSION=${PROJECT_VERSION} -DSOURCE_DIR=${PROJECT_SOURCE_DIR}
          -P ${PROJECT_SOURCE_DIR}/cmake/write_version.cmake
  BYPRODUCTS ${TREK_VERSION_OUT}
  COMMENT "Recording the git revision")

# Fails when sim/ uses a source of randomness other than sim/rng (counter-based Philox):
# <random> engines or distributions, rand()/srand(), std::random_device, thread-local engines.
file(GLOB_RECURSE sources "${SOURCE_DIR}/*.hpp" "${SOURCE_DIR}/*.cpp" "${SOURCE_DIR}/*.h")
set(patterns
  "#include[ \t]*<random>"
  "std::random_device"
  "std::(mt19937|mt19937_64|minstd_rand|minstd_rand0|ranlux[0-9_a-z]*|knuth_b|default_random_engine)"
  "std::[a-z_]+_distribution"
  "[^_a-zA-Z0-9:.]rand[ \t]*\\("
  "[^_a-zA-Z0-9]srand[ \t]*\\("
  "[^_a-zA-Z0-9]random[ \t]*\\([ \t]*\\)"
  "thread_local[^;]*(engine|rng|random|mt19937)")
set(found "")
foreach(source IN LISTS sources)
  file(STRINGS "${source}" lines)
  set(number 0)
  foreach(line IN LISTS lines)
    math(EXPR number "${number} + 1")
    foreach(pattern IN LISTS patterns)
      if(line MATCHES "${pattern}")
        string(APPEND found "${source}:${number}: ${line}\n")
      endif()
    endforeach()
  endforeach()
endforeach()
list(LENGTH sources count)
if(count EQUAL 0)
  message(FATAL_ERROR "no sources found under ${SOURCE_DIR}")
endif()
if(found)
  message(FATAL_ERROR "randomness outside sim/rng:\n${found}")
endif()
message(STATUS "checked ${count} files: all randomness goes through sim/rng")

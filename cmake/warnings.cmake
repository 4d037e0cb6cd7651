# Warnings applied per target; TREK_WERROR turns them into errors (the ci preset does).
function(trek_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                           -Wsign-conversion -Wnon-virtual-dtor -Wold-style-cast
                                           # C++20 designated initializers leave fields defaulted on purpose.
                                           -Wno-missing-field-initializers)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    # GCC 12 reports false -Wrestrict, -Wstringop-overflow and -Warray-bounds positives inside
    # std::string (GCC bugs 105329, 105651), depending on inlining (precompiled headers change it).
    target_compile_options(${target} PRIVATE -Wno-restrict -Wno-stringop-overflow -Wno-array-bounds)
  endif()
  if(TREK_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# TREK_SANITIZE=address,undefined or thread instruments every target of the build.
if(TREK_SANITIZE)
  add_compile_options(-fsanitize=${TREK_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${TREK_SANITIZE})
endif()

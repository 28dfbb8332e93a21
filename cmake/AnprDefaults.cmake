# Compiler settings every target of ours gets: warnings on our own code only
# (third-party headers come in as SYSTEM), sanitizers when ANPR_SANITIZE is on.

if(ANPR_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

# anpr_defaults(<target>): apply the project's warning set to one of our targets.
function(anpr_defaults target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
  target_compile_features(${target} PUBLIC cxx_std_20)
endfunction()

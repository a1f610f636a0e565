# foi_cc_library / foi_cc_test / foi_cc_binary / foi_cc_benchmark, in the
# shape of Abseil's absl_cc_* helpers.
set(FOI_WARNING_FLAGS -Wall -Wextra -Werror -Wno-unused-parameter)

# foi_cc_library(NAME x [HDRS ...] SRCS ... [DEPS ...])
#   Creates foi_x with alias foi::x. Header-only when SRCS is empty.
function(foi_cc_library)
  cmake_parse_arguments(FOI "" "NAME" "HDRS;SRCS;DEPS" ${ARGN})
  set(_target foi_${FOI_NAME})
  if(FOI_SRCS)
    add_library(${_target} STATIC ${FOI_SRCS} ${FOI_HDRS})
    target_link_libraries(${_target} PUBLIC ${FOI_DEPS})
    target_include_directories(${_target} PUBLIC "${PROJECT_SOURCE_DIR}")
    target_compile_options(${_target} PRIVATE ${FOI_WARNING_FLAGS})
  else()
    add_library(${_target} INTERFACE)
    target_link_libraries(${_target} INTERFACE ${FOI_DEPS})
    target_include_directories(${_target} INTERFACE "${PROJECT_SOURCE_DIR}")
  endif()
  add_library(foi::${FOI_NAME} ALIAS ${_target})
endfunction()

# foi_cc_test(NAME x_test SRCS ... DEPS ... [PREFIX lib] [LABELS ...])
#   Adds a GoogleTest executable, discovered test by test.
function(foi_cc_test)
  if(NOT BUILD_TESTING)
    return()
  endif()
  cmake_parse_arguments(FOI "" "NAME;PREFIX" "SRCS;DEPS;LABELS" ${ARGN})
  add_executable(${FOI_NAME} ${FOI_SRCS})
  target_link_libraries(${FOI_NAME} PRIVATE ${FOI_DEPS} GTest::gmock_main)
  target_include_directories(${FOI_NAME} PRIVATE "${PROJECT_SOURCE_DIR}")
  target_compile_options(${FOI_NAME} PRIVATE ${FOI_WARNING_FLAGS})
  if(NOT FOI_PREFIX)
    set(FOI_PREFIX "${FOI_NAME}")
  endif()
  gtest_discover_tests(${FOI_NAME}
    TEST_PREFIX "${FOI_PREFIX}."
    DISCOVERY_MODE PRE_TEST
    PROPERTIES LABELS "${FOI_LABELS}")
endfunction()

# foi_cc_binary(NAME x SRCS ... DEPS ... [OUTPUT_NAME y])
function(foi_cc_binary)
  cmake_parse_arguments(FOI "" "NAME;OUTPUT_NAME" "SRCS;DEPS" ${ARGN})
  add_executable(${FOI_NAME} ${FOI_SRCS})
  target_link_libraries(${FOI_NAME} PRIVATE ${FOI_DEPS})
  target_include_directories(${FOI_NAME} PRIVATE "${PROJECT_SOURCE_DIR}")
  target_compile_options(${FOI_NAME} PRIVATE ${FOI_WARNING_FLAGS})
  if(FOI_OUTPUT_NAME)
    set_target_properties(${FOI_NAME} PROPERTIES OUTPUT_NAME ${FOI_OUTPUT_NAME})
  endif()
endfunction()

# foi_cc_benchmark(NAME x_benchmark SRCS ... DEPS ...)
#   A Google Benchmark binary. Never registered with ctest: benchmarks run
#   from scripts/bench.sh only.
function(foi_cc_benchmark)
  cmake_parse_arguments(FOI "" "NAME" "SRCS;DEPS" ${ARGN})
  add_executable(${FOI_NAME} ${FOI_SRCS})
  target_link_libraries(${FOI_NAME} PRIVATE ${FOI_DEPS} benchmark::benchmark)
  target_include_directories(${FOI_NAME} PRIVATE "${PROJECT_SOURCE_DIR}")
  target_compile_options(${FOI_NAME} PRIVATE ${FOI_WARNING_FLAGS})
endfunction()

# SPDX-FileCopyrightText: 2026 Terahall contributors
# SPDX-License-Identifier: GPL-3.0-or-later

# th_add_test(name SOURCES ... LIBS ... LABELS ...): one Qt Test executable per test class
# (STYLE.md §6). Tests run offscreen so GUI tests need no display.
function(th_add_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;LABELS" ${ARGN})
  if(NOT ARG_SOURCES)
    set(ARG_SOURCES ${name}.cpp)
  endif()
  qt_add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} Qt6::Test th_testsupport)
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR})
  th_set_warnings(${name})
  th_qt_definitions(${name})
  add_test(NAME ${name} COMMAND ${name})
  set(labels ${ARG_LABELS})
  set_tests_properties(${name} PROPERTIES
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;TH_SOURCE_DIR=${PROJECT_SOURCE_DIR}"
    LABELS "${labels}")
endfunction()

# th_add_bench(name SOURCES ... LIBS ...): a benchmark, label `bench`, excluded from the default
# ctest run by packaging/test.sh (machines are noisy: benchmarks are recorded, never pass/fail).
function(th_add_bench name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
  th_add_test(${name} SOURCES ${ARG_SOURCES} LIBS ${ARG_LIBS} LABELS bench)
endfunction()

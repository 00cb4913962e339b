# SPDX-FileCopyrightText: 2026 Terahall contributors
# SPDX-License-Identifier: GPL-3.0-or-later

# th_set_warnings(target): the project's warning set (STYLE.md §2); TH_WERROR adds -Werror.
function(th_set_warnings target)
  if(MSVC)
    target_compile_options(${target} PRIVATE /W4)
  else()
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
  endif()
  if(TH_WERROR)
    if(MSVC)
      target_compile_options(${target} PRIVATE /WX)
    else()
      target_compile_options(${target} PRIVATE -Werror)
    endif()
  endif()
  th_apply_sanitizers(${target})
endfunction()

# th_qt_definitions(target): Qt strictness flags used by every Qt-using layer (Tiled's set).
function(th_qt_definitions target)
  target_compile_definitions(${target} PRIVATE
    QT_NO_CAST_FROM_ASCII QT_NO_URL_CAST_FROM_STRING QT_NO_FOREACH
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)
endfunction()

# Sanitizers and fuzzing (docs/hardening.md). Applied per target through th_set_warnings(), which
# every target calls (STYLE.md §2: no global add_compile_options).
#   -DTH_SANITIZE=address,undefined   ASan + UBSan for the whole build (GCC or Clang)
#   -DTH_FUZZ=ON                      Clang only: libFuzzer instrumentation + ASan + UBSan, and
#                                     the fuzz targets in tests/fuzz (use a separate build dir)
set(TH_SANITIZE "" CACHE STRING "Comma-separated -fsanitize= list for all targets, e.g. address,undefined (empty = off)")
option(TH_FUZZ "Build the libFuzzer targets in tests/fuzz (Clang; implies address,undefined)" OFF)
if(TH_FUZZ AND NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "TH_FUZZ needs Clang (libFuzzer): configure with CC=clang CXX=clang++ in a separate build dir")
endif()

function(th_apply_sanitizers target)
  set(sanitizers "${TH_SANITIZE}")
  if(TH_FUZZ)
    set(sanitizers "fuzzer-no-link,address,undefined")
  endif()
  if(NOT sanitizers OR MSVC)
    return()
  endif()
  target_compile_options(${target} PRIVATE -fsanitize=${sanitizers} -fno-omit-frame-pointer)
  get_target_property(type ${target} TYPE)
  if(NOT type STREQUAL "STATIC_LIBRARY" AND NOT type STREQUAL "OBJECT_LIBRARY")
    target_link_options(${target} PRIVATE -fsanitize=${sanitizers})
  endif()
endfunction()

# Sanitizer and fuzzing options, applied through usagelens_project_options (every target links it).
#
#   USAGELENS_SANITIZE=ON  AddressSanitizer + UndefinedBehaviorSanitizer on every target; any UB
#                          report aborts (-fno-sanitize-recover). gcc or clang.
#   USAGELENS_FUZZ=ON      clang only: builds the fuzz targets of tests/fuzz, and instruments the
#                          libraries they fuzz for libFuzzer (-fsanitize=fuzzer-no-link, set in
#                          tests/fuzz/CMakeLists.txt), so one sanitizer build carries the test
#                          suite and the fuzzers.
#
# The `asan` preset (clang-14, ASan+UBSan, fuzz targets; -O0 with line tables only, which compiles
# about as fast as the gcc dev build, where -O1 took up to three times as long) is
# what `scripts/dev.sh test` builds after the dev build; runtime options and the leak
# suppressions are in tests/sanitizers/.
option(USAGELENS_FUZZ "Build the libFuzzer targets (clang; implies coverage instrumentation)" OFF)

if(USAGELENS_FUZZ AND NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "USAGELENS_FUZZ needs clang (libFuzzer); configure with CMAKE_CXX_COMPILER=clang++-14")
endif()

if(USAGELENS_SANITIZE)
    target_compile_options(usagelens_project_options INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(usagelens_project_options INTERFACE -fsanitize=address,undefined)
    if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        # -fsanitize=function checks calls through function pointers against RTTI that Qt's
        # uninstrumented libraries do not provide (slot objects, qt_metacall): Qt's code, not ours.
        target_compile_options(usagelens_project_options INTERFACE -fno-sanitize=function)
    endif()
endif()


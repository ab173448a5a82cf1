# One INTERFACE target that carries the language standard, warnings and Qt strictness
# macros. Every UsageLens target links it; nothing is set directory-wide.
add_library(usagelens_project_options INTERFACE)
add_library(UsageLens::ProjectOptions ALIAS usagelens_project_options)

target_compile_features(usagelens_project_options INTERFACE cxx_std_20)

target_compile_definitions(usagelens_project_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    QT_STRICT_ITERATORS
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    $<$<CONFIG:Debug>:QT_FORCE_ASSERTS>
    $<$<CONFIG:Debug>:_GLIBCXX_ASSERTIONS>)

# -Wnull-dereference is left out: with optimisation g++ 12 reports "potential" null dereferences
# inside Qt's own inline code (QPointer, QString) that guarded call sites cannot silence.
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(usagelens_project_options INTERFACE
        -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
        -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough
        $<$<BOOL:${USAGELENS_WERROR}>:-Werror>)
elseif(MSVC)
    target_compile_options(usagelens_project_options INTERFACE /W4 /permissive- /utf-8
        $<$<BOOL:${USAGELENS_WERROR}>:/WX>)
endif()

include(Sanitizers)

find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
    set(CMAKE_CXX_COMPILER_LAUNCHER "${CCACHE_PROGRAM}" CACHE STRING "Compiler launcher")
endif()

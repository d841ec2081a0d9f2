// leibniz: version and toolchain requirements.
#pragma once

#define LEIBNIZ_VERSION_MAJOR 0
#define LEIBNIZ_VERSION_MINOR 1
#define LEIBNIZ_VERSION_PATCH 0

#if __cplusplus < 202002L
#error "leibniz needs C++20: compile with -std=c++20 (or link the CMake target leibniz::leibniz)"
#endif

// LEIBNIZ_HAS_CONSTEXPR_MATH: 1 where sin, exp, log, ... of an expression can
// be evaluated in a constant expression (static_assert). GCC folds the
// standard functions during constant evaluation; Clang 14 does not.
#ifndef LEIBNIZ_HAS_CONSTEXPR_MATH
#if defined(__clang__)
#define LEIBNIZ_HAS_CONSTEXPR_MATH 0
#elif defined(__GNUC__)
#define LEIBNIZ_HAS_CONSTEXPR_MATH 1
#else
#define LEIBNIZ_HAS_CONSTEXPR_MATH 0
#endif
#endif

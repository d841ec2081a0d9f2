// leibniz: version and toolchain requirements.
#pragma once

#define LEIBNIZ_VERSION_MAJOR 0
#define LEIBNIZ_VERSION_MINOR 1
#define LEIBNIZ_VERSION_PATCH 0

#if __cplusplus < 202002L
#error "leibniz needs C++20: compile with -std=c++20 (or link the CMake target leibniz::leibniz)"
#endif

// LEIBNIZ_HAS_CONSTEXPR_MATH: 1 where sin, exp, log, ... of an expression can
// be evaluated in a constant expression (static_assert). The library carries
// its own constexpr elementary functions (constexpr_math/), so this holds on
// every supported compiler.
#define LEIBNIZ_HAS_CONSTEXPR_MATH 1

// LEIBNIZ_FLATTEN: inline everything an evaluation calls into the caller.
// An expression's evaluation is a tree of small functions, one per node; GCC's
// and Clang's inliners give up on deep trees (a 32-variable Rosenbrock
// gradient kept whole sweeps out of line, at 3.2x the hand-written
// instruction count under callgrind). The tree is the code: flattening it is
// what a person writing it by hand would get.
//
// LEIBNIZ_NO_FORCED_INLINING, defined before the first include, leaves
// inlining to the compiler (LEIBNIZ_FLATTEN and LEIBNIZ_INLINE expand to
// nothing): the same results, compiled in less time, evaluated in more (for
// a build where compile time matters more than speed: a debug build, a test
// of values).
#if (defined(__GNUC__) || defined(__clang__)) && !defined(LEIBNIZ_NO_FORCED_INLINING)
#define LEIBNIZ_FLATTEN [[gnu::flatten]]
#else
#define LEIBNIZ_FLATTEN
#endif

// LEIBNIZ_INLINE: the per-node functions of an evaluation are always inlined
// (Clang applies LEIBNIZ_FLATTEN to direct calls only, not through the
// lambdas that unroll a node's children).
#if (defined(__GNUC__) || defined(__clang__)) && !defined(LEIBNIZ_NO_FORCED_INLINING)
#define LEIBNIZ_INLINE __attribute__((always_inline))
#else
#define LEIBNIZ_INLINE
#endif

// LEIBNIZ_HOST_DEVICE: __host__ __device__ under nvcc, nothing otherwise, for
// a function of yours that evaluates expressions in both .cpp and .cu files.
// The library's own evaluation path needs no annotation: it is constexpr
// throughout, and nvcc's --expt-relaxed-constexpr lets device code call
// constexpr functions (docs/performance.md, "GPU (CUDA)").
#if defined(__CUDACC__)
#define LEIBNIZ_HOST_DEVICE __host__ __device__
#else
#define LEIBNIZ_HOST_DEVICE
#endif

// Running a plan.
//
// At run time the plan is straight-line code: one statement per instruction,
// each instruction a compile-time constant, so the compiler sees exactly the
// operations a person would write, each register a local value. In constant
// evaluation the same plan runs as a loop over its instructions, a few steps
// each (compilers bound the steps of a constant evaluation). An instruction
// under a guard runs only where its guard holds (instruction.hpp): at run time
// an `if` on the comparison, which the compiler shares between neighbours.
#pragma once

#include <leibniz/config.hpp>
#include <leibniz/detail/lanes.hpp>
#include <leibniz/detail/number.hpp>
#include <leibniz/evaluation/math.hpp>
#include <leibniz/plan/instruction.hpp>

#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

namespace leibniz::detail::plan {

// The stored numbers of the expression as the plan reads them: their values in
// T (plain loads, which the compiler folds when the expression is a constant),
// and the numbers themselves where an exponent's exactness matters (real_pow).
template <class T>
struct numbers_view {
    const T* values;
    const number* const* exact;
};

// base^k by the squarings of math::ipow<k>, for a k known only when the loop runs.
template <class T>
constexpr T ipow_by_squaring(const T& v, long long k) {
    if (k < 0) return T(1) / ipow_by_squaring(v, -k);
    if (k == 1) return v;
    if (k % 2 == 0) {
        const T half = ipow_by_squaring(v, k / 2);
        return half * half;
    }
    return ipow_by_squaring(v, k - 1) * v;
}

// p^(shift) where p is a stored number: an exact integer exponent by squarings, as evaluation does.
template <class T>
constexpr T real_power_of(const T& base, const number& p, long long shift) {
    const number exponent = shift == 0 ? p : p - number(shift);
    if (exponent.is_integer()) return math::ipow(base, static_cast<long long>(exponent.num));
    return math::pow(base, to_scalar<T>(exponent));
}
template <class T>
constexpr T real_coefficient_of(const number& p, long long shift) {
    return to_scalar<T>(shift == 0 ? p : p - number(shift));
}

// Does guard g's own comparison pick its side (not asking of the guards around it)?
template <class T>
constexpr bool picks_side(const guard_info& x, const T* r) {
    const bool holds = x.strict ? r[x.left] < r[x.right] : r[x.left] <= r[x.right];
    return holds == x.true_side;
}

// The loop's interpreter, for floating-point types (the types of constant
// evaluation): one function per operation, its operation a template argument.
template <class T, op Code>
LEIBNIZ_INLINE constexpr T interpret(const instruction& in, const T* r, const T* inputs, numbers_view<T> numbers,
                                     const guard_info* guards) {
    if constexpr (Code == op::integer) return T(static_cast<int>(in.k));
    else if constexpr (Code == op::input) return inputs[in.a];
    else if constexpr (Code == op::number) return numbers.values[in.a];
    else if constexpr (Code == op::add) return r[in.a] + r[in.b];
    else if constexpr (Code == op::sub) return r[in.a] - r[in.b];
    else if constexpr (Code == op::mul) return r[in.a] * r[in.b];
    else if constexpr (Code == op::div) return r[in.a] / r[in.b];
    else if constexpr (Code == op::neg) return -r[in.a];
    else if constexpr (Code == op::ipow) return ipow_by_squaring(r[in.a], in.k);
    else if constexpr (Code == op::pow) return math::pow(r[in.a], r[in.b]);
    else if constexpr (Code == op::real_pow) return real_power_of(r[in.a], *numbers.exact[in.b], in.k);
    else if constexpr (Code == op::real_coefficient) return real_coefficient_of<T>(*numbers.exact[in.b], in.k);
    else if constexpr (Code == op::real) return to_scalar<T>(real_constants[in.a]);
    else if constexpr (Code == op::select) return picks_side(guards[in.k], r) ? r[in.a] : r[in.b];
    else if constexpr (Code == op::test || Code == op::mean || Code == op::mean_result)
        return T(0);  // (run() runs these: guards' flags, means' loops and their results)
    else if constexpr (is_binary_function(Code)) return binary_function_of<Code>::value(r[in.a], r[in.b]);
    else return function_of<Code>::value(r[in.a]);
}

// The operation of an instruction known only when the loop runs.
//
// Clang (and nvcc): through a table of function pointers, which costs the
// same few steps of a constant evaluation for every operation (Clang bounds
// them, 2^20 by default; its switch costs a step per case passed over: a
// third more steps for test/static/mean.cpp's constant-evaluated fit).
//
// GCC: by a switch. GCC compiles and emits every function whose address the
// table takes, the elementary functions' constexpr bodies included, into every
// unit that evaluates a plan, although the branch that reads the table is dead
// at run time (14 KB of code, and 0.3 s of the 3.1 s a 32-variable Rosenbrock
// gradient took to compile); its count of a constant evaluation's operations
// (2^25 by default) is the same either way on that fit.
#if defined(__GNUC__) && !defined(__clang__) && !defined(__CUDACC__)
template <class T>
constexpr T interpret_any(const instruction& in, const T* r, const T* inputs, numbers_view<T> numbers,
                          const guard_info* guards) {
    static_assert(operation_count <= 48, "leibniz internal error: interpret_any lists 48 operation codes");
#define LEIBNIZ_INTERPRET_CASE(N)                                                                                \
    case N:                                                                                                      \
        if constexpr ((N) < operation_count) return interpret<T, static_cast<op>(N)>(in, r, inputs, numbers, guards); \
        break;
#define LEIBNIZ_INTERPRET_CASES(N)                                                                       \
    LEIBNIZ_INTERPRET_CASE(N) LEIBNIZ_INTERPRET_CASE(N + 1) LEIBNIZ_INTERPRET_CASE(N + 2)              \
    LEIBNIZ_INTERPRET_CASE(N + 3) LEIBNIZ_INTERPRET_CASE(N + 4) LEIBNIZ_INTERPRET_CASE(N + 5)          \
    LEIBNIZ_INTERPRET_CASE(N + 6) LEIBNIZ_INTERPRET_CASE(N + 7)
    switch (static_cast<std::size_t>(in.code)) {
        LEIBNIZ_INTERPRET_CASES(0)
        LEIBNIZ_INTERPRET_CASES(8)
        LEIBNIZ_INTERPRET_CASES(16)
        LEIBNIZ_INTERPRET_CASES(24)
        LEIBNIZ_INTERPRET_CASES(32)
        LEIBNIZ_INTERPRET_CASES(40)
        default:
            break;
    }
#undef LEIBNIZ_INTERPRET_CASES
#undef LEIBNIZ_INTERPRET_CASE
    return T(0);
}
#else
template <class T>
using interpreter = T (*)(const instruction&, const T*, const T*, numbers_view<T>, const guard_info*);

template <class T>
inline constexpr auto interpreters = []<std::size_t... I>(std::index_sequence<I...>) {
    return std::array<interpreter<T>, sizeof...(I)>{&interpret<T, static_cast<op>(I)>...};
}(std::make_index_sequence<operation_count>{});

template <class T>
constexpr T interpret_any(const instruction& in, const T* r, const T* inputs, numbers_view<T> numbers,
                          const guard_info* guards) {
    return interpreters<T>[static_cast<std::size_t>(in.code)](in, r, inputs, numbers, guards);
}
#endif

// One instruction at run time, its operation (and an exponent) a template
// argument: one instantiation per operation, not per instruction; the operands
// are loads from the constant plan, which the compiler folds.
template <class T, op Code, long long Exponent>
LEIBNIZ_INLINE constexpr T compute(int a, int b, long long k, const T* r, const T* inputs, numbers_view<T> numbers) {
    if constexpr (Code == op::ipow && Exponent > 0)
        return math::ipow<static_cast<int>(Exponent)>(r[a]);
    else if constexpr (Code == op::ipow)
        return T(1) / math::ipow<static_cast<int>(-Exponent)>(r[a]);
    else
        return interpret<T, Code>(instruction{Code, a, b, k}, r, inputs, numbers, nullptr);
}

constexpr long long exponent_of(const instruction& in) { return in.code == op::ipow ? in.k : 0; }

inline constexpr std::size_t block_size = 128;  // Clang expands at most 256 operands in one fold

// Guard G's comparison (left < right, or <=: only the one asked for, which a
// scalar type need not have both of).
template <class T, const auto& Plan, int G>
LEIBNIZ_INLINE constexpr auto compare(const T* r) {
    constexpr guard_info x = Plan.guards[G];
    if constexpr (x.strict)
        return r[x.left] < r[x.right];
    else
        return r[x.left] <= r[x.right];
}

// Guard flags: which guards hold, set by each branch's test (flags[0], the
// whole plan, holds). A guard's comparison is made once, where its test is
// scheduled, and every instruction under it tests the flag: compilers do not
// merge two comparisons of doubles (each may raise a floating-point
// exception), and a Huber loss compared three times per point.
//
// For SIMD lanes a flag says whether the side runs: when it holds in some
// lane (then it runs for all of them, and each lane's select takes its own
// side).
// (A test runs under its guards' parent: where that does not hold, both flags stay false.)
template <class T, const auto& Plan, int G>
LEIBNIZ_INLINE constexpr void run_test(const T* r, bool* flags) {
    constexpr guard_info x = Plan.guards[G];
    const auto holds = compare<T, Plan, G>(r);
    if constexpr (lane_vector<T>) {
        flags[G] = !holds_nowhere(holds);
        flags[x.sibling] = !holds_everywhere(holds);
    } else {
        flags[G] = holds;
        flags[x.sibling] = !holds;
    }
}

// r[a] where guard G's comparison picks its side, else r[b] (run where G's
// parent holds, so G's flag is that comparison; lanes: lane by lane, a side
// that ran in no lane not read).
template <class T, const auto& Plan, int G>
LEIBNIZ_INLINE constexpr T select_value(const T* r, const bool* flags, int a, int b) {
    if constexpr (lane_vector<T>) {
        constexpr guard_info x = Plan.guards[G];
        if (!flags[x.sibling]) return r[a];
        if (!flags[G]) return r[b];
        const auto holds = compare<T, Plan, G>(r);
        return select(x.true_side ? holds : !holds, r[a], r[b]);
    } else {
        return flags[G] ? r[a] : r[b];
    }
}

// The guard a select or a test names, the number of a mean (0 for the others:
// one instantiation per operation, not per k).
constexpr int guard_argument(const instruction& in) {
    return in.code == op::select || in.code == op::test ? static_cast<int>(in.k)
           : in.code == op::mean                        ? in.a
                                                        : 0;
}

// A plan without means runs with none.
struct no_means {
    template <int M, class T>
    constexpr void run(T*, const T*) const {}
    template <class T>
    constexpr void run_any(int, T*, const T*) const {}
};

// One instruction of a plan with guards: under an `if` when it has one.
template <class T, const auto& Plan, op Code, long long Exponent, int Guard, int Selected, class Means>
LEIBNIZ_INLINE constexpr void run_guarded(T& out, int a, int b, long long k, const T* r, const T* inputs,
                                          numbers_view<T> numbers, bool* flags, const Means& means, T* results) {
    if constexpr (Guard != 0)
        if (!flags[Guard]) return;
    if constexpr (Code == op::test)
        run_test<T, Plan, Selected>(r, flags);
    else if constexpr (Code == op::mean) {
        means.template run<Selected>(results + b, inputs);
        out = results[b];
    } else if constexpr (Code == op::mean_result)
        out = results[b];
    else if constexpr (Code == op::select)
        out = select_value<T, Plan, Selected>(r, flags, a, b);
    else
        out = compute<T, Code, Exponent>(a, b, k, r, inputs, numbers);
}

template <class T, const auto& Plan, std::size_t First, class Means, std::size_t... I>
LEIBNIZ_INLINE constexpr void run_block(std::index_sequence<I...>, T* r, const T* inputs, numbers_view<T> numbers,
                                        bool* flags, const Means& means, T* results) {
    // The operands are read from the constant plan here, at the call, where
    // they are constant expressions: the compiler sees r[7], not r[plan[i].a].
    if constexpr (!Plan.structured()) {
        ((r[First + I] = compute<T, Plan.code[First + I].code, exponent_of(Plan.code[First + I])>(
              Plan.code[First + I].a, Plan.code[First + I].b, Plan.code[First + I].k, r, inputs, numbers)),
         ...);
    } else {
        (run_guarded<T, Plan, Plan.code[First + I].code, exponent_of(Plan.code[First + I]), Plan.code[First + I].guard,
                     guard_argument(Plan.code[First + I])>(r[First + I], Plan.code[First + I].a,
                                                                 Plan.code[First + I].b, Plan.code[First + I].k, r,
                                                                 inputs, numbers, flags, means, results),
         ...);
    }
}

template <class T, const auto& Plan, class Means, std::size_t... B>
LEIBNIZ_INLINE constexpr void run_blocks(std::index_sequence<B...>, T* r, const T* inputs, numbers_view<T> numbers,
                                         bool* flags, const Means& means, T* results) {
    constexpr std::size_t size = std::remove_cvref_t<decltype(Plan)>::size;
    (run_block<T, Plan, B * block_size>(
         std::make_index_sequence<(size - B * block_size < block_size ? size - B * block_size : block_size)>{}, r,
         inputs, numbers, flags, means, results),
     ...);
}

// A plan's registers, one per instruction. With guards they start at 0: a
// register of a side that did not run is never read (a select reads the side
// its comparison picks), but GCC cannot always see that, and warns.
template <class T, std::size_t Size, bool Guarded>
struct registers {
    T data[Size];
};
template <class T, std::size_t Size>
struct registers<T, Size, true> {
    T data[Size]{};
};

// The value of instruction IN in constant evaluation. Compilers bound a
// constant evaluation (Clang: 2^20 steps by default, a step per statement, two
// per call, one per case label a switch passes over), and a plan's loop runs
// once per sample of a mean and per step of a descent: the common operations
// are one conditional expression, no step beyond the statement that holds it,
// and only the others are a call (interpret_any, about 16 steps). A macro, not
// a function, because the call would double the cost of the common case
// (run_constant, the guarded loop of run, the loop over samples of
// value_and_gradient.hpp).
#define LEIBNIZ_PLAN_CONSTANT_VALUE(T, IN, R, INPUTS, NUMBERS, GUARDS)                             \
    ((IN).code == op::mul      ? (R)[(IN).a] * (R)[(IN).b]                                           \
     : (IN).code == op::add    ? (R)[(IN).a] + (R)[(IN).b]                                           \
     : (IN).code == op::input  ? (INPUTS)[(IN).a]                                                    \
     : (IN).code == op::sub    ? (R)[(IN).a] - (R)[(IN).b]                                           \
     : (IN).code == op::number ? (NUMBERS).values[(IN).a]                                            \
     : (IN).code == op::integer ? T(static_cast<int>((IN).k))                                        \
     : (IN).code == op::neg    ? -(R)[(IN).a]                                                        \
     : (IN).code == op::div    ? (R)[(IN).a] / (R)[(IN).b]                                           \
     : (IN).code == op::ipow && (IN).k == 2 ? (R)[(IN).a] * (R)[(IN).a] /* ipow_by_squaring's v·v */ \
                                            : interpret_any<T>((IN), (R), (INPUTS), (NUMBERS), (GUARDS)))

// A plan without guards or means in constant evaluation: its loop, one
// statement per instruction.
template <class T, const auto& Plan>
constexpr void run_constant(T* r, const T* inputs, numbers_view<T> numbers) {
    const instruction* code = Plan.code.data();  // (std::array's operator[] is a call: two steps)
    for (std::size_t i = 0; i < Plan.size; ++i) r[i] = LEIBNIZ_PLAN_CONSTANT_VALUE(T, code[i], r, inputs, numbers, nullptr);
}

// Runs the plan into registers r (one per instruction); `means` runs the
// plan's means over samples (mean_runner, plan/value_and_gradient.hpp) into their blocks of results.
template <class T, const auto& Plan, class Means = no_means>
LEIBNIZ_INLINE constexpr void run(T* r, const T* inputs, numbers_view<T> numbers, const Means& means = {}) {
    using plan_type = std::remove_cvref_t<decltype(Plan)>;
    constexpr std::size_t size = plan_type::size;
    constexpr std::size_t blocks = (size + block_size - 1) / block_size;
    if constexpr (!Plan.structured()) {  // straight-line code (and no step spent on guards in constant evaluation)
        if constexpr (std::is_floating_point_v<T>) {
            if (std::is_constant_evaluated()) {
                run_constant<T, Plan>(r, inputs, numbers);
                return;
            }
        }
        run_blocks<T, Plan>(std::make_index_sequence<blocks>{}, r, inputs, numbers, nullptr, means,
                            static_cast<T*>(nullptr));
    } else {
        bool flags[plan_type::guard_count]{};
        flags[0] = true;
        T results[Plan.mean_results > 0 ? Plan.mean_results : 1]{};
        if constexpr (std::is_floating_point_v<T>) {
            if (std::is_constant_evaluated()) {
                const instruction* code = Plan.code.data();
                const guard_info* guards = Plan.guards.data();
                for (std::size_t i = 0; i < size; ++i) {
                    const instruction& in = code[i];
                    if (!flags[in.guard]) continue;
                    if (in.code < op::select || in.code > op::mean_result) {
                        r[i] = LEIBNIZ_PLAN_CONSTANT_VALUE(T, in, r, inputs, numbers, guards);
                    } else if (in.code == op::test) {
                        const guard_info& x = guards[in.k];
                        const bool holds = picks_side(x, r);
                        flags[in.k] = holds;
                        flags[x.sibling] = !holds;
                    } else if (in.code == op::mean) {
                        means.run_any(in.a, results + in.b, inputs);
                        r[i] = results[in.b];
                    } else if (in.code == op::mean_result) {
                        r[i] = results[in.b];
                    } else {
                        r[i] = interpret_any<T>(in, r, inputs, numbers, guards);  // select
                    }
                }
                return;
            }
        }
        run_blocks<T, Plan>(std::make_index_sequence<blocks>{}, r, inputs, numbers, flags, means, results);
    }
}


}  // namespace leibniz::detail::plan

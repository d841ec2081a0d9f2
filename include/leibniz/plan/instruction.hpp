// The instructions of an evaluation plan, and the growable buffer the plan is
// built in during constant evaluation.
//
// A plan is a list of instructions in the order they run; instruction i
// writes register i and reads only registers of earlier instructions. Leaves
// are the variables' values (inputs), the expression's stored numbers and
// small integers known from the structure alone (0, ±1, exponents).
//
// A branch (where, min, max) is two guarded regions: each instruction names
// the guard it runs under (0: always), a guard is a comparison of two
// registers and the guard it sits in, and only the side the comparison picks
// runs; `test` compares once for both sides, before either, and `select`
// joins them. The reverse sweep runs a side's adjoints
// under the same guard, so a side that did not run contributes nothing (not
// 0·∞). SIMD lanes run a side when any of their lanes takes it, and select
// lane by lane.
//
// A mean over samples is one instruction that runs a loop: its loss's own
// plan once per sample, summing the value and the partials (and, in a
// Hessian's plan, the second partials) into a block of results that
// `mean_result` instructions read. The reverse sweep passes a mean's adjoint
// to the inputs through those partials.
#pragma once

#include <leibniz/expression/nodes.hpp>

#include <cstddef>

namespace leibniz::detail::plan {

enum class op : unsigned char {
    integer,           // k, a structural integer (0, ±1, an exponent)
    input,             // the value of input slot a (the differentiation variables first, then the others)
    number,            // stored number a of the expression
    add,               // a + b
    sub,               // a - b
    mul,               // a * b
    div,               // a / b
    neg,               // -a
    ipow,              // a^k, |k| >= 2 or k = -1 known from the type (squarings; k < 0: 1/a^-k)
    pow,               // a^b, both values
    real_pow,          // a^(p - k), p stored number b (an exact integer exponent by squarings)
    real_coefficient,  // p - k, p stored number b
    real,              // the real constant a of detail::real_constants (2/√π in erf's chain rule)
    select,            // a where guard k holds, else b (joins the two sides of a branch)
    test,              // compares a with b for guard k and its sibling: which side of a branch runs
    mean,              // mean number a over its samples: runs its loss's plan per sample into the results'
                       // block at b (the value, the partials, for a Hessian plan the second partials); k is
                       // the largest input slot it depends on
    mean_result,       // entry b of the results, written by mean instruction a: partial k (k >= 0) or a
                       // second partial (k = -1)
    first_function,    // f(a) for the elementary functions, in the order of ops::elementary, then
                       // f(a, b) for those of ops::binary (the last)
};
inline constexpr std::size_t first_binary_function = static_cast<std::size_t>(op::first_function) + ops::elementary::size;
inline constexpr std::size_t operation_count = first_binary_function + ops::binary::size;

// The operation of an elementary function, and the function of an operation.
template <class Op>
constexpr op function_code() {
    return static_cast<op>(static_cast<std::size_t>(op::first_function) + operation_index<Op>());
}
constexpr bool is_function(op code) {
    return code >= op::first_function && static_cast<std::size_t>(code) < first_binary_function;
}
template <op Code>
using function_of = type_at<static_cast<std::size_t>(Code) - static_cast<std::size_t>(op::first_function), ops::elementary>;

// The same for the functions of two arguments.
template <class Op>
constexpr op binary_function_code() {
    return static_cast<op>(first_binary_function + binary_operation_index<Op>());
}
constexpr bool is_binary_function(op code) { return static_cast<std::size_t>(code) >= first_binary_function; }
template <op Code>
using binary_function_of = type_at<static_cast<std::size_t>(Code) - first_binary_function, ops::binary>;

// Is the operation a function of its operands alone (a candidate for value numbering)?
// Every operation is: leaves are identified by their slot or value.
struct instruction {
    op code = op::integer;
    int a = 0;
    int b = 0;
    long long k = 0;
    int guard = 0;  // runs only where this guard holds (0: always)

    friend constexpr bool operator==(const instruction&, const instruction&) = default;
};

// A guard: left < right (left <= right when not strict) holds, or, on the
// false side of a branch, does not; inside the guard `parent`. Guard 0 is the
// whole plan. The two sides of a branch are siblings.
struct guard_info {
    int parent = -1;
    int left = 0;
    int right = 0;
    bool strict = false;
    bool true_side = true;
    int sibling = -1;
    int test = -1;  // the instruction that compares (one for both sides)

    friend constexpr bool operator==(const guard_info&, const guard_info&) = default;
};

// Leaves are computed wherever they are needed first: they never run under a guard.
constexpr bool is_leaf(op code) {
    return code == op::integer || code == op::input || code == op::number || code == op::real_coefficient ||
           code == op::real;
}

constexpr bool is_commutative(op code) { return code == op::add || code == op::mul; }
// (One expression, not a switch: Clang counts a step for every case label a
// switch passes over in constant evaluation, and this runs for every
// instruction built, swept, scheduled and compacted.)
constexpr int operand_count(op code) {
    return code == op::integer || code == op::input || code == op::number || code == op::real_coefficient ||
                   code == op::real || code == op::mean
               ? 0
           : code == op::neg || code == op::ipow || code == op::real_pow || code == op::mean_result || is_function(code)
               ? 1
               : 2;
}

// A growable array for constant evaluation (allocated and freed within it).
template <class T>
struct buffer {
    T* data = nullptr;
    std::size_t size = 0;
    std::size_t capacity = 0;

    constexpr buffer() = default;
    constexpr explicit buffer(std::size_t n, const T& fill) : data(new T[n > 0 ? n : 1]), size(n), capacity(n > 0 ? n : 1) {
        for (std::size_t i = 0; i < n; ++i) data[i] = fill;
    }
    buffer(const buffer&) = delete;
    buffer& operator=(const buffer&) = delete;
    constexpr ~buffer() { delete[] data; }

    constexpr void push_back(const T& v) {
        if (size == capacity) reserve(capacity == 0 ? 64 : 2 * capacity);
        data[size++] = v;
    }
    constexpr void resize(std::size_t n, const T& fill) {
        if (n > capacity) reserve(n);
        for (std::size_t i = size; i < n; ++i) data[i] = fill;
        size = n;
    }
    constexpr void reserve(std::size_t n) {
        T* grown = new T[n];
        for (std::size_t i = 0; i < size; ++i) grown[i] = data[i];
        delete[] data;
        data = grown;
        capacity = n;
    }
    constexpr T& operator[](std::size_t i) { return data[i]; }
    constexpr const T& operator[](std::size_t i) const { return data[i]; }
};

}  // namespace leibniz::detail::plan

// SIMD lanes as scalars: a value of std::experimental::simd<double> (or of any
// type shaped like it) is a scalar type for evaluation, each lane an
// independent point. The core never includes <experimental/simd>: a lane
// vector is recognised by its shape (value_type, mask_type, abi_type and a
// static size()), and its masks are used through the functions that
// argument-dependent lookup finds beside them (all_of, none_of, where).
//
// What lanes change:
// - a number in an expression is broadcast to every lane (number.hpp);
// - the elementary functions are the vector type's own (std::experimental's
//   sin, exp, ... for simd), abs and sign are lane-wise (math.hpp);
// - a branch (where, min, max) whose condition differs between lanes
//   evaluates both sides and takes each lane from the side its condition
//   picks; in the reverse sweep each side's adjoints are formed on that side
//   and selected lane by lane, so a side outside its domain on a lane it does
//   not own (log(x) where x < 0) leaves no NaN behind (plan/execute.hpp).
#pragma once

#include <concepts>
#include <cstddef>
#include <type_traits>
#include <utility>

namespace leibniz::detail {

template <class T>
concept lane_vector = requires {
    typename T::value_type;
    typename T::mask_type;
    typename T::abi_type;
    { T::size() } -> std::convertible_to<std::size_t>;
};

// The scalar type of one lane (T itself for a scalar).
template <class T>
struct lane_scalar {
    using type = T;
};
template <lane_vector T>
struct lane_scalar<T> {
    using type = typename T::value_type;
};
template <class T>
using lane_scalar_t = typename lane_scalar<T>::type;

// The result of comparing two values: a mask of lanes, or bool (also for a
// type without <, such as std::complex, which where/min/max reject with a
// message of their own).
template <class T>
struct condition_type {
    using type = bool;
};
template <lane_vector T>
struct condition_type<T> {
    using type = typename T::mask_type;
};
template <class T>
using condition_t = typename condition_type<T>::type;

// Whether a condition holds in every lane / in none (a bool is one lane).
template <class C>
constexpr bool holds_everywhere(const C& c) {
    if constexpr (std::is_same_v<C, bool>)
        return c;
    else
        return all_of(c);
}
template <class C>
constexpr bool holds_nowhere(const C& c) {
    if constexpr (std::is_same_v<C, bool>)
        return !c;
    else
        return none_of(c);
}

// Each lane from if_true where the condition holds, else from if_false.
template <class T, class C>
constexpr T select(const C& c, const T& if_true, const T& if_false) {
    if constexpr (std::is_same_v<C, bool>)
        return c ? if_true : if_false;
    else {
        T r = if_false;
        where(c, r) = if_true;
        return r;
    }
}

}  // namespace leibniz::detail

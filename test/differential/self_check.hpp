// Checks of the suite's own shortcut (included by the first generated unit):
// differential::rearranged_copy_agrees skips `equivalent` only for a copy
// that is f's very tree with f's numbers, and still rejects a copy that is not
// equal.
#pragma once

#include "differential.hpp"

#include <type_traits>

namespace differential::self_check {

inline constexpr auto x = lz::var<"x">;
inline constexpr auto y = lz::var<"y">;

// One type, another number: not the same tree, and not equivalent.
inline constexpr auto f1 = x * 2 + y;
inline constexpr auto g1 = x * 3 + y;
static_assert(std::is_same_v<decltype(f1), decltype(g1)>);
static_assert(!same_tree::nodes(f1, g1));
static_assert(!rearranged_copy_agrees<f1, g1>());

// One type, like shapes in another order: not the same tree, but equivalent.
inline constexpr auto f2 = lz::sin(2 * x) + lz::sin(3 * x) + y;
inline constexpr auto g2 = lz::sin(3 * x) + y + lz::sin(2 * x);
static_assert(std::is_same_v<decltype(f2), decltype(g2)>);
static_assert(!same_tree::nodes(f2, g2));
static_assert(rearranged_copy_agrees<f2, g2>());

// Rearranged into the very same tree: agrees without `equivalent`.
inline constexpr auto f3 = lz::exp(x * 1.5) * y;
inline constexpr auto g3 = y * lz::exp(1.5 * x);
static_assert(same_tree::nodes(f3, g3));
static_assert(rearranged_copy_agrees<f3, g3>());

// Functions of two arguments and branches (min and max are branches) are
// compared part by part.
static_assert(same_tree::nodes(lz::atan2(x, 2 * y), lz::atan2(x, y * 2)));
static_assert(!same_tree::nodes(lz::hypot(x, 2 * y), lz::hypot(x, 3 * y)));
static_assert(same_tree::nodes(lz::min(x, y * 2) + lz::where(x > 1, y, x), lz::where(x > 1, y, x) + lz::min(x, 2 * y)));
static_assert(!same_tree::nodes(lz::max(x, y * 2), lz::max(x, y * 3)));
static_assert(!same_tree::nodes(lz::where(x > 1, y, x), lz::where(x > 2, y, x)));

// Two types are two trees.
static_assert(!same_tree::nodes(x * 2, y * 2));

// An exact 2 and a real 2.0 are the same value, not the same tree.
static_assert(!same_tree::nodes(x * 2 + y, x * 2.0 + y));

}  // namespace differential::self_check

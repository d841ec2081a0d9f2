// What every compile-fail snippet starts from: each file then holds only its
// mistake, and beside it (under LEIBNIZ_TWIN) the correct use that compiles.
#pragma once

#include <leibniz/leibniz.hpp>

#include <array>
#include <complex>

namespace lz = leibniz;
[[maybe_unused]] constexpr auto x = lz::var<"x">;
[[maybe_unused]] constexpr auto y = lz::var<"y">;
[[maybe_unused]] constexpr auto xs = lz::vars<"x", 3>;
struct user_type {};

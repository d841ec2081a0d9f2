// Evaluation: bindings by name in any order, packs, points, scalar types.
#include <leibniz/leibniz.hpp>

#include <array>
#include <span>
#include <type_traits>

namespace lz = leibniz;

namespace {

constexpr auto x = lz::var<"x">;
constexpr auto y = lz::var<"y">;
using namespace lz::literals;

constexpr auto f = x * x - 2 * y;
static_assert(f(x = 3.0, y = 1.0) == 7.0);
static_assert(f(y = 1.0, x = 3.0) == 7.0);                     // any order
static_assert(f(x = 3.0, y = 1.0, "unused"_var = 9.0) == 7.0);  // extra bindings are fine
static_assert(std::is_same_v<decltype(f(x = 3.0, y = 1.0)), double>);
static_assert(std::is_same_v<decltype(f(x = 3.0f, y = 1.0f)), float>);
static_assert(std::is_same_v<decltype(f(x = 3.0L, y = 1.0L)), long double>);
static_assert(std::is_same_v<decltype(f(x = 3, y = 1)), double>);  // integers evaluate in double
static_assert(std::is_same_v<decltype(f(x = 3.0f, y = 1.0)), double>);
static_assert((x / 2)(x = 1) == 0.5);  // never an integer division
static_assert(f(x = 3.0f, y = 1.0f) == 7.0f);
static_assert(f(x = 3.0L, y = 1.0L) == 7.0L);

// The literal spelling names the same variable.
static_assert(std::is_same_v<decltype("x"_var), std::remove_cvref_t<decltype(x)>>);

// Packs: x0 ... x(N-1), tuple-like, bound from a std::array or a std::span.
constexpr auto xs = lz::vars<"x", 3>;
static_assert(std::tuple_size_v<decltype(xs)> == 3);
static_assert(std::is_same_v<std::remove_cvref_t<decltype(std::get<1>(xs))>, std::remove_cvref_t<decltype(lz::var<"x1">)>>);
constexpr std::array<double, 3> values{1.0, 2.0, 3.0};
constexpr auto s3 = lz::sum<3>([](auto i) { return (i + 1) * std::get<i>(xs); });
static_assert(s3(xs = values) == 14.0);
static_assert(s3(xs = std::span<const double, 3>(values)) == 14.0);
static_assert(s3(xs = std::array{1.0, 2.0, 3.0}) == 14.0);  // a temporary array is copied into the binding
constexpr auto p3 = lz::product<3>([](auto i) { return std::get<i>(xs); });
static_assert(p3(xs = values) == 6.0);
static_assert(lz::sum<0>([](auto) { return x; })(x = 1.0) == 0.0);
static_assert(lz::product<0>([](auto) { return x; })(x = 1.0) == 1.0);
// The index is a number in the expression too: x - i, i * x, pow(x, i) (an
// integer power, pow<i>), as with the literals 0, 1, 2.
constexpr auto shifted = lz::sum<3>([](auto i) { return lz::pow<2>(x - i) + i * x + lz::pow(x, i); });
constexpr auto written_out = lz::pow<2>(x - 0) + 0 * x + lz::pow<0>(x) + lz::pow<2>(x - 1) + 1 * x + lz::pow<1>(x) +
                             lz::pow<2>(x - 2) + 2 * x + lz::pow<2>(x);
static_assert(lz::equivalent(shifted, written_out));
static_assert(shifted(x = 1.5) == written_out(x = 1.5));
static_assert(lz::equivalent(lz::d(shifted, x), lz::d(written_out, x)));
static_assert(std::is_same_v<decltype(lz::pow(x, std::integral_constant<int, 3>{})), decltype(lz::pow<3>(x))>);
static_assert([] {
    auto [a0, a1, a2] = xs;  // structured bindings
    return std::is_same_v<decltype(a2), std::remove_cvref_t<decltype(lz::var<"x2">)>> && (a0 * a1)(a0 = 2.0, a1 = 3.0) == 6.0;
}());

// Points: named values of one scalar type; an expression evaluates at a point.
constexpr auto p = lz::point(x = 3.0, y = 1.0);
static_assert(p[x] == 3.0 && p[y] == 1.0);
static_assert(f(p) == 7.0);
static_assert(std::is_same_v<decltype(lz::point(x = 1.0f, y = 2)), lz::point<float, lz::variable_pack<std::remove_cvref_t<decltype(x)>, std::remove_cvref_t<decltype(y)>>>>);
constexpr auto q = lz::point(xs = values, y = 0.5);
static_assert(q[std::get<2>(xs)] == 3.0);
static_assert((s3 + y)(q) == 14.5);
static_assert([] {
    auto r = lz::point(x = 0.0, y = 0.0);
    r[x] = 3.0;
    r[y] = 1.0;
    return f(r);
}() == 7.0);

// Gradients take single variables and packs, mixed.
constexpr auto gm = lz::gradient(s3 * y, xs, y)(xs = values, y = 2.0);
static_assert(gm.size() == 4 && gm[0] == 2.0 && gm[1] == 4.0 && gm[2] == 6.0 && gm[3] == 14.0);
static_assert([] {
    auto [v, grad] = lz::value_and_gradient(f, x, y)(x = 3.0, y = 1.0);  // structured bindings
    return v == 7.0 && grad[0] == 6.0 && grad[1] == -2.0;
}());
constexpr auto vgh = lz::value_gradient_hessian(f, x, y)(x = 3.0, y = 1.0);
static_assert(vgh.value == 7.0 && vgh.gradient[0] == 6.0 && vgh.hessian[0][0] == 2.0 && vgh.hessian[0][1] == 0.0);

}  // namespace

// The derivatives of the teaching material, proved at compile time.
#include <leibniz/leibniz.hpp>

#include <type_traits>

namespace lz = leibniz;

namespace {

constexpr auto x = lz::var<"x">;
constexpr auto y = lz::var<"y">;

// f(x) = 2x² − 3x + 4: f(3) = 13, f'(x) = 4x − 3, f'(−1) = −7, f'(2) = 5, minimum at x = 3/4.
constexpr auto f = 2 * x * x - 3 * x + 4;
static_assert(f(x = 3.0) == 13.0);
static_assert(lz::to_static_string(lz::d(f, x)) == "4*x - 3");
static_assert(lz::d(f, x)(x = -1.0) == -7.0);
static_assert(lz::d(f, x)(x = 2.0) == 5.0);
static_assert(lz::d(f, x)(x = 0.75) == 0.0);

// The chain rule: u = 2x² − x − 2, y = 3u + 1, dy/dx = 3(4x − 1) = 12x − 3 (minimum at x = 1/4).
constexpr auto u = 2 * x * x - x - 2;
constexpr auto chained = 3 * u + 1;
static_assert(lz::to_static_string(lz::d(chained, x)) == "12*x - 3");
static_assert(lz::equivalent(lz::d(chained, x), 3 * lz::d(u, x)));
static_assert(lz::d(chained, x)(x = 0.25) == 0.0);

// Three variables: u = 3a² − 2a + b² + 1, y = 2u + c.
constexpr auto a = lz::var<"a">;
constexpr auto b = lz::var<"b">;
constexpr auto c = lz::var<"c">;
constexpr auto y3 = 2 * (3 * a * a - 2 * a + b * b + 1) + c;
static_assert(lz::to_static_string(lz::d(y3, a)) == "12*a - 4");
static_assert(lz::to_static_string(lz::d(y3, b)) == "4*b");
static_assert(lz::to_static_string(lz::d(y3, c)) == "1");

// The computational graph: x = 2, w = 3, b = 1, loss = |4 − (x·w + b)| = 3, ∂loss/∂w = 2, ∂loss/∂b = 1.
constexpr auto w = lz::var<"w">;
constexpr auto loss = lz::abs(4 - (x * w + b));
static_assert(loss(x = 2.0, w = 3.0, b = 1.0) == 3.0);
static_assert(lz::d(loss, w)(x = 2.0, w = 3.0, b = 1.0) == 2.0);
static_assert(lz::d(loss, b)(x = 2.0, w = 3.0, b = 1.0) == 1.0);

// Himmelblau: gradient zero and Hessian at the minimum (3, 2).
constexpr auto h = lz::pow<2>(x * x + y - 11) + lz::pow<2>(x + y * y - 7);
static_assert(lz::to_static_string(lz::d(h, x)) == "4*x*(x^2 + y - 11) + 2*y^2 + 2*x - 14");
static_assert(lz::to_static_string(lz::d(h, x, x)) == "12*x^2 + 4*y - 42");
static_assert(lz::to_static_string(lz::d(h, x, y)) == "4*x + 4*y");
static_assert(lz::to_static_string(lz::d(h, y, y)) == "12*y^2 + 4*x - 26");
constexpr auto g = lz::gradient(h, x, y)(x = 3.0, y = 2.0);
static_assert(g[0] == 0.0 && g[1] == 0.0);
constexpr auto H = lz::hessian(h, x, y)(x = 3.0, y = 2.0);
static_assert(H[0][0] == 74.0 && H[0][1] == 20.0 && H[1][0] == 20.0 && H[1][1] == 34.0);

}  // namespace

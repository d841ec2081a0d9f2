// Every differentiation rule, at compile time, against hand-derived values.
#include <leibniz/leibniz.hpp>

#include <type_traits>

namespace lz = leibniz;

namespace {

constexpr auto x = lz::var<"x">;
constexpr auto y = lz::var<"y">;

// Constants and variables.
static_assert(lz::d(lz::constant{{}, 7}, x)(x = 1.0) == 0.0);
static_assert(lz::d(x, x)(x = 5.0) == 1.0);
static_assert(lz::d(y, x)(x = 5.0) == 0.0);
// Sums, differences, scaling (linearity).
static_assert(lz::d(3 * x + 2 * y - 5, x)(x = 1.0, y = 1.0) == 3.0);
static_assert(lz::d(3 * x + 2 * y - 5, y)(x = 1.0, y = 1.0) == 2.0);
static_assert(lz::d(-x, x)(x = 1.0) == -1.0);
// Products: d(x^3 y^2)/dx = 3x^2 y^2, /dy = 2x^3 y.
static_assert(lz::d(x * x * x * y * y, x)(x = 2.0, y = 3.0) == 108.0);
static_assert(lz::d(x * x * x * y * y, y)(x = 2.0, y = 3.0) == 48.0);
static_assert(lz::d((x + 1) * (x - 1), x)(x = 3.0) == 6.0);
// Quotients and negative powers: d(1/x) = -1/x^2, d(x/y)/dy = -x/y^2.
static_assert(lz::d(lz::pow<-1>(x), x)(x = 2.0) == -0.25);
static_assert(lz::d(x / y, y)(x = 3.0, y = 2.0) == -0.75);
static_assert(lz::d(lz::pow<-3>(x + 1), x)(x = 1.0) == -3.0 / 16);
static_assert(lz::d(1 / (x * x + 1), x)(x = 1.0) == -0.5);
// Integer powers of sums (chain rule): d((2x + 1)^3) = 6(2x + 1)^2.
static_assert(lz::d(lz::pow<3>(2 * x + 1), x)(x = 1.0) == 54.0);
// Successive and mixed derivatives.
static_assert(lz::d(x * x * x * x, x, x, x)(x = 2.0) == 48.0);
static_assert(lz::d(x * x * y * y * y, x, y)(x = 1.0, y = 2.0) == 24.0);
static_assert(lz::d(x * x * y * y * y, y, x)(x = 1.0, y = 2.0) == 24.0);
static_assert(lz::d(x * x * x * x, x, x, x, x, x)(x = 2.0) == 0.0);
// abs: d|u| = sign(u)·du, 0 at 0.
static_assert(lz::d(lz::abs(x * x - 4), x)(x = 3.0) == 6.0);
static_assert(lz::d(lz::abs(x * x - 4), x)(x = 1.0) == -2.0);
static_assert(lz::d(lz::abs(x), x)(x = 0.0) == 0.0);
// Real powers: d(x^1.5) = 1.5 x^0.5; d(x^3 written as a number) = 3x^2.
static_assert(lz::d(lz::pow(x, 3), x)(x = 2.0) == 12.0);
// The derivative of a derivative is an expression like any other.
static_assert(lz::equivalent(lz::d(lz::d(x * x * x, x), x), 6 * x));

constexpr bool near(double a, double b, double tolerance = 1e-13) {
    double scale = (b < 0 ? -b : b) > 1 ? (b < 0 ? -b : b) : 1;
    return (a > b ? a - b : b - a) <= tolerance * scale;
}

// Transcendental rules, in constant expressions on GCC and Clang alike.
static_assert(near(lz::d(lz::sin(x), x)(x = 0.5), 0.8775825618903728));
static_assert(near(lz::d(lz::cos(x), x)(x = 0.5), -0.479425538604203));
static_assert(near(lz::d(lz::tan(x), x)(x = 0.5), 1.2984464104095248));
static_assert(near(lz::d(lz::exp(2 * x), x)(x = 1.0), 14.7781121978613));
static_assert(near(lz::d(lz::log(x * x), x)(x = 4.0), 0.5));
static_assert(near(lz::d(lz::sqrt(x), x)(x = 4.0), 0.25));
static_assert(near(lz::d(lz::tanh(x), x)(x = 0.5), 0.7864477329659274));
static_assert(near(lz::d(lz::pow(x, 1.5), x)(x = 4.0), 3.0));
static_assert(lz::d(lz::pow(x, 2.0), x)(x = 3.0) == 6.0);
static_assert(near(lz::d(lz::pow(x, y), y)(x = 2.0, y = 3.0), 8 * 0.6931471805599453));
static_assert(near(lz::d(lz::pow(x, y), x)(x = 2.0, y = 3.0), 12.0));
// At a base of 0 the power rule is finite where the derivative is: y·x^(y−1),
// not y·x^y/x (0/0).
static_assert(lz::d(lz::pow(x, y), x)(x = 0.0, y = 2.0) == 0.0);
static_assert(lz::d(lz::pow(x, y), x)(x = 0.0, y = 1.0) == 1.0);
static_assert(lz::d(lz::pow(x, y), x, x)(x = 0.0, y = 3.0) == 0.0);
static_assert(lz::d(lz::pow(x, y), x)(x = 1.0, y = -1.0) == -1.0);
static_assert(lz::d(lz::pow(x, 2.0), x)(x = 0.0) == 0.0);
static_assert(near(lz::d(lz::pow(x, y), x, y)(x = 2.0, y = 3.0), 12 * 0.6931471805599453 + 4));
static_assert(near(lz::d(lz::sin(x) * x, x)(x = 0.5), 0.9182168195493894));
static_assert(near(lz::d(lz::exp(lz::sin(x)), x, x)(x = 0.0), 1.0));  // e^sin(x)(cos²x - sin x) at 0

}  // namespace

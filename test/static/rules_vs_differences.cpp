// Every differentiation rule against a central difference at many points, in
// constant expressions. (The run-time twin is test/runtime/rules.cpp.)
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;

namespace {

constexpr auto x = lz::var<"x">;

constexpr double magnitude(double v) { return v < 0 ? -v : v; }

// d(f, x) agrees with (f(p + h) - f(p - h)) / 2h at `count` points of [from, to].
template <class F>
constexpr bool agrees_with_central_difference(const F& f, double from, double to, int count = 25) {
    const auto df = lz::d(f, x);
    for (int i = 0; i < count; ++i) {
        const double p = from + (to - from) * i / (count - 1);
        const double h = 1e-5 * (magnitude(p) > 1 ? magnitude(p) : 1);
        const double difference = (f(x = p + h) - f(x = p - h)) / (2 * h);
        const double exact = df(x = p);
        const double scale = magnitude(exact) > 1 ? magnitude(exact) : 1;
        if (magnitude(exact - difference) > 1e-6 * scale) return false;
    }
    return true;
}

static_assert(agrees_with_central_difference(3 * x - 7, -3, 3));
static_assert(agrees_with_central_difference(2 * x * x - 3 * x + 4, -3, 3));
static_assert(agrees_with_central_difference(lz::pow<5>(x) - 4 * lz::pow<3>(x) + x, -2, 2));
static_assert(agrees_with_central_difference((x + 1) * (x - 2) * (2 * x + 3), -3, 3));
static_assert(agrees_with_central_difference(lz::pow<4>(x * x - 1), -1.5, 1.5));
static_assert(agrees_with_central_difference(lz::pow<-1>(x), 0.2, 5));
static_assert(agrees_with_central_difference(lz::pow<-3>(x * x + 1), -3, 3));
static_assert(agrees_with_central_difference((x + 2) / (x * x + 1), -3, 3));
static_assert(agrees_with_central_difference(-(x * x * x) / 3, -3, 3));
static_assert(agrees_with_central_difference(lz::abs(x * x - 2), 1.5, 3));
static_assert(agrees_with_central_difference(lz::abs(x * x - 2), -1.3, 1.3));
static_assert(agrees_with_central_difference(lz::pow(x, 3), -3, 3));
static_assert(agrees_with_central_difference(3 * (2 * x * x - x - 2) + 1, -3, 3));

static_assert(agrees_with_central_difference(lz::sin(x), -6, 6));
static_assert(agrees_with_central_difference(lz::cos(x), -6, 6));
static_assert(agrees_with_central_difference(lz::tan(x), -1.4, 1.4));
static_assert(agrees_with_central_difference(lz::exp(x), -5, 5));
static_assert(agrees_with_central_difference(lz::log(x), 0.05, 20));
static_assert(agrees_with_central_difference(lz::sqrt(x), 0.05, 20));
static_assert(agrees_with_central_difference(lz::tanh(x), -4, 4));
static_assert(agrees_with_central_difference(lz::asin(x), -0.95, 0.95));
static_assert(agrees_with_central_difference(lz::acos(x), -0.95, 0.95));
static_assert(agrees_with_central_difference(lz::atan(x), -8, 8));
static_assert(agrees_with_central_difference(lz::sinh(x), -5, 5));
static_assert(agrees_with_central_difference(lz::cosh(x), -5, 5));
static_assert(agrees_with_central_difference(lz::asinh(x), -8, 8));
static_assert(agrees_with_central_difference(lz::acosh(x), 1.05, 9));
static_assert(agrees_with_central_difference(lz::atanh(x), -0.95, 0.95));
static_assert(agrees_with_central_difference(lz::erf(x), -3, 3));
static_assert(agrees_with_central_difference(lz::erfc(x), -3, 3));
static_assert(agrees_with_central_difference(lz::log1p(x), -0.9, 9));
static_assert(agrees_with_central_difference(lz::expm1(x), -5, 5));
static_assert(agrees_with_central_difference(lz::cbrt(x), 0.1, 8));
static_assert(agrees_with_central_difference(lz::cbrt(x), -8, -0.1));
static_assert(agrees_with_central_difference(lz::atan(x / (x * x + 1)) * lz::erf(x), -3, 3));
static_assert(agrees_with_central_difference(lz::atan2(x, 1.5), -4, 4));
static_assert(agrees_with_central_difference(lz::atan2(x * x + 1, x), -3, 3));
static_assert(agrees_with_central_difference(lz::hypot(x, 2.5) * lz::hypot(3, x), -4, 4));
static_assert(agrees_with_central_difference(lz::where(x < 1, lz::sin(x), x * x), 1.1, 3));
static_assert(agrees_with_central_difference(lz::max(x * x, 2 - x), -0.9, 0.9));
static_assert(agrees_with_central_difference(lz::pow(x, 1.5), 0.05, 9));
static_assert(agrees_with_central_difference(lz::pow(x, x), 0.2, 3));
static_assert(agrees_with_central_difference(lz::pow(2, x * x), -2, 2));
static_assert(agrees_with_central_difference(lz::exp(-lz::pow<2>(lz::sin(x))) / (1 + x * x), -3, 3));
static_assert(agrees_with_central_difference(lz::sin(x) * lz::exp(x) * lz::log(x + 5), -2, 3));

}  // namespace

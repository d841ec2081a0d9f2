// SIMD lanes as scalars: values, gradients and Hessians of
// std::experimental::simd bindings equal, lane by lane, the scalar results at
// each lane's point (bit for bit where only + - * / are involved; within a few
// units in the last place where the vector type's own sin, exp, ... are).
#include <leibniz/leibniz.hpp>
#include <leibniz/simd.hpp>

#include <boost/mpl/list.hpp>
#include <boost/test/unit_test.hpp>

#include <array>
#include <bit>
#include <cmath>
#include <cstddef>
#include <experimental/simd>
#include <limits>
#include <random>
#include <string>
#include <vector>

namespace lz = leibniz;
namespace stdx = std::experimental;

namespace {

constexpr auto x = lz::var<"x">;
constexpr auto y = lz::var<"y">;

// The points every expression is checked at: 0, ±1, integers, halves and
// random values, paired so that each lane of a vector gets a different point.
template <class S>
std::vector<std::array<S, 2>> test_points() {
    std::vector<std::array<S, 2>> points;
    const S specials[] = {0, 1, -1, 2, -2, 3, S(0.5), S(-0.5), 4, -3};
    for (S a : specials)
        for (S b : specials) points.push_back({a, b});
    std::mt19937 random(20261203);
    std::uniform_real_distribution<double> u(-3.5, 3.5);
    for (int i = 0; i < 100; ++i) points.push_back({S(u(random)), S(u(random))});
    return points;
}

// The distance between a and b in units in the last place of the larger of
// |a|, |b| and 1 (0 for equal values, and for two NaNs): a second derivative
// that is a difference of terms near 1 is compared at the terms' scale.
template <class S>
double ulps(S a, S b) {
    if (a == b || (a != a && b != b)) return 0;
    if (a != a || b != b || std::isinf(a) || std::isinf(b)) return std::numeric_limits<double>::infinity();
    const S scale = std::max({std::abs(a), std::abs(b), S(1)});
    return double(std::abs(a - b) / (scale * std::numeric_limits<S>::epsilon()));
}

// Evaluates value_gradient_hessian of f on vectors of V lanes and on each
// lane's point alone, and returns the largest difference in ulps; `what`
// names the first lane that differs most, for the failure message.
template <class V, class F>
double largest_lane_difference(const F& f, std::string& what) {
    using S = typename V::value_type;
    constexpr std::size_t lanes = V::size();
    const auto points = test_points<S>();
    const auto all = lz::value_gradient_hessian(f, x, y);
    const auto gradient = lz::gradient(f, x, y);
    const auto hessian = lz::hessian(f, x, y);
    double worst = 0;
    for (std::size_t first = 0; first + lanes <= points.size(); first += lanes) {
        const V xs([&](auto i) { return points[first + i][0]; });
        const V ys([&](auto i) { return points[first + i][1]; });
        const V value = f(x = xs, y = ys);
        const auto r = all(x = xs, y = ys);
        const auto g = gradient(x = xs, y = ys);
        const auto h = hessian(x = xs, y = ys);
        for (std::size_t i = 0; i < lanes; ++i) {
            const S px = points[first + i][0], py = points[first + i][1];
            const auto s = all(x = px, y = py);
            auto compare = [&](S lane, S scalar, const char* part) {
                const double d = ulps(lane, scalar);
                if (d > worst) {
                    worst = d;
                    what = std::string(part) + " at (" + std::to_string(px) + ", " + std::to_string(py) +
                           "): lane " + std::to_string(lane) + ", scalar " + std::to_string(scalar) + ", " + std::to_string(d) + " ulps";
                }
            };
            compare(value[i], f(x = px, y = py), "value");
            compare(r.value[i], s.value, "value (value_gradient_hessian)");
            for (std::size_t j = 0; j < 2; ++j) {
                compare(g[j][i], s.gradient[j], "gradient");
                compare(r.gradient[j][i], s.gradient[j], "gradient (value_gradient_hessian)");
                for (std::size_t k = 0; k < 2; ++k) {
                    compare(h[j][k][i], s.hessian[j][k], "hessian");
                    compare(r.hessian[j][k][i], s.hessian[j][k], "hessian (value_gradient_hessian)");
                }
            }
        }
    }
    return worst;
}

}  // namespace

// Lanes of three doubles use the scalar functions lane by lane (the way to
// opt out of a vector type's own sin, exp, ...): bit for bit the scalar results.
template <>
inline constexpr bool leibniz::use_vector_functions<stdx::fixed_size_simd<double, 3>> = false;

namespace {

// Every lane type by default; a sanitizer build compiles one of them
// (LEIBNIZ_TEST_SIMD_LANES, from the CMake cache variable of that name): the
// vector-function path (native doubles) in one preset, the lane-by-lane path
// (three fixed doubles) in the other, at a third of the compile time.
#if defined(LEIBNIZ_TEST_SIMD_LANES) && LEIBNIZ_TEST_SIMD_LANES == 1
using lane_types = boost::mpl::list<stdx::native_simd<double>>;
#elif defined(LEIBNIZ_TEST_SIMD_LANES) && LEIBNIZ_TEST_SIMD_LANES == 2
using lane_types = boost::mpl::list<stdx::fixed_size_simd<double, 3>>;
#else
using lane_types = boost::mpl::list<stdx::native_simd<double>, stdx::native_simd<float>, stdx::fixed_size_simd<double, 3>>;
#endif

}  // namespace

// Sums and products only: every lane is the scalar result, bit for bit.
BOOST_AUTO_TEST_CASE_TEMPLATE(arithmetic_is_bit_identical, V, lane_types) {
    constexpr auto himmelblau = lz::pow<2>(x * x + y - 11) + lz::pow<2>(x + y * y - 7);
    constexpr auto rational = (x * y - 3) / (x * x + y * y + 1) + lz::pow<-2>(x * x + 2) * y;
    std::string what;
    BOOST_TEST(largest_lane_difference<V>(himmelblau, what) == 0, what);
    BOOST_TEST(largest_lane_difference<V>(rational, what) == 0, what);
}

// The elementary functions are the vector type's own (std::experimental's):
// each lane within a few ulps of the scalar function, which second
// derivatives that cancel (terms near 100 summing to 0.19) amplify: 128 ulps
// at the scale of 1 is 3e-14 for double, 2e-5 for float, and far below what
// a wrong lane (sin for cos) would give.
BOOST_AUTO_TEST_CASE_TEMPLATE(elementary_functions_agree_lane_by_lane, V, lane_types) {
    constexpr auto exp_log = lz::exp(lz::sin(x) * y) + lz::log(x * x + 1) + lz::sqrt(y * y + 2) + lz::cos(x * y);
    constexpr auto odd = lz::tan(x / 4) + lz::tanh(y) + lz::atan(x) + lz::asinh(y) + lz::cbrt(x * x + y);
    constexpr auto inverse = lz::asin(x / 8) + lz::acos(y / 8) + lz::sinh(x / 4) + lz::cosh(y / 4) +
                             lz::atanh(x / 8) + lz::acosh(y * y + 1) + lz::log1p(x * x) + lz::expm1(y / 4);
    constexpr auto special = lz::erf(x) * lz::erfc(y / 2) + lz::atan2(y, x) + lz::hypot(x, y + 1);
    constexpr auto powers = lz::pow(x * x + 1, y / 2) + lz::pow(y * y + 1, 1.5) + lz::pow<3>(lz::sin(x));
    std::string what;
    const double tolerance = lz::use_vector_functions<V> ? 128 : 0;
    BOOST_TEST(largest_lane_difference<V>(exp_log, what) <= tolerance, what);
    BOOST_TEST(largest_lane_difference<V>(odd, what) <= tolerance, what);
    BOOST_TEST(largest_lane_difference<V>(inverse, what) <= tolerance, what);
    BOOST_TEST(largest_lane_difference<V>(special, what) <= tolerance, what);
    BOOST_TEST(largest_lane_difference<V>(powers, what) <= tolerance, what);
}

// abs, sign and branches: each lane takes its own side of a condition, even
// where the lanes of one vector disagree. The side not taken may be outside
// its domain on that lane (log of a negative number, a square root's
// derivative at 0) and leaves no NaN in the value, the gradient or the Hessian.
BOOST_AUTO_TEST_CASE_TEMPLATE(branches_take_each_lane_its_own_side, V, lane_types) {
    constexpr auto kinks = lz::abs(x - y) + lz::abs(x) * y + lz::min(x, y) * x + lz::max(x * y, 1);
    constexpr auto guarded = lz::where(x > 0, lz::log(x) * y, y * y - x) + lz::where(y >= 0, lz::sqrt(y) * x, 0);
    constexpr auto nested = lz::where(x < y, lz::where(x * y > 1, lz::exp(x), lz::sin(y)), lz::max(x, 2) * y);
    std::string what;
    BOOST_TEST(largest_lane_difference<V>(kinks, what) == 0, what);
    BOOST_TEST(largest_lane_difference<V>(guarded, what) <= 128, what);
    BOOST_TEST(largest_lane_difference<V>(nested, what) <= 128, what);
}

// at_points: columns in, columns out, every row the scalar evaluator's result
// at that row's point; lengths that are not a multiple of the lane count (the
// last vector is padded), one point, and none.
BOOST_AUTO_TEST_CASE(at_points_gives_each_row_the_scalar_result) {
    constexpr auto himmelblau = lz::pow<2>(x * x + y - 11) + lz::pow<2>(x + y * y - 7);
    const auto all = lz::value_gradient_hessian(himmelblau, x, y);
    for (std::size_t m : {0, 1, 2, 5, 37}) {
        std::vector<double> xs, ys;
        for (std::size_t i = 0; i < m; ++i) {
            xs.push_back(double(i % 7) - 3);
            ys.push_back(0.5 * double(i) - 2);
        }
        const auto points = lz::data(x = xs, y = ys);
        const std::vector<double> values = lz::at_points(himmelblau, points);
        const auto gradients = lz::at_points(lz::gradient(himmelblau, x, y), points);
        const auto hessians = lz::at_points(lz::hessian(himmelblau, x, y), points);
        const auto both = lz::at_points(lz::value_and_gradient(himmelblau, x, y), points);
        const auto eight = lz::at_points<stdx::fixed_size_simd<double, 8>>(all, points);
        auto reused = lz::at_points(all, lz::data(x = ys, y = xs));  // other points first, then into it
        lz::at_points(all, points, reused);
        BOOST_TEST(values.size() == m);
        BOOST_TEST(eight.hessian[1][0].size() == m);
        for (std::size_t i = 0; i < m; ++i) {
            const auto s = all(x = xs[i], y = ys[i]);
            BOOST_TEST(values[i] == s.value);
            BOOST_TEST(both.value[i] == s.value);
            BOOST_TEST(eight.value[i] == s.value);
            BOOST_TEST(reused.value[i] == s.value);
            BOOST_TEST(reused.hessian[0][1][i] == s.hessian[0][1]);
            for (std::size_t j = 0; j < 2; ++j) {
                BOOST_TEST(gradients[j][i] == s.gradient[j]);
                BOOST_TEST(both.gradient[j][i] == s.gradient[j]);
                BOOST_TEST(eight.gradient[j][i] == s.gradient[j]);
                for (std::size_t k = 0; k < 2; ++k) {
                    BOOST_TEST(hessians[j][k][i] == s.hessian[j][k]);
                    BOOST_TEST(eight.hessian[j][k][i] == s.hessian[j][k]);
                }
            }
        }
    }
    // float columns: native_simd<float> lanes, float results.
    const std::vector<float> xf{1.0f, -2.0f, 0.5f}, yf{0.0f, 3.0f, -1.0f};
    const std::vector<float> vf = lz::at_points(himmelblau, lz::data(x = xf, y = yf));
    for (std::size_t i = 0; i < xf.size(); ++i) BOOST_TEST(vf[i] == float(himmelblau(x = xf[i], y = yf[i])));
}

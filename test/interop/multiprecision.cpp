// Boost.Multiprecision through the normal API: values, gradients and Hessians
// of expressions covering every elementary function, in cpp_bin_float_50 (and
// mpfr_float_50 where MPFR is found), against mpmath at 40 significant digits
// (multiprecision_expected.hpp, generated at build time).
#include <boost/test/unit_test.hpp>

#include <leibniz/leibniz.hpp>

#include <boost/multiprecision/cpp_bin_float.hpp>
#ifdef LEIBNIZ_TEST_MPFR
#include <boost/multiprecision/mpfr.hpp>
#endif

#include "multiprecision_expected.hpp"

#include <string>

namespace lz = leibniz;
namespace mp = boost::multiprecision;

namespace {
constexpr auto x = lz::var<"x">;
constexpr auto y = lz::var<"y">;

using leibniz::atan2;
using leibniz::hypot;
using leibniz::pow;

// |got - expected| <= 10^-digits * max(|expected|, 1)
template <class T>
bool close(const T& got, const char* expected, int digits, const std::string& what) {
    const T e(expected);
    const T scale = abs(e) > 1 ? T(abs(e)) : T(1);
    const T err = abs(got - e);
    const bool ok = err <= pow(T(10), T(-digits)) * scale;
    if (!ok) BOOST_TEST_MESSAGE(what << ": got " << got.str(45) << ", expected " << expected << ", error " << err.str(5));
    return ok;
}

template <class T, class E>
void check_expression(const E& f, int index) {
    for (const auto& c : mp_expected::cases) {
        if (c.expression != index) continue;
        const T a(c.x), b(c.y);
        const std::string at = "expression " + std::to_string(index) + " at (" + c.x + ", " + c.y + ")";
        BOOST_TEST(close<T>(f(x = a, y = b), c.value, 40, at + " value"));
        const auto g = lz::gradient(f, x, y)(x = a, y = b);
        BOOST_TEST(close<T>(g[0], c.gradient[0], 40, at + " d/dx"));
        BOOST_TEST(close<T>(g[1], c.gradient[1], 40, at + " d/dy"));
        const auto r = lz::value_gradient_hessian(f, x, y)(lz::point(x = a, y = b));
        BOOST_TEST(close<T>(r.value, c.value, 40, at + " value (value_gradient_hessian)"));
        BOOST_TEST(close<T>(r.gradient[1], c.gradient[1], 40, at + " d/dy (value_gradient_hessian)"));
        for (int i = 0; i < 2; ++i)
            for (int j = 0; j < 2; ++j)
                BOOST_TEST(close<T>(r.hessian[i][j], c.hessian[i][j], c.hessian_digits,
                                    at + " hessian " + std::to_string(i) + std::to_string(j)));
    }
}

template <class T>
void check_all() {
#define LEIBNIZ_MP_CHECK(index, ...) check_expression<T>(__VA_ARGS__, index);
    LEIBNIZ_MP_EXPRESSIONS(LEIBNIZ_MP_CHECK)
#undef LEIBNIZ_MP_CHECK
}
}  // namespace

// One scalar type per executable (LEIBNIZ_TEST_MPFR selects mpfr_float_50):
// each takes minutes to compile, and two units build in parallel.
#ifndef LEIBNIZ_TEST_MPFR
BOOST_AUTO_TEST_CASE(cpp_bin_float_50_against_mpmath) { check_all<mp::cpp_bin_float_50>(); }

// A number written as a fraction is divided in the wide type, not in long double.
BOOST_AUTO_TEST_CASE(exact_fractions_keep_full_precision) {
    using T = mp::cpp_bin_float_50;
    const T third = (x / 3)(x = T(1));
    BOOST_TEST(abs(third - T(1) / 3) <= pow(T(10), T(-49)));
}

#else
// mpfr_float_50 uses expression templates (et_on).
BOOST_AUTO_TEST_CASE(mpfr_float_50_against_mpmath) { check_all<mp::mpfr_float_50>(); }
#endif

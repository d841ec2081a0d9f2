// Jacobians of tuples of expressions: values against each row's own gradient,
// every binding form, the sharing between rows proved by counting, and the
// sparsity patterns known from the types.
#include "../common/counting_scalar.hpp"

#include <leibniz/leibniz.hpp>

#include <boost/test/unit_test.hpp>

#include <array>
#include <cmath>
#include <tuple>
#include <vector>

namespace lz = leibniz;

namespace {

constexpr auto x = lz::var<"x">;
constexpr auto y = lz::var<"y">;
constexpr auto z = lz::var<"z">;

// Rows that share sin(x·y) and x·y.
constexpr auto shared_rows = std::tuple{lz::sin(x * y) * x, lz::sin(x * y) + y * z, lz::exp(z) - x * y};

BOOST_AUTO_TEST_CASE(rows_agree_with_each_rows_gradient) {
    const auto jf = lz::value_and_jacobian(shared_rows, x, y, z);
    for (double px : {-1.5, -1.0, 0.0, 0.5, 2.0})
        for (double py : {-2.0, 0.0, 1.0, 3.0})
            for (double pz : {-1.0, 0.0, 1.0}) {
                const auto r = jf(x = px, y = py, z = pz);
                const auto row0 = lz::value_and_gradient(std::get<0>(shared_rows), x, y, z)(x = px, y = py, z = pz);
                const auto row1 = lz::value_and_gradient(std::get<1>(shared_rows), x, y, z)(x = px, y = py, z = pz);
                const auto row2 = lz::value_and_gradient(std::get<2>(shared_rows), x, y, z)(x = px, y = py, z = pz);
                // One plan for all rows computes each entry as the row's own plan does: bit for bit.
                BOOST_TEST(r.value[0] == row0.value);
                BOOST_TEST(r.value[1] == row1.value);
                BOOST_TEST(r.value[2] == row2.value);
                for (std::size_t j = 0; j < 3; ++j) {
                    BOOST_TEST(r.jacobian[0][j] == row0.gradient[j]);
                    BOOST_TEST(r.jacobian[1][j] == row1.gradient[j]);
                    BOOST_TEST(r.jacobian[2][j] == row2.gradient[j]);
                }
                // And the numbers are the derivatives.
                const double s = std::sin(px * py), c = std::cos(px * py);
                BOOST_TEST(std::fabs(r.jacobian[0][0] - (s + px * py * c)) <= 1e-14 * (1 + std::fabs(s) + std::fabs(px * py)));
                BOOST_TEST(r.jacobian[0][2] == 0.0);
                BOOST_TEST(r.jacobian[1][2] == py);
                BOOST_TEST(r.jacobian[2][2] == std::exp(pz));
                BOOST_TEST(r.jacobian[2][0] == -py);
            }
}

BOOST_AUTO_TEST_CASE(every_binding_form_gives_the_same_matrix) {
    const auto J = lz::jacobian(shared_rows, x, y, z);
    const auto by_name = J(x = 0.5, y = -1.0, z = 2.0);
    const auto reordered = J(z = 2.0, x = 0.5, y = -1.0);
    const auto at_point = J(lz::point(x = 0.5, y = -1.0, z = 2.0));
    static constexpr auto ws = lz::vars<"w", 3>;
    const auto packed = lz::jacobian(std::tuple{std::get<0>(ws) * std::get<1>(ws), std::get<2>(ws)}, ws);
    const std::array<double, 3> values{2.0, 3.0, 4.0};
    const auto p = packed(ws = values);
    BOOST_TEST(by_name == reordered);
    BOOST_TEST(by_name == at_point);
    BOOST_TEST(p[0][0] == 3.0);
    BOOST_TEST(p[0][1] == 2.0);
    BOOST_TEST(p[0][2] == 0.0);
    BOOST_TEST(p[1][2] == 1.0);
    // Rows may be numbers; variables not differentiated by are bound like any other.
    const auto with_number = lz::value_and_jacobian(std::tuple{x * y, 3}, x)(x = 2.0, y = 5.0);
    BOOST_TEST(with_number.value[1] == 3.0);
    BOOST_TEST(with_number.jacobian[0][0] == 5.0);
    BOOST_TEST(with_number.jacobian[1][0] == 0.0);
}

BOOST_AUTO_TEST_CASE(other_scalar_types) {
    const auto f = lz::jacobian(std::tuple{x * x * y, lz::atan(y)}, x, y)(x = 2.0f, y = 1.0f);
    static_assert(std::is_same_v<decltype(f), const std::array<std::array<float, 2>, 2>>);
    BOOST_TEST(f[0][0] == 4.0f);
    BOOST_TEST(f[0][1] == 4.0f);
    BOOST_TEST(f[1][1] == 0.5f);
    const auto l = lz::jacobian(std::tuple{x * x * y}, x, y)(x = 2.0L, y = 1.0L);
    BOOST_TEST(l[0][0] == 4.0L);
}

// sin(x·y) and cos(x·y) are computed once for all three rows (and x·y once).
BOOST_AUTO_TEST_CASE(a_subexpression_shared_between_rows_is_computed_once) {
    using counting::scalar;
    constexpr auto rows = std::tuple{lz::sin(x * y) * x, lz::sin(x * y) + y * z, lz::exp(z) - x * y};
    const auto J = lz::value_and_jacobian(rows, x, y, z);
    counting::reset();
    const auto r = J(x = scalar(0.5), y = scalar(2.0), z = scalar(1.0));
    const counting::tally t = counting::counts();
    BOOST_TEST_MESSAGE("value and Jacobian of 3 rows sharing sin(x*y): " << t.multiplications << " *, " << t.additions
                                                                         << " +-, " << t.functions() << " function calls");
    BOOST_TEST(t.sin == 1);
    BOOST_TEST(t.cos == 1);
    BOOST_TEST(t.exp == 1);
    // Row by row, the same entries cost 2 sines and 2 cosines.
    counting::reset();
    const auto a = lz::value_and_gradient(std::get<0>(rows), x, y, z)(x = scalar(0.5), y = scalar(2.0), z = scalar(1.0));
    const auto b = lz::value_and_gradient(std::get<1>(rows), x, y, z)(x = scalar(0.5), y = scalar(2.0), z = scalar(1.0));
    BOOST_TEST(counting::counts().sin == 2);
    BOOST_TEST(counting::counts().cos == 2);
    BOOST_TEST(r.jacobian[0][1].v == a.gradient[1].v);
    BOOST_TEST(r.jacobian[1][0].v == b.gradient[0].v);
}

BOOST_AUTO_TEST_CASE(a_row_holding_a_mean_is_part_of_the_rows_plan) {
    constexpr auto a = lz::var<"a">;
    constexpr auto t = lz::var<"t">;
    const std::vector<double> T{1, 2, 3};
    const auto loss = lz::mean(lz::pow<2>(a * t - 1), lz::data(t = T));
    const auto r = lz::value_and_jacobian(std::tuple{loss, a * a}, a)(a = 1.0);
    const auto g = lz::value_and_gradient(loss, a)(a = 1.0);
    BOOST_TEST(r.value[0] == g.value);
    BOOST_TEST(r.jacobian[0][0] == g.gradient[0]);
    BOOST_TEST(r.jacobian[1][0] == 2.0);
}

BOOST_AUTO_TEST_CASE(patterns_are_the_structural_nonzeros) {
    constexpr auto jp = lz::jacobian_pattern(shared_rows, x, y, z);
    static_assert(jp[0][0] && jp[0][1] && !jp[0][2]);
    static_assert(jp[1][0] && jp[1][1] && jp[1][2]);
    static_assert(jp[2][0] && jp[2][1] && jp[2][2]);
    // sign(x) depends on x, but its derivative is structurally zero.
    constexpr auto sp = lz::jacobian_pattern(std::tuple{lz::sign(x) * y}, x, y);
    static_assert(!sp[0][0] && sp[0][1]);
    // Rosenbrock's function in 4 variables: a tridiagonal Hessian.
    static constexpr auto w = lz::vars<"w", 4>;
    constexpr auto f = lz::sum<3>([](auto i) {
        return 100 * lz::pow<2>(std::get<i + 1>(w) - lz::pow<2>(std::get<i>(w))) + lz::pow<2>(1 - std::get<i>(w));
    });
    constexpr auto hp = lz::hessian_pattern(f, w);
    for (std::size_t i = 0; i < 4; ++i)
        for (std::size_t j = 0; j < 4; ++j) BOOST_TEST(hp[i][j] == (i == j || i + 1 == j || j + 1 == i));
    const auto h = lz::hessian(f, w)(w = std::array<double, 4>{0.5, -1.0, 2.0, 1.5});
    for (std::size_t i = 0; i < 4; ++i)
        for (std::size_t j = 0; j < 4; ++j)
            if (!hp[i][j]) BOOST_TEST(h[i][j] == 0.0);
}

}  // namespace

// Vectors of any length and sums over an index at run time: bindings from
// std::vector, std::span, std::array and row-major storage, lengths known only
// at run time, nested sums, and reads outside a vector refused before anything
// is evaluated, with a message naming the vector, the element and the range.
#include <leibniz/leibniz.hpp>

#include <boost/test/unit_test.hpp>

#include <array>
#include <cmath>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace lz = leibniz;

namespace {

constexpr auto x = lz::vec<"x">;
constexpr auto t = lz::vec<"t">;
constexpr auto y = lz::vec<"y">;
constexpr auto A = lz::mat<"A">;
constexpr auto a = lz::var<"a">;
constexpr auto b = lz::var<"b">;
constexpr auto i = lz::index<"i">;
constexpr auto j = lz::index<"j">;
constexpr auto k = lz::index<"k">;

constexpr auto rosen = lz::sum(i, 0, lz::size(x) - 1, 100 * lz::pow<2>(x[i + 1] - x[i] * x[i]) + lz::pow<2>(1 - x[i]));

// The same sum written as a loop, in the same order of operations.
double rosen_by_hand(const std::vector<double>& v) {
    double s = 0;
    for (std::size_t n = 0; n + 1 < v.size(); ++n) {
        const double d = v[n + 1] - v[n] * v[n];
        const double e = 1 - v[n];
        s = s + (100 * (d * d) + e * e);
    }
    return s;
}

std::string message_of(auto&& evaluate) {
    try {
        (void)evaluate();
    } catch (const std::out_of_range& e) {
        return e.what();
    }
    return "(nothing thrown)";
}

BOOST_AUTO_TEST_CASE(a_length_known_at_run_time) {
    for (std::size_t n : {0u, 1u, 2u, 3u, 10u, 1000u}) {
        std::vector<double> v(n);
        for (std::size_t m = 0; m < n; ++m) v[m] = std::sin(0.7 * static_cast<double>(m)) - 0.25;
        BOOST_TEST(rosen(x = v) == rosen_by_hand(v));
    }
    const std::vector<double> p(1000, 0.5);
    BOOST_TEST(rosen(x = p) == 999 * 6.5);
    // The values users meet: 0, ±1, integers.
    BOOST_TEST(rosen(x = std::vector<double>{1, 1, 1}) == 0.0);
    BOOST_TEST(rosen(x = std::vector<double>{0, 0}) == 1.0);
    BOOST_TEST(rosen(x = std::vector<double>{-1, 1, -1}) == 4.0 + 100 * 4.0 + 0.0);
    BOOST_TEST(rosen(x = std::vector<int>{2, 3}) == 100.0 + 1.0);  // integers evaluate in double
}

BOOST_AUTO_TEST_CASE(every_contiguous_range_binds) {
    const std::vector<double> v{0.5, 0.5, 0.5};
    const std::array<double, 3> arr{0.5, 0.5, 0.5};
    const double raw[] = {0.5, 0.5, 0.5};
    BOOST_TEST(rosen(x = v) == 13.0);
    BOOST_TEST(rosen(x = arr) == 13.0);
    BOOST_TEST(rosen(x = std::span<const double>(raw)) == 13.0);
    BOOST_TEST(rosen(x = std::span<const double, 3>(raw)) == 13.0);
    BOOST_TEST(rosen(x = std::vector<float>{0.5f, 0.5f, 0.5f}) == 13.0);  // (x = float values: a float sum)
}

BOOST_AUTO_TEST_CASE(scalars_beside_vectors_and_the_derivative_by_a_scalar) {
    constexpr auto line = lz::sum(i, 0, lz::size(t), lz::pow<2>(a + b * t[i] - y[i])) / 2;
    std::vector<double> ts(101), ys(101);
    for (std::size_t m = 0; m < ts.size(); ++m) {
        ts[m] = static_cast<double>(m) / 100;
        ys[m] = 1 + 2 * ts[m];
    }
    BOOST_TEST(line(a = 1.0, b = 2.0, t = ts, y = ys) == 0.0);
    // ∂/∂a at (0, 2) is Σ (a + b tᵢ − yᵢ) = −101; ∂/∂b is Σ −tᵢ = −50.5.
    BOOST_TEST(lz::d(line, a)(a = 0.0, b = 2.0, t = ts, y = ys) == -101.0);
    BOOST_TEST(lz::d(line, b)(a = 0.0, b = 2.0, t = ts, y = ys) == -50.5, boost::test_tools::tolerance(1e-14));
    BOOST_TEST(lz::to_string(lz::d(line, a)) == "sum(i = 0 .. size(t) - 1, 2*a + 2*b*t[i] - 2*y[i])/2");
}

BOOST_AUTO_TEST_CASE(gradients_and_hessians_by_scalars_through_the_plan) {
    constexpr auto line = lz::sum(i, 0, lz::size(t), lz::pow<2>(a + b * t[i] - y[i])) / 2;
    std::vector<double> ts(1000), ys(1000);
    for (std::size_t m = 0; m < ts.size(); ++m) {
        ts[m] = std::sin(0.37 * static_cast<double>(m));
        ys[m] = 2 + 3 * ts[m] + 0.1 * std::cos(1.3 * static_cast<double>(m));
    }
    for (double pa : {0.0, 1.0, -1.0, 2.5}) {
        for (double pb : {0.0, 1.0, -1.0, 3.0}) {
            double value = 0, ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
            for (std::size_t m = 0; m < ts.size(); ++m) {
                const double r = pa + pb * ts[m] - ys[m];
                value += r * r / 2;
                ga += r;
                gb += r * ts[m];
                haa += 1;
                hab += ts[m];
                hbb += ts[m] * ts[m];
            }
            const auto [v, g] = lz::value_and_gradient(line, a, b)(a = pa, b = pb, t = ts, y = ys);
            BOOST_TEST(v == line(a = pa, b = pb, t = ts, y = ys));  // the plan's value: plain evaluation's bits
            BOOST_TEST(v == value, boost::test_tools::tolerance(1e-12));
            BOOST_TEST(g[0] == ga, boost::test_tools::tolerance(1e-12));
            BOOST_TEST(g[1] == gb, boost::test_tools::tolerance(1e-12));
            const auto h = lz::hessian(line, a, b)(a = pa, b = pb, t = ts, y = ys);
            BOOST_TEST(h[0][0] == haa);
            BOOST_TEST(h[0][1] == hab, boost::test_tools::tolerance(1e-12));
            BOOST_TEST(h[1][0] == h[0][1]);
            BOOST_TEST(h[1][1] == hbb, boost::test_tools::tolerance(1e-12));
        }
    }
    // A sum inside a function, a variable outside it: the chain rule through the loop node.
    constexpr auto outer = lz::exp(lz::sum(i, 0, lz::size(t), a * t[i])) + b * b;
    const std::vector<double> three{1, 2, 3};
    const auto g = lz::gradient(outer, a, b)(a = 0.1, b = -2.0, t = three);
    BOOST_TEST(g[0] == lz::d(outer, a)(a = 0.1, b = -2.0, t = three), boost::test_tools::tolerance(1e-15));
    BOOST_TEST(g[1] == -4.0);
    // Reads are checked before the loop runs, in the plan as in plain evaluation.
    constexpr auto past_the_end = lz::sum(i, 0, lz::size(t), a * t[i + 1]);
    BOOST_CHECK_THROW((void)lz::gradient(past_the_end, a)(a = 1.0, t = three), std::out_of_range);
}

// Rosenbrock's gradient written by hand, term by term in index order.
std::vector<double> rosen_gradient_by_hand(const std::vector<double>& v) {
    std::vector<double> g(v.size(), 0.0);
    for (std::size_t n = 0; n + 1 < v.size(); ++n) {
        const double d = v[n + 1] - v[n] * v[n];
        g[n] += -400 * d * v[n] - 2 * (1 - v[n]);
        g[n + 1] += 200 * d;
    }
    return g;
}

BOOST_AUTO_TEST_CASE(the_gradient_by_a_vector) {
    for (std::size_t n : {1u, 2u, 3u, 10u, 1000u}) {
        std::vector<double> v(n);
        for (std::size_t m = 0; m < n; ++m) v[m] = 1.5 * std::sin(1.7 * static_cast<double>(m) + 0.3);
        const auto [value, g] = lz::value_and_gradient(rosen, x)(x = v);
        BOOST_TEST(value == rosen(x = v));  // the plan's value: plain evaluation's bits
        const std::vector<double> want = rosen_gradient_by_hand(v);
        BOOST_TEST(g.size() == n);
        for (std::size_t m = 0; m < n; ++m) BOOST_TEST(g[m] == want[m], boost::test_tools::tolerance(1e-12));
    }
    // The values users meet: 0, ±1 and integers.
    const auto g = lz::gradient(rosen, x)(x = std::vector<int>{0, 1, -1, 2});
    const auto want = rosen_gradient_by_hand({0, 1, -1, 2});
    for (std::size_t m = 0; m < 4; ++m) BOOST_TEST(g[m] == want[m]);
    const std::vector<double> p(1000, 0.5);
    const auto g1000 = lz::gradient(rosen, x)(x = p);
    BOOST_TEST(g1000[0] == -51.0);
    BOOST_TEST(g1000[1] == -1.0);
    BOOST_TEST(g1000[500] == -1.0);
    BOOST_TEST(g1000[999] == 50.0);
    // A sum inside a function: its adjoint exp(Σ) depends on its value. ∂/∂xₖ exp(Σ xᵢ²) = 2xₖ exp(Σ xᵢ²).
    constexpr auto wrapped = lz::exp(lz::sum(i, 0, lz::size(x), x[i] * x[i]));
    const std::vector<double> small{0.1, -0.2, 0.3};
    const auto gw = lz::gradient(wrapped, x)(x = small);
    const double e = std::exp(0.01 + 0.04 + 0.09);
    for (std::size_t m = 0; m < 3; ++m) BOOST_TEST(gw[m] == 2 * small[m] * e, boost::test_tools::tolerance(1e-14));
    // Elements outside any sum, a sum of data beside one of x: x₀·x₂ + Σ yᵢ + Σ xᵢ yᵢ.
    constexpr auto mixed = x[0] * x[2] + lz::sum(i, 0, lz::size(y), y[i]) + lz::sum(i, 0, lz::size(x), x[i] * y[i]);
    const std::vector<double> xs{1, 2, 3}, ys{10, 20, 30};
    const auto gm = lz::gradient(mixed, x)(x = xs, y = ys);
    BOOST_TEST(gm[0] == 3.0 + 10.0);
    BOOST_TEST(gm[1] == 20.0);
    BOOST_TEST(gm[2] == 1.0 + 30.0);
    // Reads past the end are refused before any loop runs, outside a sum too.
    constexpr auto past_the_end = lz::sum(i, 0, lz::size(x), x[i + 1] * x[i]);
    BOOST_CHECK_THROW((void)lz::gradient(past_the_end, x)(x = xs), std::out_of_range);
    BOOST_CHECK_THROW((void)lz::gradient(mixed, x)(x = std::vector<double>{1, 2}, y = ys), std::out_of_range);
    BOOST_CHECK_THROW((void)lz::gradient(x[5] * x[0], x)(x = xs), std::out_of_range);
}

BOOST_AUTO_TEST_CASE(the_gradient_into_a_kept_buffer) {
    std::vector<double> v(37);
    for (std::size_t m = 0; m < v.size(); ++m) v[m] = std::cos(0.7 * static_cast<double>(m));
    const auto want = lz::value_and_gradient(rosen, x)(x = v);
    // A std::vector is resized to x's length, and a second call overwrites (does not add to) what is there.
    std::vector<double> kept{42.0};
    const auto evaluate = lz::value_and_gradient(rosen, x);
    for (int call = 0; call < 2; ++call) {
        const double value = evaluate.into(kept, x = v);
        BOOST_TEST(value == want.value);
        BOOST_TEST(kept == want.gradient, boost::test_tools::per_element());
    }
    // Any contiguous range of x's length; another length is refused, before anything is written.
    std::array<double, 37> fixed{};
    lz::gradient(rosen, x).into(fixed, x = v);
    BOOST_TEST(std::vector<double>(fixed.begin(), fixed.end()) == want.gradient, boost::test_tools::per_element());
    std::vector<double> storage(40, -1.0);
    std::span<double> short_view(storage.data(), 36);
    BOOST_CHECK_THROW(lz::gradient(rosen, x).into(short_view, x = v), std::invalid_argument);
    BOOST_TEST(storage[0] == -1.0);
    // In a constant expression too.
    static_assert([] {
        std::array<double, 3> g{};
        const double value = lz::value_and_gradient(rosen, x).into(g, x = std::array{0.5, 0.5, 0.5});
        return value == 13.0 && g[0] == -51.0 && g[1] == -1.0 && g[2] == 50.0;
    }());
}

BOOST_AUTO_TEST_CASE(the_kth_partial_and_the_sparse_hessian) {
    std::vector<double> v(10);
    for (std::size_t m = 0; m < v.size(); ++m) v[m] = std::cos(0.9 * static_cast<double>(m)) - 0.1;
    const auto g = lz::gradient(rosen, x)(x = v);
    constexpr auto dk = lz::d(rosen, x[k]);
    for (long long n = 0; n < 10; ++n) BOOST_TEST(dk(x = v, k = n) == g[static_cast<std::size_t>(n)], boost::test_tools::tolerance(1e-13));
    BOOST_TEST(lz::to_string(lz::d(lz::sum(i, 0, lz::size(x), x[i] * x[i]), x[k])) ==
               "sum(i = 0 .. size(x) - 1, [i = k]*x[i] + [i = k]*x[i])");
    // Rosenbrock's Hessian: three bands, written by hand from its terms.
    const auto H = lz::hessian(rosen, x)(x = v);
    BOOST_TEST(H.size() == 10u);
    BOOST_TEST(H.nonzeros().size() == 19u);  // 10 on the diagonal, 9 above it
    for (std::size_t r = 0; r < 10; ++r)
        for (std::size_t c = 0; c < 10; ++c) {
            double want = 0;
            if (r == c) want = (r + 1 < 10 ? 1200 * v[r] * v[r] - 400 * v[r + 1] + 2 : 0.0) + (r > 0 ? 200.0 : 0.0);
            if (c == r + 1) want = -400 * v[r];
            if (r == c + 1) want = -400 * v[c];
            BOOST_TEST(H(r, c) == want, boost::test_tools::tolerance(1e-12));
        }
    const auto H3 = lz::hessian(rosen, x)(x = std::vector<double>(3, 0.5));
    BOOST_TEST(H3(0, 0) == 102.0);
    BOOST_TEST(H3(1, 1) == 302.0);
    BOOST_TEST(H3(2, 2) == 200.0);
    BOOST_TEST(H3(0, 1) == -200.0);
    BOOST_TEST(H3(1, 0) == -200.0);
    BOOST_TEST(H3(0, 2) == 0.0);
    // A number times a sum; no term: an empty matrix of the vector's size.
    const auto half_rosen = lz::hessian(rosen / 2, x)(x = std::vector<double>(3, 0.5));
    BOOST_TEST(half_rosen(1, 1) == 151.0);
    BOOST_TEST(lz::hessian(rosen, x)(x = std::vector<double>{1.0}).nonzeros().empty());
}

BOOST_AUTO_TEST_CASE(the_gradient_of_a_least_squares_sum_is_a_transpose_times_the_residual) {
    constexpr auto residuals =
        lz::sum(i, 0, lz::rows(A), lz::pow<2>(lz::sum(j, 0, lz::cols(A), A[i][j] * x[j]) - y[i])) / 2;
    const std::size_t m = 7, n = 5;
    std::vector<std::vector<double>> rows(m, std::vector<double>(n));
    std::vector<double> xs(n), ys(m);
    for (std::size_t r = 0; r < m; ++r) {
        ys[r] = std::cos(static_cast<double>(r));
        for (std::size_t c = 0; c < n; ++c) rows[r][c] = std::sin(static_cast<double>(3 * r + c));
    }
    for (std::size_t c = 0; c < n; ++c) xs[c] = 0.5 - 0.25 * static_cast<double>(c);
    std::vector<double> want(n, 0.0);
    for (std::size_t r = 0; r < m; ++r) {
        double ax = 0;
        for (std::size_t c = 0; c < n; ++c) ax += rows[r][c] * xs[c];
        for (std::size_t c = 0; c < n; ++c) want[c] += rows[r][c] * (ax - ys[r]);
    }
    const auto g = lz::gradient(residuals, x)(A = rows, x = xs, y = ys);
    BOOST_TEST(g.size() == n);
    for (std::size_t c = 0; c < n; ++c) BOOST_TEST(g[c] == want[c], boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(minimize_over_a_vector) {
    std::vector<double> start(100);
    for (std::size_t m = 0; m < start.size(); ++m) start[m] = m % 2 == 0 ? -1.2 : 1.0;
    const auto p = lz::point(x = start);
    BOOST_TEST(p[x].size() == 100u);
    BOOST_TEST(rosen(p) == rosen(x = start));  // a point binds its vector
    const auto r = lz::minimize(rosen, p, lz::lbfgs{}, lz::stop{.max_iterations = 5000, .gradient_tolerance = 1e-8});
    BOOST_TEST((r.status == lz::status::converged));
    BOOST_TEST(r.point[x].size() == 100u);
    for (double v : r.point[x]) BOOST_TEST(v == 1.0, boost::test_tools::tolerance(1e-6));
    const auto g = lz::gradient(rosen, x)(r.point);
    double norm2 = 0;
    for (double v : g) norm2 += v * v;
    BOOST_TEST(std::sqrt(norm2) <= 1e-8);
    // Newton from the same start stops at a stationary point (the chained function has a local minimum too).
    const auto rn = lz::minimize(rosen, p, lz::newton{}, lz::stop{.max_iterations = 2000, .gradient_tolerance = 1e-8});
    BOOST_TEST((rn.status == lz::status::converged));
    // The extended function's pairs do not couple: Newton takes about as many steps as for two variables.
    constexpr auto pairs = lz::sum(i, 0, lz::size(x) / 2,
                                   100 * lz::pow<2>(x[2 * i + 1] - x[2 * i] * x[2 * i]) + lz::pow<2>(1 - x[2 * i]));
    const auto two = lz::minimize(pairs, lz::point(x = std::vector<double>{-1.2, 1.0}), lz::newton{},
                                  lz::stop{.max_iterations = 200, .gradient_tolerance = 1e-10});
    std::vector<double> many(10'000);
    for (std::size_t m = 0; m < many.size(); ++m) many[m] = m % 2 == 0 ? -1.2 : 1.0;
    const auto wide = lz::minimize(pairs, lz::point(x = many), lz::newton{},
                                   lz::stop{.max_iterations = 200, .gradient_tolerance = 1e-8});
    BOOST_TEST((two.status == lz::status::converged));
    BOOST_TEST((wide.status == lz::status::converged));
    BOOST_TEST(wide.iterations <= two.iterations + 2);
    for (double v : wide.point[x]) BOOST_TEST(v == 1.0, boost::test_tools::tolerance(1e-8));
    // A Hessian too wide for a band (x[i] beside x[i + 100]): conjugate gradients on its products, no matrix.
    constexpr auto far = lz::sum(i, 0, lz::size(x) - 100,
                                 lz::pow<2>(x[i] + x[i + 100] - 1) + lz::pow<4>(x[i] - 0.5) + lz::pow<2>(x[i + 100]));
    const auto cg = lz::minimize(far, lz::point(x = std::vector<double>(300, 2.0)), lz::newton{},
                                 lz::stop{.max_iterations = 200, .gradient_tolerance = 1e-9});
    BOOST_TEST((cg.status == lz::status::converged));
    BOOST_TEST(cg.iterations < 60u);
    const auto at_end = lz::gradient(far, x)(cg.point);
    double end_norm2 = 0;
    for (double v : at_end) end_norm2 += v * v;
    BOOST_TEST(std::sqrt(end_norm2) <= 1e-9);
}

std::vector<double> classic_start(std::size_t n) {
    std::vector<double> v(n);
    for (std::size_t m = 0; m < n; ++m) v[m] = m % 2 == 0 ? -1.2 : 1.0;
    return v;
}

BOOST_AUTO_TEST_CASE(levenberg_marquardt_over_a_vector) {
    // Rosenbrock as written is a sum over an index of squares: 100*(x[i + 1] - x[i]^2)^2 + (1 - x[i])^2.
    const auto r = lz::minimize(rosen, lz::point(x = classic_start(1000)), lz::levenberg_marquardt{},
                                lz::stop{.max_iterations = 5000, .gradient_tolerance = 1e-8});
    BOOST_TEST((r.status == lz::status::converged));
    BOOST_TEST((r.converged_by == lz::stop_rule::gradient_tolerance));
    for (double v : r.point[x]) BOOST_TEST(v == 1.0, boost::test_tools::tolerance(1e-8));
    // It moves about one index a step from the classic start, as Ceres does (1114 steps at n = 1000).
    BOOST_TEST(r.iterations > 1000u);
    BOOST_TEST(r.iterations < 1300u);
    BOOST_TEST(r.value == rosen(r.point));
    // The extended function: as many steps at n = 10^4 as at n = 2.
    constexpr auto pairs = lz::sum(i, 0, lz::size(x) / 2,
                                   100 * lz::pow<2>(x[2 * i + 1] - x[2 * i] * x[2 * i]) + lz::pow<2>(1 - x[2 * i]));
    const lz::stop tight{.max_iterations = 200, .gradient_tolerance = 1e-8};
    const auto two = lz::minimize(pairs, lz::point(x = classic_start(2)), lz::levenberg_marquardt{}, tight);
    const auto wide = lz::minimize(pairs, lz::point(x = classic_start(10'000)), lz::levenberg_marquardt{}, tight);
    BOOST_TEST((two.status == lz::status::converged));
    BOOST_TEST((wide.status == lz::status::converged));
    BOOST_TEST(wide.iterations <= two.iterations + 2);
    for (double v : wide.point[x]) BOOST_TEST(v == 1.0, boost::test_tools::tolerance(1e-8));
    // An observer sees every iterate: the start, each step tried, the last; the gradient by the vector (Jᵀρ here).
    std::size_t seen = 0;
    double last_value = -1;
    const auto watched = lz::minimize(rosen, lz::point(x = classic_start(10)), lz::levenberg_marquardt{}, lz::stop{},
                                      [&](const auto& it) {
                                          BOOST_TEST(it.iteration == seen);
                                          BOOST_TEST(it.gradient.size() == 10u);
                                          BOOST_TEST(it.point[x].size() == 10u);
                                          last_value = it.value;
                                          ++seen;
                                      });
    BOOST_TEST(seen == watched.iterations + 1);
    BOOST_TEST(last_value == watched.value);
    std::size_t adam_seen = 0;
    (void)lz::minimize(rosen, lz::point(x = classic_start(10)), lz::adam{}, lz::stop{.max_iterations = 7},
                       [&](const auto&) { ++adam_seen; });
    BOOST_TEST(adam_seen == 8u);
    // A number before the sum scales every square; a lone square is a body too.
    constexpr auto half_squares = lz::sum(i, 0, lz::size(x), lz::pow<2>(x[i] - 3)) / 2;
    const auto h = lz::minimize(half_squares, lz::point(x = std::vector<double>{0.0, 1.0, 5.0}), lz::levenberg_marquardt{});
    BOOST_TEST((h.status == lz::status::converged));
    for (double v : h.point[x]) BOOST_TEST(v == 3.0, boost::test_tools::tolerance(1e-12));
    // A coefficient that is not above 0 is not a sum of squares: refused before a step, with what it found.
    constexpr auto negative = -2 * lz::sum(i, 0, lz::size(x), lz::pow<2>(x[i]));
    try {
        (void)lz::minimize(negative, lz::point(x = std::vector<double>{1.0}), lz::levenberg_marquardt{});
        BOOST_TEST(false);
    } catch (const std::invalid_argument& e) {
        BOOST_TEST(std::string(e.what()).find("c = -2") != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(first_order_optimizers_over_a_vector) {
    constexpr auto pairs = lz::sum(i, 0, lz::size(x) / 2,
                                   100 * lz::pow<2>(x[2 * i + 1] - x[2 * i] * x[2 * i]) + lz::pow<2>(1 - x[2 * i]));
    // 130 values: two blocks of 64 and a short one. Adam's update over the vector is its rule written as a
    // loop over the coordinates, to the bit.
    const std::vector<double> start = classic_start(130);
    const lz::adam method{.learning_rate = 1e-2};
    const auto r = lz::minimize(pairs, lz::point(x = start), method, lz::stop{.max_iterations = 40});
    BOOST_TEST((r.status == lz::status::max_iterations));
    std::vector<double> v = start, m(start.size()), s(start.size());
    double b1 = 1, b2 = 1;
    for (int step = 0; step < 40; ++step) {
        const auto g = lz::gradient(pairs, x)(x = v);
        b1 *= method.beta1;
        b2 *= method.beta2;
        for (std::size_t c = 0; c < v.size(); ++c) {
            m[c] = method.beta1 * m[c] + (1 - method.beta1) * g[c];
            s[c] = method.beta2 * s[c] + (1 - method.beta2) * g[c] * g[c];
            v[c] = v[c] - method.learning_rate * (m[c] / (1 - b1)) / (std::sqrt(s[c] / (1 - b2)) + method.epsilon);
        }
    }
    BOOST_TEST(r.point[x] == v, boost::test_tools::per_element());
    BOOST_TEST(r.value == pairs(x = v));
    // Each converges on the extended function.
    const lz::stop loose{.max_iterations = 60'000, .gradient_tolerance = 1e-6};
    const auto adam = lz::minimize(pairs, lz::point(x = start), lz::adam{.learning_rate = 1e-2}, loose);
    const auto descent = lz::minimize(pairs, lz::point(x = start), lz::gradient_descent{.learning_rate = 1e-3}, loose);
    const auto heavy = lz::minimize(pairs, lz::point(x = start), lz::momentum{.learning_rate = 1e-4}, loose);
    for (const auto* run : {&adam, &descent, &heavy}) {
        BOOST_TEST((run->status == lz::status::converged));
        for (double value : run->point[x]) BOOST_TEST(value == 1.0, boost::test_tools::tolerance(1e-4));
    }
    // Too long a step diverges, and says so.
    const auto far = lz::minimize(pairs, lz::point(x = start), lz::gradient_descent{.learning_rate = 1.0});
    BOOST_TEST((far.status == lz::status::diverged));
}

BOOST_AUTO_TEST_CASE(stall_rules_over_a_vector) {
    // function_tolerance: a step that changes f by at most 10^-3 |f| ends the run as converged by that rule.
    const lz::stop stall{.max_iterations = 5000, .function_tolerance = 1e-3};
    // (Levenberg-Marquardt from there reaches a gradient of exactly 0 before its steps slow down so much.)
    for (const auto& r : {lz::minimize(rosen, lz::point(x = classic_start(20)), lz::lbfgs{}, stall),
                          lz::minimize(rosen, lz::point(x = classic_start(20)), lz::newton{}, stall)}) {
        BOOST_TEST((r.status == lz::status::converged));
        BOOST_TEST((r.converged_by == lz::stop_rule::function_tolerance));
        BOOST_TEST(r.iterations < 100u);
    }
    // parameter_tolerance: a step shorter than 10^-2 (|x| + 10^-2).
    const auto lm = lz::minimize(rosen, lz::point(x = classic_start(20)), lz::levenberg_marquardt{},
                                 lz::stop{.max_iterations = 5000, .parameter_tolerance = 1e-2});
    BOOST_TEST((lm.status == lz::status::converged));
    BOOST_TEST((lm.converged_by == lz::stop_rule::parameter_tolerance));
    BOOST_TEST(lm.iterations < 100u);
}

BOOST_AUTO_TEST_CASE(matrices_from_rows_and_from_row_major_storage) {
    constexpr auto residuals =
        lz::sum(i, 0, lz::rows(A), lz::pow<2>(lz::sum(j, 0, lz::cols(A), A[i][j] * x[j]) - y[i])) / 2;
    const std::vector<std::vector<double>> rows{{1, 2}, {3, 4}, {5, 6}};
    const std::vector<double> flat{1, 2, 3, 4, 5, 6};
    const std::vector<double> ones{1, 1};
    const std::vector<double> target{3, 8, 11};  // Ax = (3, 7, 11): one residual, -1
    BOOST_TEST(residuals(A = rows, x = ones, y = target) == 0.5);
    BOOST_TEST(residuals(A = lz::row_major(flat.data(), 3, 2), x = ones, y = target) == 0.5);
    // As 2×3: Ax for x = (1, 1, 1) is (6, 15).
    BOOST_TEST(lz::sum(i, 0, lz::rows(A), lz::sum(j, 0, lz::cols(A), A[i][j]))(A = lz::row_major(flat.data(), 2, 3)) ==
               21.0);
    const std::vector<std::vector<double>> ragged{{1, 2}, {3}};
    BOOST_CHECK_EXCEPTION((void)(A = ragged), std::invalid_argument, [](const std::invalid_argument& e) {
        return std::string(e.what()) == "leibniz: the rows of matrix A have different lengths";
    });
}

BOOST_AUTO_TEST_CASE(a_read_outside_a_vector_throws_before_anything_is_evaluated) {
    const std::vector<double> p(4, 0.5);
    constexpr auto past_the_end = lz::sum(i, 0, lz::size(x), x[i + 1]);
    BOOST_TEST(message_of([&] { return past_the_end(x = p); }) ==
               "leibniz: x[i + 1] for i = 0 .. 3 reads x[4], but x has 4 values");
    constexpr auto before_the_start = lz::sum(i, 0, lz::size(x), x[i - 1]);
    BOOST_TEST(message_of([&] { return before_the_start(x = p); }) ==
               "leibniz: x[i - 1] for i = 0 .. 3 reads x[-1], but x has 4 values");
    BOOST_TEST(message_of([&] { return lz::sum(i, 0, lz::size(x) / 2, x[2 * i + 2])(x = p); }) ==
               "leibniz: x[2*i + 2] for i = 0 .. 1 reads x[4], but x has 4 values");
    // Outside any sum: a fixed element, and one at a bound index.
    BOOST_TEST(message_of([&] { return (x[4] + 1)(x = p); }) == "leibniz: x[4] reads x[4], but x has 4 values");
    BOOST_TEST(message_of([&] { return (x[k + 1] * 2)(x = p, k = 3); }) ==
               "leibniz: x[k + 1] for k = 3 reads x[4], but x has 4 values");
    BOOST_TEST((x[k + 1] * 2)(x = p, k = 2) == 1.0);
    // Beside a sum that reads inside its vector, the one that does not throws before it runs.
    BOOST_TEST(message_of([&] { return (rosen + past_the_end)(x = p); }) ==
               "leibniz: x[i + 1] for i = 0 .. 3 reads x[4], but x has 4 values");
    // Rows and columns of a matrix, inside a nested sum.
    const std::vector<std::vector<double>> rows{{1, 2}, {3, 4}};
    BOOST_TEST(message_of([&] { return lz::sum(i, 0, lz::rows(A), lz::sum(j, 0, lz::cols(A), A[i][j + 1]))(A = rows); }) ==
               "leibniz: A[..][j + 1] for j = 0 .. 1 reads column 2 of A, but A has 2 columns");
    BOOST_TEST(message_of([&] { return lz::sum(i, 0, lz::rows(A), A[i + 1][0])(A = rows); }) ==
               "leibniz: A[i + 1][..] for i = 0 .. 1 reads row 2 of A, but A has 2 rows");
    // An empty vector: a sum over its elements is 0 and reads nothing.
    BOOST_TEST(rosen(x = std::vector<double>{}) == 0.0);
    BOOST_TEST(message_of([&] { return x[0](x = std::vector<double>{}); }) ==
               "leibniz: x[0] reads x[0], but x has 0 values");
}

BOOST_AUTO_TEST_CASE(printed_as_written) {
    BOOST_TEST(lz::to_string(lz::sum(i, 0, lz::size(x), x[i] * x[i])) == "sum(i = 0 .. size(x) - 1, x[i]*x[i])");
    BOOST_TEST(lz::to_string(lz::sum(i, 1, lz::size(x), x[i] - x[i - 1])) == "sum(i = 1 .. size(x) - 1, x[i] - x[i - 1])");
    BOOST_TEST(lz::to_string(lz::exp(lz::sum(i, 0, 10, lz::sin(x[3 * i])))) == "exp(sum(i = 0 .. 9, sin(x[3*i])))");
    BOOST_TEST(lz::to_string(2 * lz::sum(i, 0, lz::size(x), x[i]) + a) == "a + 2*sum(i = 0 .. size(x) - 1, x[i])");
}

}  // namespace

// Hessians by a vector beyond a single sum: functions of sums ((Σ xᵢ)², a
// dense block), a sum inside a sum (½‖Ax − y‖²: AᵀA), into a kept matrix, the
// product with a direction, and newton where the Hessian couples everything.
#include <leibniz/leibniz.hpp>

#include <boost/test/unit_test.hpp>

#include <cmath>
#include <stdexcept>
#include <vector>

namespace lz = leibniz;

namespace {

constexpr auto x = lz::vec<"x">;
constexpr auto y = lz::vec<"y">;
constexpr auto A = lz::mat<"A">;
constexpr auto i = lz::index<"i">;
constexpr auto j = lz::index<"j">;

constexpr auto rosen = lz::sum(i, 0, lz::size(x) - 1, 100 * lz::pow<2>(x[i + 1] - x[i] * x[i]) + lz::pow<2>(1 - x[i]));

// The Hessian of an expression of sums (not a sum itself): g(u) of the elements
// read outside sums and the sums' values, ∇²f = Σ ∂²g/∂u∂w J_u J_wᵀ + Σ ∂g/∂s ∇²s.
BOOST_AUTO_TEST_CASE(the_hessian_of_functions_of_sums) {
    const std::vector<double> p{0.5, -1.0, 2.0, 0.25, 0, 1};
    const std::size_t n = p.size();
    // (Σ xᵢ)²: every entry 2, a dense block.
    const auto square = lz::hessian(lz::pow<2>(lz::sum(i, 0, lz::size(x), x[i])), x)(x = p);
    BOOST_TEST(square.nonzeros().size() == n * (n + 1) / 2);
    for (std::size_t r = 0; r < n; ++r)
        for (std::size_t c = 0; c < n; ++c) BOOST_TEST(square(r, c) == 2.0);
    // Too many entries to hold (20000² / 2): an error that names times, not a machine out of memory.
    BOOST_CHECK_THROW((void)lz::hessian(lz::pow<2>(lz::sum(i, 0, lz::size(x), x[i])), x)(x = std::vector<double>(20000, 1.0)),
                      std::length_error);
    const auto wide = lz::hessian(lz::pow<2>(lz::sum(i, 0, lz::size(x), x[i])), x).times(std::vector<double>(20000, 1.0),
                                                                                         x = std::vector<double>(20000, 1.0));
    BOOST_TEST(wide[12345] == 40000.0);  // 2 · Σ vⱼ

    // sin(Σ xᵢ²) + x₀x₃ + (Σ xᵢxᵢ₊₁)(Σ exp xᵢ), against its Hessian written out.
    constexpr auto f = lz::sin(lz::sum(i, 0, lz::size(x), x[i] * x[i])) + x[0] * x[3] +
                       lz::sum(i, 0, lz::size(x) - 1, x[i] * x[i + 1]) * lz::sum(i, 0, lz::size(x), lz::exp(x[i]));
    double s2 = 0, chain = 0, e = 0;
    for (std::size_t m = 0; m < n; ++m) s2 += p[m] * p[m], e += std::exp(p[m]);
    for (std::size_t m = 0; m + 1 < n; ++m) chain += p[m] * p[m + 1];
    auto chain_partial = [&](std::size_t m) { return (m > 0 ? p[m - 1] : 0.0) + (m + 1 < n ? p[m + 1] : 0.0); };
    const auto H = lz::hessian(f, x)(x = p);
    for (std::size_t r = 0; r < n; ++r)
        for (std::size_t c = 0; c < n; ++c) {
            double want = -std::sin(s2) * 4 * p[r] * p[c] + (r == c ? 2 * std::cos(s2) + chain * std::exp(p[r]) : 0.0);
            if ((r == 0 && c == 3) || (r == 3 && c == 0)) want += 1;
            if (r + 1 == c || c + 1 == r) want += e;
            want += chain_partial(r) * std::exp(p[c]) + std::exp(p[r]) * chain_partial(c);
            BOOST_TEST(H(r, c) == want, boost::test_tools::tolerance(1e-13) << "entry " << r << ", " << c);
        }
    // The product with a direction: two dot products per pair of sums, not the n² entries.
    const std::vector<double> direction{1, 2, -1, 0.5, 3, -2};
    const auto hv = lz::hessian(f, x).times(direction, x = p);
    for (std::size_t r = 0; r < n; ++r) {
        double want = 0;
        for (std::size_t c = 0; c < n; ++c) want += H(r, c) * direction[c];
        BOOST_TEST(hv[r] == want, boost::test_tools::tolerance(1e-13));
    }
}

// into(H, ...): the Hessian written over a matrix the caller keeps, equal
// entry for entry to the one returned, whatever H held before (another
// length, another pattern).
BOOST_AUTO_TEST_CASE(the_hessian_into_a_kept_matrix) {
    constexpr auto far_apart = lz::sum(i, 0, lz::size(x) - 100, x[i] * x[i] + 3 * x[i] * x[i + 100]);
    constexpr auto coupled = lz::pow<2>(lz::sum(i, 0, lz::size(x), x[i] * x[i]));
    lz::sparse_symmetric_matrix<double> H;
    auto same = [](const lz::sparse_symmetric_matrix<double>& p, const lz::sparse_symmetric_matrix<double>& q) {
        if (p.size() != q.size() || p.nonzeros().size() != q.nonzeros().size()) return false;
        for (std::size_t e = 0; e < p.nonzeros().size(); ++e) {
            const auto &a = p.nonzeros()[e], &b = q.nonzeros()[e];
            if (a.row != b.row || a.col != b.col || a.value != b.value) return false;
        }
        return true;
    };
    for (const std::size_t n : {50u, 50u, 7u, 300u, 1u}) {
        std::vector<double> p(n);
        for (std::size_t m = 0; m < n; ++m) p[m] = std::sin(0.7 * static_cast<double>(m)) + 0.2;
        lz::hessian(rosen, x).into(H, x = p);
        BOOST_TEST(same(H, lz::hessian(rosen, x)(x = p)), "rosenbrock, n = " << n);
        if (n > 100) {
            lz::hessian(far_apart, x).into(H, x = p);  // (a list off the band)
            BOOST_TEST(same(H, lz::hessian(far_apart, x)(x = p)));
        }
        lz::hessian(coupled, x).into(H, x = p);  // (a dense block)
        BOOST_TEST(same(H, lz::hessian(coupled, x)(x = p)), "coupled, n = " << n);
    }
}

// A sum inside a sum: ½‖Ax − y‖² has the Hessian AᵀA (each row's part a
// product of the inner sum's gradient, a row of A, with itself; 60 rows of 40
// sum past a list into the whole triangle).
BOOST_AUTO_TEST_CASE(the_hessian_of_a_sum_inside_a_sum) {
    constexpr auto half_squares =
        lz::sum(i, 0, lz::rows(A), lz::pow<2>(lz::sum(j, 0, lz::cols(A), A[i][j] * x[j]) - y[i])) / 2;
    for (const std::size_t m : {3u, 60u}) {
        const std::size_t n = m == 3 ? 4 : 40;
        std::vector<double> flat(m * n), ys(m), xs(n), v(n);
        for (std::size_t q = 0; q < flat.size(); ++q) flat[q] = q % 7 == 3 ? 0.0 : std::sin(1.7 * static_cast<double>(q) + 0.3);
        for (std::size_t q = 0; q < m; ++q) ys[q] = std::cos(static_cast<double>(q));
        for (std::size_t q = 0; q < n; ++q) xs[q] = 0.1 * static_cast<double>(q), v[q] = q % 2 == 0 ? 1.0 : -0.5;
        const auto bound = lz::row_major(flat.data(), m, n);
        const auto H = lz::hessian(half_squares, x)(A = bound, x = xs, y = ys);
        BOOST_TEST(H.nonzeros().size() == n * (n + 1) / 2);
        const auto hv = lz::hessian(half_squares, x).times(v, A = bound, x = xs, y = ys);
        for (std::size_t r = 0; r < n; ++r) {
            double product = 0;
            for (std::size_t c = 0; c < n; ++c) {
                double want = 0;
                for (std::size_t q = 0; q < m; ++q) want += flat[q * n + r] * flat[q * n + c];
                BOOST_TEST(H(r, c) == want, boost::test_tools::tolerance(1e-13) << "m = " << m << ", entry " << r << ", " << c);
                product += want * v[c];
            }
            BOOST_TEST(hv[r] == product, boost::test_tools::tolerance(1e-12));
        }
    }
}

// Newton over a vector whose Hessian couples every element (a dense block: no
// band): conjugate gradients on the products above. Σ (xᵢ − ½)² + (Σ xᵢ)² is
// least at xᵢ = ½ / (n + 1).
BOOST_AUTO_TEST_CASE(newton_where_the_hessian_couples_everything) {
    constexpr auto coupled =
        lz::sum(i, 0, lz::size(x), lz::pow<2>(x[i] - 0.5)) + lz::pow<2>(lz::sum(i, 0, lz::size(x), x[i]));
    std::vector<double> start(200);
    for (std::size_t m = 0; m < start.size(); ++m) start[m] = std::sin(0.1 * static_cast<double>(m));
    const auto r = lz::minimize(coupled, lz::point(x = start), lz::newton{}, lz::stop{.gradient_tolerance = 1e-10});
    BOOST_TEST((r.status == lz::status::converged));
    BOOST_TEST(r.iterations <= 5);  // (a quadratic: one Newton step, to the tolerance of its inner solve)
    for (std::size_t m = 0; m < start.size(); ++m)
        BOOST_TEST(r.point[x][m] == 0.5 / 201, boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(the_hessian_times_a_direction) {
    std::vector<double> p(50), direction(50);
    for (std::size_t m = 0; m < p.size(); ++m) {
        p[m] = std::sin(1.3 * static_cast<double>(m));
        direction[m] = std::cos(0.4 * static_cast<double>(m)) - 0.5;
    }
    // H·v without the matrix: the same numbers as the sparse matrix's product (to rounding: other orders of sums).
    for (const auto& [f, name] : {std::pair{rosen, "chained"}}) {
        const auto H = lz::hessian(f, x)(x = p);
        const auto hv = lz::hessian(f, x).times(direction, x = p);
        BOOST_TEST_CONTEXT(name) {
            BOOST_TEST(hv.size() == p.size());
            for (std::size_t r = 0; r < p.size(); ++r) {
                double want = 0;
                for (std::size_t c = 0; c < p.size(); ++c) want += H(r, c) * direction[c];
                BOOST_TEST(hv[r] == want, boost::test_tools::tolerance(1e-12));
            }
        }
    }
    // A number before the sum, and a body that reads one element twice at the same position.
    constexpr auto quartic = 0.5 * lz::sum(i, 0, lz::size(x), x[i] * x[i] * x[i] * x[i]);
    const auto q = lz::hessian(quartic, x).times(direction, x = p);
    for (std::size_t m = 0; m < p.size(); ++m)
        BOOST_TEST(q[m] == 6 * p[m] * p[m] * direction[m], boost::test_tools::tolerance(1e-12));
    BOOST_CHECK_THROW((void)lz::hessian(rosen, x).times(std::vector<double>(49), x = p), std::invalid_argument);
    // Entries far off the diagonal (past the band the collector sums into): the same matrix from a sorted list.
    std::vector<double> wide_point(300, 0.5);
    constexpr auto far_apart = lz::sum(i, 0, lz::size(x) - 100, x[i] * x[i] + 3 * x[i] * x[i + 100]);
    const auto W = lz::hessian(far_apart, x)(x = wide_point);
    BOOST_TEST(W.nonzeros().size() == 300u + 200u);  // the diagonal of every element read, and (i, i + 100)
    BOOST_TEST(W(0, 0) == 2.0);
    BOOST_TEST(W(199, 299) == 3.0);
    BOOST_TEST(W(299, 199) == 3.0);
    BOOST_TEST(W(250, 250) == 0.0);
    BOOST_TEST(W(0, 1) == 0.0);
    // Reads that meet at one index value only (x[2i] and x[i] at i = 0): merged there, apart elsewhere.
    constexpr auto strided = lz::sum(i, 0, lz::size(x) / 2, x[2 * i] * x[i]);
    const std::vector<double> ten{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    const auto S = lz::hessian(strided, x)(x = ten);
    BOOST_TEST(S(0, 0) == 2.0);
    BOOST_TEST(S(1, 2) == 1.0);
    BOOST_TEST(S(4, 8) == 1.0);
    BOOST_TEST(S(1, 1) == 0.0);
    const auto gs = lz::gradient(strided, x)(x = ten);
    for (std::size_t k = 0; k < ten.size(); ++k) {
        double want = 0;
        for (std::size_t m = 0; m < 5; ++m) want += (2 * m == k ? ten[m] : 0.0) + (m == k ? ten[2 * m] : 0.0);
        BOOST_TEST(gs[k] == want);
    }
    for (std::size_t e = 1; e < W.nonzeros().size(); ++e) {  // sorted by row, then column
        const auto& before = W.nonzeros()[e - 1];
        const auto& after = W.nonzeros()[e];
        BOOST_TEST((before.row < after.row || (before.row == after.row && before.col < after.col)));
    }
}

}  // namespace

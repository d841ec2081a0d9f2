// <leibniz/interop/eigen.hpp>: packs bind from Eigen vectors and Maps, results
// convert to Eigen vectors and matrices (a Map over an lvalue, a copy of an rvalue).
#include <boost/test/unit_test.hpp>

#include <leibniz/leibniz.hpp>
#include <leibniz/interop/eigen.hpp>

#include <Eigen/Core>

#include <array>
#include <tuple>
#include <type_traits>
#include <vector>

namespace lz = leibniz;

namespace {
constexpr auto xs = lz::vars<"x", 3>;
constexpr auto x0 = std::get<0>(xs);
constexpr auto x1 = std::get<1>(xs);
constexpr auto x2 = std::get<2>(xs);
}  // namespace

BOOST_AUTO_TEST_CASE(a_pack_binds_from_a_fixed_size_vector) {
    const auto f = x0 * x1 + x2;
    Eigen::Matrix<double, 3, 1> p(1.0, 2.0, 3.0);
    BOOST_TEST(f(xs = p) == 5.0);
    const Eigen::Vector3d& cp = p;
    BOOST_TEST(f(xs = cp) == 5.0);
    BOOST_TEST(f(xs = Eigen::Vector3d(2.0, 2.0, 1.0)) == 5.0);  // a temporary: its values are copied
    BOOST_TEST((lz::point(xs = p) == lz::point(xs = std::array{1.0, 2.0, 3.0})));
    Eigen::Matrix<float, 3, 1> pf(1.0f, 2.0f, 3.0f);
    static_assert(std::is_same_v<decltype(f(xs = pf)), float>);
    BOOST_TEST(f(xs = pf) == 5.0f);
}

BOOST_AUTO_TEST_CASE(the_binding_of_an_lvalue_refers_to_its_values) {
    Eigen::Vector3d p(1.0, 2.0, 3.0);
    const auto b = (xs = p);
    static_assert(std::is_same_v<std::remove_cvref_t<decltype(b.values)>, const double*>);
    BOOST_TEST(b.values == p.data());
    const auto t = (xs = Eigen::Vector3d(1.0, 2.0, 3.0));
    static_assert(std::is_same_v<std::remove_cvref_t<decltype(t.values)>, std::array<double, 3>>);
}

BOOST_AUTO_TEST_CASE(a_pack_binds_from_a_map) {
    const auto f = x0 - x1 * x2;
    std::array<double, 5> storage{9.0, 1.0, 2.0, 3.0, 9.0};
    Eigen::Map<Eigen::Vector3d> m(storage.data() + 1);
    Eigen::Map<const Eigen::Vector3d> cm(storage.data() + 1);
    BOOST_TEST(f(xs = m) == -5.0);
    BOOST_TEST(f(xs = cm) == -5.0);
    BOOST_TEST(f(xs = Eigen::Map<const Eigen::Vector3d>(storage.data())) == 9.0 - 2.0);
    // A dynamic vector binds through a fixed-size Map over its data.
    Eigen::VectorXd v(3);
    v << 1.0, 2.0, 3.0;
    BOOST_TEST(f(xs = Eigen::Map<const Eigen::Vector3d>(v.data())) == -5.0);
}

BOOST_AUTO_TEST_CASE(value_gradient_hessian_from_an_eigen_vector) {
    const auto f = x0 * x1 * x1 + sin(x2);
    const Eigen::Vector3d p(1.0, 2.0, 0.0);
    const auto r = lz::value_gradient_hessian(f, xs)(xs = p);
    const Eigen::Vector3d g = lz::as_eigen(r.gradient);
    const Eigen::Matrix3d H = lz::as_eigen(r.hessian);
    BOOST_TEST(r.value == 4.0);
    BOOST_TEST(g(0) == 4.0);
    BOOST_TEST(g(1) == 4.0);
    BOOST_TEST(g(2) == 1.0);
    BOOST_TEST(H(0, 1) == 4.0);
    BOOST_TEST(H(1, 0) == 4.0);
    BOOST_TEST(H(1, 1) == 2.0);
    BOOST_TEST(H(2, 2) == 0.0);
    BOOST_TEST(H.isApprox(H.transpose()));
}

BOOST_AUTO_TEST_CASE(as_eigen_maps_an_lvalue_and_copies_an_rvalue) {
    std::array<double, 3> g{1.0, 2.0, 3.0};
    auto mg = lz::as_eigen(g);
    static_assert(std::is_same_v<decltype(mg), Eigen::Map<Eigen::Matrix<double, 3, 1>>>);
    BOOST_TEST(mg.data() == g.data());
    mg(1) = 7.0;  // writes g
    BOOST_TEST(g[1] == 7.0);
    const std::array<double, 3>& cg = g;
    static_assert(std::is_same_v<decltype(lz::as_eigen(cg)), Eigen::Map<const Eigen::Matrix<double, 3, 1>>>);
    static_assert(std::is_same_v<decltype(lz::as_eigen(std::array<double, 3>{})), Eigen::Matrix<double, 3, 1>>);

    std::array<std::array<double, 3>, 2> j{{{1.0, 2.0, 3.0}, {4.0, 5.0, 6.0}}};
    auto mj = lz::as_eigen(j);
    BOOST_TEST(mj.rows() == 2);
    BOOST_TEST(mj.cols() == 3);
    BOOST_TEST(mj(1, 0) == 4.0);  // M(i, j) is a[i][j]
    BOOST_TEST(mj(0, 2) == 3.0);
    BOOST_TEST(mj.data() == j[0].data());
    const auto copied = lz::as_eigen(std::move(j));
    static_assert(std::is_same_v<std::remove_cv_t<decltype(copied)>, Eigen::Matrix<double, 2, 3>>);
    BOOST_TEST(copied(1, 2) == 6.0);
    // One column, one row, one value.
    std::array<std::array<double, 1>, 2> column{{{1.0}, {2.0}}};
    BOOST_TEST(lz::as_eigen(column)(1, 0) == 2.0);
    std::array<std::array<double, 2>, 1> row{{{1.0, 2.0}}};
    BOOST_TEST(lz::as_eigen(row)(0, 1) == 2.0);
}

BOOST_AUTO_TEST_CASE(a_jacobian_as_an_eigen_matrix) {
    const auto rows = std::tuple{x0 * x1, x1 + 2 * x2};
    const Eigen::Vector3d p(1.0, 2.0, 3.0);
    const Eigen::Matrix<double, 2, 3> J = lz::as_eigen(lz::jacobian(rows, xs)(xs = p));
    BOOST_TEST(J(0, 0) == 2.0);
    BOOST_TEST(J(0, 1) == 1.0);
    BOOST_TEST(J(0, 2) == 0.0);
    BOOST_TEST(J(1, 2) == 2.0);
}

BOOST_AUTO_TEST_CASE(minimize_from_and_back_to_eigen) {
    const auto f = lz::pow<2>(x0 - 1) + 2 * lz::pow<2>(x1 + 2) + lz::pow<2>(x2);
    const Eigen::Vector3d start(5.0, 5.0, 5.0);
    const auto r = lz::minimize(f, lz::point(xs = start), lz::newton{}, lz::stop{.max_iterations = 50, .gradient_tolerance = 1e-12});
    BOOST_TEST((r.status == lz::status::converged));
    const Eigen::Vector3d end = lz::as_eigen(r.point);
    BOOST_TEST((end - Eigen::Vector3d(1.0, -2.0, 0.0)).norm() < 1e-9);
}

// Vectors of any length and sums over an index: Eigen's dynamic vectors and
// matrices bind (referred to, either storage order, with strides), and the
// results by a vector convert back.
namespace {
constexpr auto v = lz::vec<"v">;
constexpr auto y = lz::vec<"y">;
constexpr auto A = lz::mat<"A">;
constexpr auto i = lz::index<"i">;
constexpr auto j = lz::index<"j">;
constexpr auto rosen = lz::sum(i, 0, lz::size(v) - 1, 100 * lz::pow<2>(v[i + 1] - v[i] * v[i]) + lz::pow<2>(1 - v[i]));
constexpr auto lsq = lz::sum(i, 0, lz::rows(A), lz::pow<2>(lz::sum(j, 0, lz::cols(A), A[i][j] * v[j]) - y[i])) / 2;
}  // namespace

BOOST_AUTO_TEST_CASE(vectors_and_matrices_of_any_size_bind_from_eigen) {
    const Eigen::VectorXd p = Eigen::VectorXd::Constant(3, 0.5);
    BOOST_TEST(rosen(v = p) == 13.0);
    // Aᵀ(Av − y) from a column-major, a row-major and a strided (block) matrix: the same numbers.
    Eigen::MatrixXd m(3, 2);
    m << 1, 2, 3, 4, 5, 6;
    const Eigen::Matrix<double, 3, 2, Eigen::RowMajor> row_major = m;
    Eigen::MatrixXd wider(4, 3);
    wider.setConstant(-7.0);
    wider.block(1, 1, 3, 2) = m;
    const Eigen::VectorXd at = Eigen::Vector2d(1.0, -1.0), target = Eigen::Vector3d(1.0, 0.0, 2.0);
    const Eigen::VectorXd want = m.transpose() * (m * at - target);
    for (const auto& g : {lz::gradient(lsq, v)(A = m, v = at, y = target),
                          lz::gradient(lsq, v)(A = row_major, v = at, y = target),
                          lz::gradient(lsq, v)(A = wider.block(1, 1, 3, 2), v = at, y = target)}) {
        BOOST_TEST(g.size() == 2u);
        BOOST_TEST(g[0] == want[0]);
        BOOST_TEST(g[1] == want[1]);
    }
    // A column-major view without Eigen: lz::column_major(data, rows, cols).
    BOOST_TEST(lsq(A = lz::column_major(m.data(), 3, 2), v = at, y = target) == 0.5 * (m * at - target).squaredNorm());
}

BOOST_AUTO_TEST_CASE(results_by_a_vector_as_eigen) {
    std::vector<double> p(5, 0.5);
    auto g = lz::gradient(rosen, v)(v = p);
    const Eigen::VectorXd mapped = lz::as_eigen(g);  // a Map over g, copied
    BOOST_TEST(mapped.size() == 5);
    BOOST_TEST(mapped[0] == -51.0);
    BOOST_TEST(mapped[4] == 50.0);
    const Eigen::VectorXd copied = lz::as_eigen(lz::gradient(rosen, v)(v = p));  // an rvalue: a copy
    BOOST_TEST((copied - mapped).norm() == 0.0);
    // The sparse Hessian as an Eigen::SparseMatrix: both triangles, the same entries, the same zeros.
    const auto H = lz::hessian(rosen, v)(v = p);
    const Eigen::SparseMatrix<double> S = lz::as_eigen(H);
    BOOST_TEST(S.rows() == 5);
    BOOST_TEST(S.nonZeros() == 13);  // three bands: 5 + 2·4
    for (int r = 0; r < 5; ++r)
        for (int c = 0; c < 5; ++c) BOOST_TEST(S.coeff(r, c) == H(static_cast<std::size_t>(r), static_cast<std::size_t>(c)));
    // A run over a vector gives its point back as a std::vector: as_eigen maps it.
    const auto r = lz::minimize(rosen, lz::point(v = std::vector<double>{-1.2, 1.0, -1.2, 1.0}), lz::levenberg_marquardt{},
                                lz::stop{.max_iterations = 500, .gradient_tolerance = 1e-10});
    BOOST_TEST((r.status == lz::status::converged));
    const Eigen::VectorXd end = lz::as_eigen(r.point);
    BOOST_TEST((end - Eigen::VectorXd::Ones(4)).norm() < 1e-8);
}

// leibniz with Eigen 3.4: packs bind from Eigen vectors, results convert to
// Eigen vectors and matrices. Opt-in (never included by leibniz.hpp); link
// leibniz::eigen.
//
//   Eigen::Vector3d p(1, 2, 3);                      // Eigen::Matrix<double, 3, 1>
//   f(xs = p);                                       // a pack binds from a fixed-size vector
//   auto r = lz::value_gradient_hessian(f, xs)(xs = p);
//   Eigen::Vector3d g = lz::as_eigen(r.gradient);    // a Map over r.gradient, copied into g
//   Eigen::Matrix3d H = lz::as_eigen(r.hessian);
//
// Binding: `xs = v` for v an Eigen::Matrix<T, N, 1> (a fixed-size column
// vector) or an Eigen::Map of one (const or not, default stride) refers to v's
// values without copying them when v is an lvalue, and keeps a copy when v is a
// temporary. N must be the pack's size (a static_assert says so). A vector of
// dynamic size (Eigen::VectorXd, a Map of one) is refused at compile time: the
// pack's size is part of its type, so bind a fixed-size vector, or a fixed-size
// Map over the dynamic one's data: `xs = Eigen::Map<const Eigen::Vector3d>(v.data())`
// (after checking v.size() yourself).
//
// Conversion: lz::as_eigen(a) for a gradient (std::array<T, N>), a Hessian
// (std::array<std::array<T, N>, N>), a Jacobian (m rows of n), a point (its
// values, in the order of its variables; r.point of minimize). On an lvalue it
// is an Eigen::Map over the array (no copy: keep the array alive while the Map
// is used; writing through it writes the array); on an rvalue it is a plain
// Eigen::Matrix holding a copy (nothing dangles). Matrices are mapped row by
// row (Eigen::RowMajor), so M(i, j) is a[i][j].
//
// Vectors and sums over an index (lz::vec, lz::mat): `x = v` binds any
// Eigen column vector (Eigen::VectorXd, fixed-size, a Map with the default
// stride), `A = M` any dense Eigen matrix or Map with direct access (either
// storage order, any inner and outer stride), both referred to, not copied.
// as_eigen(g) of a gradient by a vector (a std::vector) is a Map over it (a
// copy of an rvalue), and as_eigen(H) of lz::hessian(f, x)'s
// sparse_symmetric_matrix an Eigen::SparseMatrix holding both triangles.
#pragma once

#include <leibniz/loops/derivatives.hpp>
#include <leibniz/loops/vector.hpp>
#include <leibniz/evaluation/point.hpp>
#include <leibniz/expression/variable.hpp>

#include <Eigen/Core>
#include <Eigen/SparseCore>

#include <array>
#include <cstddef>
#include <span>
#include <type_traits>
#include <utility>
#include <vector>

namespace leibniz {

namespace detail::eigen {
// Eigen's compile-time size as a pack binding's: Eigen::Dynamic is std::dynamic_extent.
template <int N>
inline constexpr std::size_t size_of = N == Eigen::Dynamic ? std::dynamic_extent : static_cast<std::size_t>(N);

template <class T>
inline constexpr bool is_std_array = false;
template <class T, std::size_t N>
inline constexpr bool is_std_array<std::array<T, N>> = true;

// The storage order of an M×N map read row by row: Eigen wants column-major
// for a column (N == 1, M != 1) and accepts row-major everywhere else.
template <std::size_t M, std::size_t N>
inline constexpr int row_major = (N == 1 && M != 1) ? Eigen::ColMajor : Eigen::RowMajor;

template <class T, std::size_t M, std::size_t N>
using row_major_matrix = Eigen::Matrix<T, static_cast<int>(M), static_cast<int>(N), row_major<M, N>>;

// An array of arrays is mapped as one block of M·N values: std::array is an
// aggregate holding only its C array, so an array of them is contiguous with
// no padding on every supported ABI; this checks it for the types used.
template <class T, std::size_t M, std::size_t N>
constexpr void check_contiguous() {
    static_assert(sizeof(std::array<std::array<T, N>, M>) == M * N * sizeof(T),
                  "leibniz::as_eigen: this std::array<std::array<T, N>, M> is not M*N contiguous values; copy it instead");
}
}  // namespace detail::eigen

// A fixed-size (or dynamic) Eigen column vector holds its values contiguously.
template <class T, int N, int Options, int MaxRows, int MaxCols>
struct contiguous_values<Eigen::Matrix<T, N, 1, Options, MaxRows, MaxCols>> {
    using value_type = T;
    static constexpr std::size_t size = detail::eigen::size_of<N>;
    static const T* data(const Eigen::Matrix<T, N, 1, Options, MaxRows, MaxCols>& v) { return v.data(); }
};
// So does a Map of one with the default (contiguous) stride, const or not.
template <class T, int N, int Options, int MaxRows, int MaxCols, int MapOptions>
struct contiguous_values<Eigen::Map<Eigen::Matrix<T, N, 1, Options, MaxRows, MaxCols>, MapOptions, Eigen::Stride<0, 0>>> {
    using value_type = T;
    static constexpr std::size_t size = detail::eigen::size_of<N>;
    static const T* data(const Eigen::Map<Eigen::Matrix<T, N, 1, Options, MaxRows, MaxCols>, MapOptions, Eigen::Stride<0, 0>>& v) {
        return v.data();
    }
};
template <class T, int N, int Options, int MaxRows, int MaxCols, int MapOptions>
struct contiguous_values<Eigen::Map<const Eigen::Matrix<T, N, 1, Options, MaxRows, MaxCols>, MapOptions, Eigen::Stride<0, 0>>> {
    using value_type = T;
    static constexpr std::size_t size = detail::eigen::size_of<N>;
    static const T* data(
        const Eigen::Map<const Eigen::Matrix<T, N, 1, Options, MaxRows, MaxCols>, MapOptions, Eigen::Stride<0, 0>>& v) {
        return v.data();
    }
};

// A dense Eigen matrix (or a Map, a Block) with direct access binds a
// matrix variable through its strides, in either storage order.
template <class M>
    requires(std::is_base_of_v<Eigen::DenseBase<M>, M> && (static_cast<int>(M::Flags) & Eigen::DirectAccessBit) != 0)
struct matrix_values<M> {
    static row_major_view<typename M::Scalar> view(const M& m) {
        const auto rows = static_cast<std::size_t>(m.rows()), cols = static_cast<std::size_t>(m.cols());
        const auto inner = static_cast<std::size_t>(m.innerStride()), outer = static_cast<std::size_t>(m.outerStride());
        if constexpr (M::IsRowMajor)
            return {m.data(), rows, cols, outer, inner};
        else
            return {m.data(), rows, cols, inner, outer};
    }
};

// ---- as_eigen: results as Eigen vectors and matrices -------------------------

// A gradient by a vector (std::vector): a Map over an lvalue, a copy of an rvalue.
template <class T>
Eigen::Map<Eigen::Matrix<T, Eigen::Dynamic, 1>> as_eigen(std::vector<T>& v) {
    return Eigen::Map<Eigen::Matrix<T, Eigen::Dynamic, 1>>(v.data(), static_cast<Eigen::Index>(v.size()));
}
template <class T>
Eigen::Map<const Eigen::Matrix<T, Eigen::Dynamic, 1>> as_eigen(const std::vector<T>& v) {
    return Eigen::Map<const Eigen::Matrix<T, Eigen::Dynamic, 1>>(v.data(), static_cast<Eigen::Index>(v.size()));
}
template <class T>
Eigen::Matrix<T, Eigen::Dynamic, 1> as_eigen(const std::vector<T>&& v) {
    return Eigen::Map<const Eigen::Matrix<T, Eigen::Dynamic, 1>>(v.data(), static_cast<Eigen::Index>(v.size()));
}

// The sparse Hessian by a vector, both triangles stored (a copy: Eigen keeps
// its own compressed columns).
template <class T>
Eigen::SparseMatrix<T> as_eigen(const sparse_symmetric_matrix<T>& h) {
    std::vector<Eigen::Triplet<T>> entries;
    entries.reserve(2 * h.nonzeros().size());
    for (const auto& e : h.nonzeros()) {
        entries.emplace_back(static_cast<Eigen::Index>(e.row), static_cast<Eigen::Index>(e.col), e.value);
        if (e.row != e.col) entries.emplace_back(static_cast<Eigen::Index>(e.col), static_cast<Eigen::Index>(e.row), e.value);
    }
    const auto n = static_cast<Eigen::Index>(h.size());
    Eigen::SparseMatrix<T> out(n, n);
    out.setFromTriplets(entries.begin(), entries.end());
    return out;
}


// A vector (a gradient, a Jacobian's values): a Map over an lvalue, a copy of an rvalue.
template <class T, std::size_t N>
    requires(!detail::eigen::is_std_array<T>)
Eigen::Map<Eigen::Matrix<T, static_cast<int>(N), 1>> as_eigen(std::array<T, N>& a) {
    return Eigen::Map<Eigen::Matrix<T, static_cast<int>(N), 1>>(a.data());
}
template <class T, std::size_t N>
    requires(!detail::eigen::is_std_array<T>)
Eigen::Map<const Eigen::Matrix<T, static_cast<int>(N), 1>> as_eigen(const std::array<T, N>& a) {
    return Eigen::Map<const Eigen::Matrix<T, static_cast<int>(N), 1>>(a.data());
}
template <class T, std::size_t N>
    requires(!detail::eigen::is_std_array<T>)
Eigen::Matrix<T, static_cast<int>(N), 1> as_eigen(const std::array<T, N>&& a) {
    return Eigen::Map<const Eigen::Matrix<T, static_cast<int>(N), 1>>(a.data());
}

// A matrix (a Hessian, a Jacobian: M rows of N): M(i, j) is a[i][j].
template <class T, std::size_t N, std::size_t M>
Eigen::Map<detail::eigen::row_major_matrix<T, M, N>> as_eigen(std::array<std::array<T, N>, M>& a) {
    detail::eigen::check_contiguous<T, M, N>();
    return Eigen::Map<detail::eigen::row_major_matrix<T, M, N>>(a.front().data());
}
template <class T, std::size_t N, std::size_t M>
Eigen::Map<const detail::eigen::row_major_matrix<T, M, N>> as_eigen(const std::array<std::array<T, N>, M>& a) {
    detail::eigen::check_contiguous<T, M, N>();
    return Eigen::Map<const detail::eigen::row_major_matrix<T, M, N>>(a.front().data());
}
template <class T, std::size_t N, std::size_t M>
Eigen::Matrix<T, static_cast<int>(M), static_cast<int>(N)> as_eigen(const std::array<std::array<T, N>, M>&& a) {
    detail::eigen::check_contiguous<T, M, N>();
    return Eigen::Map<const detail::eigen::row_major_matrix<T, M, N>>(a.front().data());
}

// A point's values (r.point of minimize), in the order of its variables.
template <class T, class Vars>
auto as_eigen(point<T, Vars>& p) {
    return as_eigen(p.values);
}
template <class T, class Vars>
auto as_eigen(const point<T, Vars>& p) {
    return as_eigen(p.values);
}
template <class T, class Vars>
auto as_eigen(const point<T, Vars>&& p) {
    return as_eigen(std::move(p.values));
}

}  // namespace leibniz

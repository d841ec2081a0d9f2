// A symmetric banded matrix and its Cholesky solve: newton{}'s step from a
// sparse Hessian and levenberg_marquardt{}'s normal equations over a vector,
// in O(n·b²) for half-bandwidth b (O(n) for Rosenbrock's three bands).
//
// The lower band is stored row by row, b + 1 numbers a row; adding an entry
// outside it widens the band (a copy, once per new width), so a caller that
// does not know its band in advance sums entries as they come.
#pragma once

#include <cmath>
#include <cstddef>
#include <vector>

namespace leibniz::detail {

template <class T>
class banded_symmetric {
public:
    banded_symmetric() = default;
    explicit banded_symmetric(std::size_t n, std::size_t bandwidth = 0)
        : n_(n), b_(bandwidth), lower_(n * (bandwidth + 1), T(0)) {}

    std::size_t size() const { return n_; }
    std::size_t bandwidth() const { return b_; }

    // A(r, c) = A(c, r); 0 outside the band.
    T operator()(std::size_t r, std::size_t c) const {
        if (r < c) std::swap(r, c);
        return r - c > b_ ? T(0) : lower_[slot(r, c)];
    }

    // A(r, c) and A(c, r) both gain v (one stored entry).
    void add(std::size_t r, std::size_t c, T v) {
        if (r < c) std::swap(r, c);
        if (r - c > b_) widen(r - c);
        lower_[slot(r, c)] += v;
    }

    T largest_diagonal() const {
        T largest = T(0);
        for (std::size_t i = 0; i < n_; ++i) largest = std::fmax(largest, std::fabs(lower_[slot(i, i)]));
        return largest;
    }

    // Solves (A + tau·I)·d = rhs by a Cholesky factorisation of a copy (in
    // `work`: its storage is reused from call to call); false where A + tau·I
    // is not positive definite (d is then unspecified).
    bool solve_shifted(T tau, const std::vector<T>& rhs, std::vector<T>& d, std::vector<T>& work) const {
        const std::size_t w = b_ + 1;
        work = lower_;
        auto at = [&](std::size_t i, std::size_t j) -> T& { return work[i * w + (j + b_ - i)]; };
        for (std::size_t i = 0; i < n_; ++i) {
            at(i, i) = at(i, i) + tau;
            const std::size_t first = i > b_ ? i - b_ : 0;
            for (std::size_t j = first; j <= i; ++j) {
                const std::size_t from = j > b_ ? (j - b_ > first ? j - b_ : first) : first;
                T s = at(i, j);
                for (std::size_t k = from; k < j; ++k) s = s - at(i, k) * at(j, k);
                if (i == j) {
                    if (!(s > T(0))) return false;  // (a NaN too)
                    at(i, i) = std::sqrt(s);
                } else {
                    at(i, j) = s / at(j, j);
                }
            }
        }
        d.assign(n_, T(0));
        for (std::size_t i = 0; i < n_; ++i) {  // L·y = rhs
            T s = rhs[i];
            for (std::size_t k = i > b_ ? i - b_ : 0; k < i; ++k) s = s - at(i, k) * d[k];
            d[i] = s / at(i, i);
        }
        for (std::size_t i = n_; i-- > 0;) {  // Lᵀ·d = y
            T s = d[i];
            for (std::size_t k = i + 1; k < n_ && k <= i + b_; ++k) s = s - at(k, i) * d[k];
            d[i] = s / at(i, i);
        }
        return true;
    }

private:
    // Row r's entry for column c (r − b ≤ c ≤ r).
    std::size_t slot(std::size_t r, std::size_t c) const { return r * (b_ + 1) + (c + b_ - r); }

    void widen(std::size_t to) {
        banded_symmetric wider(n_, to);
        for (std::size_t r = 0; r < n_; ++r)
            for (std::size_t c = r > b_ ? r - b_ : 0; c <= r; ++c) wider.lower_[wider.slot(r, c)] = lower_[slot(r, c)];
        *this = std::move(wider);
    }

    std::size_t n_ = 0;
    std::size_t b_ = 0;
    std::vector<T> lower_;
};

}  // namespace leibniz::detail

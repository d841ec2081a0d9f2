// The benchmark problems: what each computes, the points it is evaluated at,
// the function written once for every scalar type (the form a user of an
// operator-overloading library writes), and its derivatives written by hand
// in one pass with each shared subexpression computed once.
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace bench {

enum class family { quadratic, himmelblau, rosenbrock, exp_sin_product, regression };
enum class output { value, gradient, hessian };

struct problem {
    family shape;
    int n;  // number of variables
    output computes;

    friend constexpr bool operator==(const problem&, const problem&) = default;
};

// Doubles per point in a result: the value, then the gradient, then the
// Hessian row by row.
constexpr int result_width(problem p) {
    return 1 + (p.computes == output::value ? 0 : p.n) + (p.computes == output::hessian ? p.n * p.n : 0);
}

std::string name(family f);
std::string name(output o);
std::string name(problem p);  // "rosenbrock/8/gradient"

inline constexpr std::size_t points_per_batch = 1024;

// The points of a problem, n doubles each, drawn from a fixed seed.
std::span<const double> points(problem p);

// The linear-regression data: 1000 samples of y = 2 + 3x + noise.
inline constexpr std::size_t regression_samples = 1000;
const std::vector<double>& regression_x();
const std::vector<double>& regression_y();

// ---- the functions, for any scalar type -----------------------------------

// A constant in the arithmetic of T: a double, except inside nested Ceres
// jets, whose operators take only their own inner type. Specialised where a
// column needs it.
template <class T>
struct constant_type {
    using type = double;
};
template <class T>
auto constant(double v) {
    return typename constant_type<T>::type(v);
}

template <class T>
T quadratic(const T* p) {
    return constant<T>(2.0) * p[0] * p[0] - constant<T>(3.0) * p[0] + constant<T>(4.0);
}

template <class T>
T himmelblau(const T* p) {
    const T a = p[0] * p[0] + p[1] - constant<T>(11.0);
    const T b = p[0] + p[1] * p[1] - constant<T>(7.0);
    return a * a + b * b;
}

template <class T, int N>
T rosenbrock(const T* p) {
    T sum(constant<T>(0.0));
    for (int i = 0; i + 1 < N; ++i) {
        const T d = p[i + 1] - p[i] * p[i];
        const T e = constant<T>(1.0) - p[i];
        sum += constant<T>(100.0) * d * d + e * e;
    }
    return sum;
}

template <class T, int N>
T exp_sin_product(const T* p) {
    using std::exp;
    using std::sin;
    T s = sin(p[0]);
    T product = p[0];
    for (int i = 1; i < N; ++i) {
        s += sin(p[i]);
        product *= p[i];
    }
    return exp(s) * product;
}

// 1/(2m) Σ (t₁ + t₂xᵢ − yᵢ)²
template <class T>
T regression(const T* t) {
    const std::vector<double>& xs = regression_x();
    const std::vector<double>& ys = regression_y();
    T sum(constant<T>(0.0));
    for (std::size_t i = 0; i < xs.size(); ++i) {
        const T r = t[0] + t[1] * xs[i] - ys[i];
        sum += r * r;
    }
    return sum * (0.5 / static_cast<double>(xs.size()));
}

template <problem P, class T>
T function(const T* p) {
    if constexpr (P.shape == family::quadratic) {
        return quadratic(p);
    } else if constexpr (P.shape == family::himmelblau) {
        return himmelblau(p);
    } else if constexpr (P.shape == family::rosenbrock) {
        return rosenbrock<T, P.n>(p);
    } else if constexpr (P.shape == family::exp_sin_product) {
        return exp_sin_product<T, P.n>(p);
    } else {
        return regression(p);
    }
}

// ---- derivatives by hand: one pass, each shared subexpression once ---------

inline double quadratic_by_hand(const double* p, double* g) {
    const double x = p[0];
    g[0] = 4 * x - 3;
    return (2 * x - 3) * x + 4;
}

inline double himmelblau_by_hand(const double* p, double* g) {
    const double x = p[0], y = p[1];
    const double a = x * x + y - 11, b = x + y * y - 7;
    g[0] = 4 * x * a + 2 * b;
    g[1] = 2 * a + 4 * y * b;
    return a * a + b * b;
}

// Value, gradient and Hessian (row-major after the gradient).
inline double himmelblau_with_hessian_by_hand(const double* p, double* g) {
    const double x = p[0], y = p[1];
    const double a = x * x + y - 11, b = x + y * y - 7;
    g[0] = 4 * x * a + 2 * b;
    g[1] = 2 * a + 4 * y * b;
    const double mixed = 4 * (x + y);
    g[2] = 4 * a + 8 * x * x + 2;
    g[3] = mixed;
    g[4] = mixed;
    g[5] = 4 * b + 8 * y * y + 2;
    return a * a + b * b;
}

template <int N>
double rosenbrock_by_hand(const double* p, double* g) {
    double value = 0;
    double carried = 0;  // 200 dᵢ₋₁, the part of gᵢ from the previous term
    for (int i = 0; i + 1 < N; ++i) {
        const double d = p[i + 1] - p[i] * p[i], e = 1 - p[i];
        value += 100 * d * d + e * e;
        g[i] = carried - 400 * p[i] * d - 2 * e;
        carried = 200 * d;
    }
    g[N - 1] = carried;
    return value;
}

// Prefix and suffix products: no division, right at xᵢ = 0 too. Sine and
// cosine of the same argument side by side, so the compiler makes one
// sincos call of them.
template <int N>
double exp_sin_product_by_hand(const double* p, double* g) {
    double s = 0;
    std::array<double, N> cosines;
    for (int i = 0; i < N; ++i) {
        s += std::sin(p[i]);
        cosines[i] = std::cos(p[i]);
    }
    const double e = std::exp(s);
    std::array<double, N + 1> prefix{}, suffix{};
    prefix[0] = 1;
    for (int i = 0; i < N; ++i) prefix[i + 1] = prefix[i] * p[i];
    suffix[N] = e;
    for (int i = N; i-- > 0;) suffix[i] = suffix[i + 1] * p[i];
    const double f = e * prefix[N];
    for (int i = 0; i < N; ++i) g[i] = prefix[i] * suffix[i + 1] + f * cosines[i];
    return f;
}

inline double regression_by_hand(const double* t, double* g) {
    const std::vector<double>& xs = regression_x();
    const std::vector<double>& ys = regression_y();
    double squares = 0, residuals = 0, weighted = 0;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        const double r = t[0] + t[1] * xs[i] - ys[i];
        squares += r * r;
        residuals += r;
        weighted += r * xs[i];
    }
    const double m = static_cast<double>(xs.size());
    g[0] = residuals / m;
    g[1] = weighted / m;
    return squares * (0.5 / m);
}

}  // namespace bench

// One benchmark unit of bench/forms: the cost per point of one leibniz
// evaluation, written in one of the ways a user can write it, against the
// hand-written derivatives. Compiled once per (problem, kind, form, compiler):
//
//   -DPROBLEM=himmelblau|rosenbrock|exp_sin_product  -DN=<variables>
//   -DPROBLEM=mean_squared_error|huber_mean  -DN=2 [-DSAMPLES=<m>, default 100000]
//   -DKIND=gradient|hessian
//   -DFORM=hand|pack_once|pack_in_place|by_name_once|by_name_in_place|
//          point_once|span_once|reversed_names_once
//
// kernel(p, out) returns the value and writes the gradient (then, for
// KIND=hessian, the Hessian row by row) to out. main() evaluates it at 1000
// pseudo-random points (20 for a mean over samples, whose every point is a
// pass over the data) and checks each result against the hand-written one;
// bench/forms/run.sh counts the instructions inside kernel with callgrind
// (--toggle-collect=kernel).
// N is captured and undefined before any header: the headers name template
// parameters N.
#if defined(N)
constexpr int forms_n = N;
#undef N
#else
constexpr int forms_n = 2;  // himmelblau
#endif

#include "../suite/problems.hpp"

#include <leibniz/leibniz.hpp>

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <span>
#include <tuple>
#include <utility>
#include <vector>

#define LZ_FORMS_HIMMELBLAU 1
#define LZ_FORMS_ROSENBROCK 2
#define LZ_FORMS_EXP_SIN_PRODUCT 3
#define LZ_FORMS_MEAN_SQUARED_ERROR 4
#define LZ_FORMS_HUBER_MEAN 5
#define LZ_FORMS_GRADIENT 1
#define LZ_FORMS_HESSIAN 2

#define LZ_FORMS_CAT_(a, b) a##b
#define LZ_FORMS_CAT(a, b) LZ_FORMS_CAT_(a, b)
// PROBLEM=rosenbrock -> LZ_FORMS_rosenbrock, defined below as a number.
#define LZ_FORMS_himmelblau LZ_FORMS_HIMMELBLAU
#define LZ_FORMS_rosenbrock LZ_FORMS_ROSENBROCK
#define LZ_FORMS_exp_sin_product LZ_FORMS_EXP_SIN_PRODUCT
#define LZ_FORMS_mean_squared_error LZ_FORMS_MEAN_SQUARED_ERROR
#define LZ_FORMS_huber_mean LZ_FORMS_HUBER_MEAN
#define LZ_FORMS_gradient LZ_FORMS_GRADIENT
#define LZ_FORMS_hessian LZ_FORMS_HESSIAN
#define LZ_FORMS_hand 0
#define LZ_FORMS_pack_once 1
#define LZ_FORMS_pack_in_place 2
#define LZ_FORMS_by_name_once 3
#define LZ_FORMS_by_name_in_place 4
#define LZ_FORMS_point_once 5
#define LZ_FORMS_span_once 6
#define LZ_FORMS_reversed_names_once 7

#if !defined(PROBLEM) || !defined(KIND) || !defined(FORM)
#error "compile with -DPROBLEM=... -DKIND=... -DFORM=... (and -DN=... except for himmelblau)"
#endif

// Numbers usable in #if. The choices are made by the preprocessor, not by
// if constexpr: outside a template a discarded branch is still instantiated
// (a gradient unit would compile the Hessian too).
#define PROBLEM_ID LZ_FORMS_CAT(LZ_FORMS_, PROBLEM)
#define KIND_ID LZ_FORMS_CAT(LZ_FORMS_, KIND)
#define FORM_ID LZ_FORMS_CAT(LZ_FORMS_, FORM)
#if PROBLEM_ID < 1 || PROBLEM_ID > 5
#error "PROBLEM: himmelblau, rosenbrock, exp_sin_product, mean_squared_error or huber_mean"
#endif
#define LZ_FORMS_IS_MEAN (PROBLEM_ID == LZ_FORMS_MEAN_SQUARED_ERROR || PROBLEM_ID == LZ_FORMS_HUBER_MEAN)
#if LZ_FORMS_IS_MEAN && KIND_ID != LZ_FORMS_GRADIENT
#error "mean_squared_error and huber_mean: gradient only"
#endif
#if defined(SAMPLES)
constexpr std::size_t samples = SAMPLES;
#else
constexpr std::size_t samples = 100000;
#endif
#if KIND_ID < 1 || KIND_ID > 2
#error "KIND: gradient or hessian"
#endif
#if FORM_ID < 0 || FORM_ID > 7
#error "FORM: hand, pack_once, pack_in_place, by_name_once, by_name_in_place, point_once, span_once, reversed_names_once"
#endif
constexpr int problem_id = PROBLEM_ID;
constexpr int kind_id = KIND_ID;
constexpr int form_id = FORM_ID;

constexpr std::size_t n = forms_n;
static_assert(problem_id != LZ_FORMS_HIMMELBLAU || n == 2, "himmelblau has 2 variables");
static_assert(!LZ_FORMS_IS_MEAN || n == 2, "a mean over samples has 2 parameters: a line's intercept and slope");
static_assert(form_id != 7 || problem_id == LZ_FORMS_HIMMELBLAU, "reversed_names_once is for himmelblau only");

// Doubles written to out: the gradient, then the Hessian row by row.
constexpr std::size_t out_width = n + (kind_id == LZ_FORMS_HESSIAN ? n * n : 0);

// ---- hand-written -----------------------------------------------------------

// Rosenbrock's Hessian is tridiagonal: term i, 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2,
// adds 1200 x_i^2 - 400 x_{i+1} + 2 to H[i][i], 200 to H[i+1][i+1], and
// -400 x_i to H[i][i+1] and H[i+1][i]. The whole n x n matrix is written.
template <int M>
double rosenbrock_with_hessian_by_hand(const double* p, double* out) {
    const double value = bench::rosenbrock_by_hand<M>(p, out);
    double* h = out + M;
    for (int k = 0; k < M * M; ++k) h[k] = 0;
    for (int i = 0; i + 1 < M; ++i) {
        h[i * M + i] += 1200 * p[i] * p[i] - 400 * p[i + 1] + 2;
        h[(i + 1) * M + (i + 1)] += 200;
        h[i * M + (i + 1)] = h[(i + 1) * M + i] = -400 * p[i];
    }
    return value;
}

// The data of the means: a line y = 2 + 3u with small noise and, one sample in
// ten, an outlier of up to ±8 (so that Huber's loss takes both branches at
// every point), drawn once from a fixed seed.
static std::uint64_t splitmix(std::uint64_t& s) {
    std::uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}
static double uniform(std::uint64_t& s, double low, double high) {
    return low + (high - low) * static_cast<double>(splitmix(s) >> 11) * 0x1.0p-53;
}
struct line_data {
    std::vector<double> u, v;
    line_data() : u(samples), v(samples) {
        std::uint64_t seed = 20261207;
        for (std::size_t i = 0; i < samples; ++i) {
            u[i] = uniform(seed, -1, 1);
            const double noise = uniform(seed, -0.3, 0.3);
            v[i] = 2 + 3 * u[i] + noise + (i % 10 == 0 ? uniform(seed, -8, 8) : 0.0);
        }
    }
};
static const line_data& the_data() {
    static const line_data d;
    return d;
}

// Mean of (a + b·u − v)²: one pass, the three sums a user keeps.
[[maybe_unused]] static double mean_squared_error_by_hand(const double* p, double* out) {
    const line_data& d = the_data();
    const double a = p[0], b = p[1];
    double squares = 0, residuals = 0, weighted = 0;
    for (std::size_t i = 0; i < d.u.size(); ++i) {
        const double r = a + b * d.u[i] - d.v[i];
        squares += r * r;
        residuals += r;
        weighted += r * d.u[i];
    }
    const double m = static_cast<double>(d.u.size());
    out[0] = 2 * residuals / m;
    out[1] = 2 * weighted / m;
    return squares / m;
}

// Mean of Huber's loss of r = a + b·u − v: r²/2 where |r| ≤ 1, |r| − 1/2
// elsewhere; its derivative in r is r, or the sign of r.
[[maybe_unused]] static double huber_mean_by_hand(const double* p, double* out) {
    const line_data& d = the_data();
    const double a = p[0], b = p[1];
    double value = 0, slope_a = 0, slope_b = 0;
    for (std::size_t i = 0; i < d.u.size(); ++i) {
        const double r = a + b * d.u[i] - d.v[i];
        const double magnitude = std::fabs(r);
        double dr;
        if (magnitude <= 1) {
            value += r * r / 2;
            dr = r;
        } else {
            value += magnitude - 0.5;
            dr = r > 0 ? 1.0 : -1.0;
        }
        slope_a += dr;
        slope_b += dr * d.u[i];
    }
    const double m = static_cast<double>(d.u.size());
    out[0] = slope_a / m;
    out[1] = slope_b / m;
    return value / m;
}

static double by_hand(const double* p, double* out) {
#if PROBLEM_ID == LZ_FORMS_MEAN_SQUARED_ERROR
    return mean_squared_error_by_hand(p, out);
#elif PROBLEM_ID == LZ_FORMS_HUBER_MEAN
    return huber_mean_by_hand(p, out);
#elif PROBLEM_ID == LZ_FORMS_HIMMELBLAU && KIND_ID == LZ_FORMS_GRADIENT
    return bench::himmelblau_by_hand(p, out);
#elif PROBLEM_ID == LZ_FORMS_HIMMELBLAU
    return bench::himmelblau_with_hessian_by_hand(p, out);
#elif PROBLEM_ID == LZ_FORMS_ROSENBROCK && KIND_ID == LZ_FORMS_GRADIENT
    return bench::rosenbrock_by_hand<forms_n>(p, out);
#elif PROBLEM_ID == LZ_FORMS_ROSENBROCK
    return rosenbrock_with_hessian_by_hand<forms_n>(p, out);
#elif KIND_ID == LZ_FORMS_GRADIENT
    return bench::exp_sin_product_by_hand<forms_n>(p, out);
#else
#error "exp_sin_product: gradient only"
#endif
}

// ---- leibniz, written as bench/suite/columns/leibniz.cpp writes it -----------

namespace lz = leibniz;

constexpr auto xs = lz::vars<"x", forms_n>;
[[maybe_unused]] constexpr auto u = lz::var<"u">;  // a mean's data columns
[[maybe_unused]] constexpr auto v = lz::var<"v">;

constexpr auto expression() {
#if PROBLEM_ID == LZ_FORMS_HIMMELBLAU
    constexpr auto a = std::get<0>(xs);
    constexpr auto b = std::get<1>(xs);
    return lz::pow<2>(a * a + b - 11) + lz::pow<2>(a + b * b - 7);
#elif PROBLEM_ID == LZ_FORMS_ROSENBROCK
    return lz::sum<forms_n - 1>([](auto i) {
        constexpr auto x = xs;
        return 100 * lz::pow<2>(std::get<i + 1>(x) - lz::pow<2>(std::get<i>(x))) + lz::pow<2>(1 - std::get<i>(x));
    });
#elif LZ_FORMS_IS_MEAN
    // The loss of one sample; the mean over the data is taken with the
    // evaluator (below), since the data are known only at run time.
    constexpr auto a = std::get<0>(xs);
    constexpr auto b = std::get<1>(xs);
    constexpr auto residual = a + b * u - v;
#if PROBLEM_ID == LZ_FORMS_MEAN_SQUARED_ERROR
    return lz::pow<2>(residual);
#else
    return lz::where(lz::abs(residual) <= 1, lz::pow<2>(residual) / 2, lz::abs(residual) - 0.5);
#endif
#else
    return lz::exp(lz::sum<forms_n>([](auto i) { return lz::sin(std::get<i>(xs)); })) *
           lz::product<forms_n>([](auto i) { return std::get<i>(xs); });
#endif
}

constexpr auto f = expression();

// The evaluator, made at the call (the *_in_place forms) or once (vg below).
#if LZ_FORMS_IS_MEAN
#define MAKE_EVALUATOR() \
    lz::value_and_gradient(lz::mean(f, lz::data(u = the_data().u, v = the_data().v)), xs)
#elif KIND_ID == LZ_FORMS_GRADIENT
#define MAKE_EVALUATOR() lz::value_and_gradient(f, xs)
#else
#define MAKE_EVALUATOR() lz::value_gradient_hessian(f, xs)
#endif

#if (FORM_ID == 1 || FORM_ID == 3 || FORM_ID == 5 || FORM_ID == 6 || FORM_ID == 7) && LZ_FORMS_IS_MEAN
// Made once, as a user keeps it: the data are known at run time, so a const
// object rather than a constexpr one.
static const auto vg = MAKE_EVALUATOR();
#elif FORM_ID == 1 || FORM_ID == 3 || FORM_ID == 5 || FORM_ID == 6 || FORM_ID == 7
// Made once: a constexpr object at namespace scope, as a user keeps it.
static constexpr auto vg = MAKE_EVALUATOR();
#endif

template <class R>
static double unpack(const R& r, double* out) {
    for (std::size_t i = 0; i < n; ++i) out[i] = r.gradient[i];
    if constexpr (kind_id == LZ_FORMS_HESSIAN)
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j < n; ++j) out[n + i * n + j] = r.hessian[i][j];
    return r.value;
}

// ---- the kernel -------------------------------------------------------------

extern "C" __attribute__((noinline)) double kernel(const double* p, double* out) {
#if FORM_ID == 0  // hand
    return by_hand(p, out);
#elif FORM_ID == 1  // pack_once
    std::array<double, n> arr;
    for (std::size_t i = 0; i < n; ++i) arr[i] = p[i];
    return unpack(vg(xs = arr), out);
#elif FORM_ID == 2  // pack_in_place
    std::array<double, n> arr;
    for (std::size_t i = 0; i < n; ++i) arr[i] = p[i];
    return unpack(MAKE_EVALUATOR()(xs = arr), out);
#elif FORM_ID == 3  // by_name_once
    return unpack([&]<std::size_t... I>(std::index_sequence<I...>) { return vg((std::get<I>(xs) = p[I])...); }(
                      std::make_index_sequence<n>{}),
                  out);
#elif FORM_ID == 4  // by_name_in_place
    return unpack([&]<std::size_t... I>(std::index_sequence<I...>) {
        return MAKE_EVALUATOR()((std::get<I>(xs) = p[I])...);
    }(std::make_index_sequence<n>{}),
                  out);
#elif FORM_ID == 5  // point_once
    std::array<double, n> arr;
    for (std::size_t i = 0; i < n; ++i) arr[i] = p[i];
    return unpack(vg(lz::point(xs = arr)), out);
#elif FORM_ID == 6  // span_once
    return unpack(vg(xs = std::span<const double, n>(p, n)), out);
#else  // reversed_names_once: y (the second variable) bound before x
    return unpack(vg(std::get<1>(xs) = p[1], std::get<0>(xs) = p[0]), out);
#endif
}

// ---- the driver ---------------------------------------------------------------

// Called through a volatile pointer: no inlining, cloning or constant
// propagation into kernel, whatever the compiler's interprocedural passes do.
static double (*volatile kernel_ptr)(const double*, double*) = kernel;

// Relative 1e-9; a mean's sums are added in another order than the hand-written
// loop's, so a partial near zero is compared with an absolute 1e-12 as well.
static bool close(double a, double b) {
    if (a == b) return true;
    const double scale = std::fmax(std::fabs(a), std::fabs(b));
    return std::fabs(a - b) <= 1e-9 * (LZ_FORMS_IS_MEAN ? std::fmax(scale, 1e-3) : scale);
}

int main() {
    constexpr int points = LZ_FORMS_IS_MEAN ? 20 : 1000;
#if LZ_FORMS_IS_MEAN
    (void)the_data();  // drawn here, outside the instructions counted in kernel
#endif
    std::uint64_t seed = 20240611;
    std::array<double, n> p;
    std::array<double, out_width> got, want;
    double checksum = 0;
    for (int k = 0; k < points; ++k) {
        for (auto& v : p) v = -2.0 + 4.0 * static_cast<double>(splitmix(seed) >> 11) * 0x1.0p-53;
        got.fill(NAN);
        const double value = kernel_ptr(p.data(), got.data());
        const double value_wanted = by_hand(p.data(), want.data());
        bool ok = close(value, value_wanted);
        for (std::size_t i = 0; i < out_width; ++i) ok = ok && close(got[i], want[i]);
        if (!ok) {
            std::printf("FAIL at point %d: value %.17g wanted %.17g\n", k, value, value_wanted);
            for (std::size_t i = 0; i < out_width; ++i)
                if (!close(got[i], want[i])) std::printf("  out[%zu] = %.17g wanted %.17g\n", i, got[i], want[i]);
            return 1;
        }
        checksum += value;
    }
    std::printf("ok %d points, checksum %.17g\n", points, checksum);
    return 0;
}

// Many variables: Rosenbrock's function over a vector of a million values,
// written once as a sum over an index, so that its type, its compile time and
// its plan do not grow with the length.
//
//   1. the value and the gradient at n = 10^6, timed against the loop a
//      person writes by hand (the same partials, to rounding), returned as a
//      new std::vector and written into a buffer kept between calls;
//   2. the k-th partial derivative as an expression in k;
//   3. the Hessian as a sparse matrix, and Newton's method on the extended
//      function (n = 10^5), whose pairs (x[2i], x[2i + 1]) do not couple: each
//      step solves the Hessian's 2×2 blocks, and the run takes about as many
//      steps as it does for two variables.
//
//   4. lz::minimize over the vector: newton{} and levenberg_marquardt{} on the
//      extended function (n = 10^5), printing the time per iteration, and
//      levenberg_marquardt{} on the chained one from the classic start, which
//      moves about one index a step (Ceres reports 1114 steps at n = 1000).
//
// Step 3 writes its Newton step by hand from lz::gradient and lz::hessian, to
// show the pieces; step 4's newton{} runs the same method (a banded Cholesky
// of the sparse Hessian). levenberg_marquardt{} takes f as written: a sum over
// an index of squares, c·r² each, is ½ Σ ρ² with ρ = √(2c)·r.
#include <leibniz/leibniz.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <vector>

namespace lz = leibniz;

namespace {

constexpr auto x = lz::vec<"x">;
constexpr auto i = lz::index<"i">;
constexpr auto k = lz::index<"k">;

// Chained: each term couples x[i] and x[i + 1].
constexpr auto chained = lz::sum(i, 0, lz::size(x) - 1,
                                 100 * lz::pow<2>(x[i + 1] - x[i] * x[i]) + lz::pow<2>(1 - x[i]));
// Extended: the pairs (x[2i], x[2i + 1]), independent of one another.
constexpr auto extended = lz::sum(i, 0, lz::size(x) / 2,
                                  100 * lz::pow<2>(x[2 * i + 1] - x[2 * i] * x[2 * i]) + lz::pow<2>(1 - x[2 * i]));

// The chained function's value and gradient in one fused loop, by hand.
double chained_by_hand(const std::vector<double>& v, std::vector<double>& g) {
    const std::size_t n = v.size();
    double value = 0, carried = 0;  // carried: 200·d of the term before, part of g[i]
    for (std::size_t m = 0; m + 1 < n; ++m) {
        const double d = v[m + 1] - v[m] * v[m], e = 1 - v[m];
        value += 100 * d * d + e * e;
        g[m] = carried - 400 * d * v[m] - 2 * e;
        carried = 200 * d;
    }
    if (n > 0) g[n - 1] = carried;
    return value;
}

// The fastest of `calls` calls (the first pays for touching new memory, and a
// shared machine slows some calls down).
template <class F>
double seconds_per_call(F&& call, int calls) {
    double best = 1e300;
    for (int c = 0; c < calls; ++c) {
        const auto start = std::chrono::steady_clock::now();
        call();
        best = std::fmin(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    return best;
}

}  // namespace

int main() {
    int failures = 0;
    const std::size_t n = 1'000'000;
    std::vector<double> v(n);
    for (std::size_t m = 0; m < n; ++m) v[m] = std::sin(0.001 * static_cast<double>(m));

    // 1. Value and gradient, against the hand-written loop.
    static constexpr auto value_and_gradient = lz::value_and_gradient(chained, x);
    std::vector<double> by_hand(n);
    double value = 0, hand_value = 0;
    std::vector<double> gradient;
    const double leibniz_s = seconds_per_call([&] {
        auto r = value_and_gradient(x = v);
        value = r.value;
        gradient = std::move(r.gradient);
    }, 5);
    std::vector<double> kept;  // a buffer kept from call to call: into() writes the partials there
    const double into_s = seconds_per_call([&] { value = value_and_gradient.into(kept, x = v); }, 5);
    const double hand_s = seconds_per_call([&] { hand_value = chained_by_hand(v, by_hand); }, 5);
    if (kept != gradient) ++failures;
    double worst = 0;
    for (std::size_t m = 0; m < n; ++m)
        worst = std::fmax(worst, std::fabs(gradient[m] - by_hand[m]) / std::fmax(1.0, std::fabs(by_hand[m])));
    std::printf("n = %zu: value %.6f; per value and gradient: leibniz %.2f ms returning a new vector, %.2f ms "
                "into a kept one, by hand %.2f ms; largest difference %.1e\n",
                n, value, 1e3 * leibniz_s, 1e3 * into_s, 1e3 * hand_s, worst);
    if (std::fabs(value - hand_value) > 1e-9 * std::fabs(hand_value) || worst > 1e-12) ++failures;

    // 2. The k-th partial, an expression in k: the same as the gradient's entry.
    constexpr auto partial = lz::d(chained, x[k]);
    for (long long at : {0LL, 1LL, 500'000LL, 999'999LL}) {
        const double dk = partial(x = v, k = at);
        if (std::fabs(dk - gradient[static_cast<std::size_t>(at)]) > 1e-12 * std::fmax(1.0, std::fabs(dk))) ++failures;
    }
    std::printf("d(f, x[k]) = %s\n", lz::to_string(partial).c_str());

    // 3. Newton's method on the extended function from (-1.2, 1, -1.2, 1, ...).
    const std::size_t pairs_n = 100'000;
    std::vector<double> p(pairs_n);
    for (std::size_t m = 0; m < pairs_n; ++m) p[m] = m % 2 == 0 ? -1.2 : 1.0;
    static constexpr auto extended_gradient = lz::value_and_gradient(extended, x);
    static constexpr auto extended_hessian = lz::hessian(extended, x);
    int steps = 0;
    double step_s = 0, f = 0;
    for (; steps < 50; ++steps) {
        const auto start = std::chrono::steady_clock::now();
        auto [fx, g] = extended_gradient(x = p);
        f = fx;
        double norm = 0;
        for (double gm : g) norm = std::fmax(norm, std::fabs(gm));
        if (norm < 1e-9) break;
        const auto H = extended_hessian(x = p);
        for (std::size_t a = 0; a + 1 < pairs_n; a += 2) {  // the 2×2 block of pair (a, a + 1)
            const double h11 = H(a, a), h12 = H(a, a + 1), h22 = H(a + 1, a + 1);
            const double det = h11 * h22 - h12 * h12;
            p[a] -= (h22 * g[a] - h12 * g[a + 1]) / det;
            p[a + 1] -= (h11 * g[a + 1] - h12 * g[a]) / det;
        }
        step_s += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }
    std::printf("extended, n = %zu: Newton converged in %d steps (f = %.3g), %.0f ms per step "
                "(gradient, sparse Hessian with %zu entries, the blocks solved)\n",
                pairs_n, steps, f, steps > 0 ? 1e3 * step_s / steps : 0.0, extended_hessian(x = p).nonzeros().size());
    if (steps >= 50 || std::fabs(p[0] - 1) > 1e-9 || std::fabs(p[pairs_n - 1] - 1) > 1e-9) ++failures;

    // 4. The library's runs, from the same start.
    auto classic = [](std::size_t length) {
        std::vector<double> start(length);
        for (std::size_t m = 0; m < length; ++m) start[m] = m % 2 == 0 ? -1.2 : 1.0;
        return start;
    };
    const lz::stop tight{.max_iterations = 5000, .gradient_tolerance = 1e-8};
    auto report = [&](const char* what, const auto& f, std::size_t length, const auto& method) {
        const auto start = std::chrono::steady_clock::now();
        const auto r = lz::minimize(f, lz::point(x = classic(length)), method, tight);
        const double ms = 1e3 * std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        double off = 0;
        for (double value : r.point[x]) off = std::fmax(off, std::fabs(value - 1));
        std::printf("%s, n = %zu: %s in %zu iterations (f = %.3g, largest |x - 1| %.1e), %.2f ms per iteration\n", what,
                    length, lz::to_string(r.status).c_str(), r.iterations, r.value, off,
                    r.iterations > 0 ? ms / static_cast<double>(r.iterations) : 0.0);
        if (r.status != lz::status::converged || off > 1e-6) ++failures;
    };
    report("extended, newton{}", extended, pairs_n, lz::newton{});
    report("extended, levenberg_marquardt{}", extended, pairs_n, lz::levenberg_marquardt{});
    report("chained, levenberg_marquardt{}", chained, 1000, lz::levenberg_marquardt{});

    return failures == 0 ? 0 : 1;
}

// The optimisers compared on Rosenbrock's function (n = 2, 8, 20, from the
// classic start: x alternating −1.2, 1.0) and on Himmelblau's function from
// four starts: a markdown table of the update steps, the evaluations of f
// (with its derivatives in one shared sweep; newton's include the Hessian)
// and of f's value alone, the status, f and |∇f| where each run ends.
//
// The evaluations are the ones minimize counts (result::derivative_evaluations
// and result::value_evaluations: every point f is evaluated at, line-search
// trials included); the program checks them against an observer where it can
// (a first-order run evaluates f once per iterate) and exits non-zero if
// newton or lbfgs does not converge on every problem, or a count disagrees.
#include "teaching/check.hpp"

#include <leibniz/leibniz.hpp>

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <string>
#include <tuple>
#include <type_traits>

namespace lz = leibniz;

namespace {

constexpr lz::stop when{.max_iterations = 20000, .gradient_tolerance = 1e-8};

// The optimisers with the settings the table prints. The first-order ones
// take rates small enough for Rosenbrock's curvature (its Hessian's largest
// eigenvalue is about 2500 at the start at n = 20).
const auto optimisers = std::tuple{
    std::tuple{"gradient_descent", "`.learning_rate = 1e-3`", lz::gradient_descent{.learning_rate = 1e-3}},
    std::tuple{"momentum", "`.learning_rate = 1e-4, .momentum = 0.9`",
               lz::momentum{.learning_rate = 1e-4, .momentum = 0.9}},
    std::tuple{"adam", "`.learning_rate = 1e-2`", lz::adam{.learning_rate = 1e-2}},
    std::tuple{"newton", "defaults", lz::newton{}},
    std::tuple{"lbfgs", "defaults (`.memory = 8`)", lz::lbfgs{}},
};

examples::checker check;

template <class F, class Point, class Gradient>
void row(const std::string& problem, const F& f, const Point& start, const Gradient& gradient_at) {
    std::apply(
        [&](const auto&... o) {
            (
                [&] {
                    const auto& [name, settings, optimizer] = o;
                    std::size_t observed = 0;
                    const auto r = lz::minimize(f, start, optimizer, when, [&](const auto&) { ++observed; });
                    const auto g = gradient_at(r.point);
                    double norm2 = 0;
                    for (const double v : g) norm2 += v * v;
                    std::printf("| %s | %s | %zu | %zu | %zu | %s | %.3g | %.1e |\n", problem.c_str(), name,
                                r.iterations, r.derivative_evaluations, r.value_evaluations,
                                lz::to_string(r.status).c_str(), r.value, std::sqrt(norm2));
                    const std::string what = problem + ", " + name;
                    check.expect(observed == r.iterations + 1, what + ": the observer saw every iterate");
                    using O = std::decay_t<decltype(optimizer)>;
                    if constexpr (std::is_same_v<O, lz::newton>) {
                        check.expect(r.derivative_evaluations == r.iterations + 1, what + ": one Hessian per iterate");
                        check.expect(r.value_evaluations >= r.iterations, what + ": a value per line-search trial");
                    } else if constexpr (std::is_same_v<O, lz::lbfgs>) {
                        check.expect(r.derivative_evaluations >= r.iterations + 1, what + ": a gradient per trial");
                        check.expect(r.value_evaluations == 0, what + ": no value alone");
                    } else {
                        check.expect(r.derivative_evaluations == observed && r.value_evaluations == 0,
                                     what + ": one evaluation per iterate");
                    }
                    if constexpr (std::is_same_v<O, lz::newton> || std::is_same_v<O, lz::lbfgs>)
                        check.expect(r.status == lz::status::converged, what + " converges");
                }(),
                ...);
        },
        optimisers);
}

template <std::size_t N>
void rosenbrock() {
    static constexpr auto xs = lz::vars<"x", N>;
    constexpr auto f = lz::sum<N - 1>([](auto i) {
        return 100 * lz::pow<2>(std::get<i + 1>(xs) - lz::pow<2>(std::get<i>(xs))) + lz::pow<2>(1 - std::get<i>(xs));
    });
    std::array<double, N> start{};
    for (std::size_t i = 0; i < N; ++i) start[i] = i % 2 == 0 ? -1.2 : 1.0;
    row("Rosenbrock n = " + std::to_string(N), f, lz::point(xs = start),
        [&](const auto& p) { return lz::gradient(f, xs)(p); });
}

void himmelblau() {
    static constexpr auto x = lz::var<"x">;
    static constexpr auto y = lz::var<"y">;
    constexpr auto h = lz::pow<2>(x * x + y - 11) + lz::pow<2>(x + y * y - 7);
    constexpr std::array<std::array<double, 2>, 4> starts{{{0.0, 0.0}, {-1.0, -1.0}, {2.5, 2.5}, {-4.0, 4.0}}};
    for (const auto& s : starts) {
        char problem[64];
        std::snprintf(problem, sizeof problem, "Himmelblau from (%g, %g)", s[0], s[1]);
        row(problem, h, lz::point(x = s[0], y = s[1]), [&](const auto& p) { return lz::gradient(h, x, y)(p); });
    }
}

}  // namespace

int main() {
    std::printf("minimize(f, start, optimizer, stop{.max_iterations = 20000, .gradient_tolerance = 1e-8})\n\n");
    std::printf("Settings: ");
    std::apply([](const auto&... o) { ((std::printf("%s %s; ", std::get<0>(o), std::get<1>(o))), ...); }, optimisers);
    std::printf("\n\n| problem | optimiser | steps | f and derivatives | f alone | status | f at the end | \\|∇f\\| at the end |\n");
    std::printf("|---|---|---:|---:|---:|---|---:|---:|\n");
    rosenbrock<2>();
    rosenbrock<8>();
    rosenbrock<20>();
    himmelblau();
    return check.failures == 0 ? 0 : 1;
}

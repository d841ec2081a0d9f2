// Numerical differentiation against the exact derivative: the error of each
// difference formula as the step h shrinks, until rounding takes over.
#pragma once

#include "check.hpp"

#include <leibniz/leibniz.hpp>

#include <cmath>
#include <cstdio>

namespace examples {

inline int numerical_differentiation() {
    namespace lz = leibniz;
    namespace nm = leibniz::numeric;
    checker check;
    constexpr auto x = lz::var<"x">;

    // The quadratic's forward difference with h = 1e-4: off by 2h, as printed by hand before.
    constexpr auto f = 2 * x * x - 3 * x + 4;
    const auto f_of = [&](double v) { return f(x = v); };
    for (double p : {-1.0, 2.0}) {
        const double forward = nm::forward_difference(f_of, p, 1e-4);
        const double central = nm::central_difference(f_of, p, 1e-4);
        std::printf("f'(%g): exact %g, forward %.12f, central %.12f\n", p, lz::d(f, x)(x = p), forward, central);
        check.expect_near(forward, lz::d(f, x)(x = p) + 2e-4, 1e-9, "forward = f' + 2h");
        check.expect_near(central, lz::d(f, x)(x = p), 1e-9, "central differences are exact on a quadratic, up to rounding");
    }

    // sin at x = 1: the error of each formula against the exact cos(1).
    constexpr auto s = lz::sin(x);
    const double exact = lz::d(s, x)(x = 1.0);
    const auto s_of = [&](double v) { return s(x = v); };
    std::printf("\nerror of the differences of sin at x = 1 (exact derivative cos(1) = %.15f)\n", exact);
    std::printf("%8s %10s %10s %10s\n", "h", "forward", "central", "five-point");
    double best[3] = {1, 1, 1};
    double at_smallest[3] = {0, 0, 0};
    for (int k = 1; k <= 16; ++k) {
        const double h = std::pow(10.0, -k);
        const double e[3] = {std::fabs(nm::forward_difference(s_of, 1.0, h) - exact),
                             std::fabs(nm::central_difference(s_of, 1.0, h) - exact),
                             std::fabs(nm::five_point_difference(s_of, 1.0, h) - exact)};
        std::printf("%8.0e %10.1e %10.1e %10.1e\n", h, e[0], e[1], e[2]);
        for (int i = 0; i < 3; ++i) {
            best[i] = std::fmin(best[i], e[i]);
            at_smallest[i] = e[i];
        }
    }
    std::printf("The error falls with h (as h, h^2 and h^4) until rounding, about 1e-16/h, takes over:\n"
                "best errors %.0e, %.0e, %.0e; at h = 1e-16 every formula is off by more than 1e-2.\n",
                best[0], best[1], best[2]);
    check.expect(best[0] < 1e-7 && best[1] < 1e-10 && best[2] < 1e-12, "the best error of each formula");
    check.expect(at_smallest[0] > 1e-2 && at_smallest[1] > 1e-2 && at_smallest[2] > 1e-2,
                 "h = 1e-16 is too small for every formula");

    // numeric::derivative picks the step for the formula and the scalar type.
    const double chosen = nm::derivative(s_of, 1.0);
    std::printf("numeric::derivative(sin, 1.0) (central, h chosen): error %.0e\n", std::fabs(chosen - exact));
    check.expect(std::fabs(chosen - exact) < 1e-10, "the chosen step is near the best");

    // A float cannot even hold a step of 1e-50.
    std::printf("float(1e-50) = %g: no step at all\n", static_cast<double>(static_cast<float>(1e-50)));
    check.expect(static_cast<float>(1e-50) == 0.0f, "1e-50 rounds to 0 in float");
    return check.failures;
}

}  // namespace examples

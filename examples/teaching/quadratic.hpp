// f(x) = 2x² − 3x + 4: its derivative, exact and by a forward difference, and
// a descent to its minimum by the sign of the slope.
#pragma once

#include "check.hpp"

#include <leibniz/leibniz.hpp>

#include <cstdio>

namespace examples {

inline int quadratic() {
    namespace lz = leibniz;
    checker check;
    constexpr auto x = lz::var<"x">;
    constexpr auto f = 2 * x * x - 3 * x + 4;
    constexpr auto df = lz::d(f, x);
    static_assert(lz::to_static_string(df) == "4*x - 3");  // proved while compiling

    std::cout << "f(x)  = " << f << "\n"
              << "f'(x) = " << df << "\n";
    std::printf("f(3) = %g\n", f(x = 3.0));
    check.expect(f(x = 3.0) == 13, "f(3) = 13");
    for (double p : {-1.0, 2.0}) {
        const double h = 1e-4;
        const double forward = (f(x = p + h) - f(x = p)) / h;  // slope of a secant, off by 2h
        std::printf("f'(%g) = %g exactly; forward difference with h = 1e-4: %.4f\n", p, df(x = p), forward);
        check.expect_near(forward, df(x = p) + 2 * h, 1e-9, "forward difference = f'(x) + 2h");
    }
    check.expect(df(x = -1.0) == -7 && df(x = 2.0) == 5, "f'(-1) = -7, f'(2) = 5");
    std::printf("f'(x) = 0 at x = 3/4: f'(0.75) = %g\n", df(x = 0.75));
    check.expect(df(x = 0.75) == 0, "the minimum is at x = 3/4");

    // Descent by the sign of the slope: from x = 2, steps of 0.01 downhill,
    // 250 times. It walks to 3/4 and then steps back and forth across it.
    const auto walk = lz::minimize(f, lz::point(x = 2.0), lz::sign_descent{.step = 0.01},
                                   lz::stop{.max_iterations = 250});
    std::printf("sign descent from x = 2, step 0.01, 250 steps: x = %.2f\n", walk.point[x]);
    check.expect_near(walk.point[x], 0.76, 1e-9, "the sign descent ends at 0.76");
    return check.failures;
}

}  // namespace examples

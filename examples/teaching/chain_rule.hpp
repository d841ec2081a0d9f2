// The chain rule: u = 2x² − x − 2, y = 3u + 1, dy/dx = 3·du/dx = 12x − 3, and
// the sign descent to where it vanishes.
#pragma once

#include "check.hpp"

#include <leibniz/leibniz.hpp>

#include <cstdio>

namespace examples {

inline int chain_rule() {
    namespace lz = leibniz;
    checker check;
    constexpr auto x = lz::var<"x">;
    constexpr auto u = 2 * x * x - x - 2;
    constexpr auto y = 3 * u + 1;
    constexpr auto dy = lz::d(y, x);
    static_assert(lz::equivalent(dy, 3 * lz::d(u, x)));  // dy/dx = dy/du · du/dx
    static_assert(lz::to_static_string(dy) == "12*x - 3");

    std::cout << "u(x)  = " << u << "\n"
              << "du/dx = " << lz::d(u, x) << "\n"
              << "y(u)  = 3*u + 1 = " << y << "\n"
              << "dy/dx = " << dy << "  (3*(4*x - 1), zero at x = 1/4)\n";
    check.expect(lz::to_string(dy) == "12*x - 3", "dy/dx = 12x - 3");
    check.expect(dy(x = 0.25) == 0, "dy/dx vanishes at x = 1/4");
    std::printf("dy/dx at x = 2: %g\n", dy(x = 2.0));
    check.expect(dy(x = 2.0) == 21, "dy/dx(2) = 21");

    // The same sign descent as for the quadratic, now on y: it stops
    // stepping down at the minimum x = 1/4 (not at 1/2, where a derivative
    // that forgot du/dx's factor 2 would put it).
    const auto walk = lz::minimize(y, lz::point(x = 2.0), lz::sign_descent{.step = 0.01},
                                   lz::stop{.max_iterations = 250});
    std::printf("sign descent from x = 2, step 0.01, 250 steps: x = %.2f\n", walk.point[x]);
    check.expect_near(walk.point[x], 0.26, 1e-9, "the sign descent ends at 0.26");
    return check.failures;
}

}  // namespace examples

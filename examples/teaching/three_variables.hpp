// Partial derivatives: u = 3a² − 2a + b² + 1, y = 2u + c, and a sign descent
// over all three variables at once.
#pragma once

#include "check.hpp"

#include <leibniz/leibniz.hpp>

#include <cstdio>

namespace examples {

inline int three_variables() {
    namespace lz = leibniz;
    checker check;
    constexpr auto a = lz::var<"a">;
    constexpr auto b = lz::var<"b">;
    constexpr auto c = lz::var<"c">;
    constexpr auto u = 3 * a * a - 2 * a + b * b + 1;
    constexpr auto y = 2 * u + c;

    std::cout << "y     = " << y << "\n"
              << "dy/da = " << lz::d(y, a) << "\n"
              << "dy/db = " << lz::d(y, b) << "\n"
              << "dy/dc = " << lz::d(y, c) << "\n";
    check.expect(lz::to_string(lz::d(y, a)) == "12*a - 4", "dy/da = 12a - 4");
    check.expect(lz::to_string(lz::d(y, b)) == "4*b", "dy/db = 4b");
    check.expect(lz::to_string(lz::d(y, c)) == "1", "dy/dc = 1");
    const auto g = lz::gradient(y, a, b, c)(a = 1.0, b = 1.0, c = 1.0);
    std::printf("gradient at (1, 1, 1): (%g, %g, %g)\n", g[0], g[1], g[2]);
    check.expect(g[0] == 8 && g[1] == 4 && g[2] == 1, "gradient at (1, 1, 1) = (8, 4, 1)");

    // Sign descent in every coordinate at once, step 0.05, from (1, 1, 1),
    // 250 steps: a steps back and forth around 1/3 and stops at 0.3, b at 0, and c (dy/dc = 1
    // never vanishes) walks down 250 · 0.05 = 12.5 to −11.5: y has no minimum.
    const auto walk = lz::minimize(y, lz::point(a = 1.0, b = 1.0, c = 1.0), lz::sign_descent{.step = 0.05},
                                   lz::stop{.max_iterations = 250});
    std::printf("sign descent from (1, 1, 1), step 0.05, 250 steps: a = %.2f, b = %.1e (0 up to rounding), c = %.2f\n",
                walk.point[a], walk.point[b], walk.point[c]);
    check.expect_near(walk.point[a], 0.3, 1e-9, "a ends at 0.3");
    check.expect_near(walk.point[b], 0.0, 1e-9, "b ends at 0");
    check.expect_near(walk.point[c], -11.5, 1e-9, "c ends at -11.5");
    return check.failures;
}

}  // namespace examples

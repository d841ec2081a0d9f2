// Partial derivatives: u = 3a² − 2a + b² + 1, y = 2u + c.
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
    return check.failures;
}

}  // namespace examples

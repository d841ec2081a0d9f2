// Himmelblau's function, its gradient and Hessian at its four minima.
#pragma once

#include "check.hpp"

#include <leibniz/leibniz.hpp>

#include <array>
#include <cmath>
#include <cstdio>

namespace examples {

inline int himmelblau() {
    namespace lz = leibniz;
    checker check;
    constexpr auto x = lz::var<"x">;
    constexpr auto y = lz::var<"y">;
    constexpr auto h = lz::pow<2>(x * x + y - 11) + lz::pow<2>(x + y * y - 7);
    constexpr auto grad = lz::gradient(h, x, y);
    constexpr auto hess = lz::hessian(h, x, y);

    std::cout << "h(x, y)   = " << h << "\n"
              << "dh/dx     = " << lz::d(h, x) << "\n"
              << "dh/dy     = " << lz::d(h, y) << "\n"
              << "d2h/dx2   = " << lz::d(h, x, x) << "\n"
              << "d2h/dxdy  = " << lz::d(h, x, y) << "\n"
              << "d2h/dy2   = " << lz::d(h, y, y) << "\n";
    constexpr std::array<std::array<double, 2>, 4> minima{
        {{3.0, 2.0}, {-2.805118, 3.131312}, {-3.779310, -3.283186}, {3.584428, -1.848126}}};
    std::printf("%-22s %-10s %-24s %s\n", "minimum", "h", "gradient", "Hessian");
    for (auto [px, py] : minima) {
        const auto g = grad(x = px, y = py);
        const auto H = hess(x = px, y = py);
        std::printf("(%9.6f, %9.6f) %-10.2g (%9.2e, %9.2e) [[%7.3f, %7.3f], [%7.3f, %7.3f]]\n", px, py,
                    h(x = px, y = py), g[0], g[1], H[0][0], H[0][1], H[1][0], H[1][1]);
        check.expect(std::hypot(g[0], g[1]) < 1e-4, "the gradient vanishes at a minimum (to the six decimals given)");
        check.expect(H[0][0] > 0 && H[0][0] * H[1][1] - H[0][1] * H[1][0] > 0, "the Hessian is positive definite");
    }
    constexpr auto at_3_2 = hess(x = 3.0, y = 2.0);
    static_assert(at_3_2[0][0] == 74 && at_3_2[0][1] == 20 && at_3_2[1][1] == 34);
    return check.failures;
}

}  // namespace examples

// The directional derivative: how fast Himmelblau's function changes at
// (-4, 0) along each compass direction. It is largest along the gradient,
// where it equals the gradient's length, and zero across it.
#pragma once

#include "check.hpp"

#include <leibniz/leibniz.hpp>

#include <array>
#include <cmath>
#include <cstdio>

namespace examples {

inline int directional_derivative() {
    namespace lz = leibniz;
    namespace nm = leibniz::numeric;
    checker check;
    constexpr auto x = lz::var<"x">;
    constexpr auto y = lz::var<"y">;
    constexpr auto h = lz::pow<2>(x * x + y - 11) + lz::pow<2>(x + y * y - 7);
    constexpr auto p = lz::point(x = -4.0, y = 0.0);
    constexpr auto g = lz::gradient(h, x, y)(p);
    static_assert(g[0] == -102 && g[1] == 10);
    const double length = std::hypot(g[0], g[1]);
    std::printf("gradient of h at (-4, 0): (%g, %g), length %.4f\n", g[0], g[1], length);
    std::printf("%-10s %-20s %10s %12s\n", "direction", "unit vector", "exact", "differences");
    const double pi = std::acos(-1.0);
    double largest = -1e300;
    for (int k = 0; k < 8; ++k) {
        const std::array<double, 2> u{std::cos(k * pi / 4), std::sin(k * pi / 4)};
        const double exact = lz::directional_derivative(h, p, u);
        const double numeric = nm::directional_derivative(h, p, u);
        std::printf("%6d deg  (%6.3f, %6.3f)     %10.4f %12.4f\n", 45 * k, u[0], u[1], exact, numeric);
        check.expect(std::fabs(exact - numeric) < 1e-6, "exact and numerical directional derivatives agree");
        largest = std::fmax(largest, exact);
    }
    const double up = lz::directional_derivative(h, p, g);
    const double across = lz::directional_derivative(h, p, {-g[1], g[0]});
    const double down = lz::directional_derivative(h, p, {-g[0], -g[1]});
    std::printf("along the gradient: %.4f (its length); across it: %.0e (0 up to rounding); against it: %.4f\n", up,
                across, down);
    check.expect(std::fabs(up - length) < 1e-12, "along the gradient the slope is its length");
    check.expect(std::fabs(across) < 1e-12, "across the gradient the slope is zero");
    check.expect(std::fabs(down + length) < 1e-12, "against the gradient the slope is minus its length");
    check.expect(largest < length, "no compass direction climbs faster than the gradient");
    return check.failures;
}

}  // namespace examples

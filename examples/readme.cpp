// The README's code, compiled and run as a test: keep the two in sync.
#include <leibniz/leibniz.hpp>

#include <array>
#include <cmath>
#include <iostream>
#include <sstream>

namespace lz = leibniz;

// [first screen]
constexpr auto x = lz::var<"x">;
constexpr auto y = lz::var<"y">;
constexpr auto f = 2*x*x - 3*x + 4;
constexpr auto df = lz::d(f, x);                        // an expression: 4*x - 3

static_assert(df(x = 2.0) == 5.0);                      // proved while compiling
static_assert(lz::equivalent(df, 4*x - 3));             // canonical forms compare
static_assert(lz::to_static_string(df) == "4*x - 3");   // printed at compile time too
// The rejected lines (df(2.0), lz::d(f, 2*x), (x*y)(x = 1.0)) are compile-fail tests.

// [before]
double himmelblau(double x, double y) {
    return std::pow(x*x + y - 11, 2) + std::pow(x + y*y - 7, 2);
}

int main() {
    int failures = 0;
    auto expect = [&](bool ok, const char* what) {
        if (!ok) {
            std::cout << "MISMATCH: " << what << '\n';
            ++failures;
        }
    };
    // [after]
    constexpr auto h = lz::pow<2>(x*x + y - 11) + lz::pow<2>(x + y*y - 7);

    auto value = h(x = 1.0, y = 2.0);                         // 68
    auto grad  = lz::gradient(h, x, y)(x = 1.0, y = 2.0);     // std::array{-36, -32}
    auto hess  = lz::hessian(h, x, y)(x = 3.0, y = 2.0);      // {{74, 20}, {20, 34}}
    auto [v, g] = lz::value_and_gradient(h, x, y)(x = 1.0, y = 2.0);
    std::cout << lz::d(h, x, x) << '\n';                      // 12*x^2 + 4*y - 42

    expect(value == 68 && value == himmelblau(1.0, 2.0), "h(1, 2) = 68");
    expect(grad == std::array{-36.0, -32.0}, "gradient at (1, 2)");
    expect(hess[0] == std::array{74.0, 20.0} && hess[1] == std::array{20.0, 34.0}, "Hessian at (3, 2)");
    expect(v == value && g == grad, "value_and_gradient");
    std::ostringstream os;
    os << lz::d(h, x, x);
    expect(os.str() == "12*x^2 + 4*y - 42", "printed second derivative");
    return failures == 0 ? 0 : 1;
}

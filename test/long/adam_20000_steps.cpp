// The teaching material's run proved while compiling: Adam, learning rate
// 1e-3, from (-4, 0), 20000 steps on Himmelblau's function, ends at the
// minimum (-3.779310, -3.283186). Slow to compile (see docs/performance.md);
// built only with -DLEIBNIZ_LONG_CONSTEXPR_TESTS=ON. Clang needs
// -fconstexpr-steps raised (CMake passes it).
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;

namespace {

constexpr auto x = lz::var<"x">;
constexpr auto y = lz::var<"y">;
constexpr auto h = lz::pow<2>(x * x + y - 11) + lz::pow<2>(x + y * y - 7);

constexpr auto run = lz::minimize(h, lz::point(x = -4.0, y = 0.0), lz::adam{.learning_rate = 1e-3},
                                  lz::stop{.max_iterations = 20000});
constexpr double distance(double a, double b) { return a > b ? a - b : b - a; }
static_assert(run.iterations == 20000 && run.status == lz::status::max_iterations);
static_assert(distance(run.point[x], -3.779310) < 1e-5 && distance(run.point[y], -3.283186) < 1e-5);
static_assert(run.value < 1e-8);

}  // namespace

int main() { return 0; }

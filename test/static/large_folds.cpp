// Problems whose size passes Clang's limit of 256 operands in one fold
// expression (its -fbracket-depth): the Hessian of 24 variables has 300
// entries, which the plan lowers, evaluates and copies out without a fold over
// them, and a sum of 512 terms is built, evaluated and differentiated without
// one over its terms. Both compilers build this with their default flags.
#include <leibniz/leibniz.hpp>

#include <array>
#include <cstddef>

namespace lz = leibniz;

namespace {

constexpr std::size_t n = 24;
constexpr auto xs = lz::vars<"x", n>;
constexpr auto rosenbrock = lz::sum<n - 1>([](auto i) {
    return 100 * lz::pow<2>(std::get<i + 1>(xs) - lz::pow<2>(std::get<i>(xs))) + lz::pow<2>(1 - std::get<i>(xs));
});
constexpr std::array<double, n> ones = [] {
    std::array<double, n> a{};
    for (auto& v : a) v = 1;
    return a;
}();

// At the minimum (1, ..., 1): 1200x0² − 400x1 + 2 = 802, −400 beside the
// diagonal, 1002 inside it, 200 at the last variable, 0 elsewhere.
constexpr auto h = lz::hessian(rosenbrock, xs)(xs = ones);
static_assert(h[0][0] == 802 && h[0][1] == -400 && h[1][0] == -400 && h[1][1] == 1002 && h[n - 1][n - 1] == 200);
static_assert(h[0][2] == 0 && h[n - 1][0] == 0);
constexpr auto all = lz::value_gradient_hessian(rosenbrock, xs)(xs = ones);
static_assert(all.value == 0 && all.gradient[n - 1] == 0 && all.hessian[5][6] == -400 && all.hessian[6][6] == 1002);

// sum<512>: 512 terms c·(x − i·y)², each a sum squared, with their constants
// and coefficients; at (0, 0) every term is 0, and at (1, 0) the x-derivative
// is Σ 2(i + 1) = 512·513.
constexpr auto x = lz::var<"x">;
constexpr auto y = lz::var<"y">;
constexpr auto long_sum = lz::sum<512>([](auto i) { return (i + 1) * lz::pow<2>(x - i * y); });
static_assert(long_sum(x = 0.0, y = 0.0) == 0 && long_sum(x = 1.0, y = 0.0) == 512 * 513 / 2);
static_assert(lz::d(long_sum, x)(x = 1.0, y = 0.0) == 512 * 513);
static_assert(lz::d(lz::sin(long_sum), y)(x = 0.0, y = 0.0) == 0);  // the sum inside a function

}  // namespace

// newton{} over the 24 variables, built (not run here: its Hessian is the one
// above, and the optimiser's own tests run it at smaller sizes).
lz::result<decltype(lz::point(xs = ones))> newton_over_24_variables(const std::array<double, n>& start) {
    return lz::minimize(rosenbrock, lz::point(xs = start), lz::newton{}, lz::stop{.max_iterations = 100});
}

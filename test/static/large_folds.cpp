// Problems whose size passes Clang's limits with its default flags: 256
// operands in one fold expression (-fbracket-depth), 2^20 steps of one
// constant evaluation, a template recursion 1024 deep. A Hessian of 64
// variables (2,080 entries) is planned, sized, evaluated and copied out with
// none of them growing with the entries (its plan is sized by a constant
// evaluation of its own, and its 64 row sweeps take 0.95-1.0 M of the 1.05 M
// steps: a thin margin, which this test watches), and a sum of 512 terms is
// built, evaluated and differentiated. Built by the Clang preset only (GCC
// has none of these limits; it builds the same code at smaller sizes in
// every other test).
#include <leibniz/leibniz.hpp>

#include <array>
#include <cstddef>

namespace lz = leibniz;

namespace {

constexpr std::size_t n = 64;
constexpr auto xs = lz::vars<"x", n>;
constexpr auto rosenbrock = lz::sum<n - 1>([](auto i) {
    return 100 * lz::pow<2>(std::get<i + 1>(xs) - lz::pow<2>(std::get<i>(xs))) + lz::pow<2>(1 - std::get<i>(xs));
});
constexpr std::array<double, n> ones = [] {
    std::array<double, n> a{};
    for (auto& v : a) v = 1;
    return a;
}();

// At (1, ..., 1): 802 at the first variable, 1002 inside, 200 at the last,
// −400 beside the diagonal, 0 elsewhere (the band, not a dense matrix).
constexpr auto h = lz::hessian(rosenbrock, xs)(xs = ones);
static_assert(h[0][0] == 802 && h[1][1] == 1002 && h[n - 2][n - 2] == 1002 && h[n - 1][n - 1] == 200);
static_assert(h[30][31] == -400 && h[31][30] == -400 && h[30][32] == 0 && h[0][n - 1] == 0);
constexpr auto all = lz::value_gradient_hessian(rosenbrock, xs)(xs = ones);
static_assert(all.value == 0 && all.gradient[0] == 0 && all.gradient[n - 1] == 0);
static_assert(all.hessian[n - 2][n - 1] == -400 && all.hessian[n - 1][n - 1] == 200);

constexpr auto x = lz::var<"x">;
constexpr auto y = lz::var<"y">;

// sum<512>: 512 terms c·(x − i·y)², each a sum squared, with their constants
// and coefficients; at (0, 0) every term is 0, and at (1, 0) the x-derivative
// is Σ 2(i + 1) = 512·513.
constexpr auto long_sum = lz::sum<512>([](auto i) { return (i + 1) * lz::pow<2>(x - i * y); });
static_assert(long_sum(x = 0.0, y = 0.0) == 0 && long_sum(x = 1.0, y = 0.0) == 512 * 513 / 2);
static_assert(lz::d(long_sum, x)(x = 1.0, y = 0.0) == 512 * 513);
static_assert(lz::d(lz::sin(long_sum), y)(x = 0.0, y = 0.0) == 0);  // the sum inside a function

}  // namespace

// newton{} over the 64 variables, built (its Hessian is the one above).
lz::result<decltype(lz::point(xs = ones))> newton_over_64_variables(const std::array<double, n>& start) {
    return lz::minimize(rosenbrock, lz::point(xs = start), lz::newton{}, lz::stop{.max_iterations = 100});
}

// mean over data and fit in constant expressions (std::array data).
#include <leibniz/leibniz.hpp>

#include <array>

namespace lz = leibniz;

namespace {

constexpr auto x = lz::var<"x">;
constexpr auto y = lz::var<"y">;
constexpr auto a = lz::var<"a">;
constexpr auto b = lz::var<"b">;
constexpr auto loss = lz::pow<2>(a + b * x - y) / 2;
static constexpr std::array<double, 4> xs{0, 1, 2, 3};
static constexpr std::array<double, 4> ys{1, 3, 5, 7};  // y = 1 + 2x exactly
constexpr auto J = lz::mean(loss, lz::data(x = xs, y = ys));

static_assert(J(a = 1.0, b = 2.0) == 0.0);
static_assert(J(a = 0.0, b = 2.0) == 0.5);
static_assert(lz::gradient(J, a, b)(a = 1.0, b = 2.0)[0] == 0.0);
constexpr auto r = lz::minimize(J, lz::point(a = 0.0, b = 0.0), lz::newton{}, lz::stop{.max_iterations = 2});
static_assert(r.point[a] - 1 < 1e-12 && 1 - r.point[a] < 1e-12 && r.point[b] - 2 < 1e-12 && 2 - r.point[b] < 1e-12);
constexpr auto full = lz::fit(loss, lz::point(a = 0.0, b = 0.0), lz::data(x = xs, y = ys),
                              lz::gradient_descent{.learning_rate = 0.1}, lz::batches{.size = 4, .epochs = 300});
static_assert(full.point[b] - 2 < 1e-5 && 2 - full.point[b] < 1e-5 && full.iterations == 300);

// A mean inside an expression, in the plan at compile time: the mean of
// (a + b x - y)²/2 over the data has Hessian [[1, 1.5], [1.5, 3.5]]; the
// ridge term adds 2 on the diagonal, the branch takes the mean where a < 2.
constexpr auto ridge = J + a * a + b * b;
constexpr auto at_ridge = lz::value_gradient_hessian(ridge, a, b)(a = 1.0, b = 2.0);
static_assert(at_ridge.value == 5.0 && at_ridge.gradient[0] == 2.0 && at_ridge.gradient[1] == 4.0);
static_assert(at_ridge.hessian[0][0] == 3.0 && at_ridge.hessian[0][1] == 1.5 && at_ridge.hessian[1][1] == 5.5);
constexpr auto branched = lz::where(a < 2, J, lz::log(a) * J);
static_assert(lz::hessian(branched, a, b)(a = 0.0, b = 0.0)[1][1] == 3.5);
static_assert(lz::gradient(branched, a, b)(a = 0.0, b = 0.0)[0] == -4.0);

}  // namespace

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

}  // namespace

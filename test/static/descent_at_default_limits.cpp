// Descents proved while compiling, at the compilers' default limits (this unit
// is built with no -fconstexpr-steps or -fconstexpr-ops-limit): 300 steps of
// gradient descent on the mean of 10 samples, and a 300-epoch fit on them.
// Clang needed about 1.46 M and 1.81 M steps for these (its default is
// 1,048,576); a descent now gathers what stays the same from step to step
// once (docs/performance.md, "Constant evaluation").
#include <leibniz/leibniz.hpp>

#include <array>

namespace lz = leibniz;

namespace {

constexpr auto t1 = lz::var<"t1">;
constexpr auto t2 = lz::var<"t2">;
constexpr auto xi = lz::var<"xi">;
constexpr auto yi = lz::var<"yi">;
constexpr auto loss = lz::pow<2>(t1 + t2 * xi - yi) / 2;
constexpr std::array<double, 10> xs{0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
constexpr std::array<double, 10> ys{1, 3, 5, 7, 9, 11, 13, 15, 17, 19};  // y = 1 + 2x

constexpr double distance(double a, double b) { return a > b ? a - b : b - a; }

constexpr auto J = lz::mean(loss, lz::data(xi = xs, yi = ys));
constexpr auto descent = lz::minimize(J, lz::point(t1 = 0.0, t2 = 0.0), lz::gradient_descent{.learning_rate = 0.02},
                                      lz::stop{.max_iterations = 300});
static_assert(descent.iterations == 300 && descent.status == lz::status::max_iterations);
static_assert(distance(descent.point[t2], 2) < 0.05 && descent.value < 0.02);
static_assert(descent.value < J(t1 = 0.0, t2 = 0.0) / 1000);

constexpr auto fitted = lz::fit(loss, lz::point(t1 = 0.0, t2 = 0.0), lz::data(xi = xs, yi = ys),
                                lz::gradient_descent{.learning_rate = 0.02}, lz::batches{.size = 10, .epochs = 300});
static_assert(fitted.iterations == 300 && distance(fitted.point[t2], 2) < 0.05);
// A full batch visits every sample once per epoch: the same steps as the descent, up to the order of the sums.
static_assert(distance(fitted.point[t1], descent.point[t1]) < 1e-12 && distance(fitted.point[t2], descent.point[t2]) < 1e-12);

}  // namespace

// Vectors of any length and sums over an index, in constant expressions:
// values at std::array bindings, strides, nested sums over a matrix, an index
// bound by value, the derivative by a scalar variable, and the printed form.
// Each value below is worked out by hand and exact in double.
#include <leibniz/leibniz.hpp>

#include <array>
#include <string_view>

namespace lz = leibniz;

namespace {

constexpr auto x = lz::vec<"x">;
constexpr auto t = lz::vec<"t">;
constexpr auto y = lz::vec<"y">;
constexpr auto A = lz::mat<"A">;
constexpr auto a = lz::var<"a">;
constexpr auto i = lz::index<"i">;
constexpr auto j = lz::index<"j">;
constexpr auto k = lz::index<"k">;

// Chained Rosenbrock: at (1/2, 1/2, 1/2) each of its two terms is 100/16 + 1/4 = 6.5.
constexpr auto rosen = lz::sum(i, 0, lz::size(x) - 1, 100 * lz::pow<2>(x[i + 1] - x[i] * x[i]) + lz::pow<2>(1 - x[i]));
constexpr std::array<double, 3> half{0.5, 0.5, 0.5};
static_assert(rosen(x = half) == 13.0);
static_assert(rosen(x = std::array{1.0, 1.0, 1.0, 1.0}) == 0.0);
static_assert(rosen(x = std::array{0.0, 0.0}) == 1.0);
static_assert(rosen(x = std::array{-1.0, 1.0}) == 4.0);  // 100·0 + 2²
static_assert(rosen(x = std::array{2.0}) == 0.0);         // one value: no term

// The gradient by the vector: an array of the bound array's length. At (1/2, 1/2, 1/2): the first
// term gives ∂/∂x0 = 2·100·(1/4)·(−1) − 1 = −51 and ∂/∂x1 = 50, the second the same one place on.
constexpr auto g3 = lz::gradient(rosen, x)(x = half);
static_assert(g3.size() == 3 && g3[0] == -51.0 && g3[1] == -1.0 && g3[2] == 50.0);
static_assert(lz::value_and_gradient(rosen, x)(x = std::array{1.0, 1.0, 1.0, 1.0}).value == 0.0);
static_assert(lz::value_and_gradient(rosen, x)(x = std::array{1.0, 1.0, 1.0, 1.0}).gradient[3] == 0.0);
static_assert(lz::gradient(rosen, x)(x = std::array{2.0})[0] == 0.0);  // one value: no term
// An element outside any sum, beside one: x0² + Σ xᵢ.
static_assert(lz::gradient(x[0] * x[0] + lz::sum(i, 0, lz::size(x), x[i]), x)(x = std::array{3.0, 5.0})[0] == 7.0);

// The k-th partial as an expression in k: each element x[p] differentiates to [p = k].
constexpr auto dk = lz::d(rosen, x[k]);
static_assert(dk(x = half, k = 0) == -51.0 && dk(x = half, k = 1) == -1.0 && dk(x = half, k = 2) == 50.0);
static_assert(lz::d(rosen, x[1])(x = half) == -1.0);                     // at a fixed position
static_assert(lz::d(x[0] * x[1], x[k])(x = half, k = 1) == 0.5);         // outside any sum
static_assert(lz::d(lz::d(rosen, x[k]), lz::var<"a">)(x = half, k = 0) == 0.0);

// Strides: the extended function's pairs (x[2i], x[2i + 1]); an odd last value is left out.
constexpr auto pairs = lz::sum(i, 0, lz::size(x) / 2,
                               100 * lz::pow<2>(x[2 * i + 1] - x[2 * i] * x[2 * i]) + lz::pow<2>(1 - x[2 * i]));
static_assert(pairs(x = std::array{0.5, 0.5, 0.5, 0.5}) == 13.0);
static_assert(pairs(x = std::array{0.5, 0.5, 0.5, 0.5, 7.0}) == 13.0);
static_assert(lz::gradient(pairs, x)(x = std::array{0.5, 0.5, 0.5, 0.5})[3] == 50.0);
static_assert(lz::gradient(pairs, x)(x = std::array{0.5, 0.5, 0.5, 0.5, 7.0})[4] == 0.0);

// Offsets below and above, a first value other than 0, a fixed element.
constexpr auto differences = lz::sum(i, 1, lz::size(x), x[i] - x[i - 1]);
static_assert(differences(x = std::array{3.0, 5.0, 4.0, 10.0}) == 7.0);  // telescopes to x[3] - x[0]
static_assert((x[0] * lz::sum(i, 0, lz::size(x), x[i]))(x = std::array{2.0, 1.0, -1.0}) == 4.0);
static_assert(lz::sum(i, 0, 3, 2)() == 6.0);  // a number summed three times

// Scalars as parameters and vectors as data: the derivative by a is a sum too.
constexpr auto fit = lz::sum(i, 0, lz::size(t), lz::pow<2>(a * t[i] - y[i])) / 2;
constexpr std::array<double, 3> ts{1.0, 2.0, 3.0};
constexpr std::array<double, 3> ys{2.0, 4.0, 7.0};
static_assert(fit(a = 2.0, t = ts, y = ys) == 0.5);
static_assert(lz::d(fit, a)(a = 2.0, t = ts, y = ys) == -3.0);
static_assert(lz::d(lz::d(fit, a), a)(a = 2.0, t = ts, y = ys) == 14.0);  // Σ tᵢ²
static_assert(lz::d(fit, lz::var<"b">)(a = 2.0, t = ts, y = ys) == 0.0);
// The same through the plan: the sum is a loop node, the body's own plan per index value.
static_assert(lz::gradient(fit, a)(a = 2.0, t = ts, y = ys)[0] == -3.0);
static_assert(lz::value_and_gradient(fit, a)(a = 2.0, t = ts, y = ys).value == 0.5);
static_assert(lz::hessian(fit, a)(a = 2.0, t = ts, y = ys)[0][0] == 14.0);

// A sum inside a sum: ½‖Ax − y‖² with A = [[1, 2], [3, 4]], x = (1, 1), y = (3, 8).
constexpr auto lsq = lz::sum(i, 0, lz::rows(A), lz::pow<2>(lz::sum(j, 0, lz::cols(A), A[i][j] * x[j]) - y[i])) / 2;
constexpr std::array<std::array<double, 2>, 2> A0{{{1.0, 2.0}, {3.0, 4.0}}};
constexpr std::array<double, 2> ones{1.0, 1.0};
constexpr std::array<double, 2> y0{3.0, 8.0};
static_assert(lsq(A = A0, x = ones, y = y0) == 0.5);
// Its gradient by x is Aᵀ(Ax − y) = Aᵀ(0, −1) = (−3, −4): the inner sum's adjoint seeds a pass over j.
constexpr auto gl = lz::gradient(lsq, x)(A = A0, x = ones, y = y0);
static_assert(gl[0] == -3.0 && gl[1] == -4.0);
// By a scalar through both sums: ½ Σ (a·sᵢ − yᵢ)², sᵢ = Σⱼ Aᵢⱼ xⱼ = (3, 7): the derivative at a = 1 is
// Σ (a·sᵢ − yᵢ)·sᵢ = 0·3 − 1·7, the second Σ sᵢ² = 58.
constexpr auto scaled = lz::sum(i, 0, lz::rows(A), lz::pow<2>(a * lz::sum(j, 0, lz::cols(A), A[i][j] * x[j]) - y[i])) / 2;
static_assert(lz::gradient(scaled, a)(a = 1.0, A = A0, x = ones, y = y0)[0] == -7.0);
static_assert(lz::hessian(scaled, a)(a = 1.0, A = A0, x = ones, y = y0)[0][0] == 58.0);
// A 2×3 matrix: the sums run over its own rows and columns.
constexpr std::array<std::array<double, 3>, 2> wide{{{1.0, 0.0, 2.0}, {0.0, 1.0, 0.0}}};
static_assert(lz::sum(i, 0, lz::rows(A), lz::sum(j, 0, lz::cols(A), A[i][j]))(A = wide) == 4.0);
static_assert(lz::sum(j, 0, lz::cols(A), A[1][j] * A[0][j])(A = wide) == 0.0);

// An index bound by value picks an element.
static_assert((x[k + 1] - x[k])(x = std::array{1.0, 4.0, 9.0}, k = 1) == 5.0);

// Empty ranges read nothing: no element is checked, the sum is 0.
static_assert(lz::sum(i, 0, lz::size(x) - 1, x[i + 1])(x = std::array<double, 0>{}) == 0.0);
static_assert(lz::sum(i, 5, 2, x[i])(x = half) == 0.0);

// Printed with the index's first and last values.
static_assert(std::string_view(lz::to_static_string(rosen)) ==
              "sum(i = 0 .. size(x) - 2, 100*(x[i + 1] - x[i]*x[i])^2 + (1 - x[i])^2)");
static_assert(std::string_view(lz::to_static_string(pairs)) ==
              "sum(i = 0 .. size(x)/2 - 1, 100*(x[2*i + 1] - x[2*i]*x[2*i])^2 + (1 - x[2*i])^2)");
static_assert(std::string_view(lz::to_static_string(lsq)) ==
              "sum(i = 0 .. rows(A) - 1, (sum(j = 0 .. cols(A) - 1, A[i][j]*x[j]) - y[i])^2)/2");
static_assert(std::string_view(lz::to_static_string(lz::sum(i, 0, (lz::size(x) - 1) / 2 + 3, x[0]))) ==
              "sum(i = 0 .. (size(x) - 1)/2 + 2, x[0])");

// Found by the differential suite's sums over an index: the derivative of a
// lone element by a scalar variable (0), and the gradient by a vector of a
// sum whose body reads a scalar variable inside a function.
static_assert(lz::d(lz::sum(i, 0, lz::size(x), x[i]), a)(x = std::array{1.0, 2.0}, a = 1.0) == 0.0);
constexpr auto scalar_inside = lz::exp(lz::sum(i, 0, lz::size(x), lz::cos(a - x[i])) / 8);
static_assert(lz::gradient(scalar_inside, x)(x = std::array{0.0, 0.0}, a = 0.0)[1] == 0.0);
static_assert(lz::gradient(scalar_inside, a)(x = std::array{0.0, 0.0}, a = 0.0)[0] == 0.0);

}  // namespace

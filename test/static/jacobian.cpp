// Jacobians and sparsity patterns in constant expressions.
#include <leibniz/leibniz.hpp>

#include <tuple>

namespace lz = leibniz;

namespace jacobian_test {

constexpr auto x = lz::var<"x">;
constexpr auto y = lz::var<"y">;

constexpr auto F = std::tuple{x * y, x + y, lz::atan(x)};
constexpr auto J = lz::jacobian(F, x, y)(x = 1.0, y = 2.0);
static_assert(J[0][0] == 2.0 && J[0][1] == 1.0 && J[1][0] == 1.0 && J[1][1] == 1.0);
static_assert(J[2][0] == 0.5 && J[2][1] == 0.0);
constexpr auto vj = lz::value_and_jacobian(F, x, y)(x = 3.0, y = 2.0);
static_assert(vj.value[0] == 6.0 && vj.value[1] == 5.0 && vj.jacobian[0][1] == 3.0);

constexpr auto jp = lz::jacobian_pattern(std::tuple{x * x, lz::sin(y), 4}, x, y);
static_assert(jp[0][0] && !jp[0][1] && !jp[1][0] && jp[1][1] && !jp[2][0] && !jp[2][1]);
constexpr auto hp = lz::hessian_pattern(x * x + y + lz::sin(x * y), x, y);
static_assert(hp[0][0] && hp[0][1] && hp[1][0] && hp[1][1]);
constexpr auto lp = lz::hessian_pattern(x * x + y, x, y);
static_assert(lp[0][0] && !lp[0][1] && !lp[1][0] && !lp[1][1]);

}  // namespace jacobian_test

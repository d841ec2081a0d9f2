// Printing in constant expressions: a derivative's printed form can be static_asserted.
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;

namespace {

constexpr auto x = lz::var<"x">;
constexpr auto y = lz::var<"y">;

static_assert(lz::to_static_string(lz::d(2 * x * x - 3 * x + 4, x)) == "4*x - 3");
static_assert(lz::to_static_string(x - x) == "0");
static_assert(lz::to_static_string(0 * x) == "0");
static_assert(lz::to_static_string(2 * x - 2 * x) == "0");
static_assert(lz::to_static_string(1 * x) == "x");
static_assert(lz::to_static_string(-x) == "-x");
static_assert(lz::to_static_string(x - 3) == "x - 3");
static_assert(lz::to_static_string(1 - x) == "1 - x");  // canonically -x + 1; a sum starts with a positive item
static_assert(lz::to_static_string(-x - y) == "-x - y");
static_assert(lz::to_static_string(x * x) == "x^2");
static_assert(lz::to_static_string(lz::pow<-1>(x)) == "1/x");
static_assert(lz::to_static_string(lz::pow<-2>(x) * -1) == "-1/x^2");
static_assert(lz::to_static_string(x / (2 * y * y)) == "x/(2*y^2)");
static_assert(lz::to_static_string(3 * x / 2) == "3*x/2");
static_assert(lz::to_static_string(x / 2) == "x/2");
static_assert(lz::to_static_string(lz::pow<2>(x + 1)) == "(x + 1)^2");
static_assert(lz::to_static_string((x + 1) * (y - 1)) == "(x + 1)*(y - 1)");
static_assert(lz::to_static_string(lz::d(lz::sqrt(x), x)) == "1/(2*sqrt(x))");
static_assert(lz::to_static_string(lz::d(lz::log(x), x)) == "1/x");
static_assert(lz::to_static_string(lz::pow(x, 1.5)) == "x^1.5");
static_assert(lz::to_static_string(lz::d(lz::pow(x, 2.0), x)) == "2*x");  // u^1 prints as u
static_assert(lz::to_static_string(lz::d(lz::pow(x + 1, 2), x)) == "2*(x + 1)");
static_assert(lz::to_static_string(lz::d(lz::pow(x, y), x)) == "y*x^(y - 1)");
static_assert(lz::to_static_string(lz::pow(x, -0.5)) == "x^(-0.5)");
static_assert(lz::to_static_string(lz::pow(x, lz::constant{{}, lz::detail::number::ratio(1, 3)})) == "x^(1/3)");
static_assert(lz::to_static_string(lz::pow(2, x)) == "2^x");
static_assert(lz::to_static_string(lz::pow(x + 1, y + 1)) == "(x + 1)^(y + 1)");
static_assert(lz::to_static_string(lz::sin(x) * lz::cos(y)) == "sin(x)*cos(y)");
static_assert(lz::to_static_string(lz::d(lz::abs(x), x)) == "sign(x)");
static_assert(lz::to_static_string(0.1 * x + 2.5) == "0.1*x + 2.5");
static_assert(lz::to_static_string(1e-7 * x) == "1e-7*x");
static_assert(lz::to_static_string(1e20 * x) == "1e+20*x");
static_assert(lz::to_static_string(x + 1.0 / 3) == "x + 0.3333333333333333");
static_assert(lz::to_static_string(lz::constant{{}, 42}) == "42");

// A form longer than the buffer is flagged, never silently cut.
static_assert(lz::to_static_string<4>(x + y + 1).truncated);
static_assert(!(lz::to_static_string<4>(x + y + 1) == "x + "));

}  // namespace

// Misuse: differentiating by something that is not a variable.
// Compiles with -DLEIBNIZ_TWIN (the correct use beside it); fails without.
#include <leibniz/leibniz.hpp>

#include <array>
#include <complex>

namespace lz = leibniz;
constexpr auto x = lz::var<"x">;
constexpr auto y = lz::var<"y">;
constexpr auto xs = lz::vars<"x", 3>;
struct user_type {};

int main() {
#ifdef LEIBNIZ_TWIN
    auto e = lz::d(x * x, x); (void)e;
#else
    auto e = lz::d(x * x, 2 * x); (void)e;
#endif
}

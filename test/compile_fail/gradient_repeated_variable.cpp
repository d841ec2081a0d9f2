// Misuse: a variable named twice in gradient or hessian.
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
    auto g = lz::hessian(x * y, x, y); (void)g;
#else
    auto g = lz::hessian(x * y, x, y, x); (void)g;
#endif
}

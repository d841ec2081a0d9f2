// Misuse: a gradient with no variable to differentiate by.
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
    auto g = lz::gradient(x * y, x); (void)g;
#else
    auto g = lz::gradient(x * y); (void)g;
#endif
}

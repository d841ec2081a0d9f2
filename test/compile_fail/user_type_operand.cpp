// Misuse: a value of a type that is neither an expression nor a number as an operand.
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
    auto e = x - y; (void)e;
#else
    auto e = x - user_type{}; (void)e;
#endif
}

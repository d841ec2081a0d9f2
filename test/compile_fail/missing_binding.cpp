// Misuse: evaluating without a value for one of the expression's variables.
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
    return static_cast<int>((x * y)(x = 1.0, y = 0.0));
#else
    return static_cast<int>((x * y)(x = 1.0));
#endif
}

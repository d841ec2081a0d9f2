// Misuse: a pack of three variables bound from an array of two values.
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
    constexpr std::array<double, 3> v{}; auto b = (xs = v); (void)b;
#else
    constexpr std::array<double, 2> v{}; auto b = (xs = v); (void)b;
#endif
}

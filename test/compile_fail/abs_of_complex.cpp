// Misuse: abs of a complex value (not differentiable).
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
    auto v = lz::sin(x)(x = std::complex<double>(1, 1)); (void)v;
#else
    auto v = lz::abs(x)(x = std::complex<double>(1, 1)); (void)v;
#endif
}

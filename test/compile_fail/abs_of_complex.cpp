// Misuse: abs of a complex value (not differentiable).
// The correct use, beside it, compiles with -DLEIBNIZ_TWIN.
#include "common.hpp"

int main() {
#ifdef LEIBNIZ_TWIN
    auto v = lz::sin(x)(x = std::complex<double>(1, 1)); (void)v;
#else
    auto v = lz::abs(x)(x = std::complex<double>(1, 1)); (void)v;
#endif
}

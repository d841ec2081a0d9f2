// Misuse: a variable named y0 used where it is not in scope, so the name
// finds glibc's Bessel function y0 of <cmath>. The error says so.
// The correct use, beside it, compiles with -DLEIBNIZ_TWIN.
#include "common.hpp"

#include <cmath>

namespace model {
[[maybe_unused]] constexpr auto y0 = lz::var<"y0">;
}

int main() {
#ifdef LEIBNIZ_TWIN
    auto e = x * model::y0; (void)e;
#else
    auto e = x * y0; (void)e;
#endif
}

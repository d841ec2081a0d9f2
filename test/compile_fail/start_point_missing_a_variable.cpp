// Misuse: minimize from a start point that lacks a variable of f.
// The correct use, beside it, compiles with -DLEIBNIZ_TWIN.
#include "common.hpp"

int main() {
#ifdef LEIBNIZ_TWIN
    auto r = lz::minimize(x * x + y * y, lz::point(x = 1.0, y = 1.0), lz::adam{});
#else
    auto r = lz::minimize(x * x + y * y, lz::point(x = 1.0), lz::adam{});
#endif
    (void)r;
}

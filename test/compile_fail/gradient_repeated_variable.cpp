// Misuse: a variable named twice in gradient or hessian.
// The correct use, beside it, compiles with -DLEIBNIZ_TWIN.
#include "common.hpp"

int main() {
#ifdef LEIBNIZ_TWIN
    auto g = lz::hessian(x * y, x, y); (void)g;
#else
    auto g = lz::hessian(x * y, x, y, x); (void)g;
#endif
}

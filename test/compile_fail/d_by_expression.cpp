// Misuse: differentiating by something that is not a variable.
// The correct use, beside it, compiles with -DLEIBNIZ_TWIN.
#include "common.hpp"

int main() {
#ifdef LEIBNIZ_TWIN
    auto e = lz::d(x * x, x); (void)e;
#else
    auto e = lz::d(x * x, 2 * x); (void)e;
#endif
}

// Misuse: a string literal as an operand.
// The correct use, beside it, compiles with -DLEIBNIZ_TWIN.
#include "common.hpp"

int main() {
#ifdef LEIBNIZ_TWIN
    auto e = x + 1; (void)e;
#else
    auto e = x + "1"; (void)e;
#endif
}

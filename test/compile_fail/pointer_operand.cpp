// Misuse: a pointer as an operand.
// The correct use, beside it, compiles with -DLEIBNIZ_TWIN.
#include "common.hpp"

int main() {
#ifdef LEIBNIZ_TWIN
    double d = 2; auto e = x * d; (void)e;
#else
    double d = 2; auto e = x * &d; (void)e;
#endif
}

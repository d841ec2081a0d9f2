// Misuse: a value of a type that is neither an expression nor a number as an operand.
// The correct use, beside it, compiles with -DLEIBNIZ_TWIN.
#include "common.hpp"

int main() {
#ifdef LEIBNIZ_TWIN
    auto e = x - y; (void)e;
#else
    auto e = x - user_type{}; (void)e;
#endif
}

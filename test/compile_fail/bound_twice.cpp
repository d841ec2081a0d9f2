// Misuse: binding the same variable twice.
// The correct use, beside it, compiles with -DLEIBNIZ_TWIN.
#include "common.hpp"

int main() {
#ifdef LEIBNIZ_TWIN
    return static_cast<int>((x * y)(x = 1.0, y = 0.0));
#else
    return static_cast<int>((x * y)(x = 1.0, y = 2.0, x = 3.0));
#endif
}

// Misuse: a gradient with no variable to differentiate by.
// The correct use, beside it, compiles with -DLEIBNIZ_TWIN.
#include "common.hpp"

int main() {
#ifdef LEIBNIZ_TWIN
    auto g = lz::gradient(x * y, x); (void)g;
#else
    auto g = lz::gradient(x * y); (void)g;
#endif
}

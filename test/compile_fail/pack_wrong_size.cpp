// Misuse: a pack of three variables bound from an array of two values.
// The correct use, beside it, compiles with -DLEIBNIZ_TWIN.
#include "common.hpp"

int main() {
#ifdef LEIBNIZ_TWIN
    constexpr std::array<double, 3> v{}; auto b = (xs = v); (void)b;
#else
    constexpr std::array<double, 2> v{}; auto b = (xs = v); (void)b;
#endif
}

// Misuse: a numerical derivative at an integer (no step fits between integers).
// The correct use, beside it, compiles with -DLEIBNIZ_TWIN.
#include "common.hpp"

int main() {
#ifdef LEIBNIZ_TWIN
    const double slope = lz::numeric::derivative(x * x, x = 2.0);
#else
    const double slope = lz::numeric::derivative(x * x, x = 2);
#endif
    (void)slope;
}

// Misuse: the stopping rule passed where the optimiser goes.
// The correct use, beside it, compiles with -DLEIBNIZ_TWIN.
#include "common.hpp"

int main() {
#ifdef LEIBNIZ_TWIN
    auto r = lz::minimize(x * x, lz::point(x = 1.0), lz::adam{}, lz::stop{.max_iterations = 10});
#else
    auto r = lz::minimize(x * x, lz::point(x = 1.0), lz::stop{.max_iterations = 10});
#endif
    (void)r;
}

// Domain error in constant evaluation: a negative base to a non-integer power.
// The correct use, beside it, compiles with -DLEIBNIZ_TWIN.
#include "common.hpp"

#ifdef LEIBNIZ_TWIN
static_assert(lz::pow(x, 1.5)(x = 4.0) == 8);
#else
static_assert(lz::pow(x, 1.5)(x = -4.0) > 0);
#endif

int main() {}

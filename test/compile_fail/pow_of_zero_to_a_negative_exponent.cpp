// Domain error in constant evaluation: zero to a negative power.
// The correct use, beside it, compiles with -DLEIBNIZ_TWIN.
#include "common.hpp"

#ifdef LEIBNIZ_TWIN
static_assert(lz::pow(x, -1.5)(x = 1.0) == 1);
#else
static_assert(lz::pow(x, -1.5)(x = 0.0) > 0);
#endif

int main() {}

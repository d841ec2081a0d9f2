// Domain error in constant evaluation: asin of a value beyond 1.
// The correct use, beside it, compiles with -DLEIBNIZ_TWIN.
#include "common.hpp"

#ifdef LEIBNIZ_TWIN
static_assert(lz::asin(x / 2)(x = 2.0) > 1.57);
#else
static_assert(lz::asin(x / 2)(x = 3.0) > 1.57);
#endif

int main() {}

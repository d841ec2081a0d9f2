// Domain error in constant evaluation: acosh below 1 (not a real number).
// The correct use, beside it, compiles with -DLEIBNIZ_TWIN.
#include "common.hpp"

#ifdef LEIBNIZ_TWIN
static_assert(lz::acosh(x)(x = 1.0) == 0);
#else
static_assert(lz::acosh(x)(x = 0.5) > 0);
#endif

int main() {}

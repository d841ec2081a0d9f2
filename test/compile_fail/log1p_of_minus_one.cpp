// Domain error in constant evaluation: log1p at -1 (minus infinity).
// The correct use, beside it, compiles with -DLEIBNIZ_TWIN.
#include "common.hpp"

#ifdef LEIBNIZ_TWIN
static_assert(lz::log1p(x)(x = 0.0) == 0);
#else
static_assert(lz::log1p(x)(x = -1.0) < 0);
#endif

int main() {}

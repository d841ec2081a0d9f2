// Domain error in constant evaluation: log of zero.
// The correct use, beside it, compiles with -DLEIBNIZ_TWIN.
#include "common.hpp"

#ifdef LEIBNIZ_TWIN
static_assert(lz::log(x)(x = 1.0) == 0);
#else
static_assert(lz::log(x)(x = 0.0) < 0);
#endif

int main() {}

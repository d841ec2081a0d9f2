// Domain error in constant evaluation: sqrt of a negative number.
// The correct use, beside it, compiles with -DLEIBNIZ_TWIN.
#include "common.hpp"

#ifdef LEIBNIZ_TWIN
static_assert(lz::sqrt(x)(x = 4.0) == 2);
#else
static_assert(lz::sqrt(x)(x = -4.0) == 2);
#endif

int main() {}

// Domain error in constant evaluation: exp beyond the largest double.
// The correct use, beside it, compiles with -DLEIBNIZ_TWIN.
#include "common.hpp"

#ifdef LEIBNIZ_TWIN
static_assert(lz::exp(x)(x = 0.0) == 1);
#else
static_assert(lz::exp(x)(x = 1000.0) > 0);
#endif

int main() {}

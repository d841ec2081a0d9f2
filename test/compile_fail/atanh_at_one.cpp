// Domain error in constant evaluation: atanh at 1 (infinite), reached through a derivative's argument.
// The correct use, beside it, compiles with -DLEIBNIZ_TWIN.
#include "common.hpp"

#ifdef LEIBNIZ_TWIN
static_assert(lz::atanh(x * x)(x = 0.0) == 0);
#else
static_assert(lz::atanh(x * x)(x = -1.0) > 0);
#endif

int main() {}

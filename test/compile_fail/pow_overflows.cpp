// Domain error in constant evaluation: pow beyond the largest double.
// The correct use, beside it, compiles with -DLEIBNIZ_TWIN.
#include "common.hpp"

#ifdef LEIBNIZ_TWIN
static_assert(lz::pow(x, y)(x = 10.0, y = 2.0) == 100);
#else
static_assert(lz::pow(x, y)(x = 10.0, y = 400.0) > 0);
#endif

int main() {}

// Division by zero in constant evaluation: the compiler's own error (its message is the compiler's).
// The correct use, beside it, compiles with -DLEIBNIZ_TWIN.
#include "common.hpp"

#ifdef LEIBNIZ_TWIN
static_assert((x / y)(x = 1.0, y = 2.0) == 0.5);
#else
static_assert((x / y)(x = 1.0, y = 0.0) > 0);
#endif

int main() {}

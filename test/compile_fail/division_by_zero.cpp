// Division by zero in constant evaluation: the compiler's own error (its message is the compiler's).
// Compiles with -DLEIBNIZ_TWIN (the correct use beside it); fails without.
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;
constexpr auto x = lz::var<"x">;
constexpr auto y = lz::var<"y">;

#ifdef LEIBNIZ_TWIN
static_assert((x / y)(x = 1.0, y = 2.0) == 0.5);
#else
static_assert((x / y)(x = 1.0, y = 0.0) > 0);
#endif

int main() {}

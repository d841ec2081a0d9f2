// Domain error in constant evaluation: a negative base to a non-integer power.
// Compiles with -DLEIBNIZ_TWIN (the correct use beside it); fails without.
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;
constexpr auto x = lz::var<"x">;
constexpr auto y = lz::var<"y">;

#ifdef LEIBNIZ_TWIN
static_assert(lz::pow(x, 1.5)(x = 4.0) == 8);
#else
static_assert(lz::pow(x, 1.5)(x = -4.0) > 0);
#endif

int main() {}

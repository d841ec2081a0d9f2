// Domain error in constant evaluation: pow beyond the largest double.
// Compiles with -DLEIBNIZ_TWIN (the correct use beside it); fails without.
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;
constexpr auto x = lz::var<"x">;
constexpr auto y = lz::var<"y">;

#ifdef LEIBNIZ_TWIN
static_assert(lz::pow(x, y)(x = 10.0, y = 2.0) == 100);
#else
static_assert(lz::pow(x, y)(x = 10.0, y = 400.0) > 0);
#endif

int main() {}

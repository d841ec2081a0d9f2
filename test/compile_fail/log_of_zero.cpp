// Domain error in constant evaluation: log of zero.
// Compiles with -DLEIBNIZ_TWIN (the correct use beside it); fails without.
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;
constexpr auto x = lz::var<"x">;
constexpr auto y = lz::var<"y">;

#ifdef LEIBNIZ_TWIN
static_assert(lz::log(x)(x = 1.0) == 0);
#else
static_assert(lz::log(x)(x = 0.0) < 0);
#endif

int main() {}

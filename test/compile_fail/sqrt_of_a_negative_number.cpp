// Domain error in constant evaluation: sqrt of a negative number.
// Compiles with -DLEIBNIZ_TWIN (the correct use beside it); fails without.
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;
constexpr auto x = lz::var<"x">;
constexpr auto y = lz::var<"y">;

#ifdef LEIBNIZ_TWIN
static_assert(lz::sqrt(x)(x = 4.0) == 2);
#else
static_assert(lz::sqrt(x)(x = -4.0) == 2);
#endif

int main() {}

// Domain error in constant evaluation: exp beyond the largest double.
// Compiles with -DLEIBNIZ_TWIN (the correct use beside it); fails without.
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;
constexpr auto x = lz::var<"x">;
constexpr auto y = lz::var<"y">;

#ifdef LEIBNIZ_TWIN
static_assert(lz::exp(x)(x = 0.0) == 1);
#else
static_assert(lz::exp(x)(x = 1000.0) > 0);
#endif

int main() {}

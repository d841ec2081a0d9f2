// A vector read by a sum but given no values: one error naming it.
#include "common.hpp"

constexpr auto xv = lz::vec<"x">;
constexpr auto yv = lz::vec<"y">;
constexpr auto i = lz::index<"i">;
constexpr std::array<double, 3> values{1.0, 2.0, 3.0};

#ifdef LEIBNIZ_TWIN
static_assert(lz::sum(i, 0, lz::size(yv), xv[i] * yv[i])(xv = values, yv = values) == 14.0);
#else
static_assert(lz::sum(i, 0, lz::size(yv), xv[i] * yv[i])(yv = values) == 14.0);
#endif

int main() {}

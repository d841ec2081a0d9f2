// A sum that reads past the end of its vector, in constant evaluation: the
// compile error names the mistake (at run time, std::out_of_range).
#include "common.hpp"

constexpr auto v = lz::vec<"v">;
constexpr auto i = lz::index<"i">;
constexpr std::array<double, 3> values{1.0, 2.0, 3.0};

#ifdef LEIBNIZ_TWIN
static_assert(lz::sum(i, 0, lz::size(v) - 1, v[i + 1])(v = values) == 5.0);
#else
static_assert(lz::sum(i, 0, lz::size(v), v[i + 1])(v = values) == 5.0);
#endif

int main() {}

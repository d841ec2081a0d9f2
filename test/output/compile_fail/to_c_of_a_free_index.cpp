// to_c writes no condition on an index outside its sums: d(f, x[k]) holds k.
#include <leibniz/leibniz.hpp>
#include <leibniz/output.hpp>

namespace lz = leibniz;

int main() {
    constexpr auto x = lz::vec<"x">;
    constexpr auto i = lz::index<"i">;
    constexpr auto k = lz::index<"k">;
    constexpr auto f = lz::sum(i, 0, lz::size(x), x[i] * x[i]);
#ifdef LEIBNIZ_TWIN
    return lz::to_c("f", f, x).empty() ? 1 : 0;
#else
    return lz::to_c("f", lz::d(f, x[k]), x).empty() ? 1 : 0;
#endif
}

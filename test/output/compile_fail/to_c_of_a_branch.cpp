// to_c writes straight-line code: not a where, min or max.
#include <leibniz/leibniz.hpp>
#include <leibniz/output.hpp>

namespace lz = leibniz;

int main() {
    constexpr auto x = lz::var<"x">;
    constexpr auto y = lz::var<"y">;
#ifdef LEIBNIZ_TWIN
    return lz::to_c("f", lz::abs(x - y), x, y).empty() ? 1 : 0;
#else
    return lz::to_c("f", lz::max(x, y), x, y).empty() ? 1 : 0;
#endif
}

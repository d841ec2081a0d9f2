// to_c needs a place in point[] for every variable of the expression.
#include <leibniz/leibniz.hpp>
#include <leibniz/output.hpp>

namespace lz = leibniz;

int main() {
    constexpr auto x = lz::var<"x">;
    constexpr auto y = lz::var<"y">;
#ifdef LEIBNIZ_TWIN
    return lz::to_c("f", x * y, x, y).empty() ? 1 : 0;
#else
    return lz::to_c("f", x * y, x).empty() ? 1 : 0;
#endif
}

// to_dot draws the core node kinds, means and least squares: not yet a sum
// over an index, which it refuses with one message.
#include <leibniz/leibniz.hpp>
#include <leibniz/output.hpp>

namespace lz = leibniz;

int main() {
    constexpr auto x = lz::vec<"x">;
    constexpr auto y = lz::var<"y">;
    constexpr auto i = lz::index<"i">;
#ifdef LEIBNIZ_TWIN
    return lz::to_dot(y * y).empty() ? 1 : 0;
#else
    return lz::to_dot(lz::sum(i, 0, lz::size(x), x[i] * y)).empty() ? 1 : 0;
#endif
}

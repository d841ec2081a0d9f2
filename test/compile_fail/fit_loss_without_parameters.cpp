// Misuse: fit from a start point none of whose variables is in the loss.
// The correct use, beside it, compiles with -DLEIBNIZ_TWIN.
#include "common.hpp"

#include <vector>

int main() {
    constexpr auto a = lz::var<"a">;
    constexpr auto b = lz::var<"b">;
    const std::vector<double> xs{1, 2, 3}, ys{2, 4, 6};
#ifdef LEIBNIZ_TWIN
    auto r = lz::fit(lz::pow<2>(a * x - y), lz::point(a = 0.0), lz::data(x = xs, y = ys), lz::adam{});
#else
    auto r = lz::fit(lz::pow<2>(2 * x - y), lz::point(b = 0.0), lz::data(x = xs, y = ys), lz::adam{});
#endif
    (void)r;
}

// Misuse: fit a loss in the data x and y with only x in the data set.
// The correct use, beside it, compiles with -DLEIBNIZ_TWIN.
#include "common.hpp"

#include <vector>

int main() {
    constexpr auto a = lz::var<"a">;
    const std::vector<double> xs{1, 2, 3}, ys{2, 4, 6};
#ifdef LEIBNIZ_TWIN
    auto r = lz::fit(lz::pow<2>(a * x - y), lz::point(a = 0.0), lz::data(x = xs, y = ys), lz::adam{});
#else
    auto r = lz::fit(lz::pow<2>(a * x - y), lz::point(a = 0.0), lz::data(x = xs), lz::adam{});
#endif
    (void)r;
}

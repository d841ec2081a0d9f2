// Misuse: a learning rate passed where the optimiser goes.
// The correct use, beside it, compiles with -DLEIBNIZ_TWIN.
#include "common.hpp"

#include <vector>

int main() {
    constexpr auto a = lz::var<"a">;
    const std::vector<double> xs{1, 2, 3}, ys{2, 4, 6};
#ifdef LEIBNIZ_TWIN
    auto r = lz::fit(lz::pow<2>(a * x - y), lz::point(a = 0.0), lz::data(x = xs, y = ys), lz::adam{.learning_rate = 0.1});
#else
    auto r = lz::fit(lz::pow<2>(a * x - y), lz::point(a = 0.0), lz::data(x = xs, y = ys), 0.1);
#endif
    (void)r;
}

// Levenberg-Marquardt needs residuals: minimize(f, ...) with f a plain expression.
// The correct use, beside it, compiles with -DLEIBNIZ_TWIN.
#include "common.hpp"

#include <tuple>

int main() {
#ifdef LEIBNIZ_TWIN
    const auto r = lz::minimize(lz::squares(std::tuple{x - 1, y + 2}), lz::point(x = 0.0, y = 0.0), lz::levenberg_marquardt{});
#else
    const auto r = lz::minimize(lz::pow<2>(x - 1) + lz::pow<2>(y + 2), lz::point(x = 0.0, y = 0.0), lz::levenberg_marquardt{});
#endif
    return r.iterations > 0 ? 0 : 1;
}

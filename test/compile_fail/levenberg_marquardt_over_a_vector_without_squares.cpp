// Levenberg-Marquardt over a vector needs f as a sum over an index of squares:
// a sum of x[i]^4 is not one, and the message shows the form it takes.
#include "common.hpp"

#include <vector>

constexpr auto v = lz::vec<"v">;
constexpr auto i = lz::index<"i">;

int main() {
    const std::vector<double> start{1.0, 2.0, 3.0};
#ifdef LEIBNIZ_TWIN
    const auto f = lz::sum(i, 0, lz::size(v), lz::pow<2>(v[i] - 1) + 4 * lz::pow<2>(v[i] * v[i] - 1)) / 2;
#else
    const auto f = lz::sum(i, 0, lz::size(v), lz::pow<4>(v[i] - 1));
#endif
    const auto r = lz::minimize(f, lz::point(v = start), lz::levenberg_marquardt{});
    return r.iterations > 0 ? 0 : 1;
}

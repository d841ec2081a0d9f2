// A start point that binds a vector beside a variable: a point holds one
// vector alone so far, and the message says so.
#include "common.hpp"

#include <vector>

constexpr auto v = lz::vec<"v">;

int main() {
    const std::vector<double> values{1.0, 2.0};
#ifdef LEIBNIZ_TWIN
    const auto p = lz::point(v = values);
    return p[v].size() == 2 ? 0 : 1;
#else
    const auto p = lz::point(v = values, x = 1.0);
    return p.size == 2 ? 0 : 1;
#endif
}

// A start point that binds a vector: the optimisers over vectors are not
// there yet, and the message says where a vector is bound instead.
#include "common.hpp"

#include <vector>

constexpr auto v = lz::vec<"v">;

int main() {
    const std::vector<double> values{1.0, 2.0};
#ifdef LEIBNIZ_TWIN
    const auto p = lz::point(x = 1.0);
    return p[x] == 1.0 && v[0](v = values) == 1.0 ? 0 : 1;
#else
    const auto p = lz::point(v = values);
    return p.size == 1 ? 0 : 1;
#endif
}

// Misuse: binding a pack of variables from a std::vector, whose size is known
// at run time only. The error names what to write instead.
// The correct use, beside it, compiles with -DLEIBNIZ_TWIN.
#include "common.hpp"

#include <span>
#include <vector>

int main() {
    const std::vector<double> v{1.0, 2.0, 3.0};
    const auto f = std::get<0>(xs) * std::get<1>(xs) + std::get<2>(xs);
#ifdef LEIBNIZ_TWIN
    return static_cast<int>(f(xs = std::span<const double, 3>(v.data(), 3)));
#else
    return static_cast<int>(f(xs = v));
#endif
}

#include <leibniz/leibniz.hpp>

namespace lz = leibniz;

int main() {
    constexpr auto x = lz::var<"x">;
    constexpr auto f = 2 * x * x - 3 * x + 4;
    static_assert(lz::d(f, x)(x = 2.0) == 5.0);
    return lz::to_string(lz::d(f, x)) == "4*x - 3" ? 0 : 1;
}

// to_c writes straight-line code: not a mean over samples (a loop).
#include <leibniz/leibniz.hpp>
#include <leibniz/output.hpp>

#include <array>

namespace lz = leibniz;

int main() {
    constexpr auto a = lz::var<"a">;
    constexpr auto t = lz::var<"t">;
    static constexpr std::array<double, 3> ts{1.0, 2.0, 3.0};
#ifdef LEIBNIZ_TWIN
    return lz::to_c("f", lz::pow<2>(a * t - 1), a, t).empty() ? 1 : 0;
#else
    return lz::to_c("f", lz::mean(lz::pow<2>(a * t - 1), lz::data(t = ts)), a).empty() ? 1 : 0;
#endif
}

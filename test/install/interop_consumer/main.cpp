#include <leibniz/interop/eigen.hpp>
#include <leibniz/interop/hana.hpp>
#include <leibniz/leibniz.hpp>

#include <boost/hana/string.hpp>
#include <Eigen/Core>

namespace lz = leibniz;

int main() {
    constexpr auto x = lz::var_of(BOOST_HANA_STRING("x"));
    constexpr auto xs = lz::vars<"p", 2>;
    const auto f = x * std::get<0>(xs) + std::get<1>(xs);
    const Eigen::Vector2d p(2.0, 3.0);
    const auto r = lz::value_and_gradient(f, x, std::get<0>(xs))(x = 5.0, xs = p);
    const Eigen::Vector2d g = lz::as_eigen(r.gradient);
    return r.value == 13.0 && g(0) == 2.0 && g(1) == 5.0 ? 0 : 1;
}

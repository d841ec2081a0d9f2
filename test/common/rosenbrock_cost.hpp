// The operation count of Rosenbrock's value against its value and gradient,
// shared by the counting tests (split over translation units by size).
#pragma once

#include "counting_scalar.hpp"

#include <leibniz/leibniz.hpp>

#include <boost/test/unit_test.hpp>

#include <array>
#include <cstddef>

template <std::size_t N>
std::array<counting::scalar, N> point_values() {
    std::array<counting::scalar, N> p{};
    for (std::size_t i = 0; i < N; ++i) p[i] = counting::scalar(0.5 + 0.1 * static_cast<double>(i));
    return p;
}

template <class F>
counting::tally count(F f) {
    counting::reset();
    f();
    return counting::counts();
}

// The cost of the value and gradient stays within 3× the cost of the value.
template <std::size_t N>
void check_rosenbrock_gradient_cost() {
    namespace lz = leibniz;
    static constexpr auto xs = lz::vars<"x", N>;
    constexpr auto f = lz::sum<N - 1>([](auto i) {
        return 100 * lz::pow<2>(std::get<i + 1>(xs) - lz::pow<2>(std::get<i>(xs))) + lz::pow<2>(1 - std::get<i>(xs));
    });
    const auto p = point_values<N>();
    counting::scalar v{};
    const auto value = count([&] { v = f(xs = p); });
    lz::value_and_gradient_result<counting::scalar, N> r{};
    const auto with_gradient = count([&] { r = lz::value_and_gradient(f, xs)(xs = p); });
    BOOST_TEST_MESSAGE("Rosenbrock n = " << N << ": value " << value.total() << " operations, value and gradient "
                                         << with_gradient.total() << " (ratio "
                                         << double(with_gradient.total()) / double(value.total()) << ")");
    BOOST_TEST(with_gradient.total() <= 3 * value.total());
    BOOST_TEST(r.value.v == v.v);
}

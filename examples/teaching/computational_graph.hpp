// A computational graph: x1 = x·w, x2 = x1 + b, loss = |4 − x2|, at x = 2, w = 3, b = 1.
#pragma once

#include "check.hpp"

#include <leibniz/leibniz.hpp>

#include <cstdio>

namespace examples {

inline int computational_graph() {
    namespace lz = leibniz;
    checker check;
    constexpr auto x = lz::var<"x">;
    constexpr auto w = lz::var<"w">;
    constexpr auto b = lz::var<"b">;
    constexpr auto x1 = x * w;
    constexpr auto x2 = x1 + b;
    constexpr auto loss = lz::abs(4 - x2);
    constexpr auto at = lz::point(x = 2.0, w = 3.0, b = 1.0);

    std::cout << "loss      = " << loss << "\n"
              << "dloss/dw  = " << lz::d(loss, w) << "\n"
              << "dloss/db  = " << lz::d(loss, b) << "\n";
    std::printf("at x = 2, w = 3, b = 1: loss = %g, dloss/dw = %g, dloss/db = %g\n", loss(at), lz::d(loss, w)(at),
                lz::d(loss, b)(at));
    check.expect(loss(at) == 3, "loss = 3");
    check.expect(lz::d(loss, w)(at) == 2, "dloss/dw = 2");
    check.expect(lz::d(loss, b)(at) == 1, "dloss/db = 1");
    return check.failures;
}

}  // namespace examples

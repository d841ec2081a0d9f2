// The C that to_c writes for sums over an index, and leibniz's values at the
// points (a unit of its own beside generate_c.cpp: the two build in parallel).
#include "generate_c.hpp"

#include <array>
#include <cmath>
#include <string>
#include <vector>

namespace generate_c {

void add_loop_cases(output& out) {
    const std::vector<double> grid{0.0, 1.0, -1.0, 2.0, -3.0, 0.5};
    // ---- sums over an index: each a loop ----
    constexpr auto v = lz::vec<"x">;
    constexpr auto w = lz::vec<"w">;
    constexpr auto A = lz::mat<"A">;
    constexpr auto i = lz::index<"i">;
    constexpr auto j = lz::index<"j">;
    constexpr auto a = lz::var<"a">;
    constexpr auto b = lz::var<"b">;
    // Chained Rosenbrock by the vector: the body's partials added at i and i + 1.
    {
        constexpr auto f = lz::sum(i, 0, lz::size(v) - 1, 100 * lz::pow<2>(v[i + 1] - v[i] * v[i]) + lz::pow<2>(1 - v[i]));
        add_loop_case<6>(out, "chained", lz::to_c("chained_f", f, v), "", "chained_f(point, 6, gradient)",
                         points<6>({0.0, 1.0, -1.0}, 20, 2.0), [&](const std::array<double, 6>& p) {
                             return lz::value_and_gradient(f, v)(v = p);
                         });
        // One value: the sum is empty (0, and a zero gradient).
        add_loop_case<1>(out, "chained_one", lz::to_c("chained_one_f", f, v), "", "chained_one_f(point, 1, gradient)",
                         points<1>(grid, 4, 2.0), [&](const std::array<double, 1>& p) {
                             return lz::value_and_gradient(f, v)(v = p);
                         });
    }
    // Extended Rosenbrock (strides 2i and 2i + 1, size(x) / 2 pairs: 5 values, the last read by none).
    {
        constexpr auto f =
            lz::sum(i, 0, lz::size(v) / 2, lz::pow<2>(10 * (v[2 * i + 1] - v[2 * i] * v[2 * i])) + lz::pow<2>(1 - v[2 * i]));
        add_loop_case<5>(out, "extended", lz::to_c("extended_f", f, v), "", "extended_f(point, 5, gradient)",
                         points<5>({0.0, 1.0, -1.0}, 20, 2.0), [&](const std::array<double, 5>& p) {
                             return lz::value_and_gradient(f, v)(v = p);
                         });
    }
    // By scalars: an exponential model's squared error over data vectors (a loop summing partials).
    {
        const std::array<double, 5> ts{0.0, 0.5, 1.0, 1.5, 2.0};
        const std::array<double, 5> ys{1.0, 1.7, 2.6, 4.4, 7.5};
        constexpr auto f = lz::sum(i, 0, lz::size(w), lz::pow<2>(a * lz::exp(b * v[i]) - w[i])) / 2;
        add_loop_case<2>(out, "exponential_fit", lz::to_c("exponential_fit_f", f, a, b),
                         c_array("exponential_fit_x", ts) + c_array("exponential_fit_w", ys),
                         "exponential_fit_f(point, exponential_fit_w, 5, exponential_fit_x, 5, gradient)",
                         points<2>(grid, 20, 2.0), [&](const std::array<double, 2>& p) {
                             return lz::value_and_gradient(f, a, b)(a = p[0], b = p[1], v = ts, w = ys);
                         });
        // A sum on one side of a branch (its loop runs where the side is taken), and a branch in a body.
        constexpr auto g = lz::where(a > 0, lz::sum(i, 0, lz::size(w), lz::where(w[i] > 2, lz::log(w[i] * a), a * b * w[i])),
                                     a * a - b);
        add_loop_case<2>(out, "guarded_sum", lz::to_c("guarded_sum_f", g, a, b), c_array("guarded_sum_w", ys),
                         "guarded_sum_f(point, guarded_sum_w, 5, gradient)", points<2>(grid, 20, 2.0),
                         [&](const std::array<double, 2>& p) {
                             return lz::value_and_gradient(g, a, b)(a = p[0], b = p[1], w = ys);
                         });
    }
    // ½‖Ax − y‖² by x: nested sums over a matrix's rows and columns (3 x 4).
    {
        const std::array<double, 12> flat{1.0, 2.0, 0.0, -1.0, 0.5, -1.0, 3.0, 2.0, 0.0, 1.0, 1.0, -2.0};
        const std::array<double, 3> ys{1.0, -2.0, 0.5};
        constexpr auto f = lz::sum(i, 0, lz::rows(A), lz::pow<2>(lz::sum(j, 0, lz::cols(A), A[i][j] * v[j]) - w[i])) / 2;
        add_loop_case<4>(out, "least_squares", lz::to_c("least_squares_f", f, v),
                         c_array("least_squares_A", flat) + c_array("least_squares_w", ys),
                         "least_squares_f(point, 4, least_squares_A, 3, 4, least_squares_w, 3, gradient)",
                         points<4>({0.0, 1.0, -1.0}, 20, 2.0), [&](const std::array<double, 4>& p) {
                             return lz::value_and_gradient(f, v)(A = lz::row_major(flat.data(), 3, 4), v = p, w = ys);
                         });
    }
    // A sum inside a function, an element outside any sum, a scalar argument,
    // a branch in the body; and a sum over every pair (i, j).
    {
        constexpr auto f = lz::sin(lz::sum(i, 0, lz::size(v), a * v[i] * v[i])) + v[0] * v[3] +
                           lz::sum(i, 1, lz::size(v), lz::where(v[i] > v[i - 1], lz::exp(v[i] - v[i - 1]), v[i] * v[i - 1]));
        add_loop_case<4>(out, "sum_in_a_function", lz::to_c("sum_in_a_function_f", f, v), "",
                         "sum_in_a_function_f(point, 4, 0.75, gradient)", points<4>({0.0, 1.0, -1.0, 0.5}, 20, 2.0),
                         [&](const std::array<double, 4>& p) { return lz::value_and_gradient(f, v)(v = p, a = 0.75); });
        constexpr auto pairs = lz::pow<2>(lz::sum(i, 0, lz::size(v), lz::sum(j, 0, lz::size(v), v[i] * lz::cos(v[j]))));
        add_loop_case<3>(out, "pairs", lz::to_c("pairs_f", pairs, v), "", "pairs_f(point, 3, gradient)",
                         points<3>(grid, 20, 2.0),
                         [&](const std::array<double, 3>& p) { return lz::value_and_gradient(pairs, v)(v = p); });
    }
    // A sum that does not read x beside one that does (no pass seeded for it),
    // a number times a sum as a sum's body inside a function (its value
    // discarded in the seeded pass), a vector read only through its size.
    {
        const std::array<double, 4> ws{0.5, -1.0, 2.0, 0.25};
        constexpr auto f = lz::sum(i, 0, lz::size(v), lz::pow<2>(v[i] - w[i])) + lz::sum(j, 0, lz::size(w), w[j] * w[j]);
        add_loop_case<4>(out, "unread_sum", lz::to_c("unread_sum_f", f, v), c_array("unread_sum_w", ws),
                         "unread_sum_f(point, 4, unread_sum_w, 4, gradient)", points<4>({0.0, 1.0, -1.0}, 10, 2.0),
                         [&](const std::array<double, 4>& p) { return lz::value_and_gradient(f, v)(v = p, w = ws); });
        constexpr auto g = lz::sin(lz::sum(i, 0, lz::size(w), 0.5 * lz::sum(j, 0, lz::size(v), v[j] * w[i])));
        add_loop_case<3>(out, "scaled_inside", lz::to_c("scaled_inside_f", g, v), c_array("scaled_inside_w", ws),
                         "scaled_inside_f(point, 3, scaled_inside_w, 4, gradient)", points<3>(grid, 10, 2.0),
                         [&](const std::array<double, 3>& p) { return lz::value_and_gradient(g, v)(v = p, w = ws); });
        constexpr auto h = lz::sum(i, 0, lz::size(w) - 1, v[i] * v[i]);
        add_loop_case<3>(out, "size_only", lz::to_c("size_only_f", h, v), c_array("size_only_w", ws),
                         "size_only_f(point, 3, size_only_w, 4, gradient)", points<3>(grid, 10, 2.0),
                         [&](const std::array<double, 3>& p) { return lz::value_and_gradient(h, v)(v = p, w = ws); });
    }
    // A read checked inside a sum and again outside it (x[0] in both): an empty x is NaN.
    {
        const std::array<double, 3> ws{1.0, 2.0, 3.0};
        constexpr auto f = lz::sum(i, 0, lz::size(w), w[i] * v[0]) + v[0] * v[0];
        add_loop_case<1>(out, "checked_twice", lz::to_c("checked_twice_f", f, v), c_array("checked_twice_w", ws),
                         "checked_twice_f(point, 0, checked_twice_w, 3, gradient)", points<1>({1.0}, 0, 1.0),
                         [&](const std::array<double, 1>&) { return not_written<1>{}; });
    }
    // A read past the end (x[i + 1] with i up to size(x) - 1): NaN, no gradient written.
    {
        constexpr auto f = lz::sum(i, 0, lz::size(v), v[i + 1] * v[i]);
        add_loop_case<3>(out, "read_outside", lz::to_c("read_outside_f", f, v), "", "read_outside_f(point, 3, gradient)",
                         points<3>({1.0, 2.0}, 0, 1.0), [&](const std::array<double, 3>&) { return not_written<3>{}; });
    }
}

}  // namespace generate_c

// Writes, into the directory given, functions.c (the C source lz::to_c
// writes for a few expressions) and table.c (points, and the values and
// gradients leibniz computes there), for check_generated.c to compare.
#include <leibniz/leibniz.hpp>
#include <leibniz/output.hpp>

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <tuple>
#include <vector>

namespace lz = leibniz;

namespace {

constexpr auto x = lz::var<"x">;
constexpr auto y = lz::var<"y">;
constexpr auto z = lz::var<"z">;
constexpr auto xs = lz::vars<"x", 4>;

std::string hex(double v) {
    if (v != v) return "NAN";
    if (v > 1.7976931348623157e308) return "HUGE_VAL";
    if (v < -1.7976931348623157e308) return "(-HUGE_VAL)";
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%a", v);
    return buffer;
}

// The points: every combination of a few values (0, ±1, integers, a half),
// then pseudo-random ones.
template <std::size_t N>
std::vector<std::array<double, N>> points(const std::vector<double>& grid, std::size_t random, double scale) {
    std::vector<std::array<double, N>> out;
    std::array<std::size_t, N> at{};
    for (;;) {
        std::array<double, N> p{};
        for (std::size_t i = 0; i < N; ++i) p[i] = grid[at[i]];
        out.push_back(p);
        std::size_t i = 0;
        while (i < N && ++at[i] == grid.size()) at[i++] = 0;
        if (i == N) break;
    }
    std::mt19937_64 generator(20240601);
    std::uniform_real_distribution<double> uniform(-scale, scale);
    for (std::size_t k = 0; k < random; ++k) {
        std::array<double, N> p{};
        for (double& v : p) v = uniform(generator);
        out.push_back(p);
    }
    return out;
}

struct output {
    std::string functions;
    std::string tables;
    std::string cases;
    int count = 0;
};

// One case: the C source of f, and its values and gradients at the points.
template <std::size_t N, class Evaluate>
void add_case(output& out, const std::string& name, const std::string& source,
              const std::vector<std::array<double, N>>& at, Evaluate evaluate) {
    out.functions += source + "\n";
    std::string point = "static const double " + name + "_point[] = {\n";
    std::string value = "static const double " + name + "_value[] = {\n";
    std::string gradient = "static const double " + name + "_gradient[] = {\n";
    for (const auto& p : at) {
        const auto r = evaluate(p);
        point += "   ";
        gradient += "   ";
        for (std::size_t i = 0; i < N; ++i) {
            point += " " + hex(p[i]) + ",";
            gradient += " " + hex(r.gradient[i]) + ",";
        }
        point += "\n";
        gradient += "\n";
        value += "    " + hex(r.value) + ",\n";
    }
    out.tables += "double " + name + "(const double* point, double* gradient);\n" + point + "};\n" + value + "};\n" +
                  gradient + "};\n\n";
    out.cases += "    {\"" + name + "\", " + name + ", " + std::to_string(N) + ", " + std::to_string(at.size()) + ", " +
                 name + "_point, " + name + "_value, " + name + "_gradient},\n";
    ++out.count;
}

// A function with other arguments than (point, gradient) (to_c of sums over
// an index: vectors, matrices, sizes): the C source, and an adapter of the
// table's form that calls it with the arguments written in `call` (data as
// static arrays in `data`). expected_nan: the function returns NaN and writes
// no gradient (a read outside a vector), which the table records as NaN and
// the checker's untouched sentinel.
template <std::size_t N, class Evaluate>
void add_loop_case(output& out, const std::string& name, const std::string& source, const std::string& data,
                   const std::string& call, const std::vector<std::array<double, N>>& at, Evaluate evaluate) {
    const std::string adapter = "\n" + data + "double " + name + "(const double* point, double* gradient) {\n    return " +
                                call + ";\n}\n";
    add_case<N>(out, name, source + adapter, at, evaluate);
}

template <class Values>
std::string c_array(const std::string& name, const Values& values) {
    std::string text = "static const double " + name + "[] = {";
    for (std::size_t k = 0; k < std::size(values); ++k) text += (k ? ", " : "") + hex(std::data(values)[k]);
    return text + "};\n";
}

// What to_c's C returns where a read is outside a vector: NaN, and no gradient
// written (check_generated.c's sentinel, 42, stays).
template <std::size_t N>
struct not_written {
    double value = NAN;
    std::array<double, N> gradient{};
    not_written() { gradient.fill(42.0); }
};

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: output_c_generator DIRECTORY\n";
        return 1;
    }
    const std::string directory = argv[1];
    output out;
    const std::vector<double> grid{0.0, 1.0, -1.0, 2.0, -3.0, 0.5};

    // Himmelblau's function.
    {
        constexpr auto f = lz::pow<2>(x * x + y - 11) + lz::pow<2>(x + y * y - 7);
        add_case<2>(out, "himmelblau", lz::to_c("himmelblau", f, x, y), points<2>(grid, 40, 5.0),
                                 [&](const std::array<double, 2>& p) {
                                     return lz::value_and_gradient(f, x, y)(x = p[0], y = p[1]);
                                 });
    }
    // Rosenbrock's function in 4 variables, a pack.
    {
        constexpr auto f = [] {
            const auto [x0, x1, x2, x3] = xs;
            return 100 * lz::pow<2>(x1 - x0 * x0) + lz::pow<2>(1 - x0) + 100 * lz::pow<2>(x2 - x1 * x1) +
                   lz::pow<2>(1 - x1) + 100 * lz::pow<2>(x3 - x2 * x2) + lz::pow<2>(1 - x2);
        }();
        add_case<4>(out, "rosenbrock", lz::to_c("rosenbrock", f, xs), points<4>({0.0, 1.0, -1.0, 2.0}, 40, 3.0),
                                 [&](const std::array<double, 4>& p) { return lz::value_and_gradient(f, xs)(xs = p); });
    }
    // exp, log, sqrt, real and integer powers, stored reals such as 0.1.
    {
        constexpr auto f = lz::exp(0.1 * x) * lz::log(1 + y * y) + lz::sqrt(x * x + y * y + 1) +
                           lz::pow(x * x + 1, 1.5) - lz::pow(y * y + 2, -0.5) + 0.3 * z / (1 + z * z) +
                           lz::pow(z * z + 1, 3) + lz::pow(x * x + 1, 3.0) + lz::pow(y * y + 0.5, 6) +
                           lz::pow<6>(y) + lz::pow<-3>(x * x + 2) + lz::tanh(z) + lz::log1p(x * x) +
                           lz::expm1(0.5 * y) + lz::abs(x - 1) + 2.5 * lz::sin(x) * lz::cos(y) + lz::tan(0.3 * z) +
                           lz::cbrt(x * x + 1) + lz::sign(y) * z;
        add_case<3>(out, "elementary", lz::to_c("elementary", f, x, y, z), points<3>(grid, 40, 2.0),
                                 [&](const std::array<double, 3>& p) {
                                     return lz::value_and_gradient(f, x, y, z)(x = p[0], y = p[1], z = p[2]);
                                 });
    }
    // erf, atan2, hypot and the other special functions, an expression power.
    {
        constexpr auto f = lz::erf(x * y) + lz::atan2(y, x + 2) + lz::hypot(x, z + 0.5) + lz::erfc(z) + lz::asinh(x) +
                           lz::atan(y) + lz::acosh(x * x + 2) + lz::sinh(0.5 * z) + lz::cosh(0.25 * x) +
                           lz::atanh(0.5 * lz::sin(y)) + lz::asin(0.5 * lz::cos(x)) + lz::acos(0.25 * lz::sin(z)) +
                           lz::pow(x * x + 1, 0.5 * z);
        add_case<3>(out, "special", lz::to_c("special", f, x, y, z), points<3>(grid, 40, 2.0),
                                 [&](const std::array<double, 3>& p) {
                                     return lz::value_and_gradient(f, x, y, z)(x = p[0], y = p[1], z = p[2]);
                                 });
    }
    // Branches: a side outside its domain where it is not taken (log(x) for
    // x <= 0), nested branches, min and max, a branch inside a function.
    {
        constexpr auto f = lz::where(x > 0, lz::log(x) * y, x * x - y) + lz::min(x * y, lz::sqrt(lz::abs(z) + 1)) +
                           lz::max(lz::where(y >= 1, lz::sqrt(y - 1), -y * z), x) + lz::exp(lz::min(x, 0.5 * z));
        add_case<3>(out, "branches", lz::to_c("branches", f, x, y, z), points<3>(grid, 40, 2.0),
                    [&](const std::array<double, 3>& p) {
                        return lz::value_and_gradient(f, x, y, z)(x = p[0], y = p[1], z = p[2]);
                    });
    }

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

    std::ofstream functions(directory + "/functions.c");
    functions << "/* Written by output_c_generator (test/output/generate_c.cpp). */\n" << out.functions;
    std::ofstream table(directory + "/table.c");
    table << "/* Written by output_c_generator (test/output/generate_c.cpp). */\n#include \"generated.h\"\n\n#include "
             "<math.h>\n\n"
          << out.tables << "const struct generated_case generated_cases[] = {\n"
          << out.cases << "};\nconst int generated_case_count = " << out.count << ";\n";
    return functions && table ? 0 : 1;
}

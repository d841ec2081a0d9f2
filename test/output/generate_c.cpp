// Writes, into the directory given, functions.c (the C source lz::to_c
// writes for a few expressions) and table.c (points, and the values and
// gradients leibniz computes there), for check_generated.c to compare.
#include "generate_c.hpp"

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
using namespace generate_c;

namespace {

constexpr auto x = lz::var<"x">;
constexpr auto y = lz::var<"y">;
constexpr auto z = lz::var<"z">;
constexpr auto xs = lz::vars<"x", 4>;

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

    generate_c::add_loop_cases(out);

    std::ofstream functions(directory + "/functions.c");
    functions << "/* Written by output_c_generator (test/output/generate_c.cpp). */\n" << out.functions;
    std::ofstream table(directory + "/table.c");
    table << "/* Written by output_c_generator (test/output/generate_c.cpp). */\n#include \"generated.h\"\n\n#include "
             "<math.h>\n\n"
          << out.tables << "const struct generated_case generated_cases[] = {\n"
          << out.cases << "};\nconst int generated_case_count = " << out.count << ";\n";
    return functions && table ? 0 : 1;
}

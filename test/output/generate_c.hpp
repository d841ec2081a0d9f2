// The helpers the C generator's units share (generate_c.cpp, generate_c_loops.cpp):
// the table of points, one case's C source and leibniz's values there.
#pragma once

#include <leibniz/leibniz.hpp>
#include <leibniz/output.hpp>

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

namespace generate_c {

namespace lz = leibniz;

inline std::string hex(double v) {
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

// The cases of sums over an index (generate_c_loops.cpp).
void add_loop_cases(output& out);

}  // namespace generate_c

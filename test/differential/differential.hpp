// What the generated differential tests (generate.py) call: one expression
// checked against SymPy's values at its sample points, through every way
// leibniz offers to evaluate it and its derivatives.
#pragma once

#include <leibniz/leibniz.hpp>

#include <boost/test/unit_test.hpp>

#include <array>
#include <cmath>
#include <cstddef>
#include <fstream>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>

namespace lz = leibniz;

namespace differential {

// A value SymPy computed, with the scale of the rounding error a correct
// double evaluation may make (generate.py explains it).
struct expected {
    double value;
    double scale;
};

template <std::size_t N>
struct sample {
    std::array<double, N> at;
    expected value;
    std::array<expected, N> gradient;
    std::array<std::array<expected, N>, N> hessian;
};

constexpr double magnitude(double v) { return v < 0 ? -v : v; }

// Within 1e-9 of the error scale (at least of the value): the tolerance
// respects cancellation in the expression, as a relative one could not.
constexpr double tolerance(const expected& e) {
    const double s = e.scale > magnitude(e.value) ? e.scale : magnitude(e.value);
    return 1e-9 * s;
}
constexpr bool close(double got, const expected& e) { return magnitude(got - e.value) <= tolerance(e); }

template <std::size_t N>
std::string describe(const sample<N>& s) {
    std::ostringstream os;
    os.precision(17);
    os << '(';
    for (std::size_t i = 0; i < N; ++i) os << (i ? ", " : "") << s.at[i];
    os << ')';
    return os.str();
}

template <std::size_t N>
void expect(const char* name, const std::string& what, double got, const expected& e, const sample<N>& s) {
    BOOST_TEST(close(got, e), name << ": " << what << " at " << describe(s) << " is " << got << ", SymPy says "
                                   << e.value << " (tolerance " << tolerance(e) << ")");
}

// Every derivative the checks use, made while compiling (as a user writes
// constexpr auto df = lz::d(f, x)): the run-time code is evaluation only.
template <std::size_t J, class E, class Vars>
constexpr auto second_partials_row(const E& f, const Vars& vars) {
    return [&]<std::size_t... K>(std::index_sequence<K...>) {
        return std::make_tuple(lz::d(f, std::get<J>(vars), std::get<J + K>(vars))...);
    }(std::make_index_sequence<std::tuple_size_v<Vars> - J>{});
}

template <class E, class... V>
constexpr auto derivatives_of(const E& f, V... v) {
    const std::tuple<V...> vars{v...};
    const auto firsts = std::make_tuple(lz::d(f, v)...);  // d(f, v[j])
    const auto seconds = [&]<std::size_t... J>(std::index_sequence<J...>) {
        return std::tuple_cat(second_partials_row<J>(f, vars)...);
    }(std::index_sequence_for<V...>{});  // d(f, v[j], v[k]), j <= k, row by row
    struct bundle {
        std::tuple<V...> vars;
        decltype(firsts) first;
        decltype(seconds) second;
        decltype(lz::gradient(f, v...)) gradient;
        decltype(lz::hessian(f, v...)) hessian;
        decltype(lz::value_and_gradient(f, v...)) value_and_gradient;
        decltype(lz::value_gradient_hessian(f, v...)) value_gradient_hessian;
    };
    return bundle{vars,
                  firsts,
                  seconds,
                  lz::gradient(f, v...),
                  lz::hessian(f, v...),
                  lz::value_and_gradient(f, v...),
                  lz::value_gradient_hessian(f, v...)};
}

constexpr std::size_t upper_triangle_index(std::size_t n, std::size_t j, std::size_t k) {  // j <= k
    return j * n - j * (j - 1) / 2 + (k - j);
}

template <class E, class Bundle, std::size_t N, std::size_t M>
void check(const char* name, const E& f, const Bundle& derivatives, const sample<N> (&samples)[M]) {
    const auto& vars = derivatives.vars;
    for (const auto& s : samples) {
        const auto at = [&]<std::size_t... I>(std::index_sequence<I...>) {
            return lz::point((std::get<I>(vars) = s.at[I])...);
        }(std::make_index_sequence<N>{});
        expect(name, "f", f(at), s.value, s);
        const double bound = [&]<std::size_t... I>(std::index_sequence<I...>) {
            return f((std::get<I>(vars) = s.at[I])...);
        }(std::make_index_sequence<N>{});
        expect(name, "f with bindings", bound, s.value, s);
        const auto g = derivatives.gradient(at);
        const auto h = derivatives.hessian(at);
        const auto both = derivatives.value_and_gradient(at);
        const auto all = derivatives.value_gradient_hessian(at);
        expect(name, "value_and_gradient .value", both.value, s.value, s);
        expect(name, "value_gradient_hessian .value", all.value, s.value, s);
        [&]<std::size_t... I>(std::index_sequence<I...>) {
            auto first = [&]<std::size_t J>(std::integral_constant<std::size_t, J>) {
                const std::string which = "[" + std::to_string(J) + "]";
                expect(name, "d(f, v" + which + ")", std::get<J>(derivatives.first)(at), s.gradient[J], s);
                expect(name, "gradient" + which, g[J], s.gradient[J], s);
                expect(name, "value_and_gradient .gradient" + which, both.gradient[J], s.gradient[J], s);
                expect(name, "value_gradient_hessian .gradient" + which, all.gradient[J], s.gradient[J], s);
                auto second = [&]<std::size_t K>(std::integral_constant<std::size_t, K>) {
                    const std::string entry = "[" + std::to_string(J) + "][" + std::to_string(K) + "]";
                    if constexpr (J <= K)
                        expect(name, "d(f, v[j], v[k])" + entry,
                               std::get<upper_triangle_index(N, J, K)>(derivatives.second)(at), s.hessian[J][K], s);
                    expect(name, "hessian" + entry, h[J][K], s.hessian[J][K], s);
                    expect(name, "value_gradient_hessian .hessian" + entry, all.hessian[J][K], s.hessian[J][K], s);
                };
                (second(std::integral_constant<std::size_t, I>{}), ...);
            };
            (first(std::integral_constant<std::size_t, I>{}), ...);
        }(std::make_index_sequence<N>{});
    }
}

// The same at one point while compiling: value, gradient and Hessian through
// value_gradient_hessian.
template <class E, class Bundle, std::size_t N>
constexpr bool holds_at_compile_time(const E& f, const Bundle& derivatives, const sample<N>& s) {
    const auto at = [&]<std::size_t... I>(std::index_sequence<I...>) {
        return lz::point((std::get<I>(derivatives.vars) = s.at[I])...);
    }(std::make_index_sequence<N>{});
    const auto all = derivatives.value_gradient_hessian(at);
    bool ok = close(f(at), s.value) && close(all.value, s.value);
    for (std::size_t i = 0; i < N; ++i) {
        ok = ok && close(all.gradient[i], s.gradient[i]);
        for (std::size_t j = 0; j < N; ++j) ok = ok && close(all.hessian[i][j], s.hessian[i][j]);
    }
    return ok;
}

// to_string of f and of each first partial, one line each (name, variable
// or f, text), for check_strings.py to parse back with SymPy.
inline std::ofstream& strings_file() {  // one per test program, shared by every expression
    static std::ofstream out(LEIBNIZ_DIFFERENTIAL_STRINGS);
    return out;
}

template <class E, class Bundle>
void record_strings(const char* name, const E& f, const Bundle& derivatives) {
    std::ofstream& out = strings_file();
    out << name << "\tf\t" << lz::to_string(f) << '\n';
    [&]<std::size_t... J>(std::index_sequence<J...>) {
        ((out << name << '\t' << lz::to_string(std::get<J>(derivatives.vars)) << '\t'
              << lz::to_string(std::get<J>(derivatives.first)) << '\n'),
         ...);
    }(std::make_index_sequence<std::tuple_size_v<decltype(derivatives.vars)>>{});
    out.flush();
}

}  // namespace differential

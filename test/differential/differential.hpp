// What the generated differential tests (generate.py) call: one expression
// checked against SymPy's values at its sample points, through every way
// leibniz offers to evaluate it and its derivatives. It is the units'
// precompiled header (test/differential/CMakeLists.txt): an include guard,
// since GCC does not carry #pragma once through a precompiled header, and
// nothing here may depend on a macro that differs between units.
#ifndef LEIBNIZ_TEST_DIFFERENTIAL_HPP
#define LEIBNIZ_TEST_DIFFERENTIAL_HPP

#include <leibniz/leibniz.hpp>

#include <boost/test/unit_test.hpp>

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdio>
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

// One check of a sum over an index (loops.py): `what` at element r (the
// partials), or at entry (r, c) (the Hessian by the vector); -1 where none.
inline void check_loop(const char* name, const char* what, int r, int c, double got, const expected& want) {
    if (close(got, want)) {
        BOOST_TEST(true);
        return;
    }
    const std::string at = r < 0 ? std::string() : c < 0 ? " at k = " + std::to_string(r)
                                                          : " at (" + std::to_string(r) + ", " + std::to_string(c) + ")";
    BOOST_TEST(false, name << ": " << what << at << " is " << got << ", SymPy says " << want.value << " (tolerance "
                           << tolerance(want) << ")");
}

// What one evaluation gave: which quantity (j, k: the variables' indices),
// and the number. The checks collect these in templates and compare them in
// one function compiled once (Boost.Test's reporting is heavy to compile).
enum class quantity {
    f, f_with_bindings, vg_value, vgh_value, g,
    d, gradient, vg_gradient, vgh_gradient, dg,
    d2, hessian, vgh_hessian
};

struct result {
    quantity what;
    int j = 0, k = 0;
    double got = 0;
};

inline std::string label(const result& r) {
    const std::string j = std::to_string(r.j), jk = "[" + j + "][" + std::to_string(r.k) + "]";
    switch (r.what) {
        case quantity::f: return "f(point)";
        case quantity::f_with_bindings: return "f(bindings)";
        case quantity::vg_value: return "value_and_gradient .value";
        case quantity::vgh_value: return "value_gradient_hessian .value";
        case quantity::g: return "g(point) (g: f rearranged)";
        case quantity::d: return "d(f, v[" + j + "])";
        case quantity::gradient: return "gradient[" + j + "]";
        case quantity::vg_gradient: return "value_and_gradient .gradient[" + j + "]";
        case quantity::vgh_gradient: return "value_gradient_hessian .gradient[" + j + "]";
        case quantity::dg: return "d(g, v[" + j + "]) (g: f rearranged)";
        case quantity::d2: return "d(f, v[j], v[k])" + jk;
        case quantity::hessian: return "hessian" + jk;
        case quantity::vgh_hessian: break;
    }
    return "value_gradient_hessian .hessian" + jk;
}

// Compares every result with SymPy's value; n variables, the point at, the
// expected gradient (n) and Hessian (n × n, row by row).
inline void compare(const char* name, std::size_t n, const double* at, const expected& value,
                    const expected* gradient, const expected* hessian, const result* results, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) {
        const result& r = results[i];
        const expected& want = r.what <= quantity::g    ? value
                               : r.what <= quantity::dg ? gradient[r.j]
                                                                 : hessian[static_cast<std::size_t>(r.j) * n + r.k];
        if (close(r.got, want)) {
            BOOST_TEST(true);
            continue;
        }
        std::ostringstream point;
        point.precision(17);
        for (std::size_t v = 0; v < n; ++v) point << (v ? ", " : "(") << at[v];
        BOOST_TEST(false, name << ": " << label(r) << " at " << point.str() << ") is " << r.got << ", SymPy says "
                               << want.value << " (tolerance " << tolerance(want) << ")");
    }
}

// Every derivative the checks use, made while compiling (as a user writes
// constexpr auto df = lz::d(f, x)): the run-time code is evaluation only.
// The symbolic second partials d(f, v[j], v[k]), j <= k row by row, are made
// once (compile time is the suite's budget); hessian and
// value_gradient_hessian compute theirs through the plan.
template <class E, class... V>
constexpr auto derivatives_of(const E& f, V... v) {
    using hessian_type = decltype(lz::hessian(f, v...));
    using all_type = decltype(lz::value_gradient_hessian(f, v...));
    using second_type = decltype(lz::detail::second_partials(f, lz::variable_pack<V...>{}));
    struct bundle {
        std::tuple<V...> vars;
        std::tuple<decltype(lz::d(f, v))...> first;  // d(f, v[j])
        second_type second;                            // d(f, v[j], v[k]), the upper triangle
        decltype(lz::gradient(f, v...)) gradient;
        hessian_type hessian;
        decltype(lz::value_and_gradient(f, v...)) value_and_gradient;
        all_type value_gradient_hessian;
    };
    return bundle{std::tuple<V...>{v...},
                  std::make_tuple(lz::d(f, v)...),
                  lz::detail::second_partials(f, lz::variable_pack<V...>{}),
                  lz::gradient(f, v...),
                  lz::hessian(f, v...),
                  lz::value_and_gradient(f, v...),
                  lz::value_gradient_hessian(f, v...)};
}

// Each evaluation is a function of its own: inlined into check, which holds
// a dozen of them per expression, they made one function whose optimisation
// (GCC -O1) cost more than a third of a differential unit's compile time
// (a unit of 25 expressions 39 s against 26 s of CPU time, measured).
template <class Callable, class Point>
[[gnu::noinline]] auto evaluate_apart(const Callable& c, const Point& at) {
    return c(at);
}

// f(v[0] = at[0], v[1] = at[1], ...): bound by name, not through a point.
template <class E, class Vars, std::size_t N, std::size_t... I>
[[gnu::noinline]] double evaluate_with_bindings(const E& f, const Vars& vars, const std::array<double, N>& at,
                                                std::index_sequence<I...>) {
    return f((std::get<I>(vars) = at[I])...);
}

// The point (v[0] = at[0], ...) of a sample.
template <class Bundle, std::size_t N>
auto point_of(const Bundle& derivatives, const sample<N>& s) {
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
        return lz::point((std::get<I>(derivatives.vars) = s.at[I])...);
    }(std::make_index_sequence<N>{});
}

template <class E, class Bundle, std::size_t N, std::size_t M>
void check(const char* name, const E& f, const Bundle& derivatives, const sample<N> (&samples)[M]) {
    const auto& vars = derivatives.vars;
    for (const auto& s : samples) {
        const auto at = point_of(derivatives, s);
        std::array<result, 4 + 4 * N + N * (N + 1) / 2 + 2 * N * N> r{};
        std::size_t count = 0;
        auto put = [&](quantity q, int j, int k, double got) { r[count++] = result{q, j, k, got}; };
        put(quantity::f, 0, 0, evaluate_apart(f, at));
        put(quantity::f_with_bindings, 0, 0, evaluate_with_bindings(f, vars, s.at, std::make_index_sequence<N>{}));
        const auto g = evaluate_apart(derivatives.gradient, at);
        const auto h = evaluate_apart(derivatives.hessian, at);
        const auto both = evaluate_apart(derivatives.value_and_gradient, at);
        const auto all = evaluate_apart(derivatives.value_gradient_hessian, at);
        put(quantity::vg_value, 0, 0, both.value);
        put(quantity::vgh_value, 0, 0, all.value);
        [&]<std::size_t... J>(std::index_sequence<J...>) {
            (put(quantity::d, J, 0, evaluate_apart(std::get<J>(derivatives.first), at)), ...);
        }(std::make_index_sequence<N>{});
        [&]<std::size_t... T>(std::index_sequence<T...>) {  // the upper triangle, row by row
            constexpr auto row_col = [] {
                std::array<std::pair<int, int>, N*(N + 1) / 2> rc{};
                std::size_t t = 0;
                for (std::size_t j = 0; j < N; ++j)
                    for (std::size_t k = j; k < N; ++k) rc[t++] = {static_cast<int>(j), static_cast<int>(k)};
                return rc;
            }();
            (put(quantity::d2, row_col[T].first, row_col[T].second, evaluate_apart(lz::detail::get<T>(derivatives.second), at)),
             ...);
        }(std::make_index_sequence<N*(N + 1) / 2>{});
        for (std::size_t j = 0; j < N; ++j) {
            const int jj = static_cast<int>(j);
            put(quantity::gradient, jj, 0, g[j]);
            put(quantity::vg_gradient, jj, 0, both.gradient[j]);
            put(quantity::vgh_gradient, jj, 0, all.gradient[j]);
            for (std::size_t k = 0; k < N; ++k) {
                put(quantity::hessian, jj, static_cast<int>(k), h[j][k]);
                put(quantity::vgh_hessian, jj, static_cast<int>(k), all.hessian[j][k]);
            }
        }
        std::array<expected, N * N> hessian{};
        for (std::size_t j = 0; j < N; ++j)
            for (std::size_t k = 0; k < N; ++k) hessian[j * N + k] = s.hessian[j][k];
        compare(name, N, s.at.data(), s.value, s.gradient.data(), hessian.data(), r.data(), count);
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

// ---- the rearranged copy ---------------------------------------------------

// Are two expressions of one type the same tree with the same stored numbers,
// field by field (exactness, numerator, denominator, real value)? Then all
// that is derived from them is the same too, by construction.
namespace same_tree {
constexpr bool numbers(const lz::detail::number& a, const lz::detail::number& b) {
    return a.exact == b.exact && (a.exact ? a.num == b.num && a.den == b.den : a.real == b.real);
}
// Every overload is declared before any is defined: the calls inside them
// find the others by ordinary lookup (argument-dependent lookup looks in
// namespace leibniz only).
template <class A, class B>
constexpr bool nodes(const A&, const B&) {  // two types: two trees
    return false;
}
template <class T>
constexpr bool nodes(const T&, const T&);  // a node kind not listed below: not known to be the same
template <class Tuple, std::size_t... I>
constexpr bool elements(const Tuple& a, const Tuple& b, std::index_sequence<I...>);
template <lz::coefficient_kind K, class M>
constexpr bool nodes(const lz::term<K, M>& a, const lz::term<K, M>& b);
template <bool H, class... T>
constexpr bool nodes(const lz::add<H, T...>& a, const lz::add<H, T...>& b);
template <class B, int N>
constexpr bool nodes(const lz::factor<B, N>& a, const lz::factor<B, N>& b);
template <class... F>
constexpr bool nodes(const lz::mul<F...>& a, const lz::mul<F...>& b);
template <class Op, class A>
constexpr bool nodes(const lz::function<Op, A>& a, const lz::function<Op, A>& b);
template <class B>
constexpr bool nodes(const lz::real_power<B>& a, const lz::real_power<B>& b);
template <class B, class E>
constexpr bool nodes(const lz::power<B, E>& a, const lz::power<B, E>& b);
template <class Op, class A, class B>
constexpr bool nodes(const lz::binary_function<Op, A, B>& a, const lz::binary_function<Op, A, B>& b);
template <bool S, class L, class R, class A, class B>
constexpr bool nodes(const lz::branch<S, L, R, A, B>& a, const lz::branch<S, L, R, A, B>& b);
constexpr bool nodes(const lz::zero&, const lz::zero&) { return true; }
constexpr bool nodes(const lz::one&, const lz::one&) { return true; }
template <char... C>
constexpr bool nodes(const lz::variable<C...>&, const lz::variable<C...>&) { return true; }
constexpr bool nodes(const lz::constant& a, const lz::constant& b) { return numbers(a.value, b.value); }
template <lz::coefficient_kind K, class M>
constexpr bool nodes(const lz::term<K, M>& a, const lz::term<K, M>& b) {
    return numbers(a.coefficient, b.coefficient) && nodes(a.monomial, b.monomial);
}
template <bool H, class... T>
constexpr bool nodes(const lz::add<H, T...>& a, const lz::add<H, T...>& b) {
    return (!H || numbers(a.constant, b.constant)) && elements(a.terms, b.terms, std::index_sequence_for<T...>{});
}
template <class B, int N>
constexpr bool nodes(const lz::factor<B, N>& a, const lz::factor<B, N>& b) { return nodes(a.base, b.base); }
template <class... F>
constexpr bool nodes(const lz::mul<F...>& a, const lz::mul<F...>& b) {
    return elements(a.factors, b.factors, std::index_sequence_for<F...>{});
}
template <class Op, class A>
constexpr bool nodes(const lz::function<Op, A>& a, const lz::function<Op, A>& b) { return nodes(a.arg, b.arg); }
template <class B>
constexpr bool nodes(const lz::real_power<B>& a, const lz::real_power<B>& b) {
    return numbers(a.exponent, b.exponent) && nodes(a.base, b.base);
}
template <class B, class E>
constexpr bool nodes(const lz::power<B, E>& a, const lz::power<B, E>& b) {
    return nodes(a.base, b.base) && nodes(a.exponent, b.exponent);
}
template <class Op, class A, class B>
constexpr bool nodes(const lz::binary_function<Op, A, B>& a, const lz::binary_function<Op, A, B>& b) {
    return nodes(a.first, b.first) && nodes(a.second, b.second);
}
template <bool S, class L, class R, class A, class B>
constexpr bool nodes(const lz::branch<S, L, R, A, B>& a, const lz::branch<S, L, R, A, B>& b) {
    return nodes(a.left, b.left) && nodes(a.right, b.right) && nodes(a.if_true, b.if_true) &&
           nodes(a.if_false, b.if_false);
}
template <class T>
constexpr bool nodes(const T&, const T&) { return false; }
template <class Tuple, std::size_t... I>
constexpr bool elements(const Tuple& a, const Tuple& b, std::index_sequence<I...>) {
    return (nodes(lz::detail::get<I>(a), lz::detail::get<I>(b)) && ...);
}
}  // namespace same_tree

// g, f rearranged, is equivalent to f: where the canonical form gave g back
// as f's very tree (the usual case) that holds by construction, and
// `equivalent`, which matches terms pairwise at compile time, is not
// instantiated; where it did not (other types, or like shapes in another
// order: sin(2*x) + sin(3*x)), `equivalent` decides.
template <const auto& F, const auto& G>
constexpr bool rearranged_copy_agrees() {
    if constexpr (same_tree::nodes(F, G))
        return true;
    else
        return lz::equivalent(F, G);
}

// And g's value and first partials are f's, SymPy's values at the samples:
// differentiation agrees with rearrangement. Only where g is not f's very
// tree (else d(g, v) is d(f, v), checked already). The partials are compared
// by value, not with `equivalent`: matching two derivatives' terms pairwise at
// compile time cost up to five seconds for one expression, a quarter of the
// differential suite's compile time, for what their values show as well.
template <const auto& F, const auto& G, const auto& Derivatives, std::size_t N, std::size_t M>
void check_rearranged(const char* name, const sample<N> (&samples)[M]) {
    if constexpr (!same_tree::nodes(F, G)) {
        static constexpr auto first = []<std::size_t... J>(std::index_sequence<J...>) {
            return std::make_tuple(lz::d(G, std::get<J>(Derivatives.vars))...);
        }(std::make_index_sequence<N>{});
        for (const auto& s : samples) {
            const auto at = point_of(Derivatives, s);
            std::array<result, 1 + N> r{};
            r[0] = result{quantity::g, 0, 0, evaluate_apart(G, at)};
            [&]<std::size_t... J>(std::index_sequence<J...>) {
                ((r[1 + J] = result{quantity::dg, static_cast<int>(J), 0, evaluate_apart(std::get<J>(first), at)}), ...);
            }(std::make_index_sequence<N>{});
            compare(name, N, s.at.data(), s.value, s.gradient.data(), nullptr, r.data(), r.size());
        }
    }
}

// to_string of f and of each first partial, one line each (name, variable
// or f, text), for check_strings.py to parse back with SymPy: a file of its
// own per expression (<name>.txt), since CTest runs each expression as a test
// of its own, several at once.
const char* strings_path();  // the directory, defined by each generated unit

template <class E, class Bundle>
void record_strings(const char* name, const E& f, const Bundle& derivatives) {
    // (A char buffer, not std::string's operator+: GCC 12 inlines that into a
    // memcpy it then warns about, -Warray-bounds, in some units and not others.)
    char path[4096];
    std::snprintf(path, sizeof path, "%s/%s.txt", strings_path(), name);
    std::ofstream out(path);
    out << name << "\tf\t" << lz::to_string(f) << '\n';
    [&]<std::size_t... J>(std::index_sequence<J...>) {
        ((out << name << '\t' << lz::to_string(std::get<J>(derivatives.vars)) << '\t'
              << lz::to_string(std::get<J>(derivatives.first)) << '\n'),
         ...);
    }(std::make_index_sequence<std::tuple_size_v<decltype(derivatives.vars)>>{});
    out.flush();
}

}  // namespace differential

#endif  // LEIBNIZ_TEST_DIFFERENTIAL_HPP

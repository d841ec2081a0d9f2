// sum(i, first, end, body): body summed over the index i = first, ..., end - 1,
// a loop however long the vectors it reads. Its bounds are integers or sizes
// (size(x) - 1, size(x) / 2, rows(A), cols(A)), known when the vectors are
// bound; its body is an expression like any other, in the elements x[i + 1],
// A[i][j], in scalar variables, and in other sums (nested).
//
// Before the outermost sum runs, every element beneath it is checked against
// its vector's length (loops/vector.hpp): one outside is std::out_of_range
// naming the vector, the element and the index range (in constant evaluation
// a compile error), never a read past the end.
//
// This header gives the node its rule in each layer: order, binding checks,
// evaluation, symbolic differentiation (lz::d, by a scalar or by x[k]),
// printing (text and LaTeX) and equivalence. Its plan (a loop node):
// loops/plan.hpp; derivatives by a vector: loops/derivatives.hpp;
// <leibniz/leibniz.hpp> includes them all.
#pragma once

#include <leibniz/data/blocked_sum.hpp>
#include <leibniz/detail/diagnostics.hpp>
#include <leibniz/differentiation/d.hpp>
#include <leibniz/differentiation/rules.hpp>
#include <leibniz/evaluation/evaluate.hpp>
#include <leibniz/evaluation/free_variables.hpp>
#include <leibniz/expression/nodes.hpp>
#include <leibniz/loops/index.hpp>
#include <leibniz/loops/vector.hpp>
#include <leibniz/printing/number.hpp>
#include <leibniz/printing/to_string.hpp>
#include <leibniz/printing/writer.hpp>
#include <leibniz/simplification/collect.hpp>
#include <leibniz/simplification/equivalent.hpp>
#include <leibniz/simplification/order.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>

namespace leibniz {

namespace detail {

// What a bound measures, in an environment: a length, a number of rows or of columns.
template <class V, class Env>
constexpr long long measure(const length_of<V>*, const Env& env) {
    return static_cast<long long>(env.template bound_to<V>().size());
}
template <class A, class Env>
constexpr long long measure(const rows_of<A>*, const Env& env) {
    return static_cast<long long>(env.template bound_to<A>().rows());
}
template <class A, class Env>
constexpr long long measure(const cols_of<A>*, const Env& env) {
    return static_cast<long long>(env.template bound_to<A>().cols());
}
template <class Of, class Env>
constexpr long long bound_in(const index_bound<Of>& b, const Env& env) {
    if constexpr (std::is_void_v<Of>)
        return bound_value(b, 0);
    else
        return bound_value(b, measure(static_cast<const Of*>(nullptr), env));
}

// The vector or matrix a bound measures (void for an integer).
template <class Of>
struct measured {
    using type = void;
};
template <class V>
struct measured<length_of<V>> {
    using type = V;
    static constexpr std::string_view function = "size";
};
template <class A>
struct measured<rows_of<A>> {
    using type = A;
    static constexpr std::string_view function = "rows";
};
template <class A>
struct measured<cols_of<A>> {
    using type = A;
    static constexpr std::string_view function = "cols";
};

// size(x) - 1, (size(x) - 1)/2 + 3, 7; adjust added to the integer part (-1: a last value).
template <class W, class Of>
constexpr void print_bound(W& w, const index_bound<Of>& b, long long adjust) {
    const long long outer = b.outer + adjust;
    if constexpr (std::is_void_v<Of>) {
        write_integer(w, outer);
    } else {
        const bool divided = b.divisor != 1;
        if (divided && b.inner != 0) w.put('(');
        w.put(measured<Of>::function);
        w.put('(');
        w.put(std::string_view(measured<Of>::type::name));
        w.put(')');
        if (b.inner != 0) {
            w.put(b.inner > 0 ? " + " : " - ");
            write_integer(w, b.inner > 0 ? b.inner : -b.inner);
        }
        if (divided) {
            if (b.inner != 0) w.put(')');
            w.put('/');
            write_integer(w, b.divisor);
        }
        if (outer != 0) {
            w.put(outer > 0 ? " + " : " - ");
            write_integer(w, outer > 0 ? outer : -outer);
        }
    }
}

template <class E>
inline constexpr bool is_single_term = false;
template <coefficient_kind K, class M>
inline constexpr bool is_single_term<add<false, term<K, M>>> = true;

// The same in LaTeX: size(x) as \operatorname{size}(x).
template <class Of>
std::string bound_latex(const index_bound<Of>& b, long long adjust) {
    std::string out;
    string_writer w{out};
    print_bound(w, b, adjust);
    for (const std::string_view f : {"size(", "rows(", "cols("}) {
        const std::string latex = "\\operatorname{" + std::string(f.substr(0, 4)) + "}(";
        for (std::size_t at = out.find(f); at != std::string::npos; at = out.find(f, at + latex.size()))
            out.replace(at, f.size(), latex);
    }
    return out;
}

}  // namespace detail

// Σ body for Index = first, ..., end - 1.
template <class Index, class First, class End, class Body>
struct index_sum : expression_base<index_sum<Index, First, End, Body>> {
    First first;
    End end;
    Body body;
    // Set by sum(i, first, end, body, parallel{...}) (<leibniz/parallel.hpp>):
    // the index's values in fixed blocks on threads; none, one after another.
    detail::block_runner runner{};

    // (Its rules that take no environment are hidden friends, found by argument-dependent lookup.)
    // The derivative by a scalar variable: the sum of the derivatives.
    template <class V>
    friend constexpr auto derive(const index_sum& s, V v) {
        using detail::derive;  // (and the hidden friends of the body's nodes)
        auto db = derive(s.body, v);
        if constexpr (std::is_same_v<decltype(db), zero>)
            return zero{};
        else
            return index_sum<Index, First, End, decltype(db)>{{}, s.first, s.end, db, s.runner};
    }
    // (One runner too: a parallel sum and a plain one of one body stay two terms,
    // each summed as it was asked to be.)
    friend constexpr bool same_monomial(const index_sum& a, const index_sum& b) {
        return a.first == b.first && a.end == b.end && a.runner.workers == b.runner.workers &&
               a.runner.run == b.runner.run && a.runner.context == b.runner.context && detail::same_value(a.body, b.body);
    }
    // \sum_{i=0}^{\operatorname{size}(x) - 2} body
    template <class Tools>
    std::string latex_form(const Tools& tools) const {
        std::string out = "\\sum_{" + std::string(Index::name) + "=" + detail::bound_latex(first, 0) + "}^{" +
                          detail::bound_latex(end, -1) + "} ";
        if constexpr (detail::is_sum_node<Body> && !detail::is_single_term<Body>)
            return out + tools.grouped(body);  // (a sum of terms in parentheses; a product needs none)
        else
            return out + tools.text(body);
    }
    // sum(i = 0 .. size(x) - 2, body): the index's first and last values.
    template <class W>
    friend constexpr void print_node(W& w, const index_sum& s) {
        w.put("sum(");
        w.put(std::string_view(Index::name));
        w.put(" = ");
        detail::print_bound(w, s.first, 0);
        w.put(" .. ");
        detail::print_bound(w, s.end, -1);
        w.put(", ");
        detail::print(w, s.body);
        w.put(')');
    }
};

// sum(i, first, end, body): Σ body for i = first, ..., end - 1 (none when end <= first).
template <char... C, Bound First, Bound End, Operand Body>
constexpr auto sum(index_variable<C...>, const First& first, const End& end, const Body& body) {
    using I = index_variable<C...>;
    const auto b = detail::lift(body);
    using B = std::remove_cvref_t<decltype(b)>;
    const auto lo = detail::as_bound(first);
    const auto hi = detail::as_bound(end);
    if constexpr (std::is_same_v<B, zero>)
        return zero{};
    else
        return index_sum<I, std::remove_cvref_t<decltype(lo)>, std::remove_cvref_t<decltype(hi)>, B>{{}, lo, hi, b};
}

// d(f, x[k]): the partial derivative by the element of x at k (an index, or
// an integer), an expression in k: each element x[p] of f differentiates to
// [p = k], so a sum over i keeps the terms where its positions meet k.
template <Expression E, class V, class K>
constexpr auto d(const E& f, const element<V, K>& e) {
    return detail::differentiate(f, e);
}

namespace detail {

template <class I, class F, class E, class B>
struct is_expression_impl<index_sum<I, F, E, B>> : std::true_type {};
template <class I, class F, class E, class B>
inline constexpr bool is_atom<index_sum<I, F, E, B>> = true;

// ---- order: after the means ----

inline constexpr int key_index_sum = key_one + 3;
template <class I, class F, class E, class B>
struct key_of<index_sum<I, F, E, B>> {
    static constexpr void write(auto& s) {
        s.put(key_index_sum);
        write_name_key<I>(s);
        write_key<B>(s);
    }
};

template <class I, class F, class E, class B>
struct child_types<index_sum<I, F, E, B>> {
    using type = type_list<B>;
};
template <class I, class F, class E, class B>
struct children_of<index_sum<I, F, E, B>> {
    template <class Fn>
    LEIBNIZ_INLINE static constexpr void each(const index_sum<I, F, E, B>& s, Fn&& f) {
        f(s.body);
    }
};

// ---- binding checks: the body with its index bound, and what the bounds measure ----

template <class Env, class I>
struct with_index {
    template <class V>
    static constexpr bool has = std::is_same_v<V, I> || Env::template has<V>;
};
// The vector or matrix a bound measures when Env does not bind it, else void.
template <class IndexBound, class Env>
using unmeasured_t = std::conditional_t<std::is_void_v<typename measured<typename IndexBound::measure_type>::type> ||
                                            Env::template has<typename measured<typename IndexBound::measure_type>::type>,
                                        void, typename measured<typename IndexBound::measure_type>::type>;

template <class I, class F, class E, class B, class Env>
struct first_unbound<index_sum<I, F, E, B>, Env> {
    using type = std::conditional_t<
        !std::is_void_v<unmeasured_t<F, Env>>, unmeasured_t<F, Env>,
        std::conditional_t<!std::is_void_v<unmeasured_t<E, Env>>, unmeasured_t<E, Env>,
                           typename first_unbound<B, with_index<Env, I>>::type>>;
};

// ---- the reads beneath a sum, checked before it runs ----

template <class E, class Env, class Ranges>
constexpr void check_reads(const E& e, const Env& env, const Ranges& ranges);

template <class V, class I, class Env, class Ranges>
constexpr void check_node_reads(const element<V, I>& e, const Env& env, const Ranges& ranges) {
    check_position<V>(e.at, static_cast<long long>(env.template bound_to<V>().size()), env, ranges, "value");
}
template <class A, class R, class C, class Env, class Ranges>
constexpr void check_node_reads(const matrix_element<A, R, C>& e, const Env& env, const Ranges& ranges) {
    const auto& m = env.template bound_to<A>();
    check_position<A>(e.row, static_cast<long long>(m.rows()), env, ranges, "row");
    check_position<A>(e.col, static_cast<long long>(m.cols()), env, ranges, "column");
}
template <class I, class F, class E, class B, class Env, class Ranges>
constexpr void check_node_reads(const index_sum<I, F, E, B>& s, const Env& env, const Ranges& ranges) {
    const index_range<I, Ranges> inner{bound_in(s.first, env), bound_in(s.end, env), ranges};
    if (inner.hi > inner.lo) check_reads(s.body, env, inner);  // (an empty sum reads nothing)
}
template <class E, class Env, class Ranges>
constexpr void check_node_reads(const E& e, const Env& env, const Ranges& ranges) {
    children_of<E>::each(e, [&](const auto& child) { check_reads(child, env, ranges); });
}
template <class E, class Env, class Ranges>
constexpr void check_reads(const E& e, const Env& env, const Ranges& ranges) {
    check_node_reads(e, env, ranges);
}

// ---- evaluation: the outermost sum checks every read beneath it, once ----

// A sum made parallel (parallel.hpp): its values in blocks of
// samples_per_block index values, combined in a fixed tree (the same bits for
// any number of threads, equal to the plain sum to rounding).
template <class T, class Env, class I, class F, class E, class B>
constexpr T evaluate(const index_sum<I, F, E, B>& s, const Env& env) {
    if constexpr (!is_index_environment<Env>) check_reads(s, env, no_ranges{});
    const long long first = bound_in(s.first, env), end = bound_in(s.end, env);
    if (s.runner.parallel()) {
        const std::size_t count = end > first ? static_cast<std::size_t>(end - first) : 0;
        return blocked_sum<T>(count, s.runner, [&](T& partial, std::size_t k) {
            partial = partial + evaluate<T>(s.body, index_environment<Env, I>{env, {first + static_cast<long long>(k)}});
        });
    }
    T total = T(0);
    for (long long i = first; i < end; ++i) total = total + evaluate<T>(s.body, index_environment<Env, I>{env, {i}});
    return total;
}

}  // namespace detail

}  // namespace leibniz

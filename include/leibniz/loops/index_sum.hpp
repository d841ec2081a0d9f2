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
// evaluation, differentiation by a scalar variable, printing and equivalence.
#pragma once

#include <leibniz/detail/diagnostics.hpp>
#include <leibniz/differentiation/rules.hpp>
#include <leibniz/evaluation/evaluate.hpp>
#include <leibniz/evaluation/free_variables.hpp>
#include <leibniz/plan/gradient.hpp>
#include <leibniz/plan/lower.hpp>
#include <leibniz/plan/value_and_gradient.hpp>
#include <leibniz/expression/nodes.hpp>
#include <leibniz/loops/index.hpp>
#include <leibniz/loops/vector.hpp>
#include <leibniz/printing/number.hpp>
#include <leibniz/printing/to_string.hpp>
#include <leibniz/simplification/collect.hpp>
#include <leibniz/simplification/equivalent.hpp>
#include <leibniz/simplification/order.hpp>

#include <array>
#include <cstddef>
#include <string_view>
#include <type_traits>
#include <utility>

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

}  // namespace detail

// Σ body for Index = first, ..., end - 1.
template <class Index, class First, class End, class Body>
struct index_sum : expression_base<index_sum<Index, First, End, Body>> {
    First first;
    End end;
    Body body;

    // (Its rules that take no environment are hidden friends, found by argument-dependent lookup.)
    // The derivative by a scalar variable: the sum of the derivatives.
    template <class V>
    friend constexpr auto derive(const index_sum& s, V v) {
        using detail::derive;  // (and the hidden friends of the body's nodes)
        auto db = derive(s.body, v);
        if constexpr (std::is_same_v<decltype(db), zero>)
            return zero{};
        else
            return index_sum<Index, First, End, decltype(db)>{{}, s.first, s.end, db};
    }
    friend constexpr bool same_monomial(const index_sum& a, const index_sum& b) {
        return a.first == b.first && a.end == b.end && detail::same_value(a.body, b.body);
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
    static constexpr void each(const index_sum<I, F, E, B>& s, Fn&& f) {
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

template <class T, class Env, class I, class F, class E, class B>
constexpr T evaluate(const index_sum<I, F, E, B>& s, const Env& env) {
    if constexpr (!is_index_environment<Env>) check_reads(s, env, no_ranges{});
    const long long first = bound_in(s.first, env), end = bound_in(s.end, env);
    T total = T(0);
    for (long long i = first; i < end; ++i) total = total + evaluate<T>(s.body, index_environment<Env, I>{env, {i}});
    return total;
}

}  // namespace detail

// ---- the plan: a sum over an index is a loop node, like a mean over samples ----
//
// In a plan a sum is one `mean` instruction (plan/instruction.hpp): a loop that
// runs the body's own plan once per value of the index and sums its value and
// partials (in a Hessian's plan its second partials too), without the mean's
// division. Inside the body an element (x[i + 1]) is an input of its own, read
// per value of the index by a walk over the body's values in the order
// lower_node visits them; an element outside any sum is not differentiated
// through yet. Derivatives by a vector (its elements) are not there yet: a
// vector is not a variable gradient takes.
namespace detail::plan {

template <class I, class F, class E, class B>
inline constexpr int means_in<index_sum<I, F, E, B>> = 1;

template <class Vars, class I, class F, class E, class B>
constexpr int lower_node(lowering& l, const index_sum<I, F, E, B>*) {
    const int n = l.differentiated;
    constexpr int reach = last_variable_used<B>(Vars{});
    for (int v = 0; v <= reach; ++v) l.b.input(v);
    l.b.variables = n;
    l.b.second_order = l.second_order;
    const int offset = l.mean_results;
    l.mean_results += 1 + n + (l.second_order ? n * (n + 1) / 2 : 0);
    return l.b.intern({op::mean, l.means++, offset, reach});
}
template <class Vars, class V, class I>
constexpr int lower_node(lowering& l, const element<V, I>*) {
    return l.b.input(l.differentiated + l.extras++);
}
template <class Vars, class A, class R, class C>
constexpr int lower_node(lowering& l, const matrix_element<A, R, C>*) {
    return l.b.input(l.differentiated + l.extras++);
}

template <int M, class I, class F, class E, class B, class Fn>
LEIBNIZ_INLINE constexpr void with_mean(walk, const index_sum<I, F, E, B>& s, Fn&& f) {
    f(s);
}
// (The body's numbers and inputs are read by its own plan, per value of the index.)
template <class Sink, class I, class F, class E, class B>
LEIBNIZ_INLINE constexpr void gather_numbers(walk, const index_sum<I, F, E, B>&, Sink&) {}
template <class Vars, class T, class I, class F, class E, class B, class Env>
LEIBNIZ_INLINE constexpr void gather_extras(walk, const index_sum<I, F, E, B>*, const Env&, T*&) {}
template <class Vars, class T, class V, class I, class Env>
LEIBNIZ_INLINE constexpr void gather_extras(walk, const element<V, I>*, const Env&, T*&) {
    static_assert(always_false<V>,
                  "leibniz: an element of a vector (x[i]) outside any sum over an index is not differentiated "
                  "through yet: gradient, hessian and the optimisers take it inside lz::sum(i, first, end, ...)");
}
template <class Vars, class T, class A, class R, class C, class Env>
LEIBNIZ_INLINE constexpr void gather_extras(walk, const matrix_element<A, R, C>*, const Env&, T*&) {
    static_assert(always_false<A>,
                  "leibniz: an element of a matrix (A[i][j]) outside any sum over an index is not differentiated "
                  "through yet: gradient, hessian and the optimisers take it inside lz::sum(i, first, end, ...)");
}

// The other inputs of a body's plan at one value of the index, in the order
// lower_node made them: the variables outside Vars from the bindings, each
// element from its vector. (A sum or a mean inside reads its own.)
template <class Vars, class T, class Node, class Env>
LEIBNIZ_INLINE constexpr void gather_reads(const Node& node, const Env& env, T*& out);
template <class Vars, class T, class Node, class Env>
LEIBNIZ_INLINE constexpr void gather_node_reads(const Node& node, const Env& env, T*& out) {
    children_of<Node>::each(node, [&](const auto& child) { gather_reads<Vars, T>(child, env, out); });
}
template <class Vars, class T, char... C, class Env>
LEIBNIZ_INLINE constexpr void gather_node_reads(const variable<C...>&, const Env& env, T*& out) {
    if constexpr (index_in<variable<C...>, Vars> == Vars::size) *out++ = env.template get<variable<C...>, T>();
}
template <class Vars, class T, class V, class I, class Env>
LEIBNIZ_INLINE constexpr void gather_node_reads(const element<V, I>& e, const Env& env, T*& out) {
    *out++ = static_cast<T>(env.template bound_to<V>().at(position_value(e.at, env)));
}
template <class Vars, class T, class A, class R, class C, class Env>
LEIBNIZ_INLINE constexpr void gather_node_reads(const matrix_element<A, R, C>& e, const Env& env, T*& out) {
    *out++ = static_cast<T>(env.template bound_to<A>().at(position_value(e.row, env), position_value(e.col, env)));
}
template <class Vars, class T, class I, class F, class E, class B, class Env>
LEIBNIZ_INLINE constexpr void gather_node_reads(const index_sum<I, F, E, B>&, const Env&, T*&) {}
template <class Vars, class T, class L, class D, class Env>
LEIBNIZ_INLINE constexpr void gather_node_reads(const sample_mean<L, D>&, const Env&, T*&) {}
template <class Vars, class T, class Node, class Env>
LEIBNIZ_INLINE constexpr void gather_reads(const Node& node, const Env& env, T*& out) {
    gather_node_reads<Vars, T>(node, env, out);
}

// The sum's value and partials (Second: and second partials, upper triangle
// row by row) into block: one pass over the index, the body's plan per value,
// in index order. The reads are checked first where the sum is outermost.
template <class Vars, bool Second, class I, class F, class E, class B, class Env, class T>
constexpr void run_loop(walk, const index_sum<I, F, E, B>& s, const Env& env, T* block) {
    if constexpr (!is_index_environment<Env>) check_reads(s, env, no_ranges{});
    using Inner = index_environment<Env, I>;
    constexpr std::size_t n = Vars::size;
    constexpr std::size_t entries = 1 + n + (Second ? n * (n + 1) / 2 : 0);
    constexpr const auto& P = []() -> const auto& {
        if constexpr (Second)
            return hessian_plan<B, Vars, true>;
        else
            return gradient_plan<B, Vars>;
    }();
    const auto inputs = gather_inputs<T, P, Vars, B, false>(env);  // the variables differentiated by
    const auto numbers = gather_all_numbers<T, P>(s.body);
    std::array<T, entries> total;
    for (T& t : total) t = T(0);
    const long long first = bound_in(s.first, env), end = bound_in(s.end, env);
    for (long long i = first; i < end; ++i) {
        const Inner inner{env, {i}};
        auto own = inputs;
        if constexpr (P.extras > 0) {
            T* out = own.data() + n;
            gather_reads<Vars, T>(s.body, inner, out);
        }
        registers<T, P.size, P.has_guards> registers_of_plan;
        T* r = registers_of_plan.data;
        run<T, P>(r, own.data(), numbers.view(), means_of<P, Vars, Second>(inner, s.body));
        add_outputs<P>(std::make_index_sequence<(entries + block_size - 1) / block_size>{}, r, total);
    }
    for (std::size_t k = 0; k < entries; ++k) block[k] = total[k];
}

}  // namespace detail::plan
}  // namespace leibniz

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
#include <leibniz/differentiation/d.hpp>
#include <leibniz/differentiation/rules.hpp>
#include <leibniz/evaluation/evaluate.hpp>
#include <leibniz/differentiation/variables.hpp>
#include <leibniz/evaluation/free_variables.hpp>
#include <leibniz/plan/gradient.hpp>
#include <leibniz/plan/lower.hpp>
#include <leibniz/plan/value_and_gradient.hpp>
#include <leibniz/expression/nodes.hpp>
#include <leibniz/loops/index.hpp>
#include <leibniz/loops/vector.hpp>
#include <leibniz/printing/number.hpp>
#include <leibniz/printing/to_string.hpp>
#include <leibniz/printing/writer.hpp>
#include <leibniz/simplification/collect.hpp>
#include <leibniz/simplification/equivalent.hpp>
#include <leibniz/simplification/order.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

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
// lower_node visits them.
//
// Derivatives by a vector x (gradient(f, x)): f's plan is differentiated by
// pseudo-variables, each element of x that f reads outside a sum
// (position_of<x, k>, the k-th in walk order) and the value of each sum in f
// (seed_of<k>: a sum's partial by its own seed is 1). Its outputs are the
// partials by those elements, added into the gradient at their positions,
// and the adjoint of each sum, which then seeds a pass over the sum's index
// that does the same for the body at each value (sums inside a body recurse).
namespace detail::plan {

template <class V, int K>
struct position_of {};
template <int K>
struct seed_of {};

template <class T>
inline constexpr int seed_number = -1;
template <int K>
inline constexpr int seed_number<seed_of<K>> = K;
template <class T>
inline constexpr bool is_scalar_variable = false;
template <char... C>
inline constexpr bool is_scalar_variable<variable<C...>> = true;

// The slot of element 0 of vector V in Vars (Vars::size if Vars does not differentiate by V).
template <class V, class Vars>
inline constexpr std::size_t first_position = 0;
template <class V, class... Vs>
inline constexpr std::size_t first_position<V, variable_pack<Vs...>> = [] {
    constexpr bool same[] = {std::is_same_v<position_of<V, 0>, Vs>..., true};
    std::size_t i = 0;
    while (!same[i]) ++i;
    return i;
}();

// The slot of seed k in Vars, or -1.
template <class... Vs>
constexpr int seed_slot(variable_pack<Vs...>, int k) {
    constexpr int seeds[] = {seed_number<Vs>..., -2};
    for (std::size_t i = 0; i < sizeof...(Vs); ++i)
        if (seeds[i] == k) return static_cast<int>(i);
    return -1;
}
// The variables of Vars that are variables (not pseudo-variables), and their slots in Vars.
template <class Vars>
struct scalar_part;
template <class... Vs>
struct scalar_part<variable_pack<Vs...>> {
    using type = typename pack_of_list<concat_t<std::conditional_t<is_scalar_variable<Vs>, type_list<Vs>, type_list<>>...>>::type;
    static constexpr auto slots = [] {
        constexpr bool scalar[] = {is_scalar_variable<Vs>..., false};
        std::array<std::size_t, (type::size > 0 ? type::size : 1)> out{};
        std::size_t k = 0;
        for (std::size_t i = 0; i < sizeof...(Vs); ++i)
            if (scalar[i]) out[k++] = i;
        return out;
    }();
};

// The elements of X in Node outside its sums (those a plan of Node reads itself).
template <class X, class Children>
inline constexpr int elements_in_children = 0;
template <class X, class Node>
inline constexpr int elements_in = elements_in_children<X, typename child_types<Node>::type>;
template <class X, class... Children>
inline constexpr int elements_in_children<X, type_list<Children...>> = sum_of(elements_in<X, Children>...);
template <class X, class V, class I>
inline constexpr int elements_in<X, element<V, I>> = std::is_same_v<X, V> ? 1 : 0;
template <class X, class I, class F, class E, class B>
inline constexpr int elements_in<X, index_sum<I, F, E, B>> = 0;

template <class I, class F, class E, class B>
inline constexpr int means_in<index_sum<I, F, E, B>> = 1;

template <class Vars, class I, class F, class E, class B>
constexpr int lower_node(lowering& l, const index_sum<I, F, E, B>*) {
    const int n = l.differentiated;
    int reach = last_variable_used<B>(Vars{});
    if (const int seed = seed_slot(Vars{}, l.means); seed > reach) reach = seed;
    for (int v = 0; v <= reach; ++v) l.b.input(v);
    l.b.variables = n;
    l.b.second_order = l.second_order;
    const int offset = l.mean_results;
    l.mean_results += 1 + n + (l.second_order ? n * (n + 1) / 2 : 0);
    return l.b.intern({op::mean, l.means++, offset, reach});
}
template <class Vars, class V, class I>
constexpr int lower_node(lowering& l, const element<V, I>*) {
    constexpr std::size_t first = first_position<V, Vars>;
    if constexpr (first < Vars::size)  // an element of the vector differentiated by
        return l.b.input(static_cast<int>(first) + l.positions++);
    else
        return l.b.input(l.differentiated + l.extras++);
}
template <class Vars, class A, class R, class C>
constexpr int lower_node(lowering& l, const matrix_element<A, R, C>*) {
    return l.b.input(l.differentiated + l.extras++);
}
template <class Vars, class I, class K>
constexpr int lower_node(lowering& l, const coincide<I, K>*) {
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
                  "leibniz: an element of a vector (x[i]) outside any sum over an index is differentiated through "
                  "only by gradient(f, x) of its own vector: elsewhere, write it inside lz::sum(i, first, end, ...)");
}
template <class Vars, class T, class I, class K, class Env>
LEIBNIZ_INLINE constexpr void gather_extras(walk, const coincide<I, K>*, const Env&, T*&) {
    static_assert(always_false<I>,
                  "leibniz: d(f, x[k]) outside any sum over an index is not differentiated through: write it "
                  "inside lz::sum(i, first, end, ...)");
}
template <class Vars, class T, class A, class R, class C, class Env>
LEIBNIZ_INLINE constexpr void gather_extras(walk, const matrix_element<A, R, C>*, const Env&, T*&) {
    static_assert(always_false<A>,
                  "leibniz: an element of a matrix (A[i][j]) outside any sum over an index is not differentiated "
                  "through: write it inside lz::sum(i, first, end, ...)");
}

// The inputs of a plan that are read per evaluation, in the order lower_node
// made them: the variables outside Vars from the bindings and the elements
// (into `extras`), the elements of a vector differentiated by (into
// `positions`, and where they are into `where`). A sum or a mean inside
// reads its own.
template <class T>
struct reads {
    T* extras;
    T* positions;
    long long* where;
};
template <class Vars, class T, class Node, class Env>
LEIBNIZ_INLINE constexpr void gather_reads(const Node& node, const Env& env, reads<T>& out);
template <class Vars, class T, class Node, class Env>
LEIBNIZ_INLINE constexpr void gather_node_reads(const Node& node, const Env& env, reads<T>& out) {
    children_of<Node>::each(node, [&](const auto& child) { gather_reads<Vars, T>(child, env, out); });
}
template <class Vars, class T, char... C, class Env>
LEIBNIZ_INLINE constexpr void gather_node_reads(const variable<C...>&, const Env& env, reads<T>& out) {
    if constexpr (index_in<variable<C...>, Vars> == Vars::size) *out.extras++ = env.template get<variable<C...>, T>();
}
template <class Vars, class T, class V, class I, class Env>
LEIBNIZ_INLINE constexpr void gather_node_reads(const element<V, I>& e, const Env& env, reads<T>& out) {
    const long long at = position_value(e.at, env);
    const T value = static_cast<T>(env.template bound_to<V>().at(at));
    if constexpr (first_position<V, Vars> < Vars::size) {
        *out.positions++ = value;
        *out.where++ = at;
    } else {
        *out.extras++ = value;
    }
}
template <class Vars, class T, class A, class R, class C, class Env>
LEIBNIZ_INLINE constexpr void gather_node_reads(const matrix_element<A, R, C>& e, const Env& env, reads<T>& out) {
    *out.extras++ = static_cast<T>(env.template bound_to<A>().at(position_value(e.row, env), position_value(e.col, env)));
}
template <class Vars, class T, class I, class K, class Env>
LEIBNIZ_INLINE constexpr void gather_node_reads(const coincide<I, K>& c, const Env& env, reads<T>& out) {
    *out.extras++ = evaluate<T>(c, env);
}
template <class Vars, class T, class I, class F, class E, class B, class Env>
LEIBNIZ_INLINE constexpr void gather_node_reads(const index_sum<I, F, E, B>&, const Env&, reads<T>&) {}
template <class Vars, class T, class L, class D, class Env>
LEIBNIZ_INLINE constexpr void gather_node_reads(const sample_mean<L, D>&, const Env&, reads<T>&) {}
template <class Vars, class T, class Node, class Env>
LEIBNIZ_INLINE constexpr void gather_reads(const Node& node, const Env& env, reads<T>& out) {
    gather_node_reads<Vars, T>(node, env, out);
}

// Loop node M of a plan by Vars: the sum's value and partials (Second: and
// second partials, upper triangle row by row) into block, in one pass over
// the index, the body's plan per value, in index order; a pseudo-variable's
// partial is 0, but the sum's own seed's, 1. The reads are checked first
// where the sum is outermost.
template <class Vars, bool Second, int M, class I, class F, class E, class B, class Env, class T>
constexpr void run_loop(walk, const index_sum<I, F, E, B>& s, const Env& env, T* block) {
    if constexpr (!is_index_environment<Env>) check_reads(s, env, no_ranges{});
    using Inner = index_environment<Env, I>;
    using Scalars = typename scalar_part<Vars>::type;
    constexpr std::size_t n = Scalars::size;
    static_assert(!Second || n == Vars::size, "leibniz internal error: a Hessian by a vector's elements");
    constexpr std::size_t entries = 1 + n + (Second ? n * (n + 1) / 2 : 0);
    constexpr const auto& P = []() -> const auto& {
        if constexpr (Second)
            return hessian_plan<B, Scalars, true>;
        else
            return gradient_plan<B, Scalars>;
    }();
    const auto inputs = gather_inputs<T, P, Scalars, B, false>(env);  // the variables differentiated by
    const auto numbers = gather_all_numbers<T, P>(s.body);
    std::array<T, entries> total;
    for (T& t : total) t = T(0);
    const long long first = bound_in(s.first, env), end = bound_in(s.end, env);
    for (long long i = first; i < end; ++i) {
        const Inner inner{env, {i}};
        auto own = inputs;
        if constexpr (P.extras > 0) {
            reads<T> out{own.data() + n, nullptr, nullptr};
            gather_reads<Scalars, T>(s.body, inner, out);
        }
        registers<T, P.size, P.has_guards> registers_of_plan;
        T* r = registers_of_plan.data;
        run<T, P>(r, own.data(), numbers.view(), means_of<P, Scalars, Second>(inner, s.body));
        add_outputs<P>(std::make_index_sequence<(entries + block_size - 1) / block_size>{}, r, total);
    }
    if constexpr (n == Vars::size) {
        for (std::size_t k = 0; k < entries; ++k) block[k] = total[k];
    } else {
        block[0] = total[0];
        for (std::size_t k = 0; k < Vars::size; ++k) block[1 + k] = T(0);
        for (std::size_t c = 0; c < n; ++c) block[1 + scalar_part<Vars>::slots[c]] = total[1 + c];
        if (const int seed = seed_slot(Vars{}, M); seed >= 0) block[1 + seed] = T(1);
    }
}

// ---- the gradient by a vector -------------------------------------------------------

template <class X, int Positions, int Loops>
struct vector_variables {
    using type = decltype([]<int... P, int... L>(std::integer_sequence<int, P...>, std::integer_sequence<int, L...>) {
        return variable_pack<position_of<X, P>..., seed_of<L>...>{};
    }(std::make_integer_sequence<int, Positions>{}, std::make_integer_sequence<int, Loops>{}));
};

template <class T, class X, class E, class Env>
LEIBNIZ_INLINE constexpr T add_vector_gradient(const E& e, const Env& env, T seed, T* __restrict g);
template <class T, class X, class E, class Env>
LEIBNIZ_INLINE constexpr T add_vector_gradient_through_plan(const E& e, const Env& env, T seed, T* __restrict g);

// seed · ∂s/∂x added into g: the body's gradient by x at each value of the index.
template <class T, class X, class I, class F, class En, class B, class Env>
LEIBNIZ_INLINE constexpr void add_loop_vector_gradient(const index_sum<I, F, En, B>& s, const Env& env, T seed, T* __restrict g) {
    if constexpr (depends_on<X, B>::value) {
        const long long first = bound_in(s.first, env), end = bound_in(s.end, env);
        for (long long i = first; i < end; ++i)
            (void)add_vector_gradient<T, X>(s.body, index_environment<Env, I>{env, {i}}, seed, g);
    }
}

template <class E>
inline constexpr bool is_index_sum = false;
template <class I, class F, class En, class B>
inline constexpr bool is_index_sum<index_sum<I, F, En, B>> = true;
// c·Σ, the shape of a sum divided or scaled by a number (½‖Ax − y‖²).
template <class E>
inline constexpr bool is_scaled_index_sum = false;
template <coefficient_kind K, class M>
inline constexpr bool is_scaled_index_sum<add<false, term<K, M>>> = is_index_sum<M>;

// A sum whose adjoint is known before it runs (it is e, or e is a number
// times it): its value and seed · ∂/∂x in one pass over the index, the
// body's value and partials together, added in index order as its value is.
template <class T, class X, class I, class F, class En, class B, class Env>
LEIBNIZ_INLINE constexpr T add_sum_value_and_vector_gradient(const index_sum<I, F, En, B>& s, const Env& env, T seed, T* __restrict g) {
    if constexpr (!is_index_environment<Env>) check_reads(s, env, no_ranges{});
    T total = T(0);
    const long long first = bound_in(s.first, env), end = bound_in(s.end, env);
    for (long long i = first; i < end; ++i)
        total = total + add_vector_gradient<T, X>(s.body, index_environment<Env, I>{env, {i}}, seed, g);
    return total;
}

// The same for c·Σ, its value computed as evaluate's first term computes it.
template <class T, class X, coefficient_kind K, class M, class Env>
LEIBNIZ_INLINE constexpr T add_scaled_sum_value_and_vector_gradient(const term<K, M>& t, const Env& env, T seed, T* __restrict g) {
    if constexpr (K == coefficient_kind::plus_one) {
        return add_sum_value_and_vector_gradient<T, X>(t.monomial, env, seed, g);
    } else if constexpr (K == coefficient_kind::minus_one) {
        return -add_sum_value_and_vector_gradient<T, X>(t.monomial, env, -seed, g);
    } else {
        const T c = to_scalar<T>(t.coefficient);
        return c * add_sum_value_and_vector_gradient<T, X>(t.monomial, env, seed * c, g);
    }
}

// e's value; seed · ∂e/∂x added into g (g[k] for element k of x; nothing
// else is written or read through g, which lets a compiler keep the plan's
// numbers in registers across its stores).
template <class T, class X, class E, class Env>
LEIBNIZ_INLINE constexpr T add_vector_gradient(const E& e, const Env& env, T seed, T* __restrict g) {
    if constexpr (is_index_sum<E>) {
        return add_sum_value_and_vector_gradient<T, X>(e, env, seed, g);
    } else if constexpr (is_scaled_index_sum<E>) {
        return add_scaled_sum_value_and_vector_gradient<T, X>(get<0>(e.terms), env, seed, g);
    } else {
        return add_vector_gradient_through_plan<T, X>(e, env, seed, g);
    }
}

// The pass over sum L of e (walk order), seeded by its adjoint. (A function of
// its own: nvcc refuses a lambda naming L inside the expansion over L.)
template <int L, class T, class X, class E, class Env>
LEIBNIZ_INLINE constexpr void seed_sum(const E& e, const Env& env, T seed, T* __restrict g) {
    with_mean<L>(walk{}, e, [&](const auto& node) {
        using Node = std::remove_cvref_t<decltype(node)>;
        if constexpr (is_index_sum<Node>)
            add_loop_vector_gradient<T, X>(node, env, seed, g);
        else
            static_assert(!depends_on<X, Node>::value,
                          "leibniz: gradient(f, x) by a vector read inside a mean over data: not there yet");
    });
}

// The general case: e's plan by the elements of x it reads and by its sums'
// values; then a pass over each sum's index seeded by its adjoint.
template <class T, class X, class E, class Env>
LEIBNIZ_INLINE constexpr T add_vector_gradient_through_plan(const E& e, const Env& env, T seed, T* __restrict g) {
    constexpr int m = elements_in<X, E>;
    constexpr int loops = means_in<E>;
    using Vars = typename vector_variables<X, m, loops>::type;
    constexpr std::size_t n = Vars::size;
    constexpr const auto& P = gradient_plan<E, Vars>;
    T inputs[n + P.extras > 0 ? n + P.extras : 1]{};
    long long where[m > 0 ? m : 1]{};
    reads<T> out{inputs + n, inputs, where};
    gather_reads<Vars, T>(e, env, out);
    const auto numbers = gather_all_numbers<T, P>(e);
    T value{};
    std::array<T, n> partials{};
    run_gradient_plan<T, Vars, E>(inputs, numbers.view(), value, partials, means_of<P, Vars, false>(env, e));
    // (Unrolled: a loop over the m reads kept where[] and the partials in memory at -O2.)
    [&]<std::size_t... K>(std::index_sequence<K...>) LEIBNIZ_INLINE {
        ((g[where[K]] = g[where[K]] + seed * partials[K]), ...);
    }(std::make_index_sequence<static_cast<std::size_t>(m)>{});
    [&]<int... L>(std::integer_sequence<int, L...>) {
        in_order{(seed_sum<L, T, X>(e, env, seed * partials[static_cast<std::size_t>(m + L)], g), 0)...};
    }(std::make_integer_sequence<int, loops>{});
    return value;
}


// ---- the Hessian by a vector ---------------------------------------------------------

// One nonzero of a sparse symmetric matrix: row <= col.
template <class T>
struct sparse_entry {
    std::size_t row;
    std::size_t col;
    T value;
};

// seed · ∇²s by x, as entries (row <= col, repeated where positions meet):
// the body's Hessian by the elements of x it reads, at each value of the
// index, placed at their positions.
template <class T, class X, class I, class F, class En, class B, class Env>
constexpr void add_sum_vector_hessian(const index_sum<I, F, En, B>& s, const Env& env, T seed,
                                      std::vector<sparse_entry<T>>& out) {
    static_assert(means_in<B> == 0,
                  "leibniz: hessian(f, x) by a vector: a sum inside the sum is not there yet");
    if constexpr (!is_index_environment<Env>) check_reads(s, env, no_ranges{});
    constexpr int m = elements_in<X, B>;
    using Vars = typename vector_variables<X, m, 0>::type;
    constexpr std::size_t n = Vars::size;
    constexpr const auto& P = hessian_plan<B, Vars, true>;
    const auto numbers = gather_all_numbers<T, P>(s.body);
    const long long first = bound_in(s.first, env), end = bound_in(s.end, env);
    for (long long i = first; i < end; ++i) {
        const index_environment<Env, I> inner{env, {i}};
        T inputs[n + P.extras > 0 ? n + P.extras : 1]{};
        long long where[m > 0 ? m : 1]{};
        reads<T> in{inputs + n, inputs, where};
        gather_reads<Vars, T>(s.body, inner, in);
        registers<T, P.size, P.has_guards> registers_of_plan;
        T* r = registers_of_plan.data;
        run<T, P>(r, inputs, numbers.view(), no_means{});
        for (std::size_t a = 0; a < n; ++a)
            for (std::size_t b = a; b < n; ++b) {
                const T h = seed * r[P.outputs[1 + n + a * n - (a * (a - 1)) / 2 + (b - a)]];
                const std::size_t pa = static_cast<std::size_t>(where[a]), pb = static_cast<std::size_t>(where[b]);
                if (a != b && pa == pb)  // two reads of one element: (a, b) and (b, a) are one entry
                    out.push_back({pa, pa, h + h});
                else
                    out.push_back({pa < pb ? pa : pb, pa < pb ? pb : pa, h});
            }
    }
}

}  // namespace detail::plan

namespace detail {

// The gradient's container: a std::array of the bound std::array's length, or a std::vector.
template <class T, class Binding>
struct vector_gradient_container {
    using type = std::vector<T>;
    static type zeros(std::size_t n) { return type(n, T(0)); }
};
template <class T, class V, class U, std::size_t N>
    requires(N != std::dynamic_extent)
struct vector_gradient_container<T, vector_binding<V, U, N>> {
    using type = std::array<T, N>;
    static constexpr type zeros(std::size_t) {
        type g{};
        for (T& v : g) v = T(0);
        return g;
    }
};

template <class T, class G>
struct value_and_vector_gradient {
    T value;
    G gradient;
};

template <class X, class E, class... Sources>
LEIBNIZ_INLINE constexpr auto vector_value_and_gradient_of(const E& f, const Sources&... sources) {
    using T = typename scalar_of<Sources...>::type;
    using Env = environment<Sources...>;
    const Env env{{{sources}...}};
    using Binding = std::remove_cvref_t<decltype(env.template bound_to<X>())>;
    using Container = vector_gradient_container<T, Binding>;
    value_and_vector_gradient<T, typename Container::type> r{T(0), Container::zeros(env.template bound_to<X>().size())};
    r.value = plan::add_vector_gradient<T, X>(f, env, T(1), r.gradient.data());
    return r;
}

// gradient(f, x) and value_and_gradient(f, x) for a vector x, called with bindings.
template <class E, class X, bool WithValue>
struct vector_gradient_function {
    E f;

    template <class... Sources>
    LEIBNIZ_INLINE constexpr auto operator()(const Sources&... sources) const {
        if constexpr (bindings_ok<E, Sources...> && (binds<X, Sources> || ...)) {
            auto r = vector_value_and_gradient_of<X>(f, sources...);
            if constexpr (WithValue)
                return r;
            else
                return r.gradient;
        } else if constexpr (!bindings_ok<E, Sources...>) {
            report_binding_errors<E, Sources...>();
            return 0.0;
        } else {
            using reported [[maybe_unused]] = report<error::no_value_is_bound_to<X>>;
            return 0.0;
        }
    }
};

}  // namespace detail

// A symmetric matrix stored by its nonzeros (the upper triangle, row <= col,
// sorted by row then column): H(r, c) reads any entry (0 off the pattern),
// nonzeros() lists the stored ones, size() is the number of rows.
template <class T>
class sparse_symmetric_matrix {
public:
    using value_type = T;
    using entry = detail::plan::sparse_entry<T>;

    sparse_symmetric_matrix() = default;
    // From entries in any order, repeated ones summed in the order given.
    sparse_symmetric_matrix(std::size_t n, std::vector<entry> entries) : n_(n) {
        std::stable_sort(entries.begin(), entries.end(), [](const entry& a, const entry& b) {
            return a.row != b.row ? a.row < b.row : a.col < b.col;
        });
        for (const entry& e : entries) {
            if (!entries_.empty() && entries_.back().row == e.row && entries_.back().col == e.col)
                entries_.back().value = entries_.back().value + e.value;
            else
                entries_.push_back(e);
        }
    }

    std::size_t size() const { return n_; }
    const std::vector<entry>& nonzeros() const { return entries_; }
    T operator()(std::size_t r, std::size_t c) const {
        if (r > c) std::swap(r, c);
        const auto at = std::lower_bound(entries_.begin(), entries_.end(), entry{r, c, T(0)},
                                         [](const entry& a, const entry& b) {
                                             return a.row != b.row ? a.row < b.row : a.col < b.col;
                                         });
        return at != entries_.end() && at->row == r && at->col == c ? at->value : T(0);
    }

private:
    std::size_t n_ = 0;
    std::vector<entry> entries_;
};

namespace detail {

template <class E, class X>
struct vector_hessian_function {
    E f;

    template <class... Sources>
    auto operator()(const Sources&... sources) const {
        using T = typename scalar_of<Sources...>::type;
        if constexpr (bindings_ok<E, Sources...> && (binds<X, Sources> || ...)) {
            using Env = environment<Sources...>;
            const Env env{{{sources}...}};
            std::vector<plan::sparse_entry<T>> entries;
            if constexpr (plan::is_index_sum<E>) {
                plan::add_sum_vector_hessian<T, X>(f, env, T(1), entries);
            } else if constexpr (plan::is_scaled_index_sum<E>) {
                const auto& t = get<0>(f.terms);
                plan::add_sum_vector_hessian<T, X>(t.monomial, env, to_scalar<T>(t.coefficient), entries);
            } else {
                static_assert(always_false<E>,
                              "leibniz: hessian(f, x) by a vector takes a sum over an index, or a number times one, "
                              "so far");
            }
            return sparse_symmetric_matrix<T>(env.template bound_to<X>().size(), std::move(entries));
        } else if constexpr (!bindings_ok<E, Sources...>) {
            report_binding_errors<E, Sources...>();
            return sparse_symmetric_matrix<T>{};
        } else {
            using reported [[maybe_unused]] = report<error::no_value_is_bound_to<X>>;
            return sparse_symmetric_matrix<T>{};
        }
    }
};

}  // namespace detail

// hessian(f, x) for a vector x: a callable; hessian(f, x)(x = values) is a
// sparse_symmetric_matrix whose pattern is what f's sums touch (three bands
// for Rosenbrock's x[i + 1] and x[i]): each term's Hessian by the elements it
// reads, placed at their positions. At run time, for f a sum or a number
// times one (a sum inside it: not yet).
template <Expression E, char... C>
constexpr auto hessian(const E& f, vector_variable<C...>) {
    return detail::vector_hessian_function<E, vector_variable<C...>>{f};
}

// gradient(f, x) for a vector x: a callable; gradient(f, x)(x = values) has one
// partial per element (a std::array of a std::array's length, else a
// std::vector). Each sum in f is a loop: once forward for its value, once
// back over its index for the partials, so a term reading x[i + 1] and x[i]
// costs no more than it does in the value.
template <Expression E, char... C>
constexpr auto gradient(const E& f, vector_variable<C...>) {
    return detail::vector_gradient_function<E, vector_variable<C...>, false>{f};
}
// value_and_gradient(f, x)(x = values): .value and .gradient (structured bindings work).
template <Expression E, char... C>
constexpr auto value_and_gradient(const E& f, vector_variable<C...>) {
    return detail::vector_gradient_function<E, vector_variable<C...>, true>{f};
}
}  // namespace leibniz

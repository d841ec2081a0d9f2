// The plan of a sum over an index (loops/index_sum.hpp): a loop node, as a mean
// over samples is. See the comment below for how it runs, and
// loops/derivatives.hpp for the derivatives by a vector built on it.
#pragma once

#include <leibniz/config.hpp>
#include <leibniz/detail/diagnostics.hpp>
#include <leibniz/differentiation/variables.hpp>
#include <leibniz/loops/index_sum.hpp>
#include <leibniz/loops/vector.hpp>
#include <leibniz/plan/gradient.hpp>
#include <leibniz/plan/lower.hpp>
#include <leibniz/plan/value_and_gradient.hpp>

#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

namespace leibniz {

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
    int reach = last_variable_used<B>(Vars{});
    if (const int seed = seed_slot(Vars{}, l.means); seed > reach) reach = seed;  // (its own seed: partial 1)
    return lower_loop(l, reach);
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
    children_of<Node>::each(node, [&](const auto& child) LEIBNIZ_INLINE { gather_reads<Vars, T>(child, env, out); });
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

// The positions of the elements of vector X that a node reads outside its
// sums, in gather_reads' order, without reading a value.
// (Declared first: the overloads below are found from the walk over children.)
template <class X, class Node, class Env>
LEIBNIZ_INLINE constexpr void gather_positions(const Node& node, const Env& env, long long*& where);
template <class X, class Node, class Env>
LEIBNIZ_INLINE constexpr void gather_node_positions(const Node& node, const Env& env, long long*& where) {
    children_of<Node>::each(node, [&](const auto& child) LEIBNIZ_INLINE { gather_positions<X>(child, env, where); });
}
template <class X, class V, class I, class Env>
LEIBNIZ_INLINE constexpr void gather_node_positions(const element<V, I>& e, const Env& env, long long*& where) {
    if constexpr (std::is_same_v<V, X>) *where++ = position_value(e.at, env);
}
template <class X, class I, class F, class E, class B, class Env>
LEIBNIZ_INLINE constexpr void gather_node_positions(const index_sum<I, F, E, B>&, const Env&, long long*&) {}
template <class X, class L, class D, class Env>
LEIBNIZ_INLINE constexpr void gather_node_positions(const sample_mean<L, D>&, const Env&, long long*&) {}
template <class X, class Node, class Env>
LEIBNIZ_INLINE constexpr void gather_positions(const Node& node, const Env& env, long long*& where) {
    gather_node_positions<X>(node, env, where);
}

// Index value i of a loop node: its body's plan P there, the outputs added
// into `into`.
template <const auto& P, class Scalars, bool Second, class I, class B, class Env, class T, std::size_t N, class Inputs,
          class Numbers>
LEIBNIZ_INLINE constexpr void add_index_value(const B& body, const Env& env, long long i, const Inputs& inputs,
                                              const Numbers& numbers, std::array<T, N>& into) {
    const index_environment<Env, I> inner{env, {i}};
    auto own = inputs;
    if constexpr (P.extras > 0) {
        reads<T> out{own.data() + Scalars::size, nullptr, nullptr};
        gather_reads<Scalars, T>(body, inner, out);
    }
    registers<T, P.size, P.has_guards> registers_of_plan;
    T* r = registers_of_plan.data;
    run<T, P>(r, own.data(), numbers.view(), means_of<P, Scalars, Second>(inner, body));
    add_outputs<P>(std::make_index_sequence<(N + block_size - 1) / block_size>{}, r, into);
}
// The same for the blocks of a parallel sum: index value first + k. (A
// class, not a lambda: nvcc's front end crashed on the lambda.)
template <const auto& P, class Scalars, bool Second, std::size_t N, class I, class B, class Env, class T, class Inputs,
          class Numbers>
struct loop_index_value {
    const B* body;
    const Env* env;
    long long first;
    Inputs inputs;  // (copies: the address of no local of run_loop escapes, which kept
    Numbers numbers;  // Clang from vectorising its plain loop)

    constexpr void operator()(std::array<T, N>& into, std::size_t k) const {
        add_index_value<P, Scalars, Second, I>(*body, *env, first + static_cast<long long>(k), inputs, numbers, into);
    }
};

template <class T, std::size_t N, class Add>
[[gnu::noinline]] constexpr std::array<T, N> run_loop_in_blocks(const Add& add, std::size_t count, const block_runner& runner) {
    return blocked_sum<std::array<T, N>>(count, runner, add);
}

// Loop node M of a plan by Vars: the sum's value and partials (Second: and
// second partials, upper triangle row by row) into block, in one pass over
// the index, the body's plan per value, in index order; a pseudo-variable's
// partial is 0, but the sum's own seed's, 1. The reads are checked first
// where the sum is outermost.
template <class Vars, bool Second, int M, class I, class F, class E, class B, class Env, class T>
LEIBNIZ_INLINE constexpr void run_loop(walk, const index_sum<I, F, E, B>& s, const Env& env, T* block) {
    if constexpr (!is_index_environment<Env>) check_reads(s, env, no_ranges{});
    using Scalars = typename scalar_part<Vars>::type;
    constexpr std::size_t n = Scalars::size;
    // (A Hessian by a vector's elements: the sum's value alone here, its second
    // partials by the pseudo-variables 0; loops/derivatives.hpp adds the rest.)
    static_assert(!Second || n == Vars::size || n == 0, "leibniz internal error: a Hessian by a vector's elements and scalars");
    constexpr bool second = Second && n > 0;
    constexpr std::size_t entries = 1 + n + (second ? n * (n + 1) / 2 : 0);
    constexpr const auto& P = []() -> const auto& {
        if constexpr (second)
            return hessian_plan<B, Scalars, true>;
        else
            return gradient_plan<B, Scalars>;
    }();
    const auto inputs = gather_inputs<T, P, Scalars, B, false>(env);  // the variables differentiated by
    const auto numbers = gather_all_numbers<T, P>(s.body);
    std::array<T, entries> total;
    for (T& t : total) t = T(0);
    const long long first = bound_in(s.first, env), end = bound_in(s.end, env);
    if (s.runner.parallel()) [[unlikely]] {  // (blocks on threads, combined in a fixed tree: index_sum.hpp's evaluate)
        const std::size_t count = end > first ? static_cast<std::size_t>(end - first) : 0;
        const loop_index_value<P, Scalars, second, entries, I, B, Env, T, std::remove_cvref_t<decltype(inputs)>,
                               std::remove_cvref_t<decltype(numbers)>>
            add{&s.body, &env, first, inputs, numbers};
        total = run_loop_in_blocks<T, entries>(add, count, s.runner);
    } else {
        for (long long i = first; i < end; ++i) add_index_value<P, Scalars, second, I>(s.body, env, i, inputs, numbers, total);
    }
    if constexpr (n == Vars::size) {
        for (std::size_t k = 0; k < entries; ++k) block[k] = total[k];
    } else {
        block[0] = total[0];
        constexpr std::size_t size = Vars::size + (Second ? Vars::size * (Vars::size + 1) / 2 : 0);
        for (std::size_t k = 0; k < size; ++k) block[1 + k] = T(0);
        for (std::size_t c = 0; c < n; ++c) block[1 + scalar_part<Vars>::slots[c]] = total[1 + c];
        if (const int seed = seed_slot(Vars{}, M); seed >= 0) block[1 + seed] = T(1);
    }
}

}  // namespace detail::plan
}  // namespace leibniz

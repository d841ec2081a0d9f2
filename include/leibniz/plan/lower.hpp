// Lowering: an expression's type to the instructions of its value.
//
// Each node kind is lowered the way plain evaluation (evaluation/evaluate.hpp)
// computes it, operation for operation, so a plan's value is bitwise the
// expression's value. The walk reads only the type: the numbers the
// expression stores are numbered in walk order (slots), and read from the
// expression object when the plan runs (gather_numbers, same order).
//
// Variables among the ones differentiated by (Vars) are input slots 0 ... n-1;
// any other variable occurrence gets a slot of its own after them (the
// gathering walk reads it from the bindings, in the same order).
#pragma once

#include <leibniz/config.hpp>
#include <leibniz/evaluation/bind.hpp>
#include <leibniz/evaluation/free_variables.hpp>
#include <leibniz/expression/nodes.hpp>
#include <leibniz/expression/variable.hpp>
#include <leibniz/plan/builder.hpp>

#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

namespace leibniz::detail::plan {

struct lowering {
    builder b;
    int numbers = 0;       // stored numbers met so far
    int extras = 0;        // occurrences of variables outside Vars met so far
    int differentiated = 0;  // the number of variables differentiated by
    bool second_order = false;  // a Hessian's plan: each mean sums its loss's second partials too
    int means = 0;         // means over samples met so far (numbered in walk order)
    int mean_results = 0;  // the size of their blocks of results
    int positions = 0;     // elements of a vector differentiated by met so far (loops/index_sum.hpp)

    constexpr int next_number() { return b.number(numbers++); }  // the next stored number's slot
};

// A sum's terms and a product's bases, in order: an in_order list, not a fold
// expression (Clang refuses a fold of more than 256 operands, and sum<N>
// passes that); the side effects are inside the calls, where GCC's
// -Wsequence-point does not misread the list's order.
template <class Vars, bool H, coefficient_kind... K, class... M, std::size_t... I>
constexpr void lower_terms(lowering& l, const add<H, term<K, M>...>*, std::index_sequence<I...>, int* monomials,
                           int* coefficients) {
    in_order{(monomials[I] = lower_node<Vars>(l, static_cast<const M*>(nullptr)),
              coefficients[I] = K == coefficient_kind::stored ? l.next_number() : -1, 0)...};
}
template <class Vars, class... B, int... N, std::size_t... I>
constexpr void lower_bases(lowering& l, const mul<factor<B, N>...>*, std::index_sequence<I...>, int* bases) {
    in_order{(bases[I] = lower_node<Vars>(l, static_cast<const B*>(nullptr)), 0)...};
}

template <class Vars>
constexpr int lower_node(lowering& l, const zero*) {
    return l.b.integer(0);
}
template <class Vars>
constexpr int lower_node(lowering& l, const one*) {
    return l.b.integer(1);
}
template <class Vars>
constexpr int lower_node(lowering& l, const constant*) {
    return l.b.number(l.numbers++);
}
template <class Vars, char... C>
constexpr int lower_node(lowering& l, const variable<C...>*) {
    constexpr std::size_t i = index_in<variable<C...>, Vars>;
    if constexpr (i < Vars::size)
        return l.b.input(static_cast<int>(i));
    else
        return l.b.input(l.differentiated + l.extras++);
}

template <class Vars, bool H, coefficient_kind... K, class... M>
constexpr int lower_node(lowering& l, const add<H, term<K, M>...>*) {
    constexpr std::size_t n = sizeof...(M);
    constexpr std::array<coefficient_kind, n> kinds{K...};
    const int constant = H ? l.next_number() : -1;
    std::array<int, n> monomials{};
    std::array<int, n> coefficients{};
    lower_terms<Vars>(l, static_cast<const add<H, term<K, M>...>*>(nullptr), std::index_sequence_for<M...>{},
                      monomials.data(), coefficients.data());
    auto term_value = [&](std::size_t j) {
        return kinds[j] == coefficient_kind::stored ? l.b.mul(coefficients[j], monomials[j]) : monomials[j];
    };
    int acc = 0;
    std::size_t first = 0;
    if constexpr (H) {
        acc = constant;
    } else {
        acc = kinds[0] == coefficient_kind::minus_one ? l.b.neg(term_value(0)) : term_value(0);
        first = 1;
    }
    for (std::size_t j = first; j < n; ++j)
        acc = kinds[j] == coefficient_kind::minus_one ? l.b.sub(acc, term_value(j)) : l.b.add(acc, term_value(j));
    return acc;
}

// Π Bᵢ^Nᵢ as the product of the powers in order, a negative power being the
// reciprocal 1/Bᵢ^|Nᵢ| (its derivative Nᵢ·Bᵢ^Nᵢ/Bᵢ stays -inf, not NaN, at 0).
template <class Vars, class... B, int... N>
constexpr int lower_node(lowering& l, const mul<factor<B, N>...>*) {
    constexpr std::size_t n = sizeof...(B);
    constexpr std::array<int, n> exponents{N...};
    std::array<int, n> bases{};
    lower_bases<Vars>(l, static_cast<const mul<factor<B, N>...>*>(nullptr), std::index_sequence_for<B...>{}, bases.data());
    int product = -1;
    for (std::size_t j = 0; j < n; ++j) {
        const int p = l.b.ipow(bases[j], exponents[j]);
        product = product < 0 ? p : l.b.mul(product, p);
    }
    return product;
}

template <class Vars, class Op, class A>
constexpr int lower_node(lowering& l, const function<Op, A>*) {
    const int arg = lower_node<Vars>(l, static_cast<const A*>(nullptr));
    return l.b.unary(function_code<Op>(), arg);
}

template <class Vars, class B>
constexpr int lower_node(lowering& l, const real_power<B>*) {
    const int base = lower_node<Vars>(l, static_cast<const B*>(nullptr));
    return l.b.real_pow(base, l.numbers++, 0);
}

template <class Vars, class B, class E>
constexpr int lower_node(lowering& l, const power<B, E>*) {
    const int base = lower_node<Vars>(l, static_cast<const B*>(nullptr));
    const int exponent = lower_node<Vars>(l, static_cast<const E*>(nullptr));
    return l.b.pow(base, exponent);
}

template <class Vars, class Op, class A, class B>
constexpr int lower_node(lowering& l, const binary_function<Op, A, B>*) {
    const int first = lower_node<Vars>(l, static_cast<const A*>(nullptr));
    const int second = lower_node<Vars>(l, static_cast<const B*>(nullptr));
    return l.b.binary(binary_function_code<Op>(), first, second);
}

// A branch: the comparison, then each side under its guard (only the side
// taken runs: the other may be outside its domain, and its derivative must
// not meet the taken side's as 0·∞), joined by a select. Numbers in the
// order evaluation reads them: left, right, the true side, the false side.
template <class Vars, bool S, class L, class R, class A, class B>
constexpr int lower_node(lowering& l, const branch<S, L, R, A, B>*) {
    const int left = lower_node<Vars>(l, static_cast<const L*>(nullptr));
    const int right = lower_node<Vars>(l, static_cast<const R*>(nullptr));
    const int outer = l.b.current;
    const int on_true = l.b.branch_guards(left, right, S);
    l.b.current = on_true;
    const int if_true = lower_node<Vars>(l, static_cast<const A*>(nullptr));
    l.b.current = l.b.guard(on_true).sibling;
    const int if_false = lower_node<Vars>(l, static_cast<const B*>(nullptr));
    l.b.current = outer;
    return l.b.select(on_true, if_true, if_false);
}

// A mean over samples: one instruction that runs its loss's own plan per
// sample (plan/mean.hpp). Its block of results holds the value, the n
// partials and, in a Hessian's plan, the n(n+1)/2 second partials (upper
// triangle, row by row). The inputs it depends on are added here, so that the
// sweeps find them. A variable differentiated by that the mean's data binds
// is, inside the loss, the data's (read per sample, as a variable not
// differentiated by), and the mean's partial by it is 0.
template <class V>
struct bound_by_data {};
template <class Vars, class D>
struct loss_variables_of;
template <class... V, class D>
struct loss_variables_of<variable_pack<V...>, D> {
    using type = variable_pack<std::conditional_t<D::template binds<V>, bound_by_data<V>, V>...>;
};
template <class Vars, class D>
using loss_variables = typename loss_variables_of<Vars, D>::type;

template <class L, class... V>
constexpr int last_variable_used(variable_pack<V...>) {
    constexpr bool used[] = {false, depends_on<V, L>::value...};
    int last = -1;
    for (std::size_t i = 1; i < sizeof...(V) + 1; ++i)
        if (used[i]) last = static_cast<int>(i) - 1;
    return last;
}

// A loop node (a mean; a sum over an index, loops/plan.hpp): one instruction
// whose block of results holds the value and the partials (a Hessian's plan:
// and the second partials) by the variables up to input slot `reach`.
constexpr int lower_loop(lowering& l, int reach) {
    const int n = l.differentiated;
    for (int i = 0; i <= reach; ++i) l.b.input(i);
    l.b.variables = n;
    l.b.second_order = l.second_order;
    const int offset = l.mean_results;
    l.mean_results += 1 + n + (l.second_order ? n * (n + 1) / 2 : 0);
    return l.b.intern({op::mean, l.means++, offset, reach});
}
template <class Vars, class L, class D>
constexpr int lower_node(lowering& l, const sample_mean<L, D>*) {
    return lower_loop(l, last_variable_used<L>(loss_variables<Vars, D>{}));
}

// ---- the numbers and the other variables, read when the plan runs ----------
// (The first parameter brings this namespace into argument-dependent lookup,
// so that a node's overload declared further down is found from above.)

struct walk {};

// Writes each stored number's value in T, and, when Exact, its address.
template <class T, bool Exact>
struct number_sink {
    T* values;
    const number** exact;
    LEIBNIZ_INLINE constexpr void put(const number& n) {
        *values++ = to_scalar<T>(n);
        if constexpr (Exact) *exact++ = &n;
    }
};

template <class Sink, class Node>
LEIBNIZ_INLINE constexpr void gather_numbers(walk, const Node&, Sink&) {}  // zero, one, variables
template <class Sink>
LEIBNIZ_INLINE constexpr void gather_numbers(walk, const constant& c, Sink& out) {
    out.put(c.value);
}
// A sum's and a product's children by one function each, with no lambda and
// no get<I> per child: GCC compiles every function of this walk before it
// inlines them, and a 32-variable Rosenbrock function had 1,700 of them.
template <class Sink, coefficient_kind K, class M>
LEIBNIZ_INLINE constexpr void gather_term(const term<K, M>& t, Sink& out) {
    gather_numbers(walk{}, t.monomial, out);
    if constexpr (K == coefficient_kind::stored) out.put(t.coefficient);
}
template <class Sink, std::size_t... I, class... Terms>
LEIBNIZ_INLINE constexpr void gather_terms(const indexed_tuple<std::index_sequence<I...>, Terms...>& terms, Sink& out) {
    in_order{(gather_term(static_cast<const tuple_leaf<I, Terms>&>(terms).value, out), 0)...};
}
template <class Sink, bool H, class... Terms>
LEIBNIZ_INLINE constexpr void gather_numbers(walk, const add<H, Terms...>& s, Sink& out) {
    if constexpr (H) out.put(s.constant);
    gather_terms(s.terms, out);
}
template <class Sink, std::size_t... I, class... F>
LEIBNIZ_INLINE constexpr void gather_factors(const indexed_tuple<std::index_sequence<I...>, F...>& factors, Sink& out) {
    in_order{(gather_numbers(walk{}, static_cast<const tuple_leaf<I, F>&>(factors).value.base, out), 0)...};
}
template <class Sink, class... F>
LEIBNIZ_INLINE constexpr void gather_numbers(walk, const mul<F...>& p, Sink& out) {
    gather_factors(p.factors, out);
}
template <class Sink, class Op, class A>
LEIBNIZ_INLINE constexpr void gather_numbers(walk, const function<Op, A>& f, Sink& out) {
    gather_numbers(walk{}, f.arg, out);
}
template <class Sink, class B>
LEIBNIZ_INLINE constexpr void gather_numbers(walk, const real_power<B>& p, Sink& out) {
    gather_numbers(walk{}, p.base, out);
    out.put(p.exponent);
}
template <class Sink, class B, class E>
LEIBNIZ_INLINE constexpr void gather_numbers(walk, const power<B, E>& p, Sink& out) {
    gather_numbers(walk{}, p.base, out);
    gather_numbers(walk{}, p.exponent, out);
}
template <class Sink, class Op, class A, class B>
LEIBNIZ_INLINE constexpr void gather_numbers(walk, const binary_function<Op, A, B>& f, Sink& out) {
    gather_numbers(walk{}, f.first, out);
    gather_numbers(walk{}, f.second, out);
}

template <class Sink, bool S, class L, class R, class A, class B>
LEIBNIZ_INLINE constexpr void gather_numbers(walk, const branch<S, L, R, A, B>& w, Sink& out) {
    gather_numbers(walk{}, w.left, out);
    gather_numbers(walk{}, w.right, out);
    gather_numbers(walk{}, w.if_true, out);
    gather_numbers(walk{}, w.if_false, out);
}

// (A mean's numbers are its loss's, which its own plan reads: none here.)
template <class Sink, class L, class D>
LEIBNIZ_INLINE constexpr void gather_numbers(walk, const sample_mean<L, D>&, Sink&) {}

// Occurrences of variables outside Vars, in walk order (child_types, the
// order lower_node visits children), from the bindings.
template <class Vars, class T, class... Children, class Env>
LEIBNIZ_INLINE constexpr void gather_extras_in(type_list<Children...>*, const Env& env, T*& out);
template <class Vars, class T, class Node, class Env>
LEIBNIZ_INLINE constexpr void gather_extras(walk, const Node*, const Env& env, T*& out) {
    gather_extras_in<Vars, T>(static_cast<typename child_types<Node>::type*>(nullptr), env, out);
}
template <class Vars, class T, char... C, class Env>
LEIBNIZ_INLINE constexpr void gather_extras(walk, const variable<C...>*, const Env& env, T*& out) {
    if constexpr (index_in<variable<C...>, Vars> == Vars::size) *out++ = env.template get<variable<C...>, T>();
}
template <class Vars, class T, class... Children, class Env>
LEIBNIZ_INLINE constexpr void gather_extras_in(type_list<Children...>*, const Env& env, T*& out) {
    in_order{(gather_extras<Vars, T>(walk{}, static_cast<const Children*>(nullptr), env, out), 0)...};
}
// (A mean's variables are read per sample by its own plan: none here.)
template <class Vars, class T, class L, class D, class Env>
LEIBNIZ_INLINE constexpr void gather_extras(walk, const sample_mean<L, D>*, const Env&, T*&) {}

// ---- the means, found when the plan runs -----------------------------------
// means_in<Node>: how many means the walk meets in Node (not counting those
// inside a mean's loss, which its own plan runs); with_mean<M>(node, f) calls
// f with the M-th, in walk order (lower_node's), the path chosen at compile time.
// (A node kind of another header, such as least_squares, adds its own overloads.)

template <class... Counts>
constexpr int sum_of(Counts... counts) {
    int total = 0;
    for (int c : {0, counts...}) total += c;
    return total;
}
template <class Children>
inline constexpr int means_in_children = 0;
// A node's count is its children's (child_types, expression/nodes.hpp).
template <class Node>
inline constexpr int means_in = means_in_children<typename child_types<Node>::type>;
template <class... Children>
inline constexpr int means_in_children<type_list<Children...>> = sum_of(means_in<Children>...);
template <class L, class D>
inline constexpr int means_in<sample_mean<L, D>> = 1;

// The child (of counts c...) that holds mean M, and the means before it.
struct child_and_offset {
    std::size_t child;
    int before;
};
template <int M, int... C>
constexpr child_and_offset child_holding() {
    const int counts[] = {C..., 0};
    int before = 0;
    std::size_t i = 0;
    while (before + counts[i] <= M) before += counts[i++];
    return {i, before};
}

template <int M, class L, class D, class F>
LEIBNIZ_INLINE constexpr void with_mean(walk, const sample_mean<L, D>& m, F&& f) {
    f(m);
}
template <int M, class Op, class A, class F>
LEIBNIZ_INLINE constexpr void with_mean(walk, const function<Op, A>& n, F&& f) {
    with_mean<M>(walk{}, n.arg, f);
}
template <int M, class B, class F>
LEIBNIZ_INLINE constexpr void with_mean(walk, const real_power<B>& n, F&& f) {
    with_mean<M>(walk{}, n.base, f);
}
template <int M, class B, class E, class F>
LEIBNIZ_INLINE constexpr void with_mean(walk, const power<B, E>& n, F&& f) {
    if constexpr (M < means_in<B>)
        with_mean<M>(walk{}, n.base, f);
    else
        with_mean<M - means_in<B>>(walk{}, n.exponent, f);
}
template <int M, class Op, class A, class B, class F>
LEIBNIZ_INLINE constexpr void with_mean(walk, const binary_function<Op, A, B>& n, F&& f) {
    if constexpr (M < means_in<A>)
        with_mean<M>(walk{}, n.first, f);
    else
        with_mean<M - means_in<A>>(walk{}, n.second, f);
}
template <int M, bool S, class L, class R, class A, class B, class F>
LEIBNIZ_INLINE constexpr void with_mean(walk, const branch<S, L, R, A, B>& n, F&& f) {
    constexpr child_and_offset at = child_holding<M, means_in<L>, means_in<R>, means_in<A>, means_in<B>>();
    if constexpr (at.child == 0)
        with_mean<M>(walk{}, n.left, f);
    else if constexpr (at.child == 1)
        with_mean<M - at.before>(walk{}, n.right, f);
    else if constexpr (at.child == 2)
        with_mean<M - at.before>(walk{}, n.if_true, f);
    else
        with_mean<M - at.before>(walk{}, n.if_false, f);
}
template <int M, bool H, coefficient_kind... K, class... Monomials, class F>
LEIBNIZ_INLINE constexpr void with_mean(walk, const add<H, term<K, Monomials>...>& n, F&& f) {
    constexpr child_and_offset at = child_holding<M, means_in<Monomials>...>();
    with_mean<M - at.before>(walk{}, get<at.child>(n.terms).monomial, f);
}
template <int M, class... B, int... N, class F>
LEIBNIZ_INLINE constexpr void with_mean(walk, const mul<factor<B, N>...>& n, F&& f) {
    constexpr child_and_offset at = child_holding<M, means_in<B>...>();
    with_mean<M - at.before>(walk{}, get<at.child>(n.factors).base, f);
}

}  // namespace leibniz::detail::plan

// Shared evaluation: the value and every partial derivative from one forward
// and one backward sweep over the expression tree, each subexpression computed
// once.
//
//   forward:  every node's value, bottom-up, kept in a *record* that mirrors
//             the node's type (record<T, add<...>> holds the sum's value and
//             its terms' records; a product also keeps its prefix products);
//   backward: an adjoint (∂f/∂node) flows top-down; a sum passes it on scaled
//             by each coefficient; a product passes prefix × suffix products
//             (no division, 2n − 2 multiplications for n factors); a function
//             multiplies by its derivative, computed from the recorded values
//             (exp reuses its value, tan and tanh their squares); a variable
//             adds its adjoint to its slot of the gradient.
//
// The cost is a small constant factor of the value's, whatever the number of
// variables. Adjoints that are a structural +1 or −1 are types, so the seed
// and every ±1 coefficient cost nothing; a gradient slot's first contribution
// is stored, not added to zero.
//
// Subexpressions whose shape determines their value (value_free) and that
// occur more than once in what is evaluated together (f and its second
// partials for a Hessian) are computed once, through a memo keyed by shape.
// Shapes that carry numbers are never shared by type: two nodes of one such
// type may hold different numbers.
#pragma once

#include <leibniz/detail/tuple.hpp>
#include <leibniz/config.hpp>
#include <leibniz/detail/type_list.hpp>
#include <leibniz/evaluation/bind.hpp>
#include <leibniz/evaluation/free_variables.hpp>
#include <leibniz/evaluation/math.hpp>
#include <leibniz/expression/nodes.hpp>
#include <leibniz/expression/operations.hpp>

#include <array>
#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

namespace leibniz::detail {

// ---- records: the forward sweep's values ------------------------------------

template <class T, class Node>
struct record {  // variables, numbers, zero, one
    T value;
};
template <class T, bool H, coefficient_kind... K, class... M>
struct record<T, add<H, term<K, M>...>> {
    T value;
    tuple<record<T, M>...> terms;
};
template <class T, class... B, int... N>
struct record<T, mul<factor<B, N>...>> {
    T value;
    tuple<record<T, B>...> bases;
    std::array<T, sizeof...(B)> powers;  // Bᵢ^Nᵢ
    std::array<T, sizeof...(B)> lower;   // Bᵢ^(Nᵢ-1) where |Nᵢ| > 1 (for the slope Nᵢ·Bᵢ^(Nᵢ-1))
    std::array<T, sizeof...(B)> prefix;  // powers[0] × ... × powers[i]
};
template <class T, class Op, class A>
struct record<T, function<Op, A>> {
    T value;
    record<T, A> arg;
};
template <class T, class B>
struct record<T, real_power<B>> {
    T value;
    record<T, B> base;
};
template <class T, class B, class E>
struct record<T, power<B, E>> {
    T value;
    record<T, B> base;
    record<T, E> exponent;
};
template <class T, class Op, class A, class B>
struct record<T, binary_function<Op, A, B>> {
    T value;
    record<T, A> first;
    record<T, B> second;
};
template <class T, bool S, class L, class R, class A, class B>
struct record<T, branch<S, L, R, A, B>> {
    T value;
    condition_t<T> holds;     // the condition: which branch was evaluated (a mask for SIMD lanes)
    record<T, A> if_true{};   // (the other branch's record stays as it is, unless lanes disagree)
    record<T, B> if_false{};
};

// ---- which subexpressions to share --------------------------------------------

// The value-free composite subexpressions of E, with repeats.
template <class E>
struct composites {
    using type = type_list<>;
};
template <bool H, coefficient_kind... K, class... M>
struct composites<add<H, term<K, M>...>> {
    using children = concat_t<typename composites<M>::type...>;
    using type = std::conditional_t<value_free<add<H, term<K, M>...>>,
                                    concat_t<type_list<add<H, term<K, M>...>>, children>, children>;
};
template <class... B, int... N>
struct composites<mul<factor<B, N>...>> {
    using children = concat_t<typename composites<B>::type...>;
    using type = std::conditional_t<value_free<mul<factor<B, N>...>>,
                                    concat_t<type_list<mul<factor<B, N>...>>, children>, children>;
};
template <class Op, class A>
struct composites<function<Op, A>> {
    using children = typename composites<A>::type;
    using type = std::conditional_t<value_free<function<Op, A>>, concat_t<type_list<function<Op, A>>, children>,
                                    children>;
};
template <class B>
struct composites<real_power<B>> {
    using type = typename composites<B>::type;
};
template <class B, class E>
struct composites<power<B, E>> {
    using children = concat_t<typename composites<B>::type, typename composites<E>::type>;
    using type = std::conditional_t<value_free<power<B, E>>, concat_t<type_list<power<B, E>>, children>, children>;
};

template <class Op, class A, class B>
struct composites<binary_function<Op, A, B>> {
    using children = concat_t<typename composites<A>::type, typename composites<B>::type>;
    using type = std::conditional_t<value_free<binary_function<Op, A, B>>,
                                    concat_t<type_list<binary_function<Op, A, B>>, children>, children>;
};
template <bool S, class L, class R, class A, class B>
struct composites<branch<S, L, R, A, B>> {
    using type = concat_t<typename composites<L>::type, typename composites<R>::type, typename composites<A>::type,
                          typename composites<B>::type>;
};

// The shapes worth a memo slot: value-free composites that occur more than once among Es.
template <class... E>
using shared_shapes = repeated_t<concat_t<typename composites<E>::type...>>;

template <class T, class Shapes>
struct memo;
template <class T, class... Shapes>
struct memo<T, type_list<Shapes...>> {
    tuple<record<T, Shapes>...> records{};
    std::array<bool, sizeof...(Shapes)> filled{};

    template <class Node>
    static constexpr std::size_t slot = position<Node, type_list<Shapes...>>;
    template <class Node>
    static constexpr bool holds = slot<Node> < sizeof...(Shapes);
};

template <class Env, class Memo>
struct sweep_context {
    const Env& env;
    Memo& memo;
};

// ---- forward sweep ------------------------------------------------------------

template <class T, class Node, class Ctx>
LEIBNIZ_INLINE constexpr record<T, Node> forward(const Node& node, Ctx& ctx);

template <class T, class Ctx>
LEIBNIZ_INLINE constexpr record<T, zero> forward_node(const zero&, Ctx&) {
    return {T(0)};
}
template <class T, class Ctx>
LEIBNIZ_INLINE constexpr record<T, one> forward_node(const one&, Ctx&) {
    return {T(1)};
}
template <class T, class Ctx>
LEIBNIZ_INLINE constexpr record<T, constant> forward_node(const constant& c, Ctx&) {
    return {to_scalar<T>(c.value)};
}
template <class T, class Ctx, char... C>
LEIBNIZ_INLINE constexpr record<T, variable<C...>> forward_node(const variable<C...>&, Ctx& ctx) {
    return {ctx.env.template get<variable<C...>, T>()};
}

template <class T, class Ctx, bool H, coefficient_kind... K, class... M>
LEIBNIZ_INLINE constexpr auto forward_node(const add<H, term<K, M>...>& s, Ctx& ctx) {
    using R = record<T, add<H, term<K, M>...>>;
    return [&]<std::size_t... I>(std::index_sequence<I...>) LEIBNIZ_INLINE {
        R r{T{}, {{forward<T>(get<I>(s.terms).monomial, ctx)}...}};
        // acc ± m or acc + c·m, as plain evaluation does: a structural ±1 costs no multiplication.
        auto term_value = [&]<std::size_t J>(std::integral_constant<std::size_t, J>) LEIBNIZ_INLINE {
            constexpr coefficient_kind k = std::array<coefficient_kind, sizeof...(K)>{K...}[J];
            const T& m = get<J>(r.terms).value;
            if constexpr (k == coefficient_kind::stored)
                return to_scalar<T>(get<J>(s.terms).coefficient) * m;
            else
                return m;
        };
        auto accumulate = [&]<std::size_t J>(T& acc, std::integral_constant<std::size_t, J> j) LEIBNIZ_INLINE {
            constexpr coefficient_kind k = std::array<coefficient_kind, sizeof...(K)>{K...}[J];
            if constexpr (k == coefficient_kind::minus_one)
                acc = acc - term_value(j);
            else
                acc = acc + term_value(j);
        };
        if constexpr (H) {
            T acc = to_scalar<T>(s.constant);
            in_order{(accumulate(acc, std::integral_constant<std::size_t, I>{}), 0)...};
            r.value = acc;
        } else {
            constexpr coefficient_kind k0 = std::array<coefficient_kind, sizeof...(K)>{K...}[0];
            T acc = k0 == coefficient_kind::minus_one ? -term_value(std::integral_constant<std::size_t, 0>{})
                                                      : term_value(std::integral_constant<std::size_t, 0>{});
            auto rest = [&]<std::size_t J>(std::integral_constant<std::size_t, J> j) LEIBNIZ_INLINE {
                if constexpr (J > 0) accumulate(acc, j);
            };
            in_order{(rest(std::integral_constant<std::size_t, I>{}), 0)...};
            r.value = acc;
        }
        return r;
    }(std::index_sequence_for<M...>{});
}

template <class T, class Ctx, class... B, int... N>
LEIBNIZ_INLINE constexpr auto forward_node(const mul<factor<B, N>...>& p, Ctx& ctx) {
    using R = record<T, mul<factor<B, N>...>>;
    constexpr std::array<int, sizeof...(B)> exponents{N...};
    return [&]<std::size_t... I>(std::index_sequence<I...>) LEIBNIZ_INLINE {
        R r{T{}, {{forward<T>(get<I>(p.factors).base, ctx)}...}, {}, {}, {}};
        auto power_of_base = [&]<std::size_t J>(std::integral_constant<std::size_t, J>) LEIBNIZ_INLINE {
            constexpr int n = exponents[J];
            const T& b = get<J>(r.bases).value;
            if constexpr (n == 1) {
                r.powers[J] = b;
            } else if constexpr (n > 1) {
                r.lower[J] = math::ipow<n - 1>(b);
                r.powers[J] = r.lower[J] * b;
            } else {
                r.powers[J] = T(1) / math::ipow<-n>(b);
            }
            if constexpr (J == 0)
                r.prefix[0] = r.powers[0];
            else
                r.prefix[J] = r.prefix[J - 1] * r.powers[J];
        };
        in_order{(power_of_base(std::integral_constant<std::size_t, I>{}), 0)...};
        r.value = r.prefix[sizeof...(B) - 1];
        return r;
    }(std::index_sequence_for<B...>{});
}

template <class T, class Ctx, class Op, class A>
LEIBNIZ_INLINE constexpr auto forward_node(const function<Op, A>& f, Ctx& ctx) {
    record<T, function<Op, A>> r{T{}, forward<T>(f.arg, ctx)};
    const T& u = r.arg.value;
    r.value = Op::value(u);
    return r;
}

template <class T, class Ctx, class B>
LEIBNIZ_INLINE constexpr auto forward_node(const real_power<B>& p, Ctx& ctx) {
    record<T, real_power<B>> r{T{}, forward<T>(p.base, ctx)};
    if (p.exponent.is_integer())
        r.value = math::ipow(r.base.value, static_cast<long long>(p.exponent.num));
    else
        r.value = math::pow(r.base.value, to_scalar<T>(p.exponent));
    return r;
}

template <class T, class Ctx, class B, class E>
LEIBNIZ_INLINE constexpr auto forward_node(const power<B, E>& p, Ctx& ctx) {
    record<T, power<B, E>> r{T{}, forward<T>(p.base, ctx), forward<T>(p.exponent, ctx)};
    r.value = math::pow(r.base.value, r.exponent.value);
    return r;
}

template <class T, class Ctx, class Op, class A, class B>
LEIBNIZ_INLINE constexpr auto forward_node(const binary_function<Op, A, B>& f, Ctx& ctx) {
    record<T, binary_function<Op, A, B>> r{T{}, forward<T>(f.first, ctx), forward<T>(f.second, ctx)};
    r.value = Op::value(r.first.value, r.second.value);
    return r;
}

// Only the branch taken is evaluated (both, for SIMD lanes that disagree).
template <class T, class Ctx, bool S, class L, class R, class A, class B>
LEIBNIZ_INLINE constexpr auto forward_node(const branch<S, L, R, A, B>& w, Ctx& ctx) {
    record<T, branch<S, L, R, A, B>> r{};
    r.holds = condition_holds<S>(forward<T>(w.left, ctx).value, forward<T>(w.right, ctx).value);
    if constexpr (lane_vector<T>) {
        const bool on_true = !holds_nowhere(r.holds), on_false = !holds_everywhere(r.holds);
        if (on_true) r.if_true = forward<T>(w.if_true, ctx);
        if (on_false) r.if_false = forward<T>(w.if_false, ctx);
        r.value = on_true && on_false ? select(r.holds, r.if_true.value, r.if_false.value)
                                      : (on_true ? r.if_true.value : r.if_false.value);
    } else if (r.holds) {
        r.if_true = forward<T>(w.if_true, ctx);
        r.value = r.if_true.value;
    } else {
        r.if_false = forward<T>(w.if_false, ctx);
        r.value = r.if_false.value;
    }
    return r;
}

template <class T, class Node, class Ctx>
LEIBNIZ_INLINE constexpr record<T, Node> forward(const Node& node, Ctx& ctx) {
    using Memo = std::remove_cvref_t<decltype(ctx.memo)>;
    if constexpr (Memo::template holds<Node>) {
        constexpr std::size_t slot = Memo::template slot<Node>;
        if (!ctx.memo.filled[slot]) {
            get<slot>(ctx.memo.records) = forward_node<T>(node, ctx);
            ctx.memo.filled[slot] = true;
        }
        return get<slot>(ctx.memo.records);
    } else {
        return forward_node<T>(node, ctx);
    }
}

// ---- adjoints -----------------------------------------------------------------

struct plus_unit {};   // a structural +1
struct minus_unit {};  // a structural -1

LEIBNIZ_INLINE constexpr minus_unit negated(plus_unit) { return {}; }
LEIBNIZ_INLINE constexpr plus_unit negated(minus_unit) { return {}; }
template <class T>
LEIBNIZ_INLINE constexpr T negated(const T& a) {
    return -a;
}

// adjoint × v
template <class T>
LEIBNIZ_INLINE constexpr T times(plus_unit, const T& v) {
    return v;
}
template <class T>
LEIBNIZ_INLINE constexpr T times(minus_unit, const T& v) {
    return -v;
}
template <class T>
LEIBNIZ_INLINE constexpr T times(const T& a, const T& v) {
    return a * v;
}

template <class T, class A>
LEIBNIZ_INLINE constexpr T as_value(const A& a) {
    if constexpr (std::is_same_v<A, plus_unit>)
        return T(1);
    else if constexpr (std::is_same_v<A, minus_unit>)
        return T(-1);
    else
        return a;
}

// The adjoint scaled by a term's coefficient.
template <class T, coefficient_kind K, class A>
LEIBNIZ_INLINE constexpr auto scaled_adjoint(const A& a, const number& c) {
    if constexpr (K == coefficient_kind::plus_one)
        return a;
    else if constexpr (K == coefficient_kind::minus_one)
        return negated(a);
    else if constexpr (std::is_same_v<A, plus_unit>)
        return to_scalar<T>(c);
    else if constexpr (std::is_same_v<A, minus_unit>)
        return to_scalar<T>(-c);
    else
        return to_scalar<T>(c) * a;
}

// The gradient of E being summed. A floating-point slot starts at -0.0, which
// adding leaves exactly as is (-0.0 + v == v for every v, -0.0 and NaN
// included), so the compiler folds the first addition away, with no flag to
// test. Other scalar types (a counting type, a multiprecision type) store the
// first contribution and add the next ones.
template <class T, class Vars, class E, class Env>
struct gradient_accumulator;
template <class T, class... V, class E, class Env>
struct gradient_accumulator<T, variable_pack<V...>, E, Env> {
    using variables = variable_pack<V...>;
    const Env* env = nullptr;  // for nodes that evaluate their children again (a mean over samples)
    static constexpr std::size_t n = sizeof...(V);
    static constexpr bool start_at_negative_zero = std::is_floating_point_v<lane_scalar_t<T>>;
    std::array<T, n> values = [] {
        std::array<T, n> v{};
        if constexpr (start_at_negative_zero)
            for (T& slot : v) slot = -T(0);
        return v;
    }();
    std::array<bool, n> written{};

    template <std::size_t I, class A>
    LEIBNIZ_INLINE constexpr void add(const A& a) {
        if constexpr (start_at_negative_zero) {
            values[I] = values[I] + as_value<T>(a);
        } else if (written[I]) {
            values[I] = values[I] + as_value<T>(a);
        } else {
            values[I] = as_value<T>(a);
            written[I] = true;
        }
    }
    // An empty accumulator for the same variables (a branch whose SIMD lanes
    // disagree sums each side apart), and the sum of two of them, each lane
    // from `if_true` where the condition holds, from `if_false` elsewhere.
    // (fresh_for: the same, seen from the environment of one sample of a mean.)
    constexpr gradient_accumulator fresh() const { return gradient_accumulator{env}; }
    template <class SampleEnv>
    constexpr auto fresh_for(const SampleEnv* sample) const {
        return gradient_accumulator<T, variables, E, SampleEnv>{sample};
    }
    template <class C, class Sides>
    constexpr void add_selected(const C& holds, const Sides& if_true, const Sides& if_false) {
        for (std::size_t i = 0; i < n; ++i) {
            const T t = if_true.written[i] || start_at_negative_zero ? if_true.values[i] : T(0);
            const T f = if_false.written[i] || start_at_negative_zero ? if_false.values[i] : T(0);
            if (!(if_true.written[i] || if_false.written[i] || start_at_negative_zero)) continue;
            const T part = select(holds, t, f);
            if (start_at_negative_zero || written[i])
                values[i] = values[i] + part;
            else {
                values[i] = part;
                written[i] = true;
            }
        }
    }
    // A variable E does not depend on has derivative +0 (known from the types).
    LEIBNIZ_INLINE constexpr std::array<T, n> result() const {
        std::array<T, n> g = values;
        constexpr bool depends[] = {depends_on<V, E>::value..., false};
        for (std::size_t i = 0; i < n; ++i)
            if (!depends[i]) g[i] = T(0);
        return g;
    }
};

// ---- backward sweep -----------------------------------------------------------

template <class T, class A, class Acc>
LEIBNIZ_INLINE constexpr void backward(const zero&, const record<T, zero>&, const A&, Acc&) {}
template <class T, class A, class Acc>
LEIBNIZ_INLINE constexpr void backward(const one&, const record<T, one>&, const A&, Acc&) {}
template <class T, class A, class Acc>
LEIBNIZ_INLINE constexpr void backward(const constant&, const record<T, constant>&, const A&, Acc&) {}

template <class T, class A, class Acc, char... C>
LEIBNIZ_INLINE constexpr void backward(const variable<C...>&, const record<T, variable<C...>>&, const A& adjoint, Acc& acc) {
    using Vars = typename Acc::variables;
    constexpr std::size_t i = index_in<variable<C...>, Vars>;
    if constexpr (i < Vars::size) acc.template add<i>(adjoint);
}

template <class T, class A, class Acc, bool H, coefficient_kind... K, class... M>
LEIBNIZ_INLINE constexpr void backward(const add<H, term<K, M>...>& s, const record<T, add<H, term<K, M>...>>& r, const A& adjoint,
                        Acc& acc);
template <class T, class A, class Acc, class... B, int... N>
LEIBNIZ_INLINE constexpr void backward(const mul<factor<B, N>...>& p, const record<T, mul<factor<B, N>...>>& r, const A& adjoint,
                        Acc& acc);
template <class T, class A, class Acc, class Op, class Arg>
LEIBNIZ_INLINE constexpr void backward(const function<Op, Arg>& f, const record<T, function<Op, Arg>>& r, const A& adjoint, Acc& acc);
template <class T, class A, class Acc, class B>
LEIBNIZ_INLINE constexpr void backward(const real_power<B>& p, const record<T, real_power<B>>& r, const A& adjoint, Acc& acc);
template <class T, class A, class Acc, class B, class E>
LEIBNIZ_INLINE constexpr void backward(const power<B, E>& p, const record<T, power<B, E>>& r, const A& adjoint, Acc& acc);
template <class T, class A, class Acc, class Op, class X, class Y>
LEIBNIZ_INLINE constexpr void backward(const binary_function<Op, X, Y>& f, const record<T, binary_function<Op, X, Y>>& r,
                                       const A& adjoint, Acc& acc);
template <class T, class A, class Acc, bool S, class L, class R, class X, class Y>
LEIBNIZ_INLINE constexpr void backward(const branch<S, L, R, X, Y>& w, const record<T, branch<S, L, R, X, Y>>& r,
                                       const A& adjoint, Acc& acc);

template <class T, class A, class Acc, bool H, coefficient_kind... K, class... M>
LEIBNIZ_INLINE constexpr void backward(const add<H, term<K, M>...>& s, const record<T, add<H, term<K, M>...>>& r, const A& adjoint,
                        Acc& acc) {
    [&]<std::size_t... I>(std::index_sequence<I...>) LEIBNIZ_INLINE {
        in_order{(backward(get<I>(s.terms).monomial, get<I>(r.terms),
                           scaled_adjoint<T, K>(adjoint, get<I>(s.terms).coefficient), acc),
                  0)...};
    }(std::index_sequence_for<M...>{});
}

// ∂(Π fⱼ)/∂Bᵢ = (Πⱼ<ᵢ fⱼ)·(Πⱼ>ᵢ fⱼ)·Nᵢ·Bᵢ^(Nᵢ-1): prefix products from the
// forward sweep, suffix products (with the adjoint folded in) here.
template <class T, class A, class Acc, class... B, int... N>
LEIBNIZ_INLINE constexpr void backward(const mul<factor<B, N>...>& p, const record<T, mul<factor<B, N>...>>& r, const A& adjoint,
                        Acc& acc) {
    constexpr std::size_t n = sizeof...(B);
    constexpr std::array<int, n> exponents{N...};
    // slope_i: d(Bᵢ^Nᵢ)/dBᵢ times the incoming product, for the adjoint of base i.
    auto pass_on = [&]<std::size_t I>(std::integral_constant<std::size_t, I>, const auto& incoming) LEIBNIZ_INLINE {
        constexpr int e = exponents[I];
        const auto& base = get<I>(p.factors).base;
        const auto& base_record = get<I>(r.bases);
        if constexpr (e == 1)
            backward(base, base_record, incoming, acc);
        else if constexpr (e > 1)
            backward(base, base_record, times(incoming, T(e) * r.lower[I]), acc);
        else
            backward(base, base_record, times(incoming, T(e) * r.powers[I] / base_record.value), acc);
    };
    if constexpr (n == 1) {
        pass_on(std::integral_constant<std::size_t, 0>{}, adjoint);
    } else {
        // suffix[i] = adjoint × powers[i] × ... × powers[n-1]
        std::array<T, n> suffix{};
        suffix[n - 1] = times(adjoint, r.powers[n - 1]);
        for (std::size_t i = n - 1; i-- > 1;) suffix[i] = r.powers[i] * suffix[i + 1];
        [&]<std::size_t... I>(std::index_sequence<I...>) LEIBNIZ_INLINE {
            auto one_base = [&]<std::size_t J>(std::integral_constant<std::size_t, J> j) LEIBNIZ_INLINE {
                if constexpr (J == 0)
                    pass_on(j, suffix[1]);
                else if constexpr (J == n - 1)
                    pass_on(j, times(adjoint, r.prefix[n - 2]));
                else
                    pass_on(j, r.prefix[J - 1] * suffix[J + 1]);
            };
            in_order{(one_base(std::integral_constant<std::size_t, I>{}), 0)...};
        }(std::make_index_sequence<n>{});
    }
}

template <class T, class A, class Acc, class Op, class Arg>
LEIBNIZ_INLINE constexpr void backward(const function<Op, Arg>& f, const record<T, function<Op, Arg>>& r, const A& adjoint,
                        Acc& acc) {
    const T& u = r.arg.value;
    const T& v = r.value;
    if constexpr (!Op::piecewise_constant)  // (sign: nothing flows on)
        backward(f.arg, r.arg, Op::chain(as_value<T>(adjoint), u, v), acc);
}

template <class T, class A, class Acc, class B>
LEIBNIZ_INLINE constexpr void backward(const real_power<B>& p, const record<T, real_power<B>>& r, const A& adjoint, Acc& acc) {
    const T& b = r.base.value;
    const number lowered = p.exponent - number(1);
    const T slope = to_scalar<T>(p.exponent) * (lowered.is_integer()
                                                    ? math::ipow(b, static_cast<long long>(lowered.num))
                                                    : math::pow(b, to_scalar<T>(lowered)));
    backward(p.base, r.base, times(adjoint, slope), acc);
}

template <class T, class A, class Acc, class B, class E>
LEIBNIZ_INLINE constexpr void backward(const power<B, E>& p, const record<T, power<B, E>>& r, const A& adjoint, Acc& acc) {
    const T& b = r.base.value;
    const T& e = r.exponent.value;
    backward(p.base, r.base, times(adjoint, e * math::pow(b, e - T(1))), acc);
    backward(p.exponent, r.exponent, times(adjoint, r.value * math::log(b)), acc);
}

template <class T, class A, class Acc, class Op, class X, class Y>
LEIBNIZ_INLINE constexpr void backward(const binary_function<Op, X, Y>& f, const record<T, binary_function<Op, X, Y>>& r,
                                       const A& adjoint, Acc& acc) {
    const T g = as_value<T>(adjoint);
    const T& a = r.first.value;
    const T& b = r.second.value;
    backward(f.first, r.first, Op::chain_first(g, a, b, r.value), acc);
    backward(f.second, r.second, Op::chain_second(g, a, b, r.value), acc);
}

// The adjoint flows into the branch taken only (the other was not evaluated;
// SIMD lanes that disagree: into both, kept apart, below).
template <class T, class A, class Acc, bool S, class L, class R, class X, class Y>
LEIBNIZ_INLINE constexpr void backward(const branch<S, L, R, X, Y>& w, const record<T, branch<S, L, R, X, Y>>& r,
                                       const A& adjoint, Acc& acc) {
    if constexpr (lane_vector<T>) {
        if (holds_everywhere(r.holds))
            backward(w.if_true, r.if_true, adjoint, acc);
        else if (holds_nowhere(r.holds))
            backward(w.if_false, r.if_false, adjoint, acc);
        else {
            // SIMD lanes that disagree: each side's adjoints summed apart,
            // then each lane taken from its own side, so that a side outside
            // its domain on a lane it does not own (0 times an infinite
            // partial) leaves no NaN behind.
            auto on_true = acc.fresh(), on_false = acc.fresh();
            backward(w.if_true, r.if_true, adjoint, on_true);
            backward(w.if_false, r.if_false, adjoint, on_false);
            acc.add_selected(r.holds, on_true, on_false);
        }
    } else if (r.holds) {
        backward(w.if_true, r.if_true, adjoint, acc);
    } else {
        backward(w.if_false, r.if_false, adjoint, acc);
    }
}

}  // namespace leibniz::detail

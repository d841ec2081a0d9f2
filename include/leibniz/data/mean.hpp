// Data: lz::data(x = xs, y = ys) names columns of samples; lz::mean(loss, data)
// is the mean of a per-sample loss over them, an expression in the remaining
// variables (the parameters). It evaluates, differentiates (the derivative of
// a mean is the mean of the derivatives), prints, and goes into minimize like
// any other expression.
//
// This header gives the mean node its rule in each layer: order, binding
// checks, evaluation, differentiation, printing and equivalence; its plan is
// a loop over the samples (plan/lower.hpp, plan/value_and_gradient.hpp).
#pragma once

#include <leibniz/data/blocked_sum.hpp>
#include <leibniz/differentiation/rules.hpp>
#include <leibniz/evaluation/evaluate.hpp>
#include <leibniz/evaluation/free_variables.hpp>
#include <leibniz/expression/variable.hpp>
#include <leibniz/printing/to_string.hpp>
#include <leibniz/simplification/equivalent.hpp>
#include <leibniz/simplification/order.hpp>

#include <cstddef>
#include <span>
#include <stdexcept>
#include <type_traits>

namespace leibniz {

namespace detail {

// Columns of samples, one per data variable, all of one length.
template <class... Columns>
struct data_set {
    tuple<Columns...> columns;
    std::size_t size = 0;
    block_runner parallel{};  // set by mean(loss, data, parallel{...}) (<leibniz/parallel.hpp>)

    template <class V>
    static constexpr bool binds = any_true<std::is_same_v<V, typename Columns::variable_type>...>;

    template <class V>
    static constexpr std::size_t column = position<V, type_list<typename Columns::variable_type...>>;

    template <class V, class T>
    constexpr T value(std::size_t i) const {
        return static_cast<T>(get<column<V>>(columns).values[i]);
    }
    friend constexpr bool operator==(const data_set& a, const data_set& b) {
        return a.size == b.size && [&]<std::size_t... I>(std::index_sequence<I...>) {
            return ((get<I>(a.columns).values.data() == get<I>(b.columns).values.data()) && ...);
        }(std::index_sequence_for<Columns...>{});
    }
};

// The environment of one sample: the data variables from the columns at
// index i, every other variable from the enclosing environment.
template <class Env, class Data>
struct sample_environment {
    const Env& outer;
    const Data& data;
    std::size_t index;

    template <class V>
    static constexpr bool has = Data::template binds<V> || Env::template has<V>;

    template <class V, class T>
    constexpr T get() const {
        if constexpr (Data::template binds<V>)
            return data.template value<V, T>(index);
        else
            return outer.template get<V, T>();
    }
    template <class V>
    constexpr const auto& bound_to() const {
        return outer.template bound_to<V>();
    }
};

inline void data_columns_have_different_lengths() {}

}  // namespace detail

// The mean over the samples of a data set of a per-sample loss.
template <class Loss, class Data>
struct sample_mean : expression_base<sample_mean<Loss, Data>> {
    Loss loss;
    Data data;
};

namespace detail {
template <class L, class D>
struct is_expression_impl<sample_mean<L, D>> : std::true_type {};
}  // namespace detail

// data(x = xs, y = ys): columns of samples (std::vector, std::span, std::array:
// the last at compile time too), referred to, not copied. Columns of different
// lengths are an error: during constant evaluation a compile error naming
// data_columns_have_different_lengths, at run time std::invalid_argument.
template <class... V, class... T>
constexpr auto data(const data_column<V, T>&... columns) {
    static_assert(sizeof...(V) > 0, "leibniz: data(x = xs, ...): name at least one column of samples");
    const std::size_t sizes[] = {columns.values.size()...};
    for (std::size_t s : sizes)
        if (s != sizes[0]) {
            if (std::is_constant_evaluated()) detail::data_columns_have_different_lengths();
            throw std::invalid_argument("leibniz::data: the columns of samples have different lengths");
        }
    return detail::data_set<data_column<V, T>...>{{{columns}...}, sizes[0]};
}

// mean(loss, data): (1/m) Σᵢ loss at sample i, an expression in the other variables.
template <Expression Loss, class... Columns>
constexpr auto mean(const Loss& loss, const detail::data_set<Columns...>& data) {
    return sample_mean<Loss, detail::data_set<Columns...>>{{}, loss, data};
}

namespace detail {

// ---- order, binding checks, dependence ----

inline constexpr int key_sample_mean = key_one + 1;
template <class L, class D>
struct key_of<sample_mean<L, D>> {
    static constexpr void write(auto& s) {
        s.put(key_sample_mean);
        write_key<L>(s);
    }
};

template <class L, class D, class Env>
struct first_unbound<sample_mean<L, D>, Env> : first_unbound<L, sample_environment<Env, D>> {};

template <class V, class L, class D>
struct depends_on<V, sample_mean<L, D>> : std::bool_constant<!D::template binds<V> && depends_on<V, L>::value> {};

// ---- evaluation ----

template <class T, class Env, class L, class D>
constexpr T evaluate(const sample_mean<L, D>& m, const Env& env) {
    if (m.data.parallel.parallel()) {
        const T total = blocked_sum<T>(m.data.size, m.data.parallel, [&](T& partial, std::size_t i) {
            partial = partial + evaluate<T>(m.loss, sample_environment<Env, D>{env, m.data, i});
        });
        return total / T(m.data.size);
    }
    T total = T(0);
    for (std::size_t i = 0; i < m.data.size; ++i)
        total = total + evaluate<T>(m.loss, sample_environment<Env, D>{env, m.data, i});
    return total / T(m.data.size);
}

// ---- differentiation: the mean of the derivatives ----

template <class L, class D, class V>
constexpr auto derive(const sample_mean<L, D>& m, V v) {
    if constexpr (D::template binds<V>) {
        return zero{};  // a data variable is not a parameter of the mean
    } else {
        auto dl = derive(m.loss, v);
        if constexpr (std::is_same_v<decltype(dl), zero>)
            return zero{};
        else
            return sample_mean<decltype(dl), D>{{}, dl, m.data};
    }
}

// ---- printing and equivalence ----

template <class W, class L, class D>
constexpr void print_node(W& w, const sample_mean<L, D>& m) {
    w.put("mean(");
    print(w, m.loss);
    w.put(')');
}

template <class L1, class L2, class D>
constexpr bool same_monomial(const sample_mean<L1, D>& a, const sample_mean<L2, D>& b) {
    return a.data == b.data && same_value(a.loss, b.loss);
}

}  // namespace detail
}  // namespace leibniz

// gradient(f, x, y, xs...) and hessian(f, x, y, xs...): callables returning
// std::array<T, n> and std::array<std::array<T, n>, n>; value_and_gradient and
// value_gradient_hessian return the value with them.
//
// Each runs the expression's plan (plan/): the value's instructions, a
// reverse sweep over them for the gradient, and for the Hessian one more
// reverse sweep per partial, over what that partial's instructions reach; a
// subexpression is computed once for all of them; a branch is two guarded
// regions of the plan, a mean over samples a loop in it.
#pragma once

#include <leibniz/detail/tuple.hpp>
#include <leibniz/config.hpp>
#include <leibniz/differentiation/d.hpp>
#include <leibniz/differentiation/variables.hpp>
#include <leibniz/evaluation/evaluate.hpp>
#include <leibniz/plan/value_and_gradient.hpp>

#include <array>
#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

namespace leibniz {

template <class T, std::size_t N>
struct value_and_gradient_result {
    T value;
    std::array<T, N> gradient;
};

template <class T, std::size_t N>
struct value_gradient_hessian_result {
    T value;
    std::array<T, N> gradient;
    std::array<std::array<T, N>, N> hessian;
};

namespace detail {

template <class... Args>
constexpr void check_differentiation_variables() {
    static_assert(sizeof...(Args) > 0, "leibniz: gradient/hessian(f, ...): name at least one variable to differentiate by");
    if constexpr (all_true<(Variable<Args> || VariablePack<Args>)...>)
        []<class... V>(variable_pack<V...>) {
            using twice = typename first_repeated<V...>::type;
            if constexpr (!std::is_void_v<twice>) {
                using reported [[maybe_unused]] = report<error::a_variable_to_differentiate_by_is_named_twice<twice>>;
            }
        }(flattened_variables<Args...>{});
}

// Upper triangle of symbolic second partials, row by row: (0,0) (0,1) ... (0,n-1) (1,1) ...
// (The reference the differential tests hold the plan's Hessians to.)
template <class E, class... V>
constexpr auto second_partials(const E& f, variable_pack<V...>) {
    constexpr std::size_t n = sizeof...(V);
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
        auto row = [&]<std::size_t R>(std::integral_constant<std::size_t, R>) {
            using Vr = std::tuple_element_t<R, std::tuple<V...>>;
            const auto first = derive(f, Vr{});
            return [&]<std::size_t... C>(std::index_sequence<C...>) {
                return make_tuple(derive(first, std::tuple_element_t<R + C, std::tuple<V...>>{})...);
            }(std::make_index_sequence<n - R>{});
        };
        return cat_all(row(std::integral_constant<std::size_t, I>{})...);
    }(std::make_index_sequence<n>{});
}

// Runs `sweep(type_identity<T>, environment)` with T the scalar type of the
// bindings, after checking them against f (one readable error otherwise).
template <class E, class Sweep, class... Sources>
LEIBNIZ_INLINE constexpr auto with_bindings(Sweep sweep, const Sources&... sources) {
    if constexpr (!are_binding_sources<Sources...>) {
        report_binding_errors<E, Sources...>();
        return 0.0;
    } else if constexpr (!bindings_ok<E, Sources...>) {
        report_binding_errors<E, Sources...>();
        return sweep(std::type_identity<typename scalar_of<Sources...>::type>{}, nullptr);
    } else {
        return sweep(std::type_identity<typename scalar_of<Sources...>::type>{}, environment<Sources...>{{{sources}...}});
    }
}

template <class Env>
inline constexpr bool no_environment = std::is_same_v<std::remove_cvref_t<Env>, std::nullptr_t>;

template <class Env, class Data>
struct sample_environment;  // data/mean.hpp

template <class E>
struct mean_parts {
    static constexpr bool is_mean = false;
};
template <class L, class D>
struct mean_parts<sample_mean<L, D>> {
    static constexpr bool is_mean = true;
    using loss = L;
    using data = D;
};

// Is E a mean over samples, none of Vars being a data variable? (Its loss's
// plan then runs straight in the caller's loop; any other mean is an
// instruction of E's plan.)
template <class E, class Vars>
constexpr bool is_top_level_mean() {
    using parts = mean_parts<E>;
    if constexpr (!parts::is_mean) {
        return false;
    } else {
        return []<class... V>(variable_pack<V...>) { return !any_true<parts::data::template binds<V>...>; }(Vars{});
    }
}

template <class T, class Vars, class E, class Env>
LEIBNIZ_INLINE constexpr auto value_and_gradient_of(const E& f, const Env& env) {
    if constexpr (is_top_level_mean<E, Vars>()) {
        // One pass over the samples: each sample's value and gradient through
        // the loss's plan, summed, then divided by their number (as the mean's
        // value is: the sum first).
        using Sample = sample_environment<Env, typename mean_parts<E>::data>;
        value_and_gradient_result<T, Vars::size> total{};
        plan::sum_over_samples<T, Vars, typename mean_parts<E>::loss, typename mean_parts<E>::data, Env, Sample>(
            f.loss, f.data, env, total.value, total.gradient, f.data.size);
        const T m = T(f.data.size);
        total.value = total.value / m;
        for (T& g : total.gradient) g = g / m;
        return total;
    } else {
        value_and_gradient_result<T, Vars::size> r;  // every element written by the plan (no memset)
        plan::value_and_gradient<T, Vars>(f, env, r.value, r.gradient);
        return r;
    }
}

// A descent's evaluations in constant evaluation (minimize), where each
// statement and call is a step of the compiler's budget: what stays the same
// from one step to the next (the expression's numbers; a mean's columns) is
// gathered once, and the point's values are the plan's inputs, with no
// bindings to look up. The same operations as value_and_gradient_of, so the
// same bits. repeated_evaluation returns no_repeated_evaluation where this
// does not apply (other scalar types, other variables, means inside).
struct no_repeated_evaluation {
    static constexpr bool applies = false;
};
template <class T, class Vars, class E>
struct repeated_plan_evaluation {
    static constexpr bool applies = true;
    static constexpr const auto& P = plan::gradient_plan<E, Vars>;
    decltype(plan::gather_all_numbers<T, P>(std::declval<const E&>())) numbers;

    constexpr bool usable() const { return true; }
    constexpr value_and_gradient_result<T, Vars::size> operator()(const std::array<T, Vars::size>& x) {
        T r[P.size]{};
        plan::run<T, P>(r, x.data(), numbers.view());
        const int* outputs = P.outputs.data();
        value_and_gradient_result<T, Vars::size> e;
        e.value = r[outputs[0]];
        T* g = e.gradient.data();
        for (std::size_t c = 0; c < Vars::size; ++c) g[c] = r[outputs[1 + c]];
        return e;
    }
};
// The sums over samples of a loss's value and gradient (fit's batches, a mean's samples).
template <class T, class Vars, class L, class D>
struct repeated_sample_sums {
    static constexpr bool applies = true;
    plan::constant_sample_sums<T, Vars, L, D> sums_of;

    constexpr bool usable() const { return !sums_of.data.parallel.parallel(); }  // (blocks sum in another order)
    // sums[0] the value, sums[1 + c] partial c, at parameters x, over samples
    // order[k] (k < count; order null: k).
    constexpr void sum(const std::array<T, Vars::size>& x, std::size_t count, const std::size_t* order, T* sums) {
        for (std::size_t c = 0; c < Vars::size; ++c) sums_of.inputs[c] = x.data()[c];
        sums_of.sum(count, order, sums);
    }
};
template <class T, class Vars, class L, class D, class Env>
constexpr auto repeated_sums(const L& loss, const D& data, const Env& env) {
    if constexpr (!std::is_floating_point_v<T>) {
        return no_repeated_evaluation{};
    } else {
        using sums_type = plan::constant_sample_sums<T, Vars, L, D>;
        if constexpr (sums_type::P.means > 0 || sums_type::outer_extras)
            return no_repeated_evaluation{};
        else
            return repeated_sample_sums<T, Vars, L, D>{
                sums_type(loss, data, env, std::type_identity<sample_environment<Env, D>>{})};
    }
}
template <class Sums>
struct repeated_mean_evaluation {
    static constexpr bool applies = true;
    Sums sums;

    constexpr bool usable() const { return sums.usable(); }
    template <class T, std::size_t N>
    constexpr value_and_gradient_result<T, N> operator()(const std::array<T, N>& x) {
        const std::size_t samples = sums.sums_of.data.size;
        T total[N + 1];
        sums.sum(x, samples, nullptr, total);
        const T m = T(samples);
        value_and_gradient_result<T, N> e;
        e.value = total[0] / m;
        T* g = e.gradient.data();
        for (std::size_t c = 0; c < N; ++c) g[c] = total[1 + c] / m;
        return e;
    }
};
template <class T, class Vars, class E, class Env>
constexpr auto repeated_evaluation(const E& f, const Env& env) {
    if constexpr (!std::is_floating_point_v<T>) {
        return no_repeated_evaluation{};
    } else if constexpr (is_top_level_mean<E, Vars>()) {
        auto sums = repeated_sums<T, Vars>(f.loss, f.data, env);
        if constexpr (!decltype(sums)::applies)
            return no_repeated_evaluation{};
        else
            return repeated_mean_evaluation<decltype(sums)>{sums};
    } else if constexpr (plan::gradient_plan<E, Vars>.extras > 0 || plan::gradient_plan<E, Vars>.means > 0) {
        return no_repeated_evaluation{};
    } else {
        return repeated_plan_evaluation<T, Vars, E>{plan::gather_all_numbers<T, plan::gradient_plan<E, Vars>>(f)};
    }
}

}  // namespace detail

template <class E, class Vars>
struct value_and_gradient_function {
    E f;

    template <class... Sources>
    LEIBNIZ_INLINE constexpr auto operator()(const Sources&... sources) const {
        return detail::with_bindings<E>(
            [&]<class T>(std::type_identity<T>, const auto& env) LEIBNIZ_INLINE {
                if constexpr (detail::no_environment<decltype(env)>) {
                    return value_and_gradient_result<T, Vars::size>{};
                } else {
                    return detail::value_and_gradient_of<T, Vars>(f, env);
                }
            },
            sources...);
    }
};

template <class E, class Vars>
struct gradient_function {
    E f;

    template <class... Sources>
    LEIBNIZ_INLINE constexpr auto operator()(const Sources&... sources) const {
        return detail::with_bindings<E>(
            [&]<class T>(std::type_identity<T>, const auto& env) LEIBNIZ_INLINE {
                if constexpr (detail::no_environment<decltype(env)>) {
                    return std::array<T, Vars::size>{};
                } else {
                    return detail::value_and_gradient_of<T, Vars>(f, env).gradient;
                }
            },
            sources...);
    }
};

template <class E, class Vars>
struct value_gradient_hessian_function {
    E f;

    template <class... Sources>
    LEIBNIZ_INLINE constexpr auto operator()(const Sources&... sources) const {
        return detail::with_bindings<E>(
            [&]<class T>(std::type_identity<T>, const auto& env) LEIBNIZ_INLINE {
                if constexpr (detail::no_environment<decltype(env)>) {
                    return value_gradient_hessian_result<T, Vars::size>{};
                } else {
                    value_gradient_hessian_result<T, Vars::size> r;  // every element written by the plan
                    detail::plan::hessian_of<T, Vars, true>(f, env, &r.value, &r.gradient, r.hessian);
                    return r;
                }
            },
            sources...);
    }
};

template <class E, class Vars>
struct hessian_function {
    E f;

    template <class... Sources>
    LEIBNIZ_INLINE constexpr auto operator()(const Sources&... sources) const {
        return detail::with_bindings<E>(
            [&]<class T>(std::type_identity<T>, const auto& env) LEIBNIZ_INLINE {
                if constexpr (detail::no_environment<decltype(env)>) {
                    return std::array<std::array<T, Vars::size>, Vars::size>{};
                } else {
                    std::array<std::array<T, Vars::size>, Vars::size> h;  // every element written by the plan
                    detail::plan::hessian_of<T, Vars, false>(f, env, static_cast<T*>(nullptr),
                                                             static_cast<std::array<T, Vars::size>*>(nullptr), h);
                    return h;
                }
            },
            sources...);
    }
};

// gradient(f, x, y, xs...): a callable; gradient(f, x, y)(x = 1.0, y = 2.0) is a std::array.
template <Expression E, class... Vars>
constexpr auto gradient(const E& f, Vars...) {
    detail::check_differentiation_variables<std::remove_cvref_t<Vars>...>();
    return gradient_function<E, detail::flattened_variables<Vars...>>{f};
}

// hessian(f, x, y, xs...): a callable returning the symmetric matrix of second partials.
template <Expression E, class... Vars>
constexpr auto hessian(const E& f, Vars...) {
    detail::check_differentiation_variables<std::remove_cvref_t<Vars>...>();
    return hessian_function<E, detail::flattened_variables<Vars...>>{f};
}

// value_and_gradient(f, x, y)(x = 1.0, y = 2.0): .value and .gradient (structured bindings work).
template <Expression E, class... Vars>
constexpr auto value_and_gradient(const E& f, Vars...) {
    detail::check_differentiation_variables<std::remove_cvref_t<Vars>...>();
    return value_and_gradient_function<E, detail::flattened_variables<Vars...>>{f};
}

// value_gradient_hessian(f, x, y)(x = 1.0, y = 2.0): .value, .gradient and .hessian.
template <Expression E, class... Vars>
constexpr auto value_gradient_hessian(const E& f, Vars...) {
    detail::check_differentiation_variables<std::remove_cvref_t<Vars>...>();
    return value_gradient_hessian_function<E, detail::flattened_variables<Vars...>>{f};
}

}  // namespace leibniz

// gradient(f, x, y, xs...) and hessian(f, x, y, xs...): callables returning
// std::array<T, n> and std::array<std::array<T, n>, n>; value_and_gradient and
// value_gradient_hessian return the value with them. The partial derivatives
// are symbolic expressions built once, when the callable is made.
#pragma once

#include <leibniz/differentiation/d.hpp>
#include <leibniz/differentiation/variables.hpp>
#include <leibniz/evaluation/evaluate.hpp>

#include <array>
#include <cstddef>
#include <tuple>
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
    if constexpr (((Variable<Args> || VariablePack<Args>) && ...))
        static_assert(all_distinct(flattened_variables<Args...>{}),
                      "leibniz: gradient/hessian(f, ...): a variable is named twice");
}

template <class E, class... V>
constexpr auto partials(const E& f, variable_pack<V...>) {
    return std::tuple{derive(f, V{})...};
}

// Upper triangle of second partials, row by row: (0,0) (0,1) ... (0,n-1) (1,1) ...
template <class Gradient, class... V>
constexpr auto second_partials(const Gradient& g, variable_pack<V...>) {
    constexpr std::size_t n = sizeof...(V);
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
        auto row = [&]<std::size_t R>(std::integral_constant<std::size_t, R>) {
            return [&]<std::size_t... C>(std::index_sequence<C...>) {
                return std::tuple{derive(std::get<R>(g), std::tuple_element_t<R + C, std::tuple<V...>>{})...};
            }(std::make_index_sequence<n - R>{});
        };
        return std::tuple_cat(row(std::integral_constant<std::size_t, I>{})...);
    }(std::make_index_sequence<n>{});
}

constexpr std::size_t triangle_index(std::size_t n, std::size_t i, std::size_t j) {  // i <= j
    return i * n - i * (i - 1) / 2 + (j - i);
}

template <class T, class Tuple, class Env>
constexpr auto evaluate_all(const Tuple& t, const Env& env) {
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
        return std::array<T, sizeof...(I)>{evaluate<T>(std::get<I>(t), env)...};
    }(std::make_index_sequence<std::tuple_size_v<Tuple>>{});
}

template <class T, std::size_t N, class Flat>
constexpr std::array<std::array<T, N>, N> unpack_triangle(const Flat& flat) {
    std::array<std::array<T, N>, N> h{};
    for (std::size_t i = 0; i < N; ++i)
        for (std::size_t j = i; j < N; ++j) h[i][j] = h[j][i] = flat[triangle_index(N, i, j)];
    return h;
}

// What every derivative callable shares: f, its variables, its partials.
template <class E, class Vars>
struct gradient_data {
    E f;
    decltype(partials(std::declval<E>(), Vars{})) first;
    static constexpr std::size_t size = Vars::size;

    // Runs `body(env)` with T the scalar type, after checking the bindings against f.
    template <class Body, class... Sources>
    static constexpr auto with_environment(Body body, const Sources&... sources) {
        using T = typename scalar_of<Sources...>::type;
        if constexpr (check_sources<Sources...>() && check_bindings<E, Sources...>())
            return body(std::type_identity<T>{}, environment<Sources...>{{sources...}});
        else
            return body(std::type_identity<T>{}, nullptr);
    }
};

template <class E, class Vars>
struct hessian_data : gradient_data<E, Vars> {
    decltype(second_partials(std::declval<decltype(gradient_data<E, Vars>::first)>(), Vars{})) second;
};

template <class E, class Vars>
constexpr auto make_gradient_data(const E& f) {
    return gradient_data<E, Vars>{f, partials(f, Vars{})};
}
template <class E, class Vars>
constexpr auto make_hessian_data(const E& f) {
    auto g = make_gradient_data<E, Vars>(f);
    return hessian_data<E, Vars>{g, second_partials(g.first, Vars{})};
}

}  // namespace detail

template <class E, class Vars>
struct gradient_function : detail::gradient_data<E, Vars> {
    template <class... Sources>
    constexpr auto operator()(const Sources&... sources) const {
        return this->with_environment(
            [&]<class T>(std::type_identity<T>, const auto& env) {
                if constexpr (std::is_same_v<std::remove_cvref_t<decltype(env)>, std::nullptr_t>)
                    return std::array<T, Vars::size>{};
                else
                    return detail::evaluate_all<T>(this->first, env);
            },
            sources...);
    }
};

template <class E, class Vars>
struct hessian_function : detail::hessian_data<E, Vars> {
    template <class... Sources>
    constexpr auto operator()(const Sources&... sources) const {
        return this->with_environment(
            [&]<class T>(std::type_identity<T>, const auto& env) {
                if constexpr (std::is_same_v<std::remove_cvref_t<decltype(env)>, std::nullptr_t>)
                    return std::array<std::array<T, Vars::size>, Vars::size>{};
                else
                    return detail::unpack_triangle<T, Vars::size>(detail::evaluate_all<T>(this->second, env));
            },
            sources...);
    }
};

template <class E, class Vars>
struct value_and_gradient_function : detail::gradient_data<E, Vars> {
    template <class... Sources>
    constexpr auto operator()(const Sources&... sources) const {
        return this->with_environment(
            [&]<class T>(std::type_identity<T>, const auto& env) {
                if constexpr (std::is_same_v<std::remove_cvref_t<decltype(env)>, std::nullptr_t>)
                    return value_and_gradient_result<T, Vars::size>{};
                else
                    return value_and_gradient_result<T, Vars::size>{detail::evaluate<T>(this->f, env),
                                                                   detail::evaluate_all<T>(this->first, env)};
            },
            sources...);
    }
};

template <class E, class Vars>
struct value_gradient_hessian_function : detail::hessian_data<E, Vars> {
    template <class... Sources>
    constexpr auto operator()(const Sources&... sources) const {
        return this->with_environment(
            [&]<class T>(std::type_identity<T>, const auto& env) {
                if constexpr (std::is_same_v<std::remove_cvref_t<decltype(env)>, std::nullptr_t>)
                    return value_gradient_hessian_result<T, Vars::size>{};
                else
                    return value_gradient_hessian_result<T, Vars::size>{
                        detail::evaluate<T>(this->f, env), detail::evaluate_all<T>(this->first, env),
                        detail::unpack_triangle<T, Vars::size>(detail::evaluate_all<T>(this->second, env))};
            },
            sources...);
    }
};

// gradient(f, x, y, xs...): a callable; gradient(f, x, y)(x = 1.0, y = 2.0) is a std::array.
template <Expression E, class... Vars>
constexpr auto gradient(const E& f, Vars...) {
    detail::check_differentiation_variables<std::remove_cvref_t<Vars>...>();
    using V = detail::flattened_variables<Vars...>;
    return gradient_function<E, V>{detail::make_gradient_data<E, V>(f)};
}

// hessian(f, x, y, xs...): a callable returning the symmetric matrix of second partials.
template <Expression E, class... Vars>
constexpr auto hessian(const E& f, Vars...) {
    detail::check_differentiation_variables<std::remove_cvref_t<Vars>...>();
    using V = detail::flattened_variables<Vars...>;
    return hessian_function<E, V>{detail::make_hessian_data<E, V>(f)};
}

// value_and_gradient(f, x, y)(x = 1.0, y = 2.0): .value and .gradient (structured bindings work).
template <Expression E, class... Vars>
constexpr auto value_and_gradient(const E& f, Vars...) {
    detail::check_differentiation_variables<std::remove_cvref_t<Vars>...>();
    using V = detail::flattened_variables<Vars...>;
    return value_and_gradient_function<E, V>{detail::make_gradient_data<E, V>(f)};
}

// value_gradient_hessian(f, x, y)(x = 1.0, y = 2.0): .value, .gradient and .hessian.
template <Expression E, class... Vars>
constexpr auto value_gradient_hessian(const E& f, Vars...) {
    detail::check_differentiation_variables<std::remove_cvref_t<Vars>...>();
    using V = detail::flattened_variables<Vars...>;
    return value_gradient_hessian_function<E, V>{detail::make_hessian_data<E, V>(f)};
}

}  // namespace leibniz

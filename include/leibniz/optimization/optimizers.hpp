// The optimisers: aggregates with designated initialisers, members in the
// order listed, PyTorch's update rules (g the gradient, every operation per
// coordinate). Each has a state made by start<T, N>() and an update that
// moves x one step. The Newton step is in newton.hpp.
#pragma once

#include <leibniz/evaluation/math.hpp>

#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

namespace leibniz {

namespace detail {
struct no_state {};
}  // namespace detail

// x -= learning_rate·g
struct gradient_descent {
    double learning_rate = 1e-2;

    template <class T, std::size_t N>
    constexpr detail::no_state start() const { return {}; }
    template <class T, std::size_t N>
    constexpr void update(detail::no_state&, std::array<T, N>& x, const std::array<T, N>& g, std::size_t) const {
        for (std::size_t i = 0; i < N; ++i) x[i] = x[i] - T(learning_rate) * g[i];
    }
};

// x -= step·sign(g): a fixed step in the downhill direction of each coordinate.
struct sign_descent {
    double step = 1e-2;

    template <class T, std::size_t N>
    constexpr detail::no_state start() const { return {}; }
    template <class T, std::size_t N>
    constexpr void update(detail::no_state&, std::array<T, N>& x, const std::array<T, N>& g, std::size_t) const {
        for (std::size_t i = 0; i < N; ++i) x[i] = x[i] - T(step) * detail::math::sign(g[i]);
    }
};

// v = momentum·v + g; x -= learning_rate·v (Nesterov: x -= learning_rate·(g + momentum·v)).
struct momentum {
    double learning_rate = 1e-2;
    double momentum = 0.9;
    bool nesterov = false;

    template <class T, std::size_t N>
    constexpr std::array<T, N> start() const { return {}; }
    template <class T, std::size_t N>
    constexpr void update(std::array<T, N>& v, std::array<T, N>& x, const std::array<T, N>& g, std::size_t) const {
        for (std::size_t i = 0; i < N; ++i) {
            v[i] = T(momentum) * v[i] + g[i];
            x[i] = x[i] - T(learning_rate) * (nesterov ? g[i] + T(momentum) * v[i] : v[i]);
        }
    }
};

// s += g²; x -= learning_rate·g/(√s + epsilon)
struct adagrad {
    double learning_rate = 1e-2;
    double epsilon = 1e-10;

    template <class T, std::size_t N>
    constexpr std::array<T, N> start() const { return {}; }
    template <class T, std::size_t N>
    constexpr void update(std::array<T, N>& s, std::array<T, N>& x, const std::array<T, N>& g, std::size_t) const {
        for (std::size_t i = 0; i < N; ++i) {
            s[i] = s[i] + g[i] * g[i];
            x[i] = x[i] - T(learning_rate) * g[i] / (detail::math::sqrt(s[i]) + T(epsilon));
        }
    }
};

// s = alpha·s + (1 − alpha)·g²; x -= learning_rate·g/(√s + epsilon)
struct rmsprop {
    double learning_rate = 1e-2;
    double alpha = 0.99;
    double epsilon = 1e-8;

    template <class T, std::size_t N>
    constexpr std::array<T, N> start() const { return {}; }
    template <class T, std::size_t N>
    constexpr void update(std::array<T, N>& s, std::array<T, N>& x, const std::array<T, N>& g, std::size_t) const {
        for (std::size_t i = 0; i < N; ++i) {
            s[i] = T(alpha) * s[i] + (1 - T(alpha)) * g[i] * g[i];
            x[i] = x[i] - T(learning_rate) * g[i] / (detail::math::sqrt(s[i]) + T(epsilon));
        }
    }
};

// m = beta1·m + (1 − beta1)·g; v = beta2·v + (1 − beta2)·g²;
// x -= learning_rate·m̂/(√v̂ + epsilon), m̂ = m/(1 − beta1^t), v̂ = v/(1 − beta2^t).
struct adam {
    double learning_rate = 1e-3;
    double beta1 = 0.9;
    double beta2 = 0.999;
    double epsilon = 1e-8;

    template <class T, std::size_t N>
    struct state {
        std::array<T, N> m{}, v{};
        T beta1_t = 1, beta2_t = 1;  // beta1^t, beta2^t, kept as running products
    };
    template <class T, std::size_t N>
    constexpr state<T, N> start() const { return {}; }
    template <class T, std::size_t N>
    constexpr void update(state<T, N>& st, std::array<T, N>& x, const std::array<T, N>& g, std::size_t) const {
        st.beta1_t = st.beta1_t * T(beta1);
        st.beta2_t = st.beta2_t * T(beta2);
        const T correction1 = 1 - st.beta1_t, correction2 = 1 - st.beta2_t;
        for (std::size_t i = 0; i < N; ++i) {
            st.m[i] = T(beta1) * st.m[i] + (1 - T(beta1)) * g[i];
            st.v[i] = T(beta2) * st.v[i] + (1 - T(beta2)) * g[i] * g[i];
            x[i] = x[i] - T(learning_rate) * (st.m[i] / correction1) /
                              (detail::math::sqrt(st.v[i] / correction2) + T(epsilon));
        }
    }
};

// A first-order optimiser: start<T, N>() makes its state, update(state, x,
// g, k) takes step k. The six above are; one of your own that keeps to this
// protocol works with minimize and fit too.
// (The state is a parameter of the one requires-expression: nvcc's front end
// crashes on a nested requires-expression naming an outer parameter.)
template <class O>
concept FirstOrderOptimizer =
    requires(const O& o, std::array<double, 1>& x, const std::array<double, 1>& g,
             std::remove_cvref_t<decltype(std::declval<const O&>().template start<double, 1>())>& state) {
        o.template start<double, 1>();
        o.update(state, x, g, std::size_t{1});
    };

}  // namespace leibniz

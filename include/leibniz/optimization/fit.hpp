// fit(loss, point(...), data(...), optimizer, batches{...}): mini-batch
// stochastic descent. Each epoch visits the samples in an order shuffled
// from .seed (deterministic); each batch of .size samples averages the
// per-sample gradients (the loss's plan per sample) and takes one step of
// the optimiser. A .size larger than the data set is a full batch; .decay
// divides the learning rate by (1 + decay·epoch). An optional observer
// receives an epoch_end{epoch, iterations, point, value} after every epoch
// (value: the mean loss over all the data, computed only for an observer).
#pragma once

#include <leibniz/data/mean.hpp>
#include <leibniz/optimization/minimize.hpp>

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <type_traits>

namespace leibniz {

struct batches {
    std::size_t size = 32;
    std::size_t epochs = 1;
    std::uint64_t seed = 0;
    double decay = 0;
};

// What an observer of fit receives after each epoch.
template <class Point>
struct epoch_end {
    std::size_t epoch;       // 1 for the first
    std::size_t iterations;  // update steps so far
    const Point& point;
    typename Point::value_type value;  // the mean loss over all the data at point
};

namespace error {
// fit: the loss has a variable that is neither a parameter in the start point
// nor a column of the data. Fix: add it to one of them, as in
// data(x = xs, y = ys) or point(t1 = 0.0, t2 = 0.0).
template <class Variable>
struct neither_the_start_point_nor_the_data_gives_a_value_for;

// fit: none of the start point's variables occurs in the loss, so there is
// nothing to fit. Fix: start from the loss's parameters.
template <class... Variables>
struct the_loss_depends_on_no_variable_of_the_start_point;
}  // namespace error

namespace detail {

inline void fit_needs_at_least_one_sample() {}

// The visiting order of the samples. (Not a std::vector: Clang 14 rejects
// libstdc++ 12's vector in constant expressions.)
struct sample_order {
    std::size_t* indices;
    constexpr explicit sample_order(std::size_t m) : indices(new std::size_t[m]) {
        for (std::size_t i = 0; i < m; ++i) indices[i] = i;
    }
    sample_order(const sample_order&) = delete;
    sample_order& operator=(const sample_order&) = delete;
    constexpr ~sample_order() { delete[] indices; }
    constexpr std::size_t& operator[](std::size_t i) { return indices[i]; }
};

// SplitMix64: a small deterministic generator, the same on every platform.
struct splitmix64 {
    std::uint64_t state;
    constexpr std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
};

// The optimiser with its step size scaled (for a decaying schedule).
template <class Optimizer>
constexpr Optimizer scaled_step(Optimizer o, double factor) {
    if constexpr (requires { o.learning_rate; })
        o.learning_rate *= factor;
    else if constexpr (requires { o.step; })
        o.step *= factor;
    return o;
}

}  // namespace detail

template <Expression Loss, class T, class... V, class... Columns, class Optimizer,
          class Observer = detail::no_observer>
constexpr result<point<T, variable_pack<V...>>> fit(const Loss& loss, const point<T, variable_pack<V...>>& start,
                                                    const detail::data_set<Columns...>& data, const Optimizer& optimizer,
                                                    const batches& schedule = {}, Observer observe = {}) {
    using Point = point<T, variable_pack<V...>>;
    using Data = detail::data_set<Columns...>;
    using Vars = variable_pack<V...>;
    constexpr std::size_t n = sizeof...(V);
    using missing = typename detail::first_unbound<Loss, detail::sample_environment<detail::environment<Point>, Data>>::type;
    if constexpr (std::is_same_v<Optimizer, newton>) {
        static_assert(!std::is_same_v<Optimizer, newton>,
                      "leibniz: fit(...) takes first-order optimisers; for Newton's method minimize mean(loss, data)");
        return {start};
    } else if constexpr (std::is_same_v<Optimizer, lbfgs>) {
        static_assert(!std::is_same_v<Optimizer, lbfgs>,
                      "leibniz: fit(...) takes first-order optimisers; L-BFGS needs the whole loss at trial points of "
                      "its line search: minimize mean(loss, data) with lbfgs{} instead");
        return {start};
    } else if constexpr (std::is_same_v<Optimizer, levenberg_marquardt>) {
        static_assert(!std::is_same_v<Optimizer, levenberg_marquardt>,
                      "leibniz: fit(...) takes first-order optimisers; for Levenberg-Marquardt minimize "
                      "squares(residual, data) with levenberg_marquardt{}");
        return {start};
    } else if constexpr (!FirstOrderOptimizer<Optimizer>) {
        static_assert(FirstOrderOptimizer<Optimizer>,
                      "leibniz: fit(loss, start, data, optimizer, ...): the fourth argument is not an optimiser; use "
                      "gradient_descent{}, sign_descent{}, momentum{}, adagrad{}, rmsprop{} or adam{}");
        return {start};
    } else if constexpr (!std::is_void_v<missing>) {
        using reported [[maybe_unused]] = detail::report<error::neither_the_start_point_nor_the_data_gives_a_value_for<missing>>;
        return {start};
    } else if constexpr (!detail::any_true<detail::depends_on<V, Loss>::value...>) {
        using reported [[maybe_unused]] = detail::report<error::the_loss_depends_on_no_variable_of_the_start_point<V...>>;
        return {start};
    } else {
        const std::size_t m = data.size;
        if (m == 0) {
            if (std::is_constant_evaluated()) detail::fit_needs_at_least_one_sample();
            throw std::invalid_argument("leibniz::fit: the data set has no samples");
        }
        result<Point> r{start};
        const detail::environment<Point> at_point{{{r.point}}};
        auto state = optimizer.template start<T, n>();
        detail::sample_order order(m);
        detail::splitmix64 random{schedule.seed};
        const std::size_t size = schedule.size == 0 ? 1 : (schedule.size < m ? schedule.size : m);
        // (A parameter the data also binds reads the data: its partial is 0, as in mean(loss, data).)
        using LossVars = detail::plan::loss_variables<Vars, Data>;
        using SampleEnv = detail::sample_environment<detail::environment<Point>, Data>;
        [[maybe_unused]] auto repeated = detail::repeated_sums<T, LossVars>(loss, data, at_point);  // (constant evaluation)
        r.status = status::max_iterations;
        for (std::size_t epoch = 0; epoch < schedule.epochs; ++epoch) {
            for (std::size_t i = m; i > 1; --i) {  // Fisher-Yates
                const std::size_t j = static_cast<std::size_t>(random.next() % i);
                const std::size_t t = order[i - 1];
                order[i - 1] = order[j];
                order[j] = t;
            }
            const Optimizer step = detail::scaled_step(optimizer, 1 / (1 + schedule.decay * static_cast<double>(epoch)));
            for (std::size_t first = 0; first < m; first += size) {
                const std::size_t last = first + size < m ? first + size : m;
                // The batch's samples through the loss's plan in one pass (sample
                // order, or parallel{}'s blocks: the same bits for any thread count).
                std::array<T, n> g{};
                [&] {
                    if constexpr (decltype(repeated)::applies) {
                        if (std::is_constant_evaluated() && repeated.usable()) {
                            T sums[n + 1];
                            repeated.sum(r.point.values, last - first, &order[first], sums);
                            for (std::size_t c = 0; c < n; ++c) g.data()[c] = sums[1 + c];
                            return;
                        }
                    }
                    T value{};
                    detail::plan::sum_over_samples<T, LossVars, Loss, Data, detail::environment<Point>, SampleEnv>(
                        loss, data, at_point, value, g, last - first, detail::plan::listed_samples{&order[first]});
                }();
                for (std::size_t c = 0; c < n; ++c) g[c] = g[c] / T(last - first);
                if (!detail::all_finite(g)) {
                    r.status = status::diverged;
                    r.value = mean(loss, data)(r.point);
                    return r;
                }
                step.update(state, r.point.values, g, r.iterations + 1);
                ++r.iterations;
                if (!detail::all_finite(r.point.values)) {
                    r.status = status::diverged;
                    r.value = mean(loss, data)(r.point);
                    return r;
                }
            }
            if constexpr (!std::is_same_v<Observer, detail::no_observer>)
                observe(epoch_end<Point>{epoch + 1, r.iterations, r.point, mean(loss, data)(r.point)});
        }
        r.value = mean(loss, data)(r.point);
        return r;
    }
}

}  // namespace leibniz

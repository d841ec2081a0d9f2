// The value and the gradient of an expression through its plan: the bindings
// are first normalised into one array of input values (the differentiation
// variables in their order, then the other variables' occurrences), so the
// code that runs depends on the expression, the variables and the scalar type
// only, never on how the point was bound.
#pragma once

#include <leibniz/config.hpp>
#include <leibniz/data/blocked_sum.hpp>
#include <leibniz/plan/execute.hpp>
#include <leibniz/plan/gradient.hpp>
#include <leibniz/plan/lower.hpp>

#include <array>
#include <cstddef>
#include <type_traits>

namespace leibniz::detail {
template <class Env, class Data>
struct sample_environment;  // data/mean.hpp
template <class... Columns>
struct data_set;  // data/mean.hpp
}  // namespace leibniz::detail

namespace leibniz::detail::plan {

template <const auto& Plan, std::size_t N>
inline constexpr std::array<bool, N> inputs_used = [] {
    std::array<bool, N> used{};
    for (const instruction& in : Plan.code)
        if (in.code == op::input && static_cast<std::size_t>(in.a) < N) used[static_cast<std::size_t>(in.a)] = true;
    return used;
}();
// One entry, as a scalar constant (nvcc reads a namespace-scope constexpr
// array as run-time storage in device code, even in `if constexpr`).
template <const auto& Plan, std::size_t N, std::size_t I>
inline constexpr bool input_used = inputs_used<Plan, N>[I];

// Which of the n inputs the plan reads, as a type.
template <const auto& Plan, std::size_t N, class Indices = std::make_index_sequence<N>>
struct inputs_read;
template <const auto& Plan, std::size_t N, std::size_t... I>
struct inputs_read<Plan, N, std::index_sequence<I...>> {
    using type = std::integer_sequence<bool, input_used<Plan, N, I>...>;
};

// The value of variable V, where the plan reads it (an unread variable need
// not be bound).
template <bool Read, class V, class T, class Env>
LEIBNIZ_INLINE constexpr T input_value(const Env& env) {
    if constexpr (Read)
        return env.template get<V, T>();
    else
        return T{};
}

// The differentiation variables' values. A function of the variables and the
// bindings only, not of the plan: a lambda per variable inside a function
// that names the plan, and so the expression's whole type, gave n functions
// whose names are as long as the expression (80 KB each for a 64-variable
// Rosenbrock function; Clang's unit 5.2 -> 4.3 s, GCC's no faster).
template <class T, class... V, bool... Read, std::size_t... I, class Env>
LEIBNIZ_INLINE constexpr void gather_variables(variable_pack<V...>, std::integer_sequence<bool, Read...>,
                                               std::index_sequence<I...>, [[maybe_unused]] const Env& env,
                                               [[maybe_unused]] T* inputs) {  // (none for no variables)
    in_order{(inputs[I] = input_value<Read, V, T>(env), 0)...};
}

// The input values: Vars from the bindings, then the other variables'
// occurrences in the expressions Nodes (in the order they were lowered).
template <class T, const auto& Plan, class Vars, bool WithExtras, class... Nodes, class Env>
LEIBNIZ_INLINE constexpr auto gather_inputs_of(const Env& env) {
    constexpr std::size_t n = Vars::size;
    constexpr std::size_t extras = static_cast<std::size_t>(Plan.extras);
    std::array<T, (n + extras > 0 ? n + extras : 1)> inputs{};
    gather_variables(Vars{}, typename inputs_read<Plan, n>::type{}, std::make_index_sequence<n>{}, env, inputs.data());
    if constexpr (WithExtras && extras > 0) {
        T* out = inputs.data() + n;
        in_order{(gather_extras<Vars, T>(walk{}, static_cast<const Nodes*>(nullptr), env, out), 0)...};
    }
    return inputs;
}
template <class T, const auto& Plan, class Vars, class E, bool WithExtras = true, class Env>
LEIBNIZ_INLINE constexpr auto gather_inputs(const Env& env) {
    return gather_inputs_of<T, Plan, Vars, WithExtras, E>(env);
}

// Does the plan read a stored number's exactness (an exponent p: integer or not)?
template <const auto& Plan>
inline constexpr bool reads_exact_numbers = [] {
    for (const instruction& in : Plan.code)
        if (in.code == op::real_pow || in.code == op::real_coefficient) return true;
    return false;
}();

template <class T, std::size_t N, bool Exact>
struct gathered_numbers {
    T values[N];
    const number* exact[Exact ? N : 1];
    constexpr numbers_view<T> view() const { return {values, exact}; }
};

template <class T, const auto& Plan, class... E>
LEIBNIZ_INLINE constexpr auto gather_all_numbers(const E&... expressions) {
    constexpr std::size_t n = Plan.numbers > 0 ? static_cast<std::size_t>(Plan.numbers) : 1;
    constexpr bool exact = reads_exact_numbers<Plan>;
    gathered_numbers<T, n, exact> numbers{};
    number_sink<T, exact> sink{numbers.values, numbers.exact};
    in_order{(gather_numbers(walk{}, expressions, sink), 0)...};
    return numbers;
}

// out[I] = r[Plan.outputs[First + I]] for I < N, every index a compile-time
// constant (a register read at an index known only at run time keeps every
// register in memory), in blocks of folds: one function per block, not one
// per element (Clang expands at most 256 operands in one fold).
template <const auto& Plan, std::size_t First, std::size_t Base, class T, class Out, std::size_t... I>
LEIBNIZ_INLINE constexpr void copy_outputs_block(std::index_sequence<I...>, const T* r, Out& out) {
    ((out[Base + I] = r[Plan.outputs[First + Base + I]]), ...);
}
template <const auto& Plan, std::size_t First, std::size_t N, class T, class Out, std::size_t... B>
LEIBNIZ_INLINE constexpr void copy_outputs_blocks(std::index_sequence<B...>, const T* r, Out& out) {
    (copy_outputs_block<Plan, First, B * block_size>(
         std::make_index_sequence<(N - B * block_size < block_size ? N - B * block_size : block_size)>{}, r, out),
     ...);
}
template <const auto& Plan, std::size_t First, std::size_t N, class T, class Out>
LEIBNIZ_INLINE constexpr void copy_outputs(const T* r, Out& out) {
    copy_outputs_blocks<Plan, First, N>(std::make_index_sequence<(N + block_size - 1) / block_size>{}, r, out);
}

// ---- means over samples (defined at the end) ----------------------------------

template <class Vars, bool Second, class Env, class... Roots>
struct mean_runner;
// The runner of Plan's means (none when it has none).
template <const auto& Plan, class Vars, bool Second, class Env, class... Roots>
constexpr auto means_of(const Env& env, const Roots&... roots);

// Runs the plan on gathered inputs and numbers.
template <class T, class Vars, class E, class Means = no_means>
LEIBNIZ_INLINE constexpr void run_gradient_plan(const T* inputs, numbers_view<T> numbers, T& value,
                                                std::array<T, Vars::size>& gradient, const Means& means = {}) {
    constexpr const auto& P = gradient_plan<E, Vars>;
    registers<T, P.size, P.has_guards> registers_of_plan;
    T* r = registers_of_plan.data;
    run<T, P>(r, inputs, numbers, means);
    value = r[P.outputs[0]];
    copy_outputs<P, 1, Vars::size>(r, gradient);
}

template <class T, class Vars, class E, class Env>
LEIBNIZ_FLATTEN LEIBNIZ_INLINE constexpr void value_and_gradient(const E& f, const Env& env, T& value, std::array<T, Vars::size>& gradient) {
    constexpr const auto& P = gradient_plan<E, Vars>;
    const auto inputs = gather_inputs<T, P, Vars, E>(env);
    const auto numbers = gather_all_numbers<T, P>(f);
    run_gradient_plan<T, Vars, E>(inputs.data(), numbers.view(), value, gradient, means_of<P, Vars, false>(env, f));
}

// One sample's value and gradient; the loss's own means (if any) over the sample's bindings.
template <class T, class Vars, class L, int Means, class SampleEnv, class Env, class Data>
LEIBNIZ_INLINE constexpr void run_sample(const T* inputs, numbers_view<T> numbers, T& value,
                                         std::array<T, Vars::size>& gradient, const L& loss, const Env& env,
                                         const Data& data, std::size_t i) {
    if constexpr (Means > 0) {
        const SampleEnv sample{env, data, i};
        run_gradient_plan<T, Vars, L>(inputs, numbers, value, gradient,
                                      mean_runner<Vars, false, SampleEnv, L>{&sample, {&loss}});
    } else {
        run_gradient_plan<T, Vars, L>(inputs, numbers, value, gradient);
    }
}

// The samples a sum visits: all of them in order, or the k-th of a list
// (fit's shuffled batches).
struct every_sample {
    constexpr std::size_t operator()(std::size_t k) const { return k; }
};
struct listed_samples {
    const std::size_t* order;
    constexpr std::size_t operator()(std::size_t k) const { return order[k]; }
};

// ---- constant evaluation of a sum over samples --------------------------------

// The column of Data each of a plan's other-variable slots reads (-1: a
// variable bound outside the data), found by the walk that gathers them.
template <class Data>
struct column_numbers {
    template <class V, class T>
    constexpr T get() const {
        if constexpr (Data::template binds<V>)
            return static_cast<T>(Data::template column<V>);
        else
            return T(-1);
    }
};
template <const auto& Plan, class Vars, class L, class Data>
inline constexpr auto extra_columns = [] {
    std::array<int, (Plan.extras > 0 ? Plan.extras : 1)> columns{};
    int* out = columns.data();
    gather_extras<Vars, int>(walk{}, static_cast<const L*>(nullptr), column_numbers<Data>{}, out);
    return columns;
}();
// The slots the data fills, and their columns, as constants (reading a
// constexpr std::array in a constant evaluation is a call; these are not).
template <const auto& Columns>
inline constexpr std::size_t data_slot_count = [] {
    std::size_t k = 0;
    for (int c : Columns) k += c >= 0 ? 1 : 0;
    return k;
}();
template <const auto& Columns>
inline constexpr auto data_slots = [] {
    std::array<std::size_t, (data_slot_count<Columns> > 0 ? data_slot_count<Columns> : 1)> slots{};
    std::size_t k = 0;
    for (std::size_t e = 0; e < Columns.size(); ++e)
        if (Columns[e] >= 0) slots[k++] = e;
    return slots;
}();
template <const auto& Columns, std::size_t J>
inline constexpr std::size_t data_slot = data_slots<Columns>[J];
template <const auto& Columns, std::size_t J>
inline constexpr std::size_t data_column = static_cast<std::size_t>(Columns[data_slots<Columns>[J]]);

// The columns' value type when they share one (the usual case: each sample
// is then read through a raw array of pointers, a column's values.data()
// taken once), else void (read through the columns themselves).
template <class Data>
struct shared_value_type {
    using type = void;
};
template <class First, class... Columns>
    requires(std::is_same_v<typename Columns::value_type, typename First::value_type> && ...)
struct shared_value_type<data_set<First, Columns...>> {
    using type = typename First::value_type;
};

template <const auto& Columns, class U, class Data, std::size_t... J>
constexpr void point_at_columns(std::index_sequence<J...>, const Data& data, const U** pointers) {
    ((pointers[J] = get<data_column<Columns, J>>(data.columns).values.data()), ...);
}
template <class T, const auto& Columns, class U, std::size_t... J>
constexpr void read_sample(std::index_sequence<J...>, const U* const* pointers, std::size_t i, T* extras) {
    ((extras[data_slot<Columns, J>] = static_cast<T>(pointers[J][i])), ...);
}
template <class T, const auto& Columns, class Data, std::size_t... J>
constexpr void read_sample_of_columns(std::index_sequence<J...>, const Data& data, std::size_t i, T* extras) {
    ((extras[data_slot<Columns, J>] = static_cast<T>(get<data_column<Columns, J>>(data.columns).values[i])), ...);
}

// The sums of sum_over_samples in constant evaluation, where each statement
// and call is a step of the compiler's budget (Clang: 2^20 by default): the
// numbers, the variables bound outside the data and the columns gathered once
// (and, in a descent, once for all its steps: repeated_value_and_gradient),
// each sample's data read straight from its columns into the inputs, the
// plan's loop, and raw arrays (std::array's operator[] is a call). The same
// operations in the same order as sum_over_samples' loop, so the same bits.
// (A loss with means of its own takes the general path.)
template <class T, class Vars, class L, class Data>
struct constant_sample_sums {
    static constexpr const auto& P = gradient_plan<L, Vars>;
    static constexpr std::size_t n = Vars::size;
    static constexpr const auto& columns = extra_columns<P, Vars, L, Data>;
    static constexpr std::size_t slot_count = data_slot_count<columns>;
    static constexpr bool outer_extras = static_cast<std::size_t>(P.extras) > slot_count;
    using slots = std::make_index_sequence<slot_count>;
    using U = typename shared_value_type<Data>::type;
    using pointer = const std::conditional_t<std::is_void_v<U>, char, U>*;

    const Data& data;
    decltype(gather_all_numbers<T, P>(std::declval<const L&>())) numbers;
    T inputs[n + P.extras > 0 ? n + P.extras : 1]{};  // the parameters, then each sample's other variables
    pointer pointers[slot_count > 0 ? slot_count : 1]{};

    // The parameters' values and any other variable the data does not bind
    // from env (SampleEnv: env with the data, for those).
    template <class SampleEnv, class Env>
    constexpr constant_sample_sums(const L& loss, const Data& d, const Env& env, std::type_identity<SampleEnv>)
        : data(d), numbers(gather_all_numbers<T, P>(loss)) {
        const auto gathered = gather_inputs<T, P, Vars, L, false>(env);
        for (std::size_t c = 0; c < n; ++c) inputs[c] = gathered[c];
        if constexpr (outer_extras) {
            if (data.size > 0) {  // the same for every sample
                T* out = inputs + n;
                gather_extras<Vars, T>(walk{}, static_cast<const L*>(nullptr), SampleEnv{env, data, 0}, out);
            }
        }
        if constexpr (!std::is_void_v<U>) point_at_columns<columns>(slots{}, data, pointers);
    }

    // sums[0] the value, sums[1 + c] partial c, over samples order[k] (k < count; order null: k).
    constexpr void sum(std::size_t count, const std::size_t* order, T* sums) {
        T r[P.size]{};
        const int* outputs = P.outputs.data();
        const instruction* code = P.code.data();
        const numbers_view<T> stored = numbers.view();
        for (std::size_t c = 0; c <= n; ++c) sums[c] = T(0);
        for (std::size_t k = 0; k < count; ++k) {
            if constexpr (!std::is_void_v<U>)
                read_sample<T, columns>(slots{}, pointers, order ? order[k] : k, inputs + n);
            else
                read_sample_of_columns<T, columns>(slots{}, data, order ? order[k] : k, inputs + n);
            if constexpr (P.structured())
                run<T, P>(r, inputs, stored);
            else  // (run_constant's loop, here: a call less per sample)
                for (std::size_t i = 0; i < P.size; ++i)
                    r[i] = LEIBNIZ_PLAN_CONSTANT_VALUE(T, code[i], r, inputs, stored, nullptr);
            for (std::size_t c = 0; c <= n; ++c) sums[c] = sums[c] + r[outputs[c]];
        }
    }
};

// The sum over the samples which(0), ..., which(count - 1) of a loss's value
// and gradient, in one pass: the numbers and the parameters gathered once,
// the data variables per sample.
template <class T, class Vars, class L, class Data, class Env, class SampleEnv, class Samples = every_sample>
LEIBNIZ_FLATTEN LEIBNIZ_INLINE constexpr void sum_over_samples(const L& loss, const Data& data, const Env& env, T& value,
                                                               std::array<T, Vars::size>& gradient,
                                                               std::size_t count, Samples which = {}) {
    constexpr const auto& P = gradient_plan<L, Vars>;
    if constexpr (std::is_floating_point_v<T> && P.means == 0) {
        if (std::is_constant_evaluated() && !data.parallel.parallel()) {
            constant_sample_sums<T, Vars, L, Data> sums_of(loss, data, env, std::type_identity<SampleEnv>{});
            T sums[Vars::size + 1];
            const std::size_t* order = nullptr;  // (every sample, in order)
            if constexpr (std::is_same_v<Samples, listed_samples>) order = which.order;
            sums_of.sum(count, order, sums);
            value = sums[0];
            for (std::size_t c = 0; c < Vars::size; ++c) gradient[c] = sums[1 + c];
            return;
        }
    }
    // (Vars are never data variables here: their values come from the outer bindings.)
    auto inputs = gather_inputs<T, P, Vars, L, false>(env);
    const auto numbers = gather_all_numbers<T, P>(loss);
    if (data.parallel.parallel()) {  // in blocks (data/blocked_sum.hpp), each sample with inputs of its own
        const auto total = blocked_sum<value_gradient_sum<T, Vars::size>>(
            count, data.parallel, [&](value_gradient_sum<T, Vars::size>& partial, std::size_t k) {
                const std::size_t i = which(k);
                auto own = inputs;
                if constexpr (P.extras > 0) {
                    T* out = own.data() + Vars::size;
                    gather_extras<Vars, T>(walk{}, static_cast<const L*>(nullptr), SampleEnv{env, data, i}, out);
                }
                T v{};
                std::array<T, Vars::size> g{};
                run_sample<T, Vars, L, P.means, SampleEnv>(own.data(), numbers.view(), v, g, loss, env, data, i);
                add_into(partial, value_gradient_sum<T, Vars::size>{v, g});
            });
        value = total.value;
        gradient = total.gradient;
        return;
    }
    // Each sample reads a copy of the inputs, and the sums are locals: the
    // branch above takes `inputs` by reference, and GCC kept it in memory,
    // storing every sample's data there (2.6x a hand-written loop's
    // instructions over 1000 samples of a squared error, which it vectorises).
    T value_sum = T(0);
    std::array<T, Vars::size> gradient_sum;
    for (T& g : gradient_sum) g = T(0);
    for (std::size_t k = 0; k < count; ++k) {
        const std::size_t i = which(k);
        auto own = inputs;
        if constexpr (P.extras > 0) {
            T* out = own.data() + Vars::size;
            gather_extras<Vars, T>(walk{}, static_cast<const L*>(nullptr), SampleEnv{env, data, i}, out);
        }
        T v{};
        std::array<T, Vars::size> g{};
        run_sample<T, Vars, L, P.means, SampleEnv>(own.data(), numbers.view(), v, g, loss, env, data, i);
        value_sum = value_sum + v;
        for (std::size_t c = 0; c < Vars::size; ++c) gradient_sum[c] = gradient_sum[c] + g[c];
    }
    value = value_sum;
    gradient = gradient_sum;
}

// The symmetric matrix from its upper triangle (i <= j, row by row) at
// outputs First ...: row i, column j is triangle entry t(min, max).
constexpr std::size_t triangle_position(std::size_t n, std::size_t k) {
    const std::size_t i = k / n, j = k % n;
    const std::size_t lo = i < j ? i : j, hi = i < j ? j : i;
    return lo * n - (lo * (lo - 1)) / 2 + (hi - lo);
}
template <const auto& Plan, std::size_t First, std::size_t N, std::size_t Base, class T, std::size_t... K>
LEIBNIZ_INLINE constexpr void fill_symmetric_block(std::index_sequence<K...>, const T* r,
                                                   std::array<std::array<T, N>, N>& h) {
    ((h[(Base + K) / N][(Base + K) % N] = r[Plan.outputs[First + triangle_position(N, Base + K)]]), ...);
}
template <const auto& Plan, std::size_t First, std::size_t N, class T, std::size_t... B>
LEIBNIZ_INLINE constexpr void fill_symmetric_blocks(std::index_sequence<B...>, const T* r,
                                                    std::array<std::array<T, N>, N>& h) {
    (fill_symmetric_block<Plan, First, N, B * block_size>(
         std::make_index_sequence<(N * N - B * block_size < block_size ? N * N - B * block_size : block_size)>{}, r, h),
     ...);
}
template <const auto& Plan, std::size_t First, std::size_t N, class T>
LEIBNIZ_INLINE constexpr void fill_symmetric(const T* r, std::array<std::array<T, N>, N>& h) {
    fill_symmetric_blocks<Plan, First, N>(std::make_index_sequence<(N * N + block_size - 1) / block_size>{}, r, h);
}

// The value, the gradient and the Hessian through hessian_plan, or
// (!WithGradient, value and gradient null: lz::hessian) the Hessian alone.
template <class T, class Vars, bool WithGradient, class E, class Env>
LEIBNIZ_FLATTEN LEIBNIZ_INLINE constexpr void hessian_of(const E& f, const Env& env, T* value,
                                                        std::array<T, Vars::size>* gradient,
                                                        std::array<std::array<T, Vars::size>, Vars::size>& hessian) {
    constexpr std::size_t n = Vars::size;
    constexpr const auto& P = hessian_plan<E, Vars, WithGradient>;
    const auto inputs = gather_inputs<T, P, Vars, E>(env);
    const auto numbers = gather_all_numbers<T, P>(f);
    registers<T, P.size, P.has_guards> registers_of_plan;
    T* r = registers_of_plan.data;
    run<T, P>(r, inputs.data(), numbers.view(), means_of<P, Vars, true>(env, f));
    if constexpr (WithGradient) {
        *value = r[P.outputs[0]];
        copy_outputs<P, 1, n>(r, *gradient);
    }
    fill_symmetric<P, (WithGradient ? 1 + n : 0)>(r, hessian);
}

// out[K] += r[Plan.outputs[K]] for K < N, at compile-time indices (in blocks, as copy_outputs).
template <const auto& Plan, std::size_t Base, class T, std::size_t N, std::size_t... K>
LEIBNIZ_INLINE constexpr void add_outputs_block(std::index_sequence<K...>, const T* r, std::array<T, N>& out) {
    ((out[Base + K] = out[Base + K] + r[Plan.outputs[Base + K]]), ...);
}
template <const auto& Plan, class T, std::size_t N, std::size_t... B>
LEIBNIZ_INLINE constexpr void add_outputs(std::index_sequence<B...>, const T* r, std::array<T, N>& out) {
    (add_outputs_block<Plan, B * block_size>(
         std::make_index_sequence<(N - B * block_size < block_size ? N - B * block_size : block_size)>{}, r, out),
     ...);
}

// The sums over samples of a loss's value, partials and second partials
// (upper triangle, row by row) through its Hessian plan, in one pass, into
// sums[0 ... 1 + n + n(n+1)/2): a mean inside a Hessian's plan.
template <class T, class Vars, class L, class Data, class Env, class SampleEnv>
constexpr void sum_hessian_over_samples(const L& loss, const Data& data, const Env& env, T* sums) {
    constexpr std::size_t n = Vars::size;
    constexpr std::size_t entries = 1 + n + n * (n + 1) / 2;
    constexpr const auto& P = hessian_plan<L, Vars, true>;
    const auto inputs = gather_inputs<T, P, Vars, L, false>(env);
    const auto numbers = gather_all_numbers<T, P>(loss);
    auto add_sample = [&](std::array<T, entries>& partial, std::size_t i) {
        auto own = inputs;
        if constexpr (P.extras > 0) {
            T* out = own.data() + n;
            gather_extras<Vars, T>(walk{}, static_cast<const L*>(nullptr), SampleEnv{env, data, i}, out);
        }
        const SampleEnv sample{env, data, i};
        registers<T, P.size, P.has_guards> registers_of_plan;
        T* r = registers_of_plan.data;
        run<T, P>(r, own.data(), numbers.view(), means_of<P, Vars, true>(sample, loss));
        add_outputs<P>(std::make_index_sequence<(entries + block_size - 1) / block_size>{}, r, partial);
    };
    std::array<T, entries> total;
    for (T& t : total) t = T(0);
    if (data.parallel.parallel())
        total = blocked_sum<std::array<T, entries>>(data.size, data.parallel, add_sample);
    else
        for (std::size_t i = 0; i < data.size; ++i) add_sample(total, i);
    for (std::size_t k = 0; k < entries; ++k) sums[k] = total[k];
}

// Runs the means over samples of a plan made of the expressions Roots, for
// derivatives by Vars: mean M (in walk order, lower_node's numbering) sums its
// loss's value and partials (Second: and second partials) through the loss's
// own plan, one sample at a time, in sample order (or in parallel{}'s
// blocks), and divides by the number of samples, as the mean's value is.
template <class N>
inline constexpr bool is_sample_mean = false;
template <class L, class D>
inline constexpr bool is_sample_mean<sample_mean<L, D>> = true;

template <class Vars, bool Second, class Env, class... Roots>
struct mean_runner {
    const Env* env;
    tuple<const Roots*...> roots;

    static constexpr int count = sum_of(means_in<Roots>...);

    template <int M, class T>
    LEIBNIZ_INLINE constexpr void run(T* block, const T*) const {
        constexpr child_and_offset at = child_holding<M, means_in<Roots>...>();
        with_mean<M - at.before>(walk{}, *get<at.child>(roots), [&](const auto& node) LEIBNIZ_INLINE {
            if constexpr (is_sample_mean<std::remove_cvref_t<decltype(node)>>)
                run_mean(node, block);
            else  // a loop node of another header (a sum over an index: loops/index_sum.hpp)
                run_loop<Vars, Second, M>(walk{}, node, *env, block);
        });
    }
    // (Constant evaluation: M known only when the loop runs.)
    template <class T>
    constexpr void run_any(int m, T* block, const T* inputs) const {
        [&]<int... M>(std::integer_sequence<int, M...>) {
            in_order{(m == M ? (run<M>(block, inputs), 0) : 0)...};
        }(std::make_integer_sequence<int, count>{});
    }

    template <class L, class D, class T>
    constexpr void run_mean(const sample_mean<L, D>& mean, T* block) const {
        using Sample = sample_environment<Env, D>;
        using LossVars = loss_variables<Vars, D>;  // (a variable the data binds is not differentiated by inside)
        constexpr std::size_t n = Vars::size;
        const T samples = T(mean.data.size);
        if constexpr (Second) {
            constexpr std::size_t entries = 1 + n + n * (n + 1) / 2;
            sum_hessian_over_samples<T, LossVars, L, D, Env, Sample>(mean.loss, mean.data, *env, block);
            for (std::size_t k = 0; k < entries; ++k) block[k] = block[k] / samples;
        } else {
            T value{};
            std::array<T, n> gradient{};
            sum_over_samples<T, LossVars, L, D, Env, Sample>(mean.loss, mean.data, *env, value, gradient,
                                                             mean.data.size);
            block[0] = value / samples;
            for (std::size_t i = 0; i < n; ++i) block[1 + i] = gradient[i] / samples;
        }
    }
};

template <const auto& Plan, class Vars, bool Second, class Env, class... Roots>
constexpr auto means_of(const Env& env, const Roots&... roots) {
    static_assert(sum_of(means_in<Roots>...) == Plan.means,
                  "leibniz internal error: a node kind lowers a mean that means_in does not count (plan/lower.hpp)");
    if constexpr (Plan.means > 0)
        return mean_runner<Vars, Second, Env, Roots...>{&env, {&roots...}};
    else
        return no_means{};
}

}  // namespace leibniz::detail::plan

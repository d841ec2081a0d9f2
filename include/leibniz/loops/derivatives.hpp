// Derivatives by a vector x of an expression holding sums over an index:
// gradient(f, x) and value_and_gradient(f, x) (one partial per element),
// hessian(f, x) (a sparse symmetric matrix), through the sums' plans
// (loops/plan.hpp).
#pragma once

#include <leibniz/config.hpp>
#include <leibniz/detail/diagnostics.hpp>
#include <leibniz/evaluation/bind.hpp>
#include <leibniz/evaluation/evaluate.hpp>
#include <leibniz/loops/index_sum.hpp>
#include <leibniz/loops/plan.hpp>
#include <leibniz/loops/vector.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <ranges>
#include <span>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace leibniz {

namespace detail::plan {

// ---- the gradient by a vector -------------------------------------------------------

// (A declaration in decltype, not a lambda: Clang 14 crashed instantiating a
// lambda in decltype here under -fsanitize with a precompiled header.)
template <class X, int... P, int... L>
variable_pack<position_of<X, P>..., seed_of<L>...> vector_variables_of(std::integer_sequence<int, P...>,
                                                                       std::integer_sequence<int, L...>);
template <class X, int Positions, int Loops>
struct vector_variables {
    using type = decltype(vector_variables_of<X>(std::make_integer_sequence<int, Positions>{},
                                                 std::make_integer_sequence<int, Loops>{}));
};

template <class T, class X, class E, class Env>
LEIBNIZ_INLINE constexpr T add_vector_gradient(const E& e, const Env& env, T seed, T* __restrict g);
template <class T, class X, class E, class Env>
LEIBNIZ_INLINE constexpr T add_vector_gradient_through_plan(const E& e, const Env& env, T seed, T* __restrict g);

template <class E>
inline constexpr bool is_index_sum = false;
template <class I, class F, class En, class B>
inline constexpr bool is_index_sum<index_sum<I, F, En, B>> = true;
// c·Σ, the shape of a sum divided or scaled by a number (½‖Ax − y‖²).
template <class E>
inline constexpr bool is_scaled_index_sum = false;
template <coefficient_kind K, class M>
inline constexpr bool is_scaled_index_sum<add<false, term<K, M>>> = is_index_sum<M>;

// group[a] for each read a of x in body (walk order, outside inner sums):
// the first read at its position for every index value (positions are
// affine in the index: equal at first and first + 1 is equal everywhere).
// Needs first < end. Returns the number of groups.
template <class X, class I, class B, class Env>
constexpr std::size_t read_groups(const B& body, const Env& env, long long first, long long end, std::size_t* group) {
    constexpr int m = elements_in<X, B>;
    constexpr std::size_t count = m > 0 ? static_cast<std::size_t>(m) : 1;
    long long at_first[count]{}, at_next[count]{};
    long long* cursor = at_first;
    gather_positions<X>(body, index_environment<Env, I>{env, {first}}, cursor);
    if (end - first > 1) {
        cursor = at_next;
        gather_positions<X>(body, index_environment<Env, I>{env, {first + 1}}, cursor);
    }
    std::size_t groups = 0;
    for (std::size_t a = 0; a < static_cast<std::size_t>(m); ++a) {
        group[a] = a;
        for (std::size_t b = 0; b < a; ++b)
            if (at_first[b] == at_first[a] && at_next[b] == at_next[a]) {
                group[a] = group[b];
                break;
            }
        groups += group[a] == a ? 1 : 0;
    }
    return groups;
}

// A body that reads two or more elements of x (at two or more positions:
// read_groups) adds into g at positions that the next index value reads
// again (x[i + 1] now is x[i] next): vectorised,
// each vector of partials is stored and the next load overlaps it in part,
// which no processor forwards (GCC 12 -O3 vectorised Rosenbrock's loop that
// way: 0.91x the hand loop's instructions, 1.95x its time; 1.23x with this).
// An empty asm statement in the loop keeps it scalar, where each store
// forwards to its load; it emits nothing and clobbers nothing (the -O2 code
// is the same instruction for instruction). GCC only: Clang did not
// vectorise the loop. A body whose reads are all at one position (x[i]*x[i])
// keeps its vectorised loop.
LEIBNIZ_INLINE constexpr void keep_scalar() {
#if defined(__GNUC__) && !defined(__clang__) && !defined(__CUDACC__)
    if (!std::is_constant_evaluated()) asm("");
#endif
}

// The body's value and seed · ∂/∂x over index values [lo, hi), added in
// index order (apart: reads at two or more positions, the loop kept scalar):
// the plain pass and each block of a parallel one. (Inline: out of line, with
// the bindings behind a reference, GCC's -O2 loop took 22 % more instructions.)
template <class T, class X, class I, class F, class En, class B, class Env>
LEIBNIZ_INLINE constexpr T add_sum_range(const index_sum<I, F, En, B>& s, const Env& env, long long lo, long long hi,
                                            bool apart, T seed, T* __restrict g) {
    T total = T(0);
    if (apart) {
        for (long long i = lo; i < hi; ++i) {
            keep_scalar();
            total = total + add_vector_gradient<T, X>(s.body, index_environment<Env, I>{env, {i}}, seed, g);
        }
        return total;
    }
    for (long long i = lo; i < hi; ++i)
        total = total + add_vector_gradient<T, X>(s.body, index_environment<Env, I>{env, {i}}, seed, g);
    return total;
}

// Are the body's reads of x at two or more positions (read_groups)?
template <class X, class I, class B, class Env>
constexpr bool reads_apart(const B& body, const Env& env, long long first, long long end) {
    constexpr int m = elements_in<X, B>;
    if constexpr (m > 1) {
        std::size_t group[m]{};
        return first < end && read_groups<X, I>(body, env, first, end, group) > 1;
    } else {
        return false;
    }
}

// ---- a sum made parallel (lz::parallel{}, parallel.hpp) ----
//
// Its index values run in blocks of samples_per_block, on threads, in two
// phases: the even blocks, then the odd ones. That is safe where no two
// blocks of a phase add into one element of g: every read of x in the body is
// at s·i + o for one stride s >= 1 and offsets o within s·(block + 1) of each
// other (chained Rosenbrock's x[i], x[i + 1]; the extended one's x[2i],
// x[2i + 1]), and the body holds no sum of its own. Each element of g then
// receives its additions in an order that does not depend on the thread
// count, and the blocks' values are combined in blocked_sum's fixed tree: the
// same bits for any number of threads. A body that reads x otherwise (a sum
// inside it, x[0] at every index value) runs its index values one after
// another, with the same bits as without parallel{}.
// (Both out of line, as the plain loop's caller must stay small enough for
// Clang to inline: see loops/plan.hpp's run_loop_in_blocks.)
template <class X, class I, class B, class Env>
[[gnu::noinline]] constexpr bool phases_apart(const B& body, const Env& env, long long first, long long end) {
    constexpr int m = elements_in<X, B>;
    if constexpr (means_in<B> > 0) {
        return false;
    } else if constexpr (m == 0) {
        return true;  // (nothing added into g)
    } else {
        if (end - first < 2) return true;  // (one block)
        long long at_first[m]{}, at_next[m]{};
        long long* cursor = at_first;
        gather_positions<X>(body, index_environment<Env, I>{env, {first}}, cursor);
        cursor = at_next;
        gather_positions<X>(body, index_environment<Env, I>{env, {first + 1}}, cursor);
        const long long stride = at_next[0] - at_first[0];
        long long lowest = at_first[0], highest = at_first[0];
        for (int a = 0; a < m; ++a) {
            if (at_next[a] - at_first[a] != stride) return false;
            lowest = at_first[a] < lowest ? at_first[a] : lowest;
            highest = at_first[a] > highest ? at_first[a] : highest;
        }
        const long long block = static_cast<long long>(samples_per_block);
        return stride >= 1 && highest - lowest < stride * (block + 1);
    }
}

// The sum's value; seed · ∂s/∂x added into g, its blocks in phases on the runner's threads.
template <class T, class X, class I, class F, class En, class B, class Env>
[[gnu::noinline]] constexpr T add_sum_in_phases(const index_sum<I, F, En, B>& s, const Env& env, long long first, long long end, T seed,
                              T* __restrict g) {
    const std::size_t count = static_cast<std::size_t>(end - first);
    const std::size_t blocks = (count + samples_per_block - 1) / samples_per_block;
    const owned_array<T> owned(blocks);
    T* values = owned.data;
    const bool apart = reads_apart<X, I>(s.body, env, first, end);
    const auto one_block = [&](std::size_t b) {
        const long long lo = first + static_cast<long long>(b * samples_per_block);
        const long long hi = lo + static_cast<long long>(samples_per_block) < end ? lo + static_cast<long long>(samples_per_block) : end;
        values[b] = add_sum_range<T, X>(s, env, lo, hi, apart, seed, g);
    };
    for (std::size_t phase = 0; phase < 2; ++phase) {
        const std::size_t in_phase = (blocks + 1 - phase) / 2;
        auto job = [&](std::size_t k) { one_block(2 * k + phase); };
        if (std::is_constant_evaluated() || s.runner.run == nullptr || s.runner.workers <= 1 || in_phase <= 1) {
            for (std::size_t k = 0; k < in_phase; ++k) job(k);
        } else {
            using Job = decltype(job);
            s.runner.run(s.runner.context, s.runner.workers, in_phase, &job,
                         [](void* j, std::size_t k) { (*static_cast<Job*>(j))(k); });
        }
    }
    combine_pairwise(values, blocks);
    return blocks > 0 ? values[0] : T(0);
}

// seed · ∂s/∂x added into g: the body's gradient by x at each value of the index.
template <class T, class X, class I, class F, class En, class B, class Env>
LEIBNIZ_INLINE constexpr void add_loop_vector_gradient(const index_sum<I, F, En, B>& s, const Env& env, T seed, T* __restrict g) {
    if constexpr (depends_on<X, B>::value) {
        const long long first = bound_in(s.first, env), end = bound_in(s.end, env);
        if (s.runner.parallel() && end > first && phases_apart<X, I>(s.body, env, first, end)) [[unlikely]] {
            (void)add_sum_in_phases<T, X>(s, env, first, end, seed, g);
            return;
        }
        for (long long i = first; i < end; ++i)
            (void)add_vector_gradient<T, X>(s.body, index_environment<Env, I>{env, {i}}, seed, g);
    }
}

// A sum whose adjoint is known before it runs (it is e, or e is a number
// times it): its value and seed · ∂/∂x in one pass over the index, the
// body's value and partials together, added in index order as its value is.
template <class T, class X, class I, class F, class En, class B, class Env>
LEIBNIZ_INLINE constexpr T add_sum_value_and_vector_gradient(const index_sum<I, F, En, B>& s, const Env& env, T seed, T* __restrict g) {
    if constexpr (!is_index_environment<Env>) check_reads(s, env, no_ranges{});
    const long long first = bound_in(s.first, env), end = bound_in(s.end, env);
    if (s.runner.parallel() && end > first && phases_apart<X, I>(s.body, env, first, end)) [[unlikely]]
        return add_sum_in_phases<T, X>(s, env, first, end, seed, g);
    return add_sum_range<T, X>(s, env, first, end, reads_apart<X, I>(s.body, env, first, end), seed, g);
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
    with_mean<L>(walk{}, e, [&](const auto& node) LEIBNIZ_INLINE {
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
    if constexpr (!is_index_environment<Env>) check_reads(e, env, no_ranges{});  // (elements outside sums too)
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
    // Every position was checked against x's length before (check_reads
    // throws first); GCC 12 cannot see that a throw always ends the path
    // where a read is outside, and with a short vector of known length it
    // warns of the write it cannot rule out (-Warray-bounds).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Warray-bounds"
#endif
    [&]<std::size_t... K>(std::index_sequence<K...>) LEIBNIZ_INLINE {
        ((g[where[K]] = g[where[K]] + seed * partials[K]), ...);
    }(std::make_index_sequence<static_cast<std::size_t>(m)>{});
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
    [&]<int... L>(std::integer_sequence<int, L...>) LEIBNIZ_INLINE {
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
// (out: anything with push_back(sparse_entry<T>): a std::vector, or a banded matrix's adder.)
template <class T, class X, class I, class F, class En, class B, class Env, class Out>
constexpr void add_flat_sum_vector_hessian(const index_sum<I, F, En, B>& s, const Env& env, T seed, Out& out) {
    constexpr int m = elements_in<X, B>;
    using Vars = typename vector_variables<X, m, 0>::type;
    constexpr std::size_t n = Vars::size;
    constexpr const auto& P = hessian_plan<B, Vars, true>;
    const auto numbers = gather_all_numbers<T, P>(s.body);
    const long long first = bound_in(s.first, env), end = bound_in(s.end, env);
    if (end <= first) return;
    constexpr std::size_t reads_count = m > 0 ? static_cast<std::size_t>(m) : 1;
    // Reads of one element at every index value (x[i], three times in
    // Rosenbrock's body) are one: positions are affine in the index, so two
    // reads at one position for two index values are at one position for
    // all. Their rows and columns are summed before entries go out (3 a term
    // for Rosenbrock, not 10); reads that meet at some index values only are
    // merged there, entry by entry, below.
    std::size_t group[reads_count]{};
    read_groups<X, I>(s.body, env, first, end, group);
    // The merging as steps fixed before the loop (the groups are the same at
    // every index value): the plan's second partial by reads (a, b), b >= a,
    // added into the entry of their groups (twice where two reads of one group
    // meet: (a, b) and (b, a)); the entries, one per pair of groups, in order.
    constexpr std::size_t pairs = reads_count * (reads_count + 1) / 2;
    std::size_t target_of[reads_count][reads_count]{};
    std::size_t target_a[pairs]{}, target_b[pairs]{};
    std::size_t targets = 0;
    for (std::size_t a = 0; a < n; ++a)
        for (std::size_t b = a; b < n; ++b)
            if (group[a] == a && group[b] == b) {
                target_of[a][b] = targets;
                target_a[targets] = a;
                target_b[targets] = b;
                ++targets;
            }
    std::size_t step_output[pairs]{}, step_target[pairs]{};
    bool step_twice[pairs]{};
    std::size_t steps = 0;
    for (std::size_t a = 0; a < n; ++a)
        for (std::size_t b = a; b < n; ++b) {
            const std::size_t ga = group[a], gb = group[b];
            step_output[steps] = static_cast<std::size_t>(P.outputs[1 + n + a * n - (a * (a - 1)) / 2 + (b - a)]);
            step_target[steps] = target_of[ga < gb ? ga : gb][ga < gb ? gb : ga];
            step_twice[steps] = ga == gb && a != b;
            ++steps;
        }
    for (long long i = first; i < end; ++i) {
        const index_environment<Env, I> inner{env, {i}};
        T inputs[n + P.extras > 0 ? n + P.extras : 1]{};
        long long where[reads_count]{};
        reads<T> in{inputs + n, inputs, where};
        gather_reads<Vars, T>(s.body, inner, in);
        registers<T, P.size, P.has_guards> registers_of_plan;
        T* r = registers_of_plan.data;
        run<T, P>(r, inputs, numbers.view(), no_means{});
        T merged[pairs]{};  // by pairs of groups: Σ over their reads, both orders
        for (std::size_t k = 0; k < steps; ++k) {
            const T h = r[step_output[k]];
            merged[step_target[k]] = merged[step_target[k]] + (step_twice[k] ? h + h : h);
        }
        for (std::size_t t = 0; t < targets; ++t) {
            const T h = seed * merged[t];
            const std::size_t pa = static_cast<std::size_t>(where[target_a[t]]), pb = static_cast<std::size_t>(where[target_b[t]]);
            if (target_a[t] != target_b[t] && pa == pb)  // two reads that meet at this index value: (a, b) and (b, a) are one entry
                out.push_back({pa, pa, h + h});
            else
                out.push_back({pa < pb ? pa : pb, pa < pb ? pb : pa, h});
        }
    }
}

template <class T, class X, class E, class Env, class Out>
void add_general_vector_hessian(const E& f, const Env& env, T seed, Out& out, std::size_t n);

template <class T, class X, class I, class F, class En, class B, class Env, class Out>
constexpr void add_sum_vector_hessian(const index_sum<I, F, En, B>& s, const Env& env, T seed, Out& out, std::size_t n) {
    if constexpr (!is_index_environment<Env>) check_reads(s, env, no_ranges{});
    if constexpr (means_in<B> > 0) {  // a sum inside: the body as a function of its sums, at each index value
        const long long first = bound_in(s.first, env), end = bound_in(s.end, env);
        for (long long i = first; i < end; ++i)
            add_general_vector_hessian<T, X>(s.body, index_environment<Env, I>{env, {i}}, seed, out, n);
        return;
    } else {
        add_flat_sum_vector_hessian<T, X>(s, env, seed, out);
    }
}

// ---- the Hessian of any f of sums and elements -----------------------------------
//
// f = g(u₁, ..., u_V): u the elements of x that f reads outside its sums and
// the sums' values sₗ. With J_u the gradient of u by x (a unit vector for an
// element, ∇sₗ for a sum),
//
//   ∇²f = Σ_{u,w} ∂²g/∂u∂w · J_u J_wᵀ + Σₗ ∂g/∂sₗ · ∇²sₗ.
//
// g's plan gives its gradient and Hessian by the u (a sum's value through its
// loop, its second partials 0), a pass over each sum seeded by 1 its
// gradient, and each sum's own Hessian comes from add_sum_vector_hessian
// seeded by ∂g/∂sₗ. A product J_u J_wᵀ of two sums couples everything they
// read ((Σ xᵢ)²: every entry): the matrix holds it as entries (n² for
// (Σ xᵢ)²), the product with a direction (times) as two dot products.

// A gradient J_u as the positions it can touch and its values there.
template <class T>
struct sparse_gradient {
    std::vector<std::size_t> at;  // sorted, each once
    std::vector<T> value;
    constexpr T dot(const T* v) const {
        T total = T(0);
        for (std::size_t k = 0; k < at.size(); ++k) total = total + value[k] * v[at[k]];
        return total;
    }
};

// c · (J_a J_bᵀ + J_b J_aᵀ) (same: c · J_a J_aᵀ) into out: entries (row <= col,
// a diagonal entry of two distinct terms doubled), or, where out takes it,
// as a whole (a product with a direction: two dot products).
template <class T, class Out>
void add_outer_entries(Out& out, T c, const sparse_gradient<T>& a, const sparse_gradient<T>& b, bool same) {
    // (2²⁷ entries are 3 GiB as a list: past that, a clear error rather than a machine out of memory.)
    constexpr std::size_t most = std::size_t(1) << 27;
    if (a.at.size() > 0 && b.at.size() > most / a.at.size())
        throw std::length_error("leibniz: hessian(f, x): a product of two sums couples " + std::to_string(a.at.size()) +
                                " by " + std::to_string(b.at.size()) +
                                " elements, more entries than a sparse matrix should hold; use hessian(f, x).times(v, ...)");
    if (same) {
        for (std::size_t i = 0; i < a.at.size(); ++i)
            for (std::size_t j = i; j < a.at.size(); ++j) out.push_back({a.at[i], a.at[j], c * a.value[i] * a.value[j]});
    } else {
        for (std::size_t i = 0; i < a.at.size(); ++i)
            for (std::size_t j = 0; j < b.at.size(); ++j) {
                const T v = c * a.value[i] * b.value[j];
                const std::size_t r = a.at[i], k = b.at[j];
                if (r == k)
                    out.push_back({r, r, v + v});
                else
                    out.push_back({r < k ? r : k, r < k ? k : r, v});
            }
    }
}
template <class T, class Out>
void add_outer(Out& out, T c, const sparse_gradient<T>& a, const sparse_gradient<T>& b, bool same) {
    if constexpr (requires { out.outer(c, a, b, same); })
        out.outer(c, a, b, same);
    else
        add_outer_entries(out, c, a, b, same);
}

// Is output o of plan P the structural 0 (a second partial no path gives)?
template <const auto& P>
constexpr bool structural_zero(std::size_t o) {
    const instruction& in = P.code[static_cast<std::size_t>(P.outputs[o])];
    return in.code == op::integer && in.k == 0;
}

// touched[k] = 1 for every element of X that node reads, its sums' bodies at
// every value of their indices.
template <class X, class Node, class Env>
void touch_reads(const Node& node, const Env& env, std::vector<unsigned char>& touched);
template <class X, class Node, class Env>
void touch_node_reads(const Node& node, const Env& env, std::vector<unsigned char>& touched) {
    children_of<Node>::each(node, [&](const auto& child) { touch_reads<X>(child, env, touched); });
}
template <class X, class V, class I, class Env>
void touch_node_reads(const element<V, I>& e, const Env& env, std::vector<unsigned char>& touched) {
    if constexpr (std::is_same_v<V, X>) touched[static_cast<std::size_t>(position_value(e.at, env))] = 1;
}
template <class X, class I, class F, class En, class B, class Env>
void touch_node_reads(const index_sum<I, F, En, B>& s, const Env& env, std::vector<unsigned char>& touched) {
    if constexpr (depends_on<X, B>::value) {
        const long long first = bound_in(s.first, env), end = bound_in(s.end, env);
        for (long long i = first; i < end; ++i) touch_reads<X>(s.body, index_environment<Env, I>{env, {i}}, touched);
    }
}
template <class X, class Node, class Env>
void touch_reads(const Node& node, const Env& env, std::vector<unsigned char>& touched) {
    touch_node_reads<X>(node, env, touched);
}

// ∇sₗ: a pass over sum L seeded by 1, at the positions it reads.
template <int L, class T, class X, class E, class Env>
sparse_gradient<T> sum_gradient(const E& f, const Env& env, std::size_t n) {
    bool reads_x = false;
    with_mean<L>(walk{}, f, [&](const auto& node) { reads_x = depends_on<X, std::remove_cvref_t<decltype(node)>>::value; });
    if (!reads_x) return {};  // (Σⱼ y[j] beside x: no part of the Hessian, and no pass over n)
    std::vector<T> dense(n, T(0));
    seed_sum<L, T, X>(f, env, T(1), dense.data());
    std::vector<unsigned char> touched(n, 0);
    with_mean<L>(walk{}, f, [&](const auto& node) { touch_reads<X>(node, env, touched); });
    sparse_gradient<T> out;
    for (std::size_t k = 0; k < n; ++k)
        if (touched[k]) {
            out.at.push_back(k);
            out.value.push_back(dense[k]);
        }
    return out;
}

// Row u of g's Hessian: c · (J_u J_wᵀ + J_w J_uᵀ) for w >= u, where the entry is not a structural 0.
template <const auto& P, std::size_t V, std::size_t U, std::size_t W, class T, class Out>
void add_outer_at(Out& out, T seed, const T* r, const std::vector<sparse_gradient<T>>& J) {
    constexpr std::size_t o = 1 + V + U * V - (U * (U - (U > 0 ? 1 : 0))) / 2 + (W - U);
    if constexpr (!structural_zero<P>(o)) add_outer(out, seed * r[P.outputs[o]], J[U], J[W], U == W);
}
template <const auto& P, std::size_t V, std::size_t U, class T, class Out, std::size_t... W>
void add_outer_row(Out& out, T seed, const T* r, const std::vector<sparse_gradient<T>>& J, std::index_sequence<W...>) {
    (add_outer_at<P, V, U, U + W>(out, seed, r, J), ...);
}
template <class T, class X, class I, class F, class En, class B, class Env, class Out>
constexpr void add_sum_vector_hessian(const index_sum<I, F, En, B>& s, const Env& env, T seed, Out& out, std::size_t n);
// ∂g/∂s_L · ∇²s_L, where g depends on sum L.
template <const auto& P, int M, int L, class T, class X, class E, class Env, class Out>
void add_seeded_sum_hessian(const E& f, const Env& env, T seed, const T* r, Out& out, std::size_t n) {
    constexpr std::size_t o = 1 + static_cast<std::size_t>(M + L);
    if constexpr (!structural_zero<P>(o)) {
        const T c = seed * r[P.outputs[o]];
        with_mean<L>(walk{}, f, [&](const auto& node) {
            using Node = std::remove_cvref_t<decltype(node)>;
            if constexpr (is_index_sum<Node> && depends_on<X, Node>::value) add_sum_vector_hessian<T, X>(node, env, c, out, n);
        });
    }
}

template <class T, class X, class E, class Env, class Out>
void add_general_vector_hessian(const E& f, const Env& env, T seed, Out& out, std::size_t n) {
    if constexpr (!is_index_environment<Env>) check_reads(f, env, no_ranges{});
    constexpr int m = elements_in<X, E>;
    constexpr int loops = means_in<E>;
    using Vars = typename vector_variables<X, m, loops>::type;
    constexpr std::size_t V = Vars::size;
    constexpr const auto& P = hessian_plan<E, Vars, true>;
    T inputs[V + P.extras > 0 ? V + P.extras : 1]{};
    long long where[m > 0 ? m : 1]{};
    reads<T> in{inputs + V, inputs, where};
    gather_reads<Vars, T>(f, env, in);
    const auto numbers = gather_all_numbers<T, P>(f);
    registers<T, P.size, P.has_guards> registers_of_plan;
    T* r = registers_of_plan.data;
    run<T, P>(r, inputs, numbers.view(), means_of<P, Vars, true>(env, f));

    std::vector<sparse_gradient<T>> J(V);
    for (std::size_t p = 0; p < static_cast<std::size_t>(m); ++p)
        J[p] = {{static_cast<std::size_t>(where[p])}, {T(1)}};
    [&]<int... L>(std::integer_sequence<int, L...>) {
        ((J[static_cast<std::size_t>(m + L)] = sum_gradient<L, T, X>(f, env, n)), ...);
    }(std::make_integer_sequence<int, loops>{});
    [&]<std::size_t... U>(std::index_sequence<U...>) {
        (add_outer_row<P, V, U>(out, seed, r, J, std::make_index_sequence<V - U>{}), ...);
    }(std::make_index_sequence<V>{});
    [&]<int... L>(std::integer_sequence<int, L...>) {
        (add_seeded_sum_hessian<P, m, L, T, X>(f, env, seed, r, out, n), ...);
    }(std::make_integer_sequence<int, loops>{});
}

// f's Hessian by x as entries into out.
template <class T, class X, class E, class Env, class Out>
void add_vector_hessian(const E& f, const Env& env, Out& out, std::size_t n) {
    if constexpr (is_index_sum<E>) {
        add_sum_vector_hessian<T, X>(f, env, T(1), out, n);
    } else if constexpr (is_scaled_index_sum<E>) {
        const auto& t = get<0>(f.terms);
        add_sum_vector_hessian<T, X>(t.monomial, env, to_scalar<T>(t.coefficient), out, n);
    } else {
        add_general_vector_hessian<T, X>(f, env, T(1), out, n);
    }
}

// A Hessian's entries as they come (row <= col): summed into a band while
// they are at most `widest_band` off the diagonal (each slot marked when
// touched, so the pattern is what the terms touch), listed otherwise. The
// band gives them sorted by row then column with no sort (Rosenbrock at
// n = 10⁶: 10⁷ entries summed into 2·10⁶ slots); a list is sorted at the end.
// Either way repeated entries are summed in the order they came.
template <class T>
class hessian_collector {
public:
    static constexpr std::size_t widest_band = 64;

    explicit hessian_collector(std::size_t n) : n_(n), band_(n, T(0)), touched_(n, 0) {}
    // The same in storage kept from an earlier Hessian (its capacity reused:
    // no pages to fault in again), starting with that Hessian's band.
    hessian_collector(std::size_t n, std::size_t band, std::vector<T>&& values, std::vector<unsigned char>&& touched)
        : n_(n), b_(band), band_(std::move(values)), touched_(std::move(touched)) {
        band_.assign(n_ * (b_ + 1), T(0));
        touched_.assign(n_ * (b_ + 1), 0);
    }
    std::size_t bandwidth() const { return listing_ ? 0 : b_; }
    // The band's storage, for the next Hessian (after entries_into).
    std::vector<T> take_values() && { return std::move(band_); }
    std::vector<unsigned char> take_touched() && { return std::move(touched_); }

    LEIBNIZ_INLINE void push_back(const sparse_entry<T>& e) {
        const std::size_t d = e.col - e.row;
        if (d > b_ || listing_) [[unlikely]] {
            off_the_band(e);
            return;
        }
        const std::size_t slot = e.row * (b_ + 1) + d;
        band_[slot] = band_[slot] + e.value;
        touched_[slot] = 1;
    }

    // The entries, sorted by row then column, repeated ones summed, written
    // over out (its capacity reused).
    void entries_into(std::vector<sparse_entry<T>>& out) {
        out.clear();
        if (dense_ || listing_) {
            out = std::move(*this).entries();
            return;
        }
        for (std::size_t r = 0; r < n_; ++r)
            for (std::size_t d = 0; d <= b_ && r + d < n_; ++d)
                if (touched_[r * (b_ + 1) + d]) out.push_back({r, r + d, band_[r * (b_ + 1) + d]});
    }

    // The entries, sorted by row then column, repeated ones summed.
    std::vector<sparse_entry<T>> entries() && {
        if (dense_) {
            std::vector<sparse_entry<T>> out;
            for (std::size_t r = 0; r < n_; ++r)
                for (std::size_t c = r; c < n_; ++c)
                    if (dense_touched_[slot(r, c)]) out.push_back({r, c, dense_values_[slot(r, c)]});
            return out;
        }
        if (listing_) {
            std::stable_sort(listed_.begin(), listed_.end(), [](const sparse_entry<T>& a, const sparse_entry<T>& b) {
                return a.row != b.row ? a.row < b.row : a.col < b.col;
            });
            std::vector<sparse_entry<T>> out;
            for (const sparse_entry<T>& e : listed_) {
                if (!out.empty() && out.back().row == e.row && out.back().col == e.col)
                    out.back().value = out.back().value + e.value;
                else
                    out.push_back(e);
            }
            return out;
        }
        std::size_t count = 0;
        for (const unsigned char t : touched_) count += t;
        std::vector<sparse_entry<T>> out;
        out.reserve(count);
        for (std::size_t r = 0; r < n_; ++r)
            for (std::size_t d = 0; d <= b_ && r + d < n_; ++d)
                if (touched_[r * (b_ + 1) + d]) out.push_back({r, r + d, band_[r * (b_ + 1) + d]});
        return out;
    }

private:
    [[gnu::noinline]] void off_the_band(const sparse_entry<T>& e) {  // (the band widens a few times at most)
        const std::size_t d = e.col - e.row;
        if (!listing_) {
            if (d <= widest_band)
                widen(d);
            else
                start_listing();
        }
        if (dense_) {
            add_dense(e);
            return;
        }
        if (listing_) {
            listed_.push_back(e);
            if (listed_.size() >= dense_from()) [[unlikely]]
                start_dense();
            return;
        }
        const std::size_t slot = e.row * (b_ + 1) + d;
        band_[slot] = band_[slot] + e.value;
        touched_[slot] = 1;
    }
    // A list as long as a good part of the whole triangle (sums inside sums,
    // ½‖Ax − y‖²: each row's AᵀA part, m·n²/2 entries) goes into the
    // triangle itself, n(n + 1)/2 slots, while that is at most 2²⁵ of them
    // (n up to 8191); past that the list grows to 2²⁷ entries (3 GiB) and
    // stops with an error, not a machine out of memory.
    static constexpr std::size_t most_slots = std::size_t(1) << 25;
    static constexpr std::size_t most_listed = std::size_t(1) << 27;
    std::size_t triangle() const { return n_ * (n_ + 1) / 2; }
    std::size_t dense_from() const {
        if (triangle() <= most_slots) return triangle() / 3 > 4096 ? triangle() / 3 : 4096;
        return most_listed;
    }
    std::size_t slot(std::size_t r, std::size_t c) const { return r * (2 * n_ - r + 1) / 2 + (c - r); }
    void add_dense(const sparse_entry<T>& e) {
        const std::size_t k = slot(e.row, e.col);
        dense_values_[k] = dense_values_[k] + e.value;
        dense_touched_[k] = 1;
    }
    void start_dense() {
        if (triangle() > most_slots)
            throw std::length_error("leibniz: hessian(f, x): more than 2^27 entries off the band for " +
                                    std::to_string(n_) + " elements; use hessian(f, x).times(v, ...)");
        dense_values_.assign(triangle(), T(0));
        dense_touched_.assign(triangle(), 0);
        for (const sparse_entry<T>& e : listed_) add_dense(e);  // (in the order they came)
        listed_ = {};
        dense_ = true;
    }
    void widen(std::size_t to) {
        std::vector<T> band(n_ * (to + 1), T(0));
        std::vector<unsigned char> touched(n_ * (to + 1), 0);
        for (std::size_t r = 0; r < n_; ++r)
            for (std::size_t d = 0; d <= b_; ++d) {
                band[r * (to + 1) + d] = band_[r * (b_ + 1) + d];
                touched[r * (to + 1) + d] = touched_[r * (b_ + 1) + d];
            }
        band_ = std::move(band);
        touched_ = std::move(touched);
        b_ = to;
    }
    void start_listing() {  // the band so far, in order, then the rest as it comes
        listed_ = std::move(*this).entries();
        listing_ = true;
        band_ = {};
        touched_ = {};
    }

    std::size_t n_;
    std::size_t b_ = 0;
    std::vector<T> band_;
    std::vector<unsigned char> touched_;
    std::vector<sparse_entry<T>> listed_;
    bool listing_ = false;
    std::vector<T> dense_values_;
    std::vector<unsigned char> dense_touched_;
    bool dense_ = false;
};

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

    // into(out, bindings...): the partials written into out, a buffer the
    // caller keeps (no allocation per call): a std::vector is resized to x's
    // length, any other contiguous range must have that length
    // (std::invalid_argument otherwise). value_and_gradient's returns the
    // value, gradient's nothing.
    template <class Out, class... Sources>
        requires std::ranges::contiguous_range<Out>
    LEIBNIZ_INLINE constexpr auto into(Out& out, const Sources&... sources) const {
        using T = typename scalar_of<Sources...>::type;
        static_assert(std::is_same_v<std::ranges::range_value_t<Out>, T>,
                      "leibniz: gradient(f, x).into(out, ...): out holds the bound values' type (double for doubles)");
        if constexpr (bindings_ok<E, Sources...> && (binds<X, Sources> || ...)) {
            using Env = environment<Sources...>;
            const Env env{{{sources}...}};
            const std::size_t n = env.template bound_to<X>().size();
            if constexpr (requires { out.resize(n); }) {
                out.resize(n);
            } else if (std::ranges::size(out) != n) {
                throw std::invalid_argument("leibniz: gradient(f, x).into(out, ...): out has " +
                                            std::to_string(std::ranges::size(out)) + " places, x has " +
                                            std::to_string(n) + " values");
            }
            T* g = std::ranges::data(out);
            for (std::size_t k = 0; k < n; ++k) g[k] = T(0);
            const T value = plan::add_vector_gradient<T, X>(f, env, T(1), g);
            if constexpr (WithValue) return value;
        } else if constexpr (!bindings_ok<E, Sources...>) {
            report_binding_errors<E, Sources...>();
        } else {
            using reported [[maybe_unused]] = report<error::no_value_is_bound_to<X>>;
        }
    }
};

template <class E, class X>
struct vector_hessian_function;

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
    // From entries already sorted by row then column, none repeated.
    struct sorted_t {};
    sparse_symmetric_matrix(std::size_t n, std::vector<entry> entries, sorted_t)
        : n_(n), entries_(std::move(entries)) {}
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
    template <class E, class X>
    friend struct detail::vector_hessian_function;

    std::size_t n_ = 0;
    std::vector<entry> entries_;
    // (Kept by hessian(f, x).into(H, ...) for the next call: the band it was summed in.)
    std::size_t band_ = 0;
    std::vector<T> band_values_;
    std::vector<unsigned char> band_touched_;
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
            const std::size_t n = env.template bound_to<X>().size();
            plan::hessian_collector<T> entries(n);
            plan::add_vector_hessian<T, X>(f, env, entries, n);
            return sparse_symmetric_matrix<T>(n, std::move(entries).entries(), typename sparse_symmetric_matrix<T>::sorted_t{});
        } else if constexpr (!bindings_ok<E, Sources...>) {
            report_binding_errors<E, Sources...>();
            return sparse_symmetric_matrix<T>{};
        } else {
            using reported [[maybe_unused]] = report<error::no_value_is_bound_to<X>>;
            return sparse_symmetric_matrix<T>{};
        }
    }

    // into(H, bindings...): the Hessian written over H, a matrix the caller
    // keeps: its storage (and the band the entries were summed in) reused, so
    // a Newton loop allocates nothing after its first step. Returns nothing.
    template <class T, class... Sources>
    void into(sparse_symmetric_matrix<T>& H, const Sources&... sources) const {
        static_assert(std::is_same_v<T, typename scalar_of<Sources...>::type>,
                      "leibniz: hessian(f, x).into(H, ...): H holds the bound values' type (double for doubles)");
        if constexpr (bindings_ok<E, Sources...> && (binds<X, Sources> || ...)) {
            using Env = environment<Sources...>;
            const Env env{{{sources}...}};
            const std::size_t n = env.template bound_to<X>().size();
            const std::size_t band = H.n_ == n && H.band_ <= plan::hessian_collector<T>::widest_band ? H.band_ : 0;
            plan::hessian_collector<T> entries(n, band, std::move(H.band_values_), std::move(H.band_touched_));
            H.n_ = n;
            plan::add_vector_hessian<T, X>(f, env, entries, n);
            entries.entries_into(H.entries_);
            H.band_ = entries.bandwidth();
            H.band_values_ = std::move(entries).take_values();
            H.band_touched_ = std::move(entries).take_touched();
        } else if constexpr (!bindings_ok<E, Sources...>) {
            report_binding_errors<E, Sources...>();
        } else {
            using reported [[maybe_unused]] = report<error::no_value_is_bound_to<X>>;
        }
    }

    // times(v, bindings...): the Hessian times a direction v (a contiguous
    // range of x's length, else std::invalid_argument), as a std::vector,
    // without the matrix: each index value's Hessian of the body by the
    // elements it reads, applied to v's values at their positions and added
    // in. It costs about what the Hessian's entries cost, a few gradients
    // (what conjugate gradients on Newton's system needs).
    template <class Direction, class... Sources>
        requires std::ranges::contiguous_range<Direction>
    auto times(const Direction& direction, const Sources&... sources) const {
        using T = typename scalar_of<Sources...>::type;
        if constexpr (bindings_ok<E, Sources...> && (binds<X, Sources> || ...)) {
            using Env = environment<Sources...>;
            const Env env{{{sources}...}};
            const std::size_t n = env.template bound_to<X>().size();
            if (std::ranges::size(direction) != n)
                throw std::invalid_argument("leibniz: hessian(f, x).times(v, ...): v has " +
                                            std::to_string(std::ranges::size(direction)) + " values, x has " +
                                            std::to_string(n));
            struct product {
                const std::ranges::range_value_t<Direction>* v;
                std::vector<T> out;
                void push_back(const plan::sparse_entry<T>& e) {  // the entry (r, c) and its mirror (c, r)
                    out[e.row] = out[e.row] + e.value * T(v[e.col]);
                    if (e.row != e.col) out[e.col] = out[e.col] + e.value * T(v[e.row]);
                }
                // c · (J_a J_bᵀ + J_b J_aᵀ) v: two dot products, not |J_a|·|J_b| entries.
                void outer(T c, const plan::sparse_gradient<T>& a, const plan::sparse_gradient<T>& b, bool same) {
                    const T bv = b.dot(values.data()), av = same ? bv : a.dot(values.data());
                    for (std::size_t k = 0; k < a.at.size(); ++k) out[a.at[k]] = out[a.at[k]] + c * a.value[k] * bv;
                    if (!same)
                        for (std::size_t k = 0; k < b.at.size(); ++k) out[b.at[k]] = out[b.at[k]] + c * b.value[k] * av;
                }
                std::vector<T> values;
            } sink{std::ranges::data(direction), std::vector<T>(n, T(0)), {}};
            sink.values.assign(std::ranges::begin(direction), std::ranges::end(direction));
            plan::add_vector_hessian<T, X>(f, env, sink, n);
            return std::move(sink.out);
        } else if constexpr (!bindings_ok<E, Sources...>) {
            report_binding_errors<E, Sources...>();
            return std::vector<T>{};
        } else {
            using reported [[maybe_unused]] = report<error::no_value_is_bound_to<X>>;
            return std::vector<T>{};
        }
    }
};

}  // namespace detail

// hessian(f, x) for a vector x: a callable; hessian(f, x)(x = values) is a
// sparse_symmetric_matrix whose pattern is what f's sums touch (three bands
// for Rosenbrock's x[i + 1] and x[i]): each term's Hessian by the elements it
// reads, placed at their positions; for a function of sums, the products of
// their gradients too ((Σ xᵢ)²: every entry); a sum inside a sum at each
// index value (½‖Ax − y‖²: AᵀA).
// hessian(f, x).times(v, x = values) is the product with a direction,
// without the matrix.
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

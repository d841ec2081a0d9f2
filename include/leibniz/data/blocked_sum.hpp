// Sums over samples that give the same bits for any number of threads.
//
// A data set made parallel (mean(loss, data, parallel{...}) in
// <leibniz/parallel.hpp>) is summed in fixed blocks of samples_per_block
// consecutive samples, each block in order, and the block sums are combined in
// a fixed pairwise tree ((b0 + b1) + (b2 + b3)) + ...: which thread computes a
// block changes nothing, so 1, 2 or 3 threads give identical results, equal to
// the plain sum to rounding. Threads are started by the runner that
// <leibniz/parallel.hpp> puts in the data set, so this header (and every
// translation unit) needs no <thread>: without that header, or in constant
// evaluation, the blocks run one after the other, with the same bits.
#pragma once

#include <array>
#include <cstddef>
#include <type_traits>

namespace leibniz::detail {

inline constexpr std::size_t samples_per_block = 256;

// Runs one(job, b) for every block b < blocks on `workers` threads.
struct block_runner {
    std::size_t workers = 0;  // 0: not parallel, the plain sum in sample order
    void* context = nullptr;  // a team of threads that outlives the calls (fit), or none
    void (*run)(void* context, std::size_t workers, std::size_t blocks, void* job,
                void (*one)(void* job, std::size_t block)) = nullptr;

    constexpr bool parallel() const { return workers > 0; }
};

// A value and a gradient summed together.
template <class T, std::size_t N>
struct value_gradient_sum {
    T value{};
    std::array<T, N> gradient{};
};

template <class T>
constexpr void add_into(T& total, const T& part) {
    total = total + part;
}
template <class T, std::size_t N>
constexpr void add_into(value_gradient_sum<T, N>& total, const value_gradient_sum<T, N>& part) {
    total.value = total.value + part.value;
    for (std::size_t c = 0; c < N; ++c) total.gradient[c] = total.gradient[c] + part.gradient[c];
}

// The sum over samples i < count of what add_sample(partial, i) adds, in
// blocks (above). Partial: a scalar or a value_gradient_sum.
template <class T, std::size_t N>
constexpr void add_into(std::array<T, N>& total, const std::array<T, N>& part) {
    for (std::size_t c = 0; c < N; ++c) total[c] = total[c] + part[c];
}

// sums[0] += sums[1], sums[2] += sums[3], ..., then in pairs of those: the
// fixed tree ((b0 + b1) + (b2 + b3)) + ... that gives the same bits however
// the blocks were computed. The total is left in sums[0].
template <class Partial>
constexpr void combine_pairwise(Partial* sums, std::size_t blocks) {
    for (std::size_t width = 1; width < blocks; width *= 2)
        for (std::size_t b = 0; b + width < blocks; b += 2 * width) add_into(sums[b], sums[b + width]);
}

// An array of n values made with new[] and freed however the scope is left
// (a block that throws, a thread that cannot start); constexpr, for constant
// evaluation.
template <class T>
struct owned_array {
    T* data;
    constexpr explicit owned_array(std::size_t n) : data(new T[n]{}) {}
    constexpr ~owned_array() { delete[] data; }
    owned_array(const owned_array&) = delete;
    owned_array& operator=(const owned_array&) = delete;
};

template <class Partial, class AddSample>
constexpr Partial blocked_sum(std::size_t count, const block_runner& runner, const AddSample& add_sample) {
    const std::size_t blocks = (count + samples_per_block - 1) / samples_per_block;
    if (blocks == 0) return Partial{};
    const owned_array<Partial> owned(blocks);
    Partial* sums = owned.data;
    auto one_block = [&](std::size_t b) {
        Partial p{};
        const std::size_t last = (b + 1) * samples_per_block < count ? (b + 1) * samples_per_block : count;
        for (std::size_t i = b * samples_per_block; i < last; ++i) add_sample(p, i);
        sums[b] = p;
    };
    if (std::is_constant_evaluated() || runner.run == nullptr || runner.workers <= 1 || blocks == 1) {
        for (std::size_t b = 0; b < blocks; ++b) one_block(b);
    } else {
        using Job = decltype(one_block);
        runner.run(runner.context, runner.workers, blocks, &one_block,
                   [](void* job, std::size_t b) { (*static_cast<Job*>(job))(b); });
    }
    combine_pairwise(sums, blocks);
    return sums[0];
}

}  // namespace leibniz::detail

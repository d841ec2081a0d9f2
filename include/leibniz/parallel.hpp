// Data-parallel means and fits on threads, with the same bits for any thread
// count:
//
//   #include <leibniz/parallel.hpp>
//   auto loss = lz::mean(lz::pow<2>(a * t + b - y), lz::data(t = T, y = Y), lz::parallel{.threads = 4});
//   auto r = lz::fit(per_sample, start, lz::data(t = T, y = Y), lz::adam{}, lz::batches{.size = 4096},
//                    lz::parallel{.threads = 4});
//
// The samples are summed in fixed blocks reduced in a fixed tree
// (data/blocked_sum.hpp): which thread computes a block changes nothing. A
// thread count of 0 means std::thread::hardware_concurrency(); below 0 is an
// error (std::invalid_argument; in constant evaluation, where everything runs
// on one thread with the same bits, a compile error naming
// parallel_thread_count_below_zero).
//
// A header of its own, not included by <leibniz/leibniz.hpp>: <thread>,
// <mutex> and <condition_variable> cost every translation unit about a tenth
// of what leibniz.hpp costs, so only the users of threads pay for them.
#pragma once

#include <leibniz/data/blocked_sum.hpp>
#include <leibniz/data/mean.hpp>
#include <leibniz/loops/index_sum.hpp>
#include <leibniz/optimization/fit.hpp>

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

namespace leibniz {

// How many threads a data-parallel mean or fit uses: 0 for the hardware's.
struct parallel {
    int threads = 0;
};

namespace detail {

inline void parallel_thread_count_below_zero() {}

constexpr std::size_t thread_count(const parallel& p) {
    if (p.threads < 0) {
        if (std::is_constant_evaluated()) parallel_thread_count_below_zero();
        throw std::invalid_argument("leibniz::parallel: the thread count is below 0 (0 means the hardware's)");
    }
    if (p.threads > 0) return static_cast<std::size_t>(p.threads);
    if (std::is_constant_evaluated()) return 1;
    const unsigned hardware = std::thread::hardware_concurrency();
    return hardware > 0 ? hardware : 1;
}

// workers - 1 threads that wait for jobs, and the caller as worker 0. A job
// runs one(job, b) for blocks b = w, w + workers, ... on worker w; run()
// returns when every block is done, rethrowing the first exception a block
// threw. The threads end with the team (no global pool).
class thread_team {
public:
    explicit thread_team(std::size_t workers) : workers_(workers > 0 ? workers : 1) {
        threads_.reserve(workers_ - 1);
        try {
            for (std::size_t w = 1; w < workers_; ++w) threads_.emplace_back([this, w] { serve(w); });
        } catch (...) {
            stop();
            throw;
        }
    }
    thread_team(const thread_team&) = delete;
    thread_team& operator=(const thread_team&) = delete;
    ~thread_team() { stop(); }

    std::size_t workers() const { return workers_; }

    void run(std::size_t blocks, void* job, void (*one)(void*, std::size_t)) {
        {
            const std::lock_guard lock(mutex_);
            blocks_ = blocks;
            job_ = job;
            one_ = one;
            finished_ = 0;
            failure_ = nullptr;
            ++generation_;
        }
        start_.notify_all();
        work(0);
        std::unique_lock lock(mutex_);
        done_.wait(lock, [&] { return finished_ == threads_.size(); });
        if (failure_) std::rethrow_exception(failure_);
    }

private:
    void work(std::size_t w) {
        try {
            for (std::size_t b = w; b < blocks_; b += workers_) one_(job_, b);
        } catch (...) {
            const std::lock_guard lock(mutex_);
            if (!failure_) failure_ = std::current_exception();
        }
    }
    void serve(std::size_t w) {
        std::size_t seen = 0;
        for (;;) {
            {
                std::unique_lock lock(mutex_);
                start_.wait(lock, [&] { return stopping_ || generation_ != seen; });
                if (stopping_) return;
                seen = generation_;
            }
            work(w);
            {
                const std::lock_guard lock(mutex_);
                ++finished_;
            }
            done_.notify_one();
        }
    }
    void stop() {
        {
            const std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        start_.notify_all();
        for (std::thread& t : threads_)
            if (t.joinable()) t.join();
    }

    std::size_t workers_;
    std::vector<std::thread> threads_;
    std::mutex mutex_;
    std::condition_variable start_, done_;
    std::size_t generation_ = 0, finished_ = 0;
    bool stopping_ = false;
    std::size_t blocks_ = 0;
    void* job_ = nullptr;
    void (*one_)(void*, std::size_t) = nullptr;
    std::exception_ptr failure_;
};

// The runners of data/blocked_sum.hpp: on a team that lives as long as a fit,
// or on threads started for one sum (a mean evaluated on its own).
inline void run_on_team(void* team, std::size_t, std::size_t blocks, void* job, void (*one)(void*, std::size_t)) {
    static_cast<thread_team*>(team)->run(blocks, job, one);
}
// A sum over an index made parallel with threads = 0 (the hardware's, which
// a constant-initialised expression cannot ask for): asked when it runs.
inline constexpr std::size_t hardware_threads = static_cast<std::size_t>(-1);

inline void run_on_new_threads(void*, std::size_t workers, std::size_t blocks, void* job,
                               void (*one)(void*, std::size_t)) {
    if (workers == hardware_threads) {
        const unsigned hardware = std::thread::hardware_concurrency();
        workers = hardware > 0 ? hardware : 1;
    }
    thread_team team(workers < blocks ? workers : blocks);
    team.run(blocks, job, one);
}

}  // namespace detail

// mean(loss, data, parallel{.threads = N}): the mean of mean(loss, data),
// its samples summed on N threads in fixed blocks: the value, gradient and
// Hessian have the same bits for every N, and equal the plain mean's to
// rounding. (A loss the evaluation plan cannot lower, one holding where, min
// or max, has its gradient summed on one thread, sample by sample: the same
// bits for every N too; its value and Hessian use the threads.)
template <Expression Loss, class... Columns>
constexpr auto mean(const Loss& loss, const detail::data_set<Columns...>& data, const parallel& threads) {
    detail::data_set<Columns...> split = data;
    split.parallel = {detail::thread_count(threads), nullptr, &detail::run_on_new_threads};
    return mean(loss, split);
}

// sum(i, first, end, body, parallel{.threads = N}): the sum's index values in
// fixed blocks of 256 on N threads (started for each evaluation): its value,
// its gradient and Hessian by scalars and its gradient by a vector have the
// same bits for every N, and equal the plain sum's to rounding. The gradient
// by a vector runs the blocks in two phases (even, then odd) so that no two
// threads add into one element: where the body reads the vector at one
// stride (x[i], x[i + 1]; x[2i], x[2i + 1]) and holds no sum of its own;
// another body's gradient by a vector runs on one thread, index value by
// index value (the same bits for every N too). Inside the Hessian by a
// vector the sums' values and gradients use the threads; the Hessians of
// their bodies, levenberg_marquardt's rows and hessian(f, x).times's
// products run on one thread. to_c writes a parallel sum as a plain loop
// (the plain sum's bits).
template <char... C, Bound First, Bound End, Operand Body>
constexpr auto sum(index_variable<C...> i, const First& first, const End& end, const Body& body, const parallel& threads) {
    auto s = sum(i, first, end, body);
    if constexpr (!std::is_same_v<decltype(s), zero>) {
        if (threads.threads < 0) {
            if (std::is_constant_evaluated()) detail::parallel_thread_count_below_zero();
            throw std::invalid_argument("leibniz::parallel: the thread count is below 0 (0 means the hardware's)");
        }
        const std::size_t workers = threads.threads == 0 ? detail::hardware_threads : static_cast<std::size_t>(threads.threads);
        s.runner = {workers, nullptr, &detail::run_on_new_threads};
    }
    return s;
}

// fit(..., batches{...}, parallel{.threads = N}): each batch's gradient summed
// on N threads in fixed blocks (the same bits for every N); the threads live
// as long as the fit.
template <Expression Loss, class T, class... V, class... Columns, class Optimizer,
          class Observer = detail::no_observer>
auto fit(const Loss& loss, const point<T, variable_pack<V...>>& start, const detail::data_set<Columns...>& data,
         const Optimizer& optimizer, const batches& schedule, const parallel& threads, Observer observe = {}) {
    const std::size_t workers = detail::thread_count(threads);
    detail::thread_team team(workers);
    detail::data_set<Columns...> split = data;
    split.parallel = {workers, &team, &detail::run_on_team};
    return fit(loss, start, split, optimizer, schedule, observe);
}

}  // namespace leibniz

// leibniz with Boost.MPI: a fit whose data are spread over processes. Opt-in
// (never included by leibniz.hpp); link leibniz::mpi (Boost.MPI and MPI's C++
// target).
//
//   boost::mpi::environment env(argc, argv);
//   boost::mpi::communicator world;
//   // each rank: its own shard of the samples
//   auto r = lz::fit(loss, lz::point(a = 1.0, b = 1.0), lz::data(t = my_ts, y = my_ys), lz::adam{},
//                    lz::batches{.size = 4096, .epochs = 20, .seed = 7}, lz::distributed{world});
//
// Every rank of `world` calls fit with the same loss, start point, optimiser
// and batches, and its own shard; every rank returns the same result, bit for
// bit: the point, r.value (the mean loss over all the shards), r.iterations and
// r.status. With a full batch (batches.size at least the total number of
// samples) the point equals, to rounding, a one-process fit over all the data.
//
// How it works:
//
// - Start. The ranks allgather {shard size, a hash of the loss's, point's,
//   columns' and observer's types (their typeid names), a hash of the start
//   point's bits and of the batches}. Every rank then checks every record:
//   a shard of other variables or types, or other settings, on some rank, or
//   an empty shard, is a std::invalid_argument on every rank that names the
//   rank(s) at fault (never a hang). M is the total number of samples.
//   What the types and the start cannot show (an optimiser's learning rate, a
//   number in the loss) is caught after each epoch: the ranks compare a hash
//   of their points, and one that differs is a std::runtime_error on every rank.
// - Batches. The global batch size is B = batches.size (0 means 1; more than M
//   means M), and every epoch has S = ceil(M / B) steps on every rank. Each
//   epoch, rank r shuffles its shard (Fisher-Yates, as fit does) with a
//   detail::splitmix64 whose state starts at seed + r·0xD1B54A32D192ED03
//   (mod 2^64: rank 0 starts at seed, as a one-process fit does; the streams
//   of the ranks do not overlap in practice) and cuts the shuffled shard of
//   m_r samples into S consecutive parts of floor(m_r / S) samples or one
//   more: part k is one longer when (k - o_r) mod S < m_r mod S, where
//   o_r = (m_0 mod S + ... + m_(r-1) mod S) mod S. The longer parts are dealt
//   round the steps rank after rank, so step k, which uses part k of every
//   rank, has floor(M / S) or ceil(M / S) samples in all (at least 1, at most
//   B), drawn from every shard in proportion to its size. The batches depend on
//   the number of ranks and on how the data are split (not only on M and the
//   seed); with one rank and a full batch the fit is fit(...)'s, bit for bit.
// - A step. Each rank sums the per-sample gradients of its part, in the
//   shuffled order, then the ranks allgather a fixed-size record {gradient
//   sum, count, failed} (not an all_reduce: MPI's reduction order may depend
//   on the algorithm MPI picks and differ between ranks). Every rank adds the
//   records in rank order, divides by the total count and takes the
//   optimiser's step: the same bits everywhere, with no broadcast of the point.
// - Failure. A rank whose part throws (a data accessor, a user scalar type)
//   still contributes its record, flagged. Then every rank throws: the failing
//   rank(s) rethrow their own exception, the others a std::runtime_error
//   naming the failing rank(s). The same holds for the values computed for
//   r.value and the observer, and for an observer that throws on some ranks.
// - Values. r.value, and the value an observer's epoch_end receives, are the
//   mean loss over all the shards: value sums and counts allgathered and added
//   in rank order. A gradient or an iterate that stops being finite ends the
//   fit as diverged, on every rank at the same step.
//
// Not provided: a distributed mean(loss, data, ...) for minimize (it would be
// an expression node of its own, with a rule in every layer). A distributed
// fit runs each rank's part on one thread.
//
// Every rank must call fit (a collective operation), with the same arguments
// but its data; the communicator must not be used by other threads meanwhile.
#pragma once

#include <leibniz/data/mean.hpp>
#include <leibniz/optimization/fit.hpp>

#include <boost/mpi/collectives/all_gather.hpp>
#include <boost/mpi/communicator.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <exception>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <typeinfo>
#include <vector>

namespace leibniz {

// fit(..., batches{...}, distributed{world}): the data spread over the ranks of world.
struct distributed {
    boost::mpi::communicator world;
};

namespace detail::mpi {

// FNV-1a, 64 bits.
struct hash {
    std::uint64_t h = 0xCBF29CE484222325ULL;
    void bytes(const void* p, std::size_t size) {
        const auto* c = static_cast<const unsigned char*>(p);
        for (std::size_t i = 0; i < size; ++i) {
            h ^= c[i];
            h *= 0x100000001B3ULL;
        }
    }
    void text(const char* s) { bytes(s, std::strlen(s) + 1); }
    template <class T>
    void value(const T& v) {
        static_assert(std::is_trivially_copyable_v<T>);
        if constexpr (std::is_same_v<T, long double> && std::numeric_limits<long double>::digits == 64 &&
                      sizeof(long double) > 10)
            bytes(&v, 10);  // x87 extended precision: the rest of the object is padding, not value
        else
            bytes(&v, sizeof v);
    }
};

// The ranks named: "rank 1" or "ranks 0, 2".
inline std::string ranks_named(const std::vector<int>& ranks) {
    std::string s = ranks.size() == 1 ? "rank " : "ranks ";
    for (std::size_t i = 0; i < ranks.size(); ++i) s += (i ? ", " : "") + std::to_string(ranks[i]);
    return s;
}

// Every rank's copy of a trivially copyable record, in rank order (allgather
// of its bytes).
template <class Record>
std::vector<Record> gather(const boost::mpi::communicator& world, const Record& mine) {
    static_assert(std::is_trivially_copyable_v<Record>);
    std::array<char, sizeof(Record)> out{};
    std::memcpy(out.data(), &mine, sizeof(Record));
    std::vector<char> in(sizeof(Record) * static_cast<std::size_t>(world.size()));
    boost::mpi::all_gather(world, out.data(), static_cast<int>(sizeof(Record)), in.data());
    std::vector<Record> all(static_cast<std::size_t>(world.size()));
    for (std::size_t r = 0; r < all.size(); ++r) std::memcpy(&all[r], in.data() + r * sizeof(Record), sizeof(Record));
    return all;
}

// Runs work() on this rank; every rank learns which ranks failed. If any did,
// every rank throws: a failed rank its own exception, the others a
// std::runtime_error naming the failed ranks. Record: has a `failed` member.
template <class Record, class Work>
std::vector<Record> exchange(const boost::mpi::communicator& world, const char* what, Work&& work) {
    Record mine{};
    std::exception_ptr error;
    try {
        work(mine);
    } catch (...) {
        error = std::current_exception();
        mine = Record{};
        mine.failed = 1;
    }
    std::vector<Record> all = gather(world, mine);
    std::vector<int> failed;
    for (std::size_t r = 0; r < all.size(); ++r)
        if (all[r].failed) failed.push_back(static_cast<int>(r));
    if (!failed.empty()) {
        if (error) std::rethrow_exception(error);
        throw std::runtime_error(std::string("leibniz::fit(distributed): ") + ranks_named(failed) + " threw while " +
                                 what);
    }
    return all;
}

template <class T, std::size_t N>
struct step_record {
    std::array<T, N> gradient;  // the sum over this rank's part
    std::uint64_t count;
    std::uint64_t failed;
};

template <class T>
struct value_record {
    T sum;
    std::uint64_t count;
    std::uint64_t failed;
};

struct start_record {
    std::uint64_t size;
    std::uint64_t types;
    std::uint64_t settings;
    std::uint64_t failed;
};

// The mean loss over all the shards at the current point, the same bits on every rank.
template <class T, class Loss, class Env, class Data>
T global_mean(const boost::mpi::communicator& world, const Loss& loss, const Env& at_point, const Data& data,
              const char* what) {
    const auto all = exchange<value_record<T>>(world, what, [&](value_record<T>& mine) {
        T sum = T(0);
        for (std::size_t i = 0; i < data.size; ++i)
            sum = sum + evaluate<T>(loss, sample_environment<Env, Data>{at_point, data, i});
        mine.sum = sum;
        mine.count = data.size;
    });
    T sum = all[0].sum;
    std::uint64_t count = all[0].count;
    for (std::size_t r = 1; r < all.size(); ++r) {
        sum = sum + all[r].sum;
        count += all[r].count;
    }
    return sum / T(count);
}

inline constexpr std::uint64_t rank_seed_step = 0xD1B54A32D192ED03ULL;

}  // namespace detail::mpi

template <Expression Loss, class T, class... V, class... Columns, class Optimizer,
          class Observer = detail::no_observer>
result<point<T, variable_pack<V...>>> fit(const Loss& loss, const point<T, variable_pack<V...>>& start,
                                          const detail::data_set<Columns...>& data, const Optimizer& optimizer,
                                          const batches& schedule, const distributed& across, Observer observe = {}) {
    using Point = point<T, variable_pack<V...>>;
    using Data = detail::data_set<Columns...>;
    using Vars = variable_pack<V...>;
    constexpr std::size_t n = sizeof...(V);
    using Env = detail::environment<Point>;
    using SampleEnv = detail::sample_environment<Env, Data>;
    using missing = typename detail::first_unbound<Loss, SampleEnv>::type;
    constexpr bool valid = FirstOrderOptimizer<Optimizer> && std::is_void_v<missing> &&
                           detail::any_true<detail::depends_on<V, Loss>::value...>;
    if constexpr (!valid) {
        return fit(loss, start, data, optimizer, schedule, observe);  // its compile-time error says what is wrong
    } else {
        static_assert(std::is_trivially_copyable_v<T>,
                      "leibniz: fit(..., distributed{world}) sends the gradient's bits: use a trivially copyable "
                      "scalar type (float, double, long double)");
        const boost::mpi::communicator& world = across.world;
        const int rank = world.rank();

        // ---- start: shard sizes, types and settings of every rank ----
        const auto starts = detail::mpi::exchange<detail::mpi::start_record>(
                world, "checking its arguments", [&](detail::mpi::start_record& mine) {
                    detail::mpi::hash types;
                    types.text(typeid(Loss).name());
                    types.text(typeid(Point).name());
                    (types.text(typeid(typename Columns::variable_type).name()), ...);
                    (types.text(typeid(typename Columns::value_type).name()), ...);
                    types.text(typeid(Optimizer).name());
                    types.text(typeid(Observer).name());
                    detail::mpi::hash settings;
                    for (const T& v : start.values) settings.value(v);
                    settings.value(static_cast<std::uint64_t>(schedule.size));
                    settings.value(static_cast<std::uint64_t>(schedule.epochs));
                    settings.value(schedule.seed);
                    settings.value(schedule.decay);
                    mine.size = data.size;
                    mine.types = types.h;
                    mine.settings = settings.h;
                });
        std::vector<int> other_types, other_settings, empty;
        std::uint64_t total = 0;
        for (std::size_t r = 0; r < starts.size(); ++r) {
            if (starts[r].types != starts[0].types) other_types.push_back(static_cast<int>(r));
            if (starts[r].settings != starts[0].settings) other_settings.push_back(static_cast<int>(r));
            if (starts[r].size == 0) empty.push_back(static_cast<int>(r));
            total += starts[r].size;
        }
        if (!other_types.empty())
            throw std::invalid_argument("leibniz::fit(distributed): the loss, the start point's variables, the data's "
                                        "columns, the optimiser or the observer of " +
                                        detail::mpi::ranks_named(other_types) + " differ from rank 0's");
        if (!other_settings.empty())
            throw std::invalid_argument("leibniz::fit(distributed): the start point or the batches of " +
                                        detail::mpi::ranks_named(other_settings) + " differ from rank 0's");
        if (!empty.empty())
            throw std::invalid_argument("leibniz::fit(distributed): the data set of " +
                                        detail::mpi::ranks_named(empty) + " has no samples");

        const std::size_t m = data.size;
        const std::uint64_t batch = schedule.size == 0 ? 1 : (schedule.size < total ? schedule.size : total);
        const std::size_t steps = static_cast<std::size_t>((total + batch - 1) / batch);
        const std::size_t part = m / steps, longer = m % steps;
        std::size_t offset = 0;  // o_r: the longer parts of the ranks before this one, mod S
        for (int q = 0; q < rank; ++q) offset = (offset + starts[static_cast<std::size_t>(q)].size % steps) % steps;

        result<Point> r{start};
        const Env at_point{{{r.point}}};
        // What may throw on one rank only (an allocation) is done where every
        // rank learns of it.
        std::optional<decltype(optimizer.template start<T, n>())> started;
        std::optional<detail::sample_order> ordered;
        struct setup_record {
            std::uint64_t failed;
        };
        detail::mpi::exchange<setup_record>(world, "setting up", [&](setup_record&) {
            started.emplace(optimizer.template start<T, n>());
            ordered.emplace(m);
        });
        auto& state = *started;
        detail::sample_order& order = *ordered;
        detail::splitmix64 random{schedule.seed + static_cast<std::uint64_t>(rank) * detail::mpi::rank_seed_step};
        r.status = status::max_iterations;
        const auto finish = [&](status s) {
            r.status = s;
            r.value = detail::mpi::global_mean<T>(world, loss, at_point, data, "computing the mean loss");
            return r;
        };
        for (std::size_t epoch = 0; epoch < schedule.epochs; ++epoch) {
            for (std::size_t i = m; i > 1; --i) {  // Fisher-Yates, as fit
                const std::size_t j = static_cast<std::size_t>(random.next() % i);
                const std::size_t t = order[i - 1];
                order[i - 1] = order[j];
                order[j] = t;
            }
            const Optimizer step = detail::scaled_step(optimizer, 1 / (1 + schedule.decay * static_cast<double>(epoch)));
            std::size_t last = 0;  // parts of floor(m / S) samples, one more where (k - o_r) mod S < m mod S
            for (std::size_t k = 0; k < steps; ++k) {
                const std::size_t first = last;
                last = first + part + ((k + steps - offset) % steps < longer ? 1 : 0);
                const auto all = detail::mpi::exchange<detail::mpi::step_record<T, n>>(
                        world, "computing its part of a batch's gradient",
                        [&](detail::mpi::step_record<T, n>& mine) {
                            std::array<T, n> g{};
                            for (std::size_t i = first; i < last; ++i) {
                                const SampleEnv env{at_point, data, order[i]};
                                const auto sample = detail::value_and_gradient_of<T, Vars>(loss, env);
                                for (std::size_t c = 0; c < n; ++c) g[c] = g[c] + sample.gradient[c];
                            }
                            mine.gradient = g;
                            mine.count = last - first;
                        });
                std::array<T, n> g = all[0].gradient;  // in rank order, the same on every rank
                std::uint64_t count = all[0].count;
                for (std::size_t q = 1; q < all.size(); ++q) {
                    for (std::size_t c = 0; c < n; ++c) g[c] = g[c] + all[q].gradient[c];
                    count += all[q].count;
                }
                for (std::size_t c = 0; c < n; ++c) g[c] = g[c] / T(count);
                if (!detail::all_finite(g)) return finish(status::diverged);
                step.update(state, r.point.values, g, r.iterations + 1);
                ++r.iterations;
                if (!detail::all_finite(r.point.values)) return finish(status::diverged);
            }
            if constexpr (!std::is_same_v<Observer, detail::no_observer>) {
                const T value = detail::mpi::global_mean<T>(world, loss, at_point, data, "computing the mean loss");
                struct flag {
                    std::uint64_t failed;
                };
                detail::mpi::exchange<flag>(world, "in the observer", [&](flag&) {
                    observe(epoch_end<Point>{epoch + 1, r.iterations, r.point, value});
                });
            }
            // The points after each epoch, compared: settings the start cannot
            // see (an optimiser's learning rate, a number in the loss) that
            // differ between ranks are an error on every rank, not a drift.
            struct point_record {
                std::uint64_t hash;
                std::uint64_t failed;
            };
            const auto points = detail::mpi::exchange<point_record>(world, "comparing the points", [&](point_record& mine) {
                detail::mpi::hash h;
                for (const T& v : r.point.values) h.value(v);
                mine.hash = h.h;
            });
            std::vector<int> drifted;
            for (std::size_t q = 1; q < points.size(); ++q)
                if (points[q].hash != points[0].hash) drifted.push_back(static_cast<int>(q));
            if (!drifted.empty())
                throw std::runtime_error("leibniz::fit(distributed): after epoch " + std::to_string(epoch + 1) +
                                         ", the point of " + detail::mpi::ranks_named(drifted) +
                                         " differs from rank 0's: the optimiser's settings or the loss differ "
                                         "between the ranks");
        }
        return finish(status::max_iterations);
    }
}

}  // namespace leibniz

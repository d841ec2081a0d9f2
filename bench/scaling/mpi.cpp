// Cost of a step of fit(..., distributed{world}) (<leibniz/interop/mpi.hpp>),
// split into the compute (the same fit of each rank's shard on a one-rank
// communicator) and the communication (the rest: the allgather of the step's
// record and waiting for the slowest rank); and the latency of the allgather
// alone.
// The loss and data of bench/scaling/threads.cpp: ½(a·e^(−b·x) + c − y)² over
// m samples in all, each rank holding a contiguous m/p of them; full batch.
// A plain timing loop, not Google Benchmark: every rank must run the same
// number of iterations (each is a collective). bench/scaling/mpi.sh runs it.
//   mpiexec -n P ./mpi [repetitions]
#include <leibniz/leibniz.hpp>
#include <leibniz/interop/mpi.hpp>

#include <boost/mpi/collectives/all_gather.hpp>
#include <boost/mpi/collectives/broadcast.hpp>
#include <boost/mpi/communicator.hpp>
#include <boost/mpi/environment.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <type_traits>
#include <vector>

namespace lz = leibniz;
namespace mpi = boost::mpi;

namespace {

constexpr auto x = lz::var<"x">;
constexpr auto y = lz::var<"y">;
constexpr auto a = lz::var<"a">;
constexpr auto b = lz::var<"b">;
constexpr auto c = lz::var<"c">;
constexpr auto loss = lz::pow<2>(a * lz::exp(-b * x) + c - y) / 2;

using clock_type = std::chrono::steady_clock;

double seconds_since(clock_type::time_point t0) {
    return std::chrono::duration<double>(clock_type::now() - t0).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

// The slowest rank's time (what a step waits for), the same on every rank.
double slowest(const mpi::communicator& world, double t) {
    std::vector<double> all(static_cast<std::size_t>(world.size()));
    mpi::all_gather(world, t, all.data());
    return *std::max_element(all.begin(), all.end());
}

// Microseconds per allgather of `bytes` bytes from every rank.
double allgather_us(const mpi::communicator& world, std::size_t bytes, int count) {
    std::vector<char> mine(bytes, 1), all(bytes * static_cast<std::size_t>(world.size()));
    for (int i = 0; i < 10; ++i) mpi::all_gather(world, mine.data(), static_cast<int>(bytes), all.data());
    world.barrier();
    const auto t0 = clock_type::now();
    for (int i = 0; i < count; ++i) mpi::all_gather(world, mine.data(), static_cast<int>(bytes), all.data());
    return slowest(world, seconds_since(t0)) / count * 1e6;
}

}  // namespace

int main(int argc, char** argv) {
    mpi::environment env(argc, argv);
    mpi::communicator world;
    const int repetitions = argc > 1 ? std::atoi(argv[1]) : 5;
    const int p = world.size(), rank = world.rank();
    if (rank == 0) std::printf("ranks %d, repetitions %d (medians)\n", p, repetitions);

    // The allgather alone: the step's record (3 doubles, a count, a flag: 40 bytes), and 1 MiB.
    for (std::size_t bytes : {std::size_t{40}, std::size_t{1} << 20}) {
        std::vector<double> us;
        for (int r = 0; r < repetitions; ++r) us.push_back(allgather_us(world, bytes, bytes < 1000 ? 20000 : 200));
        if (rank == 0) std::printf("allgather %zu bytes per rank: %.3f us\n", bytes, median(us));
    }

    constexpr std::size_t steps = 20;
    for (std::size_t m : {std::size_t{100000}, std::size_t{1000000}}) {
        const std::size_t first = m * static_cast<std::size_t>(rank) / static_cast<std::size_t>(p);
        const std::size_t last = m * static_cast<std::size_t>(rank + 1) / static_cast<std::size_t>(p);
        std::vector<double> xs, ys;
        for (std::size_t i = first; i < last; ++i) {
            xs.push_back(4.0 * static_cast<double>(i) / static_cast<double>(m));
            ys.push_back(2.0 * std::exp(-0.7 * xs.back()) + 0.3 + 0.01 * std::sin(static_cast<double>(i)));
        }
        const auto data = lz::data(x = xs, y = ys);
        const auto start = lz::point(a = 1.0, b = 1.0, c = 0.0);
        // A step: a full-batch fit of 20 steps less one of 0 steps (its start
        // exchange and final mean loss), on world, and on a communicator of
        // this rank alone with the same shard (the compute: the shuffle and
        // the gradient sum over the shard, the optimiser's step; its one-rank
        // allgather costs tens of nanoseconds).
        const mpi::communicator alone = world.split(rank);
        std::vector<double> step, compute;
        double sink = 0;
        const auto timed = [&](const mpi::communicator& on, std::size_t epochs) {
            world.barrier();
            const auto t0 = clock_type::now();
            const auto fitted = lz::fit(loss, start, data, lz::adam{}, lz::batches{.size = m, .epochs = epochs},
                                        lz::distributed{on});
            sink += fitted.point[a];
            return slowest(world, seconds_since(t0));
        };
        for (int r = 0; r < repetitions; ++r) {
            step.push_back((timed(world, steps) - timed(world, 0)) / steps);
            compute.push_back((timed(alone, steps) - timed(alone, 0)) / steps);
        }
        if (rank == 0)
            std::printf("m = %zu (%zu per rank): step %.4f ms, compute (the shard alone) %.4f ms, communication "
                        "(the difference) %.4f ms%s\n",
                        m, m / static_cast<std::size_t>(p), median(step) * 1e3, median(compute) * 1e3,
                        (median(step) - median(compute)) * 1e3, sink > 0 ? "" : " ");
    }
}

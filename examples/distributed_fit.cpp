// A fit over data spread across processes (<leibniz/interop/mpi.hpp>):
// y = a·exp(−b·t) + c, each rank generating its own shard of the samples.
// Every rank ends at the same point; rank 0 prints it and checks it against a
// one-process fit over all the data.
//
//   mpiexec -n 2 ./distributed_fit
#include <leibniz/leibniz.hpp>
#include <leibniz/interop/mpi.hpp>

#include <boost/mpi/collectives/all_gather.hpp>
#include <boost/mpi/communicator.hpp>
#include <boost/mpi/environment.hpp>

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <vector>

namespace lz = leibniz;

int main(int argc, char** argv) {
    boost::mpi::environment env(argc, argv);
    boost::mpi::communicator world;

    constexpr auto t = lz::var<"t">;
    constexpr auto y = lz::var<"y">;
    constexpr auto a = lz::var<"a">;
    constexpr auto b = lz::var<"b">;
    constexpr auto c = lz::var<"c">;
    constexpr auto loss = lz::pow<2>(a * lz::exp(-b * t) + c - y) / 2;

    // 20000 samples of 2·exp(−0.7·t) + 0.3 with a little noise; rank r takes
    // a contiguous block of them.
    constexpr int total = 20000;
    const auto sample = [](int i, std::vector<double>& ts, std::vector<double>& ys) {
        const double ti = 5.0 * i / total;
        ts.push_back(ti);
        ys.push_back(2.0 * std::exp(-0.7 * ti) + 0.3 + 0.02 * std::sin(37.0 * i));
    };
    std::vector<double> ts, ys;
    const int first = total * world.rank() / world.size(), last = total * (world.rank() + 1) / world.size();
    for (int i = first; i < last; ++i) sample(i, ts, ys);

    const auto start = lz::point(a = 1.0, b = 1.0, c = 0.0);
    const lz::batches full{.size = total, .epochs = 400};
    const auto r = lz::fit(loss, start, lz::data(t = ts, y = ys), lz::adam{.learning_rate = 0.05}, full,
                           lz::distributed{world});

    // The same bits on every rank.
    const std::uint64_t mine[3] = {std::bit_cast<std::uint64_t>(r.point[a]), std::bit_cast<std::uint64_t>(r.point[b]),
                                   std::bit_cast<std::uint64_t>(r.point[c])};
    std::vector<std::uint64_t> every(3 * static_cast<std::size_t>(world.size()));
    boost::mpi::all_gather(world, mine, 3, every.data());
    bool ok = true;
    for (std::size_t i = 0; i < every.size(); ++i) ok = ok && every[i] == mine[i % 3];

    if (world.rank() == 0) {
        std::vector<double> all_ts, all_ys;
        for (int i = 0; i < total; ++i) sample(i, all_ts, all_ys);
        const auto one = lz::fit(loss, start, lz::data(t = all_ts, y = all_ys), lz::adam{.learning_rate = 0.05}, full);
        std::printf("%d ranks: a = %.6f, b = %.6f, c = %.6f, mean loss %.3e after %zu steps\n", world.size(),
                    r.point[a], r.point[b], r.point[c], r.value, r.iterations);
        std::printf("1 process: a = %.6f, b = %.6f, c = %.6f, mean loss %.3e\n", one.point[a], one.point[b],
                    one.point[c], one.value);
        for (std::size_t i = 0; i < 3; ++i)
            ok = ok && std::fabs(r.point.values[i] - one.point.values[i]) <= 1e-10 * std::fabs(one.point.values[i]);
        ok = ok && std::fabs(r.value - one.value) <= 1e-10 * one.value && std::fabs(r.point[b] - 0.7) < 0.05;
        std::printf("%s\n", ok ? "same point on every rank, equal to the one-process fit" : "MISMATCH");
    }
    // Every rank exits with rank 0's verdict.
    std::vector<int> verdicts(static_cast<std::size_t>(world.size()));
    boost::mpi::all_gather(world, ok ? 1 : 0, verdicts.data());
    for (int v : verdicts) ok = ok && v == 1;
    return ok ? 0 : 1;
}

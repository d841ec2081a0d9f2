// Thread scaling of a data-parallel mean (<leibniz/parallel.hpp>): the value
// and gradient of the mean of a three-parameter exponential-decay loss over m
// samples, plain (sample by sample) and with parallel{.threads = 1, 2, ...}.
// Google Benchmark; bench/scaling/threads.sh runs it and draws the chart.
#include <leibniz/leibniz.hpp>
#include <leibniz/parallel.hpp>

#include <benchmark/benchmark.h>

#include <cmath>
#include <cstddef>
#include <vector>

namespace lz = leibniz;

namespace {

constexpr auto x = lz::var<"x">;
constexpr auto y = lz::var<"y">;
constexpr auto a = lz::var<"a">;
constexpr auto b = lz::var<"b">;
constexpr auto c = lz::var<"c">;
constexpr auto loss = lz::pow<2>(a * lz::exp(-b * x) + c - y) / 2;

struct samples {
    std::vector<double> xs, ys;
    explicit samples(std::size_t m) : xs(m), ys(m) {
        for (std::size_t i = 0; i < m; ++i) {
            xs[i] = 4.0 * static_cast<double>(i) / static_cast<double>(m);
            ys[i] = 2.0 * std::exp(-0.7 * xs[i]) + 0.3 + 0.01 * std::sin(static_cast<double>(i));
        }
    }
};

// range(0): samples; range(1): threads, -1 for the plain mean.
void mean_value_and_gradient(benchmark::State& state) {
    const samples s(static_cast<std::size_t>(state.range(0)));
    const auto data = lz::data(x = s.xs, y = s.ys);
    const int threads = static_cast<int>(state.range(1));
    auto run = [&](const auto& J) {
        for (auto _ : state) {
            auto r = lz::value_and_gradient(J, a, b, c)(a = 1.5, b = 0.5, c = 0.1);
            benchmark::DoNotOptimize(r);
        }
    };
    if (threads < 0)
        run(lz::mean(loss, data));
    else
        run(lz::mean(loss, data, lz::parallel{.threads = threads}));
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

// A full-batch fit: 20 Adam steps, each batch's gradient on the threads.
void fit_full_batch(benchmark::State& state) {
    const samples s(static_cast<std::size_t>(state.range(0)));
    const auto data = lz::data(x = s.xs, y = s.ys);
    const int threads = static_cast<int>(state.range(1));
    const lz::batches schedule{.size = s.xs.size(), .epochs = 20};
    for (auto _ : state) {
        auto r = threads < 0 ? lz::fit(loss, lz::point(a = 1.0, b = 1.0, c = 0.0), data, lz::adam{}, schedule)
                             : lz::fit(loss, lz::point(a = 1.0, b = 1.0, c = 0.0), data, lz::adam{}, schedule,
                                       lz::parallel{.threads = threads});
        benchmark::DoNotOptimize(r);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0) * 20);
}

void arguments(benchmark::internal::Benchmark* b) {
    for (long m : {100000L, 1000000L})
        for (long threads : {-1L, 1L, 2L, 3L, 4L}) b->Args({m, threads});
}

BENCHMARK(mean_value_and_gradient)->Apply(arguments)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(fit_full_batch)->Apply(arguments)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();

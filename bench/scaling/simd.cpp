// Points per second of value and gradient, SIMD lanes against the scalar
// loop, on Himmelblau (n = 2), Rosenbrock (n = 8) and exp(Σ sin xᵢ)·Π xᵢ
// (n = 16), as a user writes each: the scalar loop binds a std::array of
// doubles per point; the lanes bind a std::array of native_simd<double> per
// native_simd<double>::size() points; at_points takes columns and writes
// columns (<leibniz/simd.hpp>), reused, or new ones each call (at_points_new). bench/scaling/simd.sh builds it for SSE2
// (x86-64) and AVX2 (x86-64-v3), and AVX-512 (x86-64-v4) where the CPU has it.
#include <leibniz/leibniz.hpp>
#include <leibniz/simd.hpp>

#include <benchmark/benchmark.h>

#include <array>
#include <cmath>
#include <cstddef>
#include <experimental/simd>
#include <random>
#include <vector>

namespace lz = leibniz;
namespace stdx = std::experimental;

namespace {

template <std::size_t N>
constexpr auto xs = lz::vars<"x", N>;

constexpr auto himmelblau = [] {
    constexpr auto a = std::get<0>(xs<2>);
    constexpr auto b = std::get<1>(xs<2>);
    return lz::pow<2>(a * a + b - 11) + lz::pow<2>(a + b * b - 7);
}();
constexpr auto rosenbrock = lz::sum<7>([](auto i) {
    return 100 * lz::pow<2>(std::get<i + 1>(xs<8>) - lz::pow<2>(std::get<i>(xs<8>))) + lz::pow<2>(1 - std::get<i>(xs<8>));
});
constexpr auto exp_sin_product = lz::exp(lz::sum<16>([](auto i) { return lz::sin(std::get<i>(xs<16>)); })) *
                                 lz::product<16>([](auto i) { return std::get<i>(xs<16>); });

constexpr std::size_t points = 4096;

// Columns of coordinates in [-1.5, 1.5] and room for the results.
template <std::size_t N>
struct workload {
    std::array<std::vector<double>, N> columns;
    std::vector<double> value = std::vector<double>(points);
    std::array<std::vector<double>, N> gradient;
    workload() {
        std::mt19937 random(7);
        std::uniform_real_distribution<double> u(-1.5, 1.5);
        for (std::size_t c = 0; c < N; ++c) {
            for (std::size_t i = 0; i < points; ++i) columns[c].push_back(u(random));
            gradient[c].resize(points);
        }
    }
};

template <std::size_t N, class F>
void scalar_loop(benchmark::State& state, const F& f) {
    const auto vg = lz::value_and_gradient(f, xs<N>);
    workload<N> w;
    for (auto _ : state) {
        for (std::size_t i = 0; i < points; ++i) {
            std::array<double, N> p;
            for (std::size_t c = 0; c < N; ++c) p[c] = w.columns[c][i];
            const auto r = vg(xs<N> = p);
            w.value[i] = r.value;
            for (std::size_t c = 0; c < N; ++c) w.gradient[c][i] = r.gradient[c];
        }
        benchmark::DoNotOptimize(w.value.data());
        benchmark::DoNotOptimize(w.gradient[0].data());
    }
    state.counters["points_per_second"] = benchmark::Counter(double(points), benchmark::Counter::kIsIterationInvariantRate);
}

template <std::size_t N, class F>
void simd_lanes(benchmark::State& state, const F& f) {
    using V = stdx::native_simd<double>;
    const auto vg = lz::value_and_gradient(f, xs<N>);
    workload<N> w;
    for (auto _ : state) {
        for (std::size_t i = 0; i < points; i += V::size()) {
            std::array<V, N> p;
            for (std::size_t c = 0; c < N; ++c) p[c].copy_from(&w.columns[c][i], stdx::element_aligned);
            const auto r = vg(xs<N> = p);
            r.value.copy_to(&w.value[i], stdx::element_aligned);
            for (std::size_t c = 0; c < N; ++c) r.gradient[c].copy_to(&w.gradient[c][i], stdx::element_aligned);
        }
        benchmark::DoNotOptimize(w.value.data());
        benchmark::DoNotOptimize(w.gradient[0].data());
    }
    state.counters["points_per_second"] = benchmark::Counter(double(points), benchmark::Counter::kIsIterationInvariantRate);
}

template <std::size_t N, class F>
void at_points(benchmark::State& state, const F& f) {
    const auto vg = lz::value_and_gradient(f, xs<N>);
    workload<N> w;
    const auto data = [&]<std::size_t... I>(std::index_sequence<I...>) {
        return lz::data((std::get<I>(xs<N>) = w.columns[I])...);
    }(std::make_index_sequence<N>{});
    auto r = lz::at_points(vg, data);
    for (auto _ : state) {
        lz::at_points(vg, data, r);  // into the same columns
        benchmark::DoNotOptimize(r.value.data());
    }
    state.counters["points_per_second"] = benchmark::Counter(double(points), benchmark::Counter::kIsIterationInvariantRate);
}

// at_points returning new columns every time (allocated and first touched).
template <std::size_t N, class F>
void at_points_new(benchmark::State& state, const F& f) {
    const auto vg = lz::value_and_gradient(f, xs<N>);
    workload<N> w;
    const auto data = [&]<std::size_t... I>(std::index_sequence<I...>) {
        return lz::data((std::get<I>(xs<N>) = w.columns[I])...);
    }(std::make_index_sequence<N>{});
    for (auto _ : state) {
        auto r = lz::at_points(vg, data);
        benchmark::DoNotOptimize(r.value.data());
    }
    state.counters["points_per_second"] = benchmark::Counter(double(points), benchmark::Counter::kIsIterationInvariantRate);
}

}  // namespace

// One benchmark per form and problem: scalar/rosenbrock_8, lanes/..., at_points/...
#define LEIBNIZ_SIMD_BENCHMARKS(problem, n)                                                  \
    void scalar_##problem(benchmark::State& state) { scalar_loop<n>(state, problem); }      \
    void lanes_##problem(benchmark::State& state) { simd_lanes<n>(state, problem); }        \
    void at_points_##problem(benchmark::State& state) { at_points<n>(state, problem); }     \
    void at_points_new_##problem(benchmark::State& state) { at_points_new<n>(state, problem); } \
    BENCHMARK(scalar_##problem)->Name("scalar/" #problem "/" #n);                          \
    BENCHMARK(lanes_##problem)->Name("lanes/" #problem "/" #n);                            \
    BENCHMARK(at_points_##problem)->Name("at_points/" #problem "/" #n);                    \
    BENCHMARK(at_points_new_##problem)->Name("at_points_new/" #problem "/" #n);

LEIBNIZ_SIMD_BENCHMARKS(himmelblau, 2)
LEIBNIZ_SIMD_BENCHMARKS(rosenbrock, 8)
LEIBNIZ_SIMD_BENCHMARKS(exp_sin_product, 16)

BENCHMARK_MAIN();

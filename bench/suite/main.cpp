// The benchmark driver. Every column registered itself (column.hpp); this
// file owns the points and the data, and runs one of three modes:
//   leibniz_bench --check        every column against the hand-written one
//   leibniz_bench --callgrind    each batch once, its instructions dumped by
//                                callgrind (run it under valgrind --tool=callgrind
//                                --collect-atstart=no)
//   leibniz_bench [--benchmark_...]   the check, then Google Benchmark
#include "registry.hpp"

#include <benchmark/benchmark.h>
#include <valgrind/callgrind.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace bench {

namespace {

std::vector<column>& registry() {
    static std::vector<column> columns;
    return columns;
}

struct domain {
    double low, high;
};

domain domain_of(family f) {
    switch (f) {
        case family::quadratic: return {-3, 3};
        case family::himmelblau: return {-5, 5};
        case family::rosenbrock: return {-2, 2};
        case family::exp_sin_product: return {-1.5, 1.5};
        case family::regression: return {-5, 5};
    }
    return {-1, 1};
}

}  // namespace

void add(const column& c) { registry().push_back(c); }

std::string name(family f) {
    switch (f) {
        case family::quadratic: return "quadratic";
        case family::himmelblau: return "himmelblau";
        case family::rosenbrock: return "rosenbrock";
        case family::exp_sin_product: return "exp_sin_product";
        case family::regression: return "regression";
    }
    return "?";
}

std::string name(output o) {
    switch (o) {
        case output::value: return "value";
        case output::gradient: return "gradient";
        case output::hessian: return "hessian";
    }
    return "?";
}

std::string name(problem p) { return name(p.shape) + "/" + std::to_string(p.n) + "/" + name(p.computes); }

std::span<const double> points(problem p) {
    static std::map<std::string, std::vector<double>> cache;
    // The points depend on the family and n only: the value, gradient and
    // Hessian columns of a problem see the same points.
    const std::string key = name(p.shape) + "/" + std::to_string(p.n);
    auto [it, inserted] = cache.try_emplace(key);
    if (inserted) {
        std::mt19937_64 engine(20261123u + static_cast<unsigned>(p.n) * 7919u + static_cast<unsigned>(p.shape));
        const domain d = domain_of(p.shape);
        std::uniform_real_distribution<double> uniform(d.low, d.high);
        it->second.resize(points_per_batch * static_cast<std::size_t>(p.n));
        for (double& v : it->second) v = uniform(engine);
    }
    return it->second;
}

namespace {

struct regression_data {
    std::vector<double> x, y;
    regression_data() {
        std::mt19937_64 engine(42);
        std::uniform_real_distribution<double> where(0, 10);
        std::normal_distribution<double> noise(0, 1);
        for (std::size_t i = 0; i < regression_samples; ++i) {
            x.push_back(where(engine));
            y.push_back(2 + 3 * x.back() + noise(engine));
        }
    }
};

const regression_data& data() {
    static const regression_data d;
    return d;
}

}  // namespace

const std::vector<double>& regression_x() { return data().x; }
const std::vector<double>& regression_y() { return data().y; }

namespace {

std::vector<double> run_once(const column& c) {
    std::vector<double> results(points_per_batch * static_cast<std::size_t>(result_width(c.solves)));
    c.run(points(c.solves).data(), results.data());
    return results;
}

const column* hand_written(problem p) {
    for (const column& c : registry())
        if (c.solves == p && std::strcmp(c.library, "hand") == 0) return &c;
    return nullptr;
}

// The largest error of a column against the hand-written one, each entry
// relative to the largest magnitude of its group (value, gradient, Hessian)
// at that point.
double largest_relative_error(const std::vector<double>& got, const std::vector<double>& want, problem p) {
    const std::size_t width = static_cast<std::size_t>(result_width(p));
    const std::size_t n = static_cast<std::size_t>(p.n);
    double worst = 0;
    for (std::size_t i = 0; i < points_per_batch; ++i) {
        const double* a = got.data() + i * width;
        const double* b = want.data() + i * width;
        auto group = [&](std::size_t from, std::size_t to) {
            double scale = 0;
            for (std::size_t k = from; k < to; ++k) scale = std::max(scale, std::abs(b[k]));
            scale = std::max(scale, 1e-300);
            for (std::size_t k = from; k < to; ++k) {
                const double e = std::abs(a[k] - b[k]) / scale;
                worst = std::max(worst, std::isnan(e) ? INFINITY : e);
            }
        };
        group(0, 1);
        if (p.computes != output::value) group(1, 1 + n);
        if (p.computes == output::hessian) group(1 + n, width);
    }
    return worst;
}

bool check() {
    bool all_agree = true;
    std::printf("%-28s %-12s %14s %10s\n", "problem", "library", "max rel. err.", "tolerance");
    for (const column& c : registry()) {
        if (std::strcmp(c.library, "hand") == 0) continue;
        const column* reference = hand_written(c.solves);
        if (reference == nullptr) {
            std::printf("%-28s %-12s   no hand-written column\n", name(c.solves).c_str(), c.library);
            all_agree = false;
            continue;
        }
        const double tolerance = std::strcmp(c.library, "differences") == 0 ? 1e-5 : 1e-9;
        const double error = largest_relative_error(run_once(c), run_once(*reference), c.solves);
        const bool agrees = error <= tolerance;
        all_agree = all_agree && agrees;
        std::printf("%-28s %-12s %14.3g %10.0e %s\n", name(c.solves).c_str(), c.library, error, tolerance,
                    agrees ? "" : "DISAGREES");
    }
    std::printf(all_agree ? "every column agrees with the hand-written one\n"
                          : "some column disagrees with the hand-written one\n");
    return all_agree;
}

void prepare_all() {
    for (const column& c : registry())
        if (c.prepare != nullptr) c.prepare();
}

void sort_registry() {
    std::stable_sort(registry().begin(), registry().end(), [](const column& a, const column& b) {
        if (a.solves.shape != b.solves.shape) return a.solves.shape < b.solves.shape;
        if (a.solves.n != b.solves.n) return a.solves.n < b.solves.n;
        if (a.solves.computes != b.solves.computes) return a.solves.computes < b.solves.computes;
        return std::strcmp(a.library, b.library) < 0;
    });
}

// One dump per column, named like its benchmark; each counts one batch.
void count_instructions() {
    for (const column& c : registry()) {
        std::vector<double> results(points_per_batch * static_cast<std::size_t>(result_width(c.solves)));
        const double* p = points(c.solves).data();
        c.run(p, results.data());  // warm: first-touch and lazy initialisation stay out of the count
        CALLGRIND_ZERO_STATS;
        CALLGRIND_TOGGLE_COLLECT;
        c.run(p, results.data());
        CALLGRIND_TOGGLE_COLLECT;
        const std::string label = name(c.solves) + "/" + c.library;
        CALLGRIND_DUMP_STATS_AT(label.c_str());
        benchmark::DoNotOptimize(results.data());
    }
}

void register_benchmarks() {
    for (const column& c : registry()) {
        benchmark::RegisterBenchmark((name(c.solves) + "/" + c.library).c_str(), [c](benchmark::State& state) {
            std::vector<double> results(points_per_batch * static_cast<std::size_t>(result_width(c.solves)));
            const double* p = points(c.solves).data();
            for (auto _ : state) {
                c.run(p, results.data());
                benchmark::DoNotOptimize(results.data());
                benchmark::ClobberMemory();
            }
            state.counters["points"] = benchmark::Counter(static_cast<double>(points_per_batch),
                                                          benchmark::Counter::kIsIterationInvariantRate);
        });
    }
}

}  // namespace

}  // namespace bench

int main(int argc, char** argv) {
    bench::sort_registry();
    bench::prepare_all();
    if (argc > 1 && std::strcmp(argv[1], "--check") == 0) return bench::check() ? 0 : 1;
    if (argc > 1 && std::strcmp(argv[1], "--callgrind") == 0) {
        bench::count_instructions();
        return 0;
    }
    if (!bench::check()) return 1;
    benchmark::Initialize(&argc, argv);
    bench::register_benchmarks();
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}

// Loops stay loops: leibniz over lz::vec at n = 10^5 and 10^6 against the
// loop a person writes by hand, ADOL-C's taped gradient and Ceres' solver.
//
//   leibniz_bench_loops --check       every leibniz result against the hand-written one,
//                                     and the runs to convergence (iterations, time)
//   leibniz_bench_loops --callgrind   each kernel once, its instructions dumped by callgrind
//                                     (under valgrind --tool=callgrind --collect-atstart=no)
//   leibniz_bench_loops [--benchmark_...]   Google Benchmark's times
//
// The kernels (each a name below, the same in all three modes):
//   rosenbrock_vg/{hand,leibniz_into,leibniz_vector,adolc}   value and gradient, chained, n = 10^6
//   least_squares/{hand,leibniz}      the gradient of ½‖Ax − y‖², A 1000 × 1000 (row-major)
//   exponential_fit/{hand,leibniz}    the gradient of Σ (a·exp(b·tᵢ) − yᵢ)² by (a, b), m = 10^5
//   banded_hessian/{hand,leibniz,leibniz_into}  Rosenbrock's Hessian at n = 10^6: three bands by
//                                     hand, the sparse matrix by leibniz (a new one; into one kept)
//   lm_iteration/{leibniz,ceres}/N    one Levenberg–Marquardt iteration on chained Rosenbrock
//                                     from the classic start, N = 10^5, 10^6 (5 iterations / 5)
#include <leibniz/leibniz.hpp>

#include <adolc/adolc.h>
#include <benchmark/benchmark.h>
#include <ceres/ceres.h>
#include <valgrind/callgrind.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

namespace lz = leibniz;

namespace {

constexpr auto x = lz::vec<"x">;
constexpr auto t = lz::vec<"t">;
constexpr auto y = lz::vec<"y">;
constexpr auto A = lz::mat<"A">;
constexpr auto a = lz::var<"a">;
constexpr auto b = lz::var<"b">;
constexpr auto i = lz::index<"i">;
constexpr auto j = lz::index<"j">;

constexpr auto chained = lz::sum(i, 0, lz::size(x) - 1, 100 * lz::pow<2>(x[i + 1] - x[i] * x[i]) + lz::pow<2>(1 - x[i]));
constexpr auto lsq = lz::sum(i, 0, lz::rows(A), lz::pow<2>(lz::sum(j, 0, lz::cols(A), A[i][j] * x[j]) - y[i])) / 2;
constexpr auto exponential = lz::sum(i, 0, lz::size(t), lz::pow<2>(a * lz::exp(b * t[i]) - y[i]));

constexpr std::size_t big = 1'000'000;
constexpr std::size_t rows = 1000, cols = 1000;
constexpr std::size_t samples = 100'000;

std::vector<double> wave(std::size_t n, double scale, double phase) {
    std::vector<double> v(n);
    for (std::size_t k = 0; k < n; ++k) v[k] = scale * std::sin(0.001 * static_cast<double>(k) + phase);
    return v;
}
std::vector<double> classic(std::size_t n) {
    std::vector<double> v(n);
    for (std::size_t k = 0; k < n; ++k) v[k] = k % 2 == 0 ? -1.2 : 1.0;
    return v;
}

struct data_sets {
    std::vector<double> p = wave(big, 1.2, 0.3);
    std::vector<double> matrix = wave(rows * cols, 1.0, 0.7), xs = wave(cols, 1.0, 1.1), ys = wave(rows, 2.0, 0.2);
    std::vector<double> ts = wave(samples, 1.0, 0.0), observed = wave(samples, 3.0, 0.5);
};
const data_sets& data() {
    static const data_sets d;
    return d;
}

// ---- the kernels ----------------------------------------------------------------

std::vector<double> gradient_out(big);
double sink = 0;

double rosenbrock_hand() {
    const std::vector<double>& v = data().p;
    std::vector<double>& g = gradient_out;
    const std::size_t n = v.size();
    double value = 0, carried = 0;
    for (std::size_t m = 0; m + 1 < n; ++m) {
        const double d = v[m + 1] - v[m] * v[m], e = 1 - v[m];
        value += 100 * d * d + e * e;
        g[m] = carried - 400 * d * v[m] - 2 * e;
        carried = 200 * d;
    }
    g[n - 1] = carried;
    return value;
}
double rosenbrock_leibniz_into() {
    static constexpr auto vg = lz::value_and_gradient(chained, x);
    return vg.into(gradient_out, x = data().p);
}
double rosenbrock_leibniz_vector() {
    static constexpr auto vg = lz::value_and_gradient(chained, x);
    auto r = vg(x = data().p);
    return r.value + r.gradient[0];
}

short rosenbrock_tape = 1;
void record_rosenbrock() {
    static bool recorded = false;
    if (recorded) return;
    recorded = true;
    const std::vector<double>& v = data().p;
    trace_on(rosenbrock_tape);
    std::vector<adouble> xa(v.size());
    for (std::size_t k = 0; k < v.size(); ++k) xa[k] <<= v[k];
    adouble f = 0;
    for (std::size_t m = 0; m + 1 < v.size(); ++m) {
        const adouble d = xa[m + 1] - xa[m] * xa[m], e = 1 - xa[m];
        f += 100 * d * d + e * e;
    }
    double value;
    f >>= value;
    trace_off();
}
double rosenbrock_adolc() {
    const std::vector<double>& v = data().p;
    double value, weight = 1;
    zos_forward(rosenbrock_tape, 1, static_cast<int>(v.size()), 1, v.data(), &value);
    fos_reverse(rosenbrock_tape, 1, static_cast<int>(v.size()), &weight, gradient_out.data());
    return value;
}

std::vector<double> lsq_out(cols);
double least_squares_hand() {  // Aᵀ(Ax − y), A row-major: one pass over A for the residuals, one for Aᵀr
    const data_sets& d = data();
    std::vector<double>& g = lsq_out;
    std::fill(g.begin(), g.end(), 0.0);
    double value = 0;
    for (std::size_t r = 0; r < rows; ++r) {
        const double* row = d.matrix.data() + r * cols;
        double s = 0;
        for (std::size_t c = 0; c < cols; ++c) s += row[c] * d.xs[c];
        const double residual = s - d.ys[r];
        value += residual * residual;
        for (std::size_t c = 0; c < cols; ++c) g[c] += residual * row[c];
    }
    return value / 2;
}
double least_squares_leibniz() {
    static constexpr auto vg = lz::value_and_gradient(lsq, x);
    const data_sets& d = data();
    return vg.into(lsq_out, A = lz::row_major(d.matrix.data(), rows, cols), x = d.xs, y = d.ys);
}

double exponential_hand() {
    const data_sets& d = data();
    const double av = 1.5, bv = -0.7;
    double value = 0, ga = 0, gb = 0;
    for (std::size_t k = 0; k < samples; ++k) {
        const double e = std::exp(bv * d.ts[k]), r = av * e - d.observed[k];
        value += r * r;
        ga += 2 * r * e;
        gb += 2 * r * av * e * d.ts[k];
    }
    return value + ga + gb;
}
double exponential_leibniz() {
    static constexpr auto vg = lz::value_and_gradient(exponential, a, b);
    const data_sets& d = data();
    const auto r = vg(a = 1.5, b = -0.7, t = d.ts, y = d.observed);
    return r.value + r.gradient[0] + r.gradient[1];
}

std::vector<double> band0(big), band1(big);
double banded_hessian_hand() {  // the diagonal and the band above it
    const std::vector<double>& v = data().p;
    const std::size_t n = v.size();
    double carried = 0;  // 200 from the term before
    for (std::size_t m = 0; m + 1 < n; ++m) {
        band0[m] = carried + 1200 * v[m] * v[m] - 400 * v[m + 1] + 2;
        band1[m] = -400 * v[m];
        carried = 200;
    }
    band0[n - 1] = carried;
    return band0[0] + band1[0];
}
double banded_hessian_leibniz() {
    static constexpr auto h = lz::hessian(chained, x);
    const auto H = h(x = data().p);
    return H(0, 0) + H(0, 1) + static_cast<double>(H.nonzeros().size());
}
lz::sparse_symmetric_matrix<double> kept_hessian;
double banded_hessian_leibniz_into() {
    static constexpr auto h = lz::hessian(chained, x);
    h.into(kept_hessian, x = data().p);
    return kept_hessian(0, 0) + kept_hessian(0, 1) + static_cast<double>(kept_hessian.nonzeros().size());
}

// Levenberg–Marquardt: `iterations` iterations from the classic start (tolerances 0: none ends early).
double lm_leibniz(std::size_t n, std::size_t iterations) {
    const auto r = lz::minimize(chained, lz::point(x = classic(n)), lz::levenberg_marquardt{},
                                lz::stop{.max_iterations = iterations, .function_tolerance = -1, .parameter_tolerance = -1});
    return r.value;
}
struct chained_residuals {  // 10 (x[i + 1] − x[i]²) and 1 − x[i]
    template <class T>
    bool operator()(const T* const xi, const T* const next, T* residual) const {
        residual[0] = T(10.0) * (next[0] - xi[0] * xi[0]);
        residual[1] = T(1.0) - xi[0];
        return true;
    }
};
// Chained Rosenbrock's residuals over v (parameter blocks of one value each).
void add_chained(ceres::Problem& problem, std::vector<double>& v) {
    for (std::size_t m = 0; m + 1 < v.size(); ++m)
        problem.AddResidualBlock(new ceres::AutoDiffCostFunction<chained_residuals, 2, 1, 1>(new chained_residuals),
                                 nullptr, &v[m], &v[m + 1]);
}
double lm_ceres(std::size_t n, std::size_t iterations, ceres::Solver::Summary* out = nullptr) {
    std::vector<double> v = classic(n);
    ceres::Problem problem;
    add_chained(problem, v);
    ceres::Solver::Options options;
    options.linear_solver_type = ceres::SPARSE_NORMAL_CHOLESKY;
    options.max_num_iterations = static_cast<int>(iterations);
    options.function_tolerance = 0;
    options.gradient_tolerance = 0;
    options.parameter_tolerance = 0;
    options.num_threads = 1;
    ceres::Solver::Summary summary;
    ceres::Solve(options, &problem, &summary);
    if (out) *out = summary;
    return summary.final_cost;
}

struct kernel {
    std::string name;
    std::function<double()> run;
};
std::vector<kernel> kernels() {
    return {
        {"rosenbrock_vg/hand", rosenbrock_hand},
        {"rosenbrock_vg/leibniz_into", rosenbrock_leibniz_into},
        {"rosenbrock_vg/leibniz_vector", rosenbrock_leibniz_vector},
        {"rosenbrock_vg/adolc", [] { record_rosenbrock(); return rosenbrock_adolc(); }},
        {"least_squares/hand", least_squares_hand},
        {"least_squares/leibniz", least_squares_leibniz},
        {"exponential_fit/hand", exponential_hand},
        {"exponential_fit/leibniz", exponential_leibniz},
        {"banded_hessian/hand", banded_hessian_hand},
        {"banded_hessian/leibniz", banded_hessian_leibniz},
        {"banded_hessian/leibniz_into", banded_hessian_leibniz_into},
        {"lm_iteration/leibniz/100000", [] { return lm_leibniz(100'000, 5); }},
        {"lm_iteration/ceres/100000", [] { return lm_ceres(100'000, 5); }},
        {"lm_iteration/leibniz/1000000", [] { return lm_leibniz(1'000'000, 5); }},
        {"lm_iteration/ceres/1000000", [] { return lm_ceres(1'000'000, 5); }},
    };
}

// ---- --check: the results agree, and the runs to convergence ---------------------

int check() {
    int failures = 0;
    auto near = [&](const char* what, double got, double want) {
        const bool ok = std::fabs(got - want) <= 1e-9 * std::fmax(1.0, std::fabs(want));
        std::printf("%-44s %s (%.17g against %.17g)\n", what, ok ? "agrees" : "DIFFERS", got, want);
        if (!ok) ++failures;
    };
    const double hand = rosenbrock_hand();
    const std::vector<double> by_hand = gradient_out;
    near("rosenbrock_vg: leibniz value", rosenbrock_leibniz_into(), hand);
    double worst = 0;
    for (std::size_t k = 0; k < big; ++k)
        worst = std::fmax(worst, std::fabs(gradient_out[k] - by_hand[k]) / std::fmax(1.0, std::fabs(by_hand[k])));
    near("rosenbrock_vg: leibniz gradient, worst", worst, 0);
    record_rosenbrock();
    near("rosenbrock_vg: adolc value", rosenbrock_adolc(), hand);
    const double lh = least_squares_hand();
    const std::vector<double> lg = lsq_out;
    near("least_squares: leibniz value", least_squares_leibniz(), lh);
    for (std::size_t c : {std::size_t{0}, cols / 2, cols - 1}) near("least_squares: leibniz partial", lsq_out[c], lg[c]);
    near("exponential_fit: leibniz value + partials", exponential_leibniz(), exponential_hand());
    banded_hessian_hand();
    static constexpr auto h = lz::hessian(chained, x);
    const auto H = h(x = data().p);
    for (std::size_t m : {std::size_t{0}, big / 2, big - 2}) {
        near("banded_hessian: diagonal", H(m, m), band0[m]);
        near("banded_hessian: above it", H(m, m + 1), band1[m]);
    }
    banded_hessian_leibniz_into();
    banded_hessian_leibniz_into();  // (the second call into the storage of the first)
    for (std::size_t m : {std::size_t{0}, big / 2, big - 2}) {
        near("banded_hessian: into, diagonal", kept_hessian(m, m), band0[m]);
        near("banded_hessian: into, above it", kept_hessian(m, m + 1), band1[m]);
    }

    // To convergence from the classic start: iterations and time, leibniz against Ceres.
    std::printf("\nruns to convergence (from -1.2, 1, -1.2, ...; gradient norm 1e-8 for leibniz, Ceres' defaults but a "
                "gradient tolerance of 1e-10):\n");
    auto seconds = [](auto&& run) {
        const auto start = std::chrono::steady_clock::now();
        run();
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    };
    for (std::size_t n : {std::size_t{1000}}) {
        lz::status status{};
        std::size_t iterations = 0;
        const double s = seconds([&] {
            const auto r = lz::minimize(chained, lz::point(x = classic(n)), lz::levenberg_marquardt{},
                                        lz::stop{.max_iterations = 5000, .gradient_tolerance = 1e-8});
            status = r.status;
            iterations = r.iterations;
        });
        std::printf("chained n = %zu: leibniz levenberg_marquardt %s in %zu iterations, %.1f ms\n", n,
                    lz::to_string(status).c_str(), iterations, 1e3 * s);
        std::vector<double> v = classic(n);
        ceres::Problem problem;
        add_chained(problem, v);
        ceres::Solver::Options options;
        options.linear_solver_type = ceres::SPARSE_NORMAL_CHOLESKY;
        options.max_num_iterations = 5000;
        options.gradient_tolerance = 1e-10;
        options.num_threads = 1;
        ceres::Solver::Summary summary;
        const double cs = seconds([&] { ceres::Solve(options, &problem, &summary); });
        std::printf("chained n = %zu: Ceres %s in %zu iterations, %.1f ms\n", n,
                    summary.termination_type == ceres::CONVERGENCE ? "converged" : "stopped", summary.iterations.size() - 1,
                    1e3 * cs);
    }
    constexpr auto extended = lz::sum(i, 0, lz::size(x) / 2,
                                      100 * lz::pow<2>(x[2 * i + 1] - x[2 * i] * x[2 * i]) + lz::pow<2>(1 - x[2 * i]));
    for (std::size_t n : {std::size_t{2}, big}) {
        for (int method = 0; method < 2; ++method) {
            lz::status status{};
            std::size_t iterations = 0;
            const lz::stop when{.max_iterations = 200, .gradient_tolerance = 1e-8};
            const double s = seconds([&] {
                const auto r = method == 0 ? lz::minimize(extended, lz::point(x = classic(n)), lz::newton{}, when)
                                           : lz::minimize(extended, lz::point(x = classic(n)), lz::levenberg_marquardt{}, when);
                status = r.status;
                iterations = r.iterations;
            });
            std::printf("extended n = %zu: %s %s in %zu iterations, %.2f ms per iteration\n", n,
                        method == 0 ? "newton" : "levenberg_marquardt", lz::to_string(status).c_str(), iterations,
                        iterations ? 1e3 * s / static_cast<double>(iterations) : 0.0);
        }
    }
    return failures == 0 ? 0 : 1;
}

int callgrind() {
    record_rosenbrock();  // (the tape is recorded outside the count)
    data();
    for (const kernel& k : kernels()) {
        if (k.name.rfind("lm_iteration", 0) == 0) continue;  // (timed only: minutes under valgrind)
        k.run();  // warm: first touches of memory and statics outside the count
        CALLGRIND_START_INSTRUMENTATION;
        CALLGRIND_TOGGLE_COLLECT;
        sink += k.run();
        CALLGRIND_TOGGLE_COLLECT;
        CALLGRIND_DUMP_STATS_AT(k.name.c_str());
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 2 && std::strcmp(argv[1], "--check") == 0) return check();
    if (argc == 2 && std::strcmp(argv[1], "--callgrind") == 0) return callgrind();
    record_rosenbrock();
    for (const kernel& k : kernels())
        benchmark::RegisterBenchmark(k.name.c_str(), [run = k.run](benchmark::State& state) {
            for (auto _ : state) benchmark::DoNotOptimize(run());
        })->Unit(benchmark::kMillisecond);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}

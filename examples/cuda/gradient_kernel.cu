// The value and the gradient of two expressions at 2^20 points on a CUDA
// device, checked against the host's evaluation of the same expressions.
//
//   nvcc -std=c++20 --expt-relaxed-constexpr -diag-suppress 20208 -arch=sm_90
//        -I include examples/cuda/gradient_kernel.cu -o gradient_kernel
//
// Exits 0 when every sampled point agrees, 1 when one does not, and 77 (a
// skipped test) when there is no CUDA device to run on.
#include <leibniz/leibniz.hpp>

#include <cuda_runtime.h>

#include <cmath>
#include <cstdio>
#include <vector>

namespace lz = leibniz;

namespace {

// The expressions, in one place for the kernel and the host. They are built
// where they are used: device code cannot refer to a host object, so a
// namespace-scope `constexpr auto h = ...` cannot be called in a kernel (nvcc:
// identifier "h" is undefined in device code); a copy made in a constant
// expression can (see docs/performance.md, "GPU (CUDA)").
struct himmelblau {
    static constexpr int outputs = 3;
    template <class T>
    LEIBNIZ_HOST_DEVICE static void at(T px, T py, T* out) {
        constexpr auto x = lz::var<"x">;
        constexpr auto y = lz::var<"y">;
        constexpr auto h = lz::pow<2>(x * x + y - 11) + lz::pow<2>(x + y * y - 7);
        constexpr auto vg = lz::value_and_gradient(h, x, y);
        const auto [v, g] = vg(x = px, y = py);
        out[0] = v;
        out[1] = g[0];
        out[2] = g[1];
    }
};

// Elementary functions: the device's sin, exp, log and sqrt at run time.
struct wave {
    static constexpr int outputs = 3;
    template <class T>
    LEIBNIZ_HOST_DEVICE static void at(T px, T py, T* out) {
        constexpr auto x = lz::var<"x">;
        constexpr auto y = lz::var<"y">;
        constexpr auto f = lz::exp(lz::sin(x) * y) + lz::sqrt(x * x + y * y + 1) + lz::log(1 + x * x);
        constexpr auto vg = lz::value_and_gradient(f, x, y);
        const auto [v, g] = vg(x = px, y = py);
        out[0] = v;
        out[1] = g[0];
        out[2] = g[1];
    }
};

template <class F>
__global__ void evaluate_at(const double* xs, const double* ys, double* out, int n) {
    const int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) F::at(xs[i], ys[i], out + F::outputs * i);
}

bool cuda_ok(cudaError_t e, const char* what) {
    if (e == cudaSuccess) return true;
    std::printf("%s: %s\n", what, cudaGetErrorString(e));
    return false;
}

// Runs F on the device at every point, times it, and compares a sample of
// points with the host. Returns the number of disagreements (or -1 on a CUDA
// error, -77 when the binary has no code for this GPU's architecture).
template <class F>
int run(const char* name, const std::vector<double>& xs, const std::vector<double>& ys) {
    const int n = static_cast<int>(xs.size());
    const std::size_t bytes = xs.size() * sizeof(double);
    double *dx = nullptr, *dy = nullptr, *dout = nullptr;
    if (!cuda_ok(cudaMalloc(&dx, bytes), "cudaMalloc") || !cuda_ok(cudaMalloc(&dy, bytes), "cudaMalloc") ||
        !cuda_ok(cudaMalloc(&dout, F::outputs * bytes), "cudaMalloc"))
        return -1;
    cudaMemcpy(dx, xs.data(), bytes, cudaMemcpyHostToDevice);
    cudaMemcpy(dy, ys.data(), bytes, cudaMemcpyHostToDevice);

    const int block = 256, grid = (n + block - 1) / block;
    evaluate_at<F><<<grid, block>>>(dx, dy, dout, n);  // warm-up
    if (cudaGetLastError() == cudaErrorNoKernelImageForDevice) {
        std::printf("no code for this GPU: rebuild with its CMAKE_CUDA_ARCHITECTURES (skipped)\n");
        return -77;
    }
    if (!cuda_ok(cudaDeviceSynchronize(), "kernel")) return -1;
    cudaEvent_t start, stop;
    cudaEventCreate(&start);
    cudaEventCreate(&stop);
    constexpr int repetitions = 10;
    cudaEventRecord(start);
    for (int r = 0; r < repetitions; ++r) evaluate_at<F><<<grid, block>>>(dx, dy, dout, n);
    cudaEventRecord(stop);
    cudaEventSynchronize(stop);
    float ms = 0;
    cudaEventElapsedTime(&ms, start, stop);
    if (!cuda_ok(cudaGetLastError(), "kernel")) return -1;

    std::vector<double> out(F::outputs * xs.size());
    cudaMemcpy(out.data(), dout, F::outputs * bytes, cudaMemcpyDeviceToHost);
    cudaFree(dx);
    cudaFree(dy);
    cudaFree(dout);
    cudaEventDestroy(start);
    cudaEventDestroy(stop);

    // 1000 points spread over the range (the first ones are the special
    // points at the start of xs), compared with the host's evaluation.
    int wrong = 0, identical = 0;
    double worst = 0;
    const int samples = 1000;
    for (int s = 0; s < samples; ++s) {
        const std::size_t i = s < 64 ? static_cast<std::size_t>(s) : static_cast<std::size_t>(s) * (xs.size() / samples);
        double host[F::outputs];
        F::at(xs[i], ys[i], host);
        for (int k = 0; k < F::outputs; ++k) {
            const double d = out[F::outputs * i + k], h = host[k];
            const double err = std::fabs(d - h) / std::fmax(1.0, std::fabs(h));
            worst = std::fmax(worst, err);
            if (d == h) ++identical;
            if (!(err <= 1e-12)) {
                if (wrong < 5)
                    std::printf("%s at (%g, %g), output %d: device %.17g, host %.17g\n", name, xs[i], ys[i], k, d, h);
                ++wrong;
            }
        }
    }
    const double points_per_second = 1e3 * repetitions * n / ms;
    std::printf("%-10s %d points in %.3f ms: %.3g points/s; %d of %d sampled outputs bit-identical to the host, "
                "largest relative difference %.2g\n",
                name, n, ms / repetitions, points_per_second, identical, samples * F::outputs, worst);
    return wrong;
}

}  // namespace

int main() {
    int devices = 0;
    if (cudaGetDeviceCount(&devices) != cudaSuccess || devices == 0) {
        std::printf("no CUDA device: nothing to run (skipped)\n");
        return 77;
    }
    // 2^20 points: first the special ones (0, ±1 and small integers, which
    // include Himmelblau's minimum at (3, 2)), then a grid over [-5, 5]².
    const std::size_t n = std::size_t{1} << 20;
    std::vector<double> xs(n), ys(n);
    std::size_t k = 0;
    for (int a = -3; a <= 3; ++a)
        for (int b = -3; b <= 3; ++b, ++k) {
            xs[k] = a;
            ys[k] = b;
        }
    for (std::size_t i = k; i < n; ++i) {
        xs[i] = -5.0 + 10.0 * static_cast<double>(i % 1024) / 1023.0;
        ys[i] = -5.0 + 10.0 * static_cast<double>(i / 1024) / 1023.0;
    }
    const int a = run<himmelblau>("himmelblau", xs, ys);
    if (a == -77) return 77;
    const int b = run<wave>("wave", xs, ys);
    if (a < 0 || b < 0) return 1;
    return a + b == 0 ? 0 : 1;
}

// Instruction-count kernels: each evaluates one derivative the way users
// write it (the evaluator made once, or built at every call) and the same
// derivative written by hand, over fixed inputs. check.py runs each kernel
// under callgrind (counting only inside kernel_<name>) and compares the count
// with counts.json: a kernel that costs more than its recorded count fails.
//
// The kernels use arithmetic and sqrt only: no libm call, whose code glibc
// picks by the processor, so the counts are the same on any x86-64 machine
// for one compiler version.
#include <leibniz/leibniz.hpp>

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <vector>

namespace lz = leibniz;

namespace {

constexpr std::size_t points = 1000;

// Points in [-2, 2] from a fixed linear congruential sequence.
struct inputs {
    std::array<double, points> a{}, b{};
    inputs() {
        unsigned long long s = 12345;
        auto next = [&] {
            s = s * 6364136223846793005ull + 1442695040888963407ull;
            return 4.0 * static_cast<double>(s >> 11) / 9007199254740992.0 - 2.0;
        };
        for (std::size_t i = 0; i < points; ++i) {
            a[i] = next();
            b[i] = next();
        }
    }
};
const inputs in;
volatile double sink;

constexpr auto x = lz::var<"x">;
constexpr auto y = lz::var<"y">;

// Himmelblau: (x² + y − 11)² + (x + y² − 7)².
constexpr auto himmelblau = lz::pow<2>(x * x + y - 11) + lz::pow<2>(x + y * y - 7);
constexpr auto himmelblau_vg = lz::value_and_gradient(himmelblau, x, y);
constexpr auto himmelblau_vgh = lz::value_gradient_hessian(himmelblau, x, y);

// Rosenbrock in 8 variables, bound as a pack (its gradient and its Hessian).
constexpr std::size_t n = 8;
constexpr auto xs = lz::vars<"x", n>;
constexpr auto rosenbrock = lz::sum<n - 1>([](auto i) {
    return 100 * lz::pow<2>(std::get<i + 1>(xs) - lz::pow<2>(std::get<i>(xs))) + lz::pow<2>(1 - std::get<i>(xs));
});
constexpr auto rosenbrock_gradient = lz::gradient(rosenbrock, xs);
constexpr auto rosenbrock_hessian = lz::hessian(rosenbrock, xs);

// The mean squared error of a line over 1000 samples, as a function of its
// slope and intercept.
constexpr auto slope = lz::var<"slope">;
constexpr auto intercept = lz::var<"intercept">;
const std::vector<double>& column(bool second) {
    static const std::vector<double> values = [] {
        std::vector<double> v(2 * points);
        for (std::size_t i = 0; i < points; ++i) {
            v[i] = 0.001 * static_cast<double>(i);
            v[points + i] = 2 * v[i] + 1 + in.a[i] * 0.01;
        }
        return v;
    }();
    static const std::vector<double> xs_column(values.begin(), values.begin() + points);
    static const std::vector<double> ys_column(values.begin() + points, values.end());
    return second ? ys_column : xs_column;
}
const auto samples = lz::data(x = column(false), y = column(true));
const auto mse_gradient = lz::gradient(lz::mean(lz::pow<2>(slope * x + intercept - y), samples), slope, intercept);
constexpr std::size_t mse_calls = 20;

// A piecewise loss (a branch): Huber's with δ = 1 on x − 2y.
constexpr auto residual = x - 2 * y;
constexpr auto huber = lz::where(lz::abs(residual) <= 1, lz::pow<2>(residual) / 2, lz::abs(residual) - 0.5);
constexpr auto huber_gradient = lz::gradient(huber, x, y);

}  // namespace

#define LEIBNIZ_KERNEL(name) extern "C" __attribute__((noinline)) void kernel_##name()

LEIBNIZ_KERNEL(himmelblau_gradient_hand) {
    double s = 0;
    for (std::size_t i = 0; i < points; ++i) {
        const double u = in.a[i], v = in.b[i];
        const double p = u * u + v - 11, q = u + v * v - 7;
        s += p * p + q * q + (4 * u * p + 2 * q) + (2 * p + 4 * v * q);
    }
    sink = s;
}
LEIBNIZ_KERNEL(himmelblau_gradient_once) {
    double s = 0;
    for (std::size_t i = 0; i < points; ++i) {
        const auto r = himmelblau_vg(x = in.a[i], y = in.b[i]);
        s += r.value + r.gradient[0] + r.gradient[1];
    }
    sink = s;
}
LEIBNIZ_KERNEL(himmelblau_gradient_in_place) {
    double s = 0;
    for (std::size_t i = 0; i < points; ++i) {
        const auto r = lz::value_and_gradient(himmelblau, x, y)(x = in.a[i], y = in.b[i]);
        s += r.value + r.gradient[0] + r.gradient[1];
    }
    sink = s;
}
LEIBNIZ_KERNEL(himmelblau_hessian_hand) {
    double s = 0;
    for (std::size_t i = 0; i < points; ++i) {
        const double u = in.a[i], v = in.b[i];
        const double p = u * u + v - 11, q = u + v * v - 7;
        const double hxx = 12 * u * u + 4 * v - 42, hxy = 4 * (u + v), hyy = 4 * u + 12 * v * v - 26;
        s += p * p + q * q + (4 * u * p + 2 * q) + (2 * p + 4 * v * q) + hxx + 2 * hxy + hyy;
    }
    sink = s;
}
LEIBNIZ_KERNEL(himmelblau_hessian_once) {
    double s = 0;
    for (std::size_t i = 0; i < points; ++i) {
        const auto r = himmelblau_vgh(x = in.a[i], y = in.b[i]);
        s += r.value + r.gradient[0] + r.gradient[1] + r.hessian[0][0] + r.hessian[0][1] + r.hessian[1][0] +
             r.hessian[1][1];
    }
    sink = s;
}
LEIBNIZ_KERNEL(himmelblau_hessian_in_place) {
    double s = 0;
    for (std::size_t i = 0; i < points; ++i) {
        const auto r = lz::value_gradient_hessian(himmelblau, x, y)(x = in.a[i], y = in.b[i]);
        s += r.value + r.gradient[0] + r.gradient[1] + r.hessian[0][0] + r.hessian[0][1] + r.hessian[1][0] +
             r.hessian[1][1];
    }
    sink = s;
}
LEIBNIZ_KERNEL(rosenbrock_gradient_hand) {
    double s = 0;
    std::array<double, n> p{}, g{};
    for (std::size_t i = 0; i < points; ++i) {
        for (std::size_t k = 0; k < n; ++k) p[k] = k % 2 ? in.b[(i + k) % points] : in.a[(i + k) % points];
        g.fill(0);
        for (std::size_t k = 0; k + 1 < n; ++k) {
            const double d = p[k + 1] - p[k] * p[k];
            g[k] += -400 * p[k] * d - 2 * (1 - p[k]);
            g[k + 1] += 200 * d;
        }
        for (double v : g) s += v;
    }
    sink = s;
}
LEIBNIZ_KERNEL(rosenbrock_gradient_once) {
    double s = 0;
    std::array<double, n> p{};
    for (std::size_t i = 0; i < points; ++i) {
        for (std::size_t k = 0; k < n; ++k) p[k] = k % 2 ? in.b[(i + k) % points] : in.a[(i + k) % points];
        const auto g = rosenbrock_gradient(xs = p);
        for (double v : g) s += v;
    }
    sink = s;
}
LEIBNIZ_KERNEL(rosenbrock_hessian_hand) {
    double s = 0;
    std::array<double, n> p{};
    std::array<std::array<double, n>, n> h{};
    for (std::size_t i = 0; i < points; ++i) {
        for (std::size_t k = 0; k < n; ++k) p[k] = k % 2 ? in.b[(i + k) % points] : in.a[(i + k) % points];
        for (auto& row : h) row.fill(0);
        for (std::size_t k = 0; k + 1 < n; ++k) {
            h[k][k] += 1200 * p[k] * p[k] - 400 * p[k + 1] + 2;
            h[k][k + 1] = h[k + 1][k] = -400 * p[k];
            h[k + 1][k + 1] += 200;
        }
        for (const auto& row : h)
            for (double v : row) s += v;
    }
    sink = s;
}
LEIBNIZ_KERNEL(rosenbrock_hessian_once) {
    double s = 0;
    std::array<double, n> p{};
    for (std::size_t i = 0; i < points; ++i) {
        for (std::size_t k = 0; k < n; ++k) p[k] = k % 2 ? in.b[(i + k) % points] : in.a[(i + k) % points];
        const auto h = rosenbrock_hessian(xs = p);
        for (const auto& row : h)
            for (double v : row) s += v;
    }
    sink = s;
}
LEIBNIZ_KERNEL(mse_gradient_hand) {
    const std::vector<double>&xv = column(false), &yv = column(true);
    double s = 0;
    for (std::size_t c = 0; c < mse_calls; ++c) {
        const double a = 2 + 0.01 * static_cast<double>(c), b = 1;
        double ga = 0, gb = 0;
        for (std::size_t i = 0; i < points; ++i) {
            const double r = a * xv[i] + b - yv[i];
            ga += 2 * r * xv[i];
            gb += 2 * r;
        }
        s += ga / points + gb / points;
    }
    sink = s;
}
LEIBNIZ_KERNEL(mse_gradient_once) {
    double s = 0;
    for (std::size_t c = 0; c < mse_calls; ++c) {
        const auto g = mse_gradient(slope = 2 + 0.01 * static_cast<double>(c), intercept = 1.0);
        s += g[0] + g[1];
    }
    sink = s;
}
LEIBNIZ_KERNEL(huber_gradient_hand) {
    double s = 0;
    for (std::size_t i = 0; i < points; ++i) {
        const double r = in.a[i] - 2 * in.b[i];
        const double slope_r = std::fabs(r) <= 1 ? r : (r > 0 ? 1.0 : -1.0);
        s += slope_r - 2 * slope_r;
    }
    sink = s;
}
LEIBNIZ_KERNEL(huber_gradient_once) {
    double s = 0;
    for (std::size_t i = 0; i < points; ++i) {
        const auto g = huber_gradient(x = in.a[i], y = in.b[i]);
        s += g[0] + g[1];
    }
    sink = s;
}

// Rosenbrock over lz::vec, n = 10^4 (a sum over an index): value and gradient
// into a buffer kept from call to call, and the fused loop by hand.
constexpr auto v = lz::vec<"v">;
constexpr auto i = lz::index<"i">;
constexpr auto chained = lz::sum(i, 0, lz::size(v) - 1, 100 * lz::pow<2>(v[i + 1] - v[i] * v[i]) + lz::pow<2>(1 - v[i]));
const std::vector<double>& long_vector() {
    static const std::vector<double> values = [] {
        std::vector<double> out(10 * points);
        for (std::size_t k = 0; k < out.size(); ++k) out[k] = k % 2 ? in.b[k % points] : in.a[k % points];
        return out;
    }();
    return values;
}
LEIBNIZ_KERNEL(vector_rosenbrock_hand) {
    const std::vector<double>& p = long_vector();
    static std::vector<double> g(p.size());
    double value = 0, carried = 0;
    for (std::size_t m = 0; m + 1 < p.size(); ++m) {
        const double d = p[m + 1] - p[m] * p[m], e = 1 - p[m];
        value += 100 * d * d + e * e;
        g[m] = carried - 400 * d * p[m] - 2 * e;
        carried = 200 * d;
    }
    g[p.size() - 1] = carried;
    sink = value + g[0];
}
LEIBNIZ_KERNEL(vector_rosenbrock_once) {
    static constexpr auto vg = lz::value_and_gradient(chained, v);
    static std::vector<double> g(long_vector().size());
    const double value = vg.into(g, v = long_vector());
    sink = value + g[0];
}

int main(int argc, char** argv) {
    struct entry {
        const char* name;
        void (*run)();
    };
    static constexpr entry kernels[] = {
        {"himmelblau_gradient_hand", kernel_himmelblau_gradient_hand},
        {"himmelblau_gradient_once", kernel_himmelblau_gradient_once},
        {"himmelblau_gradient_in_place", kernel_himmelblau_gradient_in_place},
        {"himmelblau_hessian_hand", kernel_himmelblau_hessian_hand},
        {"himmelblau_hessian_once", kernel_himmelblau_hessian_once},
        {"himmelblau_hessian_in_place", kernel_himmelblau_hessian_in_place},
        {"rosenbrock_gradient_hand", kernel_rosenbrock_gradient_hand},
        {"rosenbrock_gradient_once", kernel_rosenbrock_gradient_once},
        {"rosenbrock_hessian_hand", kernel_rosenbrock_hessian_hand},
        {"rosenbrock_hessian_once", kernel_rosenbrock_hessian_once},
        {"mse_gradient_hand", kernel_mse_gradient_hand},
        {"mse_gradient_once", kernel_mse_gradient_once},
        {"huber_gradient_hand", kernel_huber_gradient_hand},
        {"huber_gradient_once", kernel_huber_gradient_once},
        {"vector_rosenbrock_hand", kernel_vector_rosenbrock_hand},
        {"vector_rosenbrock_once", kernel_vector_rosenbrock_once},
    };
    if (argc == 2 && std::strcmp(argv[1], "--list") == 0) {
        for (const entry& k : kernels) std::printf("%s\n", k.name);
        return 0;
    }
    for (int a = 1; a < argc; ++a) {
        bool found = false;
        for (const entry& k : kernels)
            if (std::strcmp(argv[a], k.name) == 0) {
                k.run();
                found = true;
            }
        if (!found) {
            std::fprintf(stderr, "no kernel %s (--list lists them)\n", argv[a]);
            return 2;
        }
    }
    return 0;
}

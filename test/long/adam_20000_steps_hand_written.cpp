// The baseline of adam_20000_steps.cpp: the same Adam run with Himmelblau's
// gradient written by hand and the same constexpr square root, so the two
// compile times compare the cost of leibniz's evaluation alone.
#include <leibniz/constexpr_math/functions.hpp>

#include <array>

namespace {

struct adam_result {
    std::array<double, 2> point;
    double value;
};

constexpr adam_result hand_written_adam(std::array<double, 2> p, int steps) {
    const double lr = 1e-3, beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
    std::array<double, 2> m{}, v{};
    double beta1_t = 1, beta2_t = 1;
    for (int k = 1; k <= steps; ++k) {
        const double a = p[0] * p[0] + p[1] - 11, b = p[0] + p[1] * p[1] - 7;
        const std::array<double, 2> g{4 * p[0] * a + 2 * b, 2 * a + 4 * p[1] * b};
        beta1_t *= beta1;
        beta2_t *= beta2;
        for (int i = 0; i < 2; ++i) {
            m[i] = beta1 * m[i] + (1 - beta1) * g[i];
            v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
            const double m_hat = m[i] / (1 - beta1_t), v_hat = v[i] / (1 - beta2_t);
            p[i] -= lr * m_hat / (leibniz::constexpr_math::sqrt(v_hat) + eps);
        }
    }
    const double a = p[0] * p[0] + p[1] - 11, b = p[0] + p[1] * p[1] - 7;
    return {p, a * a + b * b};
}

constexpr auto run = hand_written_adam({-4.0, 0.0}, 20000);
constexpr double distance(double a, double b) { return a > b ? a - b : b - a; }
static_assert(distance(run.point[0], -3.779310) < 1e-5 && distance(run.point[1], -3.283186) < 1e-5);
static_assert(run.value < 1e-8);

}  // namespace

int main() { return 0; }

// Linear regression, y ≈ t1 + t2·x, by full-batch descent on the mean loss and
// by mini-batch stochastic descent, against the exact least-squares line.
// Exits non-zero if a printed figure is off.
//
//   linear_regression              the tables
//   linear_regression --csv DIR    also DIR/regression_data.csv (x,y),
//                                  DIR/regression_fit.csv (the lines) and
//                                  DIR/regression_loss.csv (loss per epoch), for plots
#include "teaching/check.hpp"

#include <leibniz/leibniz.hpp>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

namespace lz = leibniz;

namespace {

constexpr auto x = lz::var<"x">;
constexpr auto y = lz::var<"y">;
constexpr auto t1 = lz::var<"t1">;  // intercept
constexpr auto t2 = lz::var<"t2">;  // slope
// Half the squared error of one sample: its mean over the data is J(t1, t2) = 1/(2m) Σ (t1 + t2·xᵢ − yᵢ)².
constexpr auto loss = lz::pow<2>(t1 + t2 * x - y) / 2;

// 200 samples of y = 4 + 3x plus Gaussian noise (σ = 0.5), x in [0, 2]; a
// generator of our own so the data are the same with every standard library.
struct samples {
    std::vector<double> xs, ys;
    samples() {
        std::uint64_t state = 2024;
        auto uniform = [&] {  // SplitMix64, 53 bits into [0, 1)
            std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
            return static_cast<double>((z ^ (z >> 31)) >> 11) * 0x1p-53;
        };
        const double two_pi = 2 * std::acos(-1.0);
        for (int i = 0; i < 200; ++i) {
            const double xi = 2 * uniform();
            const double noise = 0.5 * std::sqrt(-2 * std::log(1 - uniform())) * std::cos(two_pi * uniform());
            xs.push_back(xi);
            ys.push_back(4 + 3 * xi + noise);
        }
    }
};

}  // namespace

int main(int argc, char** argv) {
    std::string csv_directory;
    if (argc == 3 && std::string_view(argv[1]) == "--csv") {
        csv_directory = argv[2];
    } else if (argc != 1) {
        std::cerr << "usage: linear_regression [--csv DIRECTORY]\n";
        return 2;
    }
    examples::checker check;
    const samples s;
    const auto data = lz::data(x = s.xs, y = s.ys);
    const auto J = lz::mean(loss, data);
    std::cout << "J(t1, t2) = " << J << "\n"
              << "dJ/dt1    = " << lz::d(J, t1) << "\n"
              << "dJ/dt2    = " << lz::d(J, t2) << "\n";

    // The exact least-squares line, from the normal equations.
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    const double m = static_cast<double>(s.xs.size());
    for (std::size_t i = 0; i < s.xs.size(); ++i) {
        sx += s.xs[i];
        sy += s.ys[i];
        sxx += s.xs[i] * s.xs[i];
        sxy += s.xs[i] * s.ys[i];
    }
    const double slope = (m * sxy - sx * sy) / (m * sxx - sx * sx);
    const double intercept = (sy - slope * sx) / m;
    std::printf("\nleast squares (normal equations): t1 = %.6f, t2 = %.6f, J = %.6f\n", intercept, slope,
                J(t1 = intercept, t2 = slope));

    // Full batch: every step uses every sample (the gradient of the mean).
    const auto full = lz::minimize(J, lz::point(t1 = 0.0, t2 = 0.0), lz::gradient_descent{.learning_rate = 0.5},
                                   lz::stop{.max_iterations = 5000, .gradient_tolerance = 1e-10});
    std::printf("full-batch gradient descent:      t1 = %.6f, t2 = %.6f, J = %.6f  (%zu steps, %s)\n",
                full.point[t1], full.point[t2], full.value, full.iterations,
                lz::to_string(full.status).c_str());
    check.expect(std::fabs(full.point[t1] - intercept) < 1e-6 && std::fabs(full.point[t2] - slope) < 1e-6,
                 "full batch recovers the least-squares line within 1e-6");
    check.expect(full.status == lz::status::converged, "full batch converges");

    // Mini-batches of 10, shuffled each epoch; the learning rate decays as
    // 1/(1 + 0.05·epoch) so the last epochs wander less (with a constant rate
    // the end point wanders by a few hundredths around the line).
    std::vector<double> loss_per_epoch;
    std::printf("\nmini-batch Adam (.learning_rate = 0.1), batches{.size = 10, .epochs = 40, .seed = 1, .decay = 0.05}\n");
    std::printf("%6s %8s %10s %10s %10s\n", "epoch", "steps", "t1", "t2", "J");
    const auto sgd = lz::fit(loss, lz::point(t1 = 0.0, t2 = 0.0), data, lz::adam{.learning_rate = 0.1},
                             lz::batches{.size = 10, .epochs = 40, .seed = 1, .decay = 0.05}, [&](const auto& e) {
                                 loss_per_epoch.push_back(e.value);
                                 if (e.epoch == 1 || e.epoch % 5 == 0)
                                     std::printf("%6zu %8zu %10.6f %10.6f %10.6f\n", e.epoch, e.iterations,
                                                 e.point[t1], e.point[t2], e.value);
                             });
    const double distance = std::hypot(sgd.point[t1] - intercept, sgd.point[t2] - slope);
    std::printf("mini-batch ends %.1e from the least-squares line; J is %.1e above its minimum\n", distance,
                sgd.value - J(t1 = intercept, t2 = slope));
    check.expect(sgd.iterations == 40 * 20, "40 epochs of 20 batches: 800 steps");
    check.expect(distance < 2e-2, "mini-batch comes within 2e-2 of the least-squares line");
    check.expect(loss_per_epoch.size() == 40 && loss_per_epoch.back() < loss_per_epoch.front(),
                 "the loss falls over the epochs");

    if (!csv_directory.empty()) {
        std::ofstream points(csv_directory + "/regression_data.csv");
        points.precision(17);
        points << "x,y\n";
        for (std::size_t i = 0; i < s.xs.size(); ++i) points << s.xs[i] << ',' << s.ys[i] << '\n';
        std::ofstream lines(csv_directory + "/regression_fit.csv");
        lines.precision(17);
        lines << "method,intercept,slope\n"
              << "least squares," << intercept << ',' << slope << '\n'
              << "mini-batch Adam," << sgd.point[t1] << ',' << sgd.point[t2] << '\n';
        std::ofstream losses(csv_directory + "/regression_loss.csv");
        losses.precision(17);
        losses << "epoch,loss\n";
        for (std::size_t e = 0; e < loss_per_epoch.size(); ++e) losses << e + 1 << ',' << loss_per_epoch[e] << '\n';
        std::cout << "data, lines and losses written to " << csv_directory << "\n";
    }
    return check.failures == 0 ? 0 : 1;
}

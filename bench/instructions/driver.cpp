// Runs one kernel over a fixed batch of points and checks it against its
// hand-written twin: driver NAME (himmelblau, rosenbrock8, rosenbrock32,
// exp_sin_product16) IMPLEMENTATION (leibniz, hand).
#include <cmath>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

extern "C" {
double himmelblau_leibniz(double, double, double*);
double himmelblau_hand(double, double, double*);
double rosenbrock8_leibniz(const double*, double*);
double rosenbrock8_hand(const double*, double*);
double rosenbrock32_leibniz(const double*, double*);
double rosenbrock32_hand(const double*, double*);
double exp_sin_product16_leibniz(const double*, double*);
double exp_sin_product16_hand(const double*, double*);
}

namespace {

using vector_kernel = double (*)(const double*, double*);

struct problem {
    const char* name;
    int n;
    vector_kernel leibniz, hand;
};

double himmelblau_as_vector_leibniz(const double* p, double* g) { return himmelblau_leibniz(p[0], p[1], g); }
double himmelblau_as_vector_hand(const double* p, double* g) { return himmelblau_hand(p[0], p[1], g); }

const problem problems[] = {
    {"himmelblau", 2, himmelblau_as_vector_leibniz, himmelblau_as_vector_hand},
    {"rosenbrock8", 8, rosenbrock8_leibniz, rosenbrock8_hand},
    {"rosenbrock32", 32, rosenbrock32_leibniz, rosenbrock32_hand},
    {"exp_sin_product16", 16, exp_sin_product16_leibniz, exp_sin_product16_hand},
};

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s PROBLEM leibniz|hand\n", argv[0]);
        return 2;
    }
    for (const problem& pr : problems) {
        if (std::strcmp(pr.name, argv[1]) != 0) continue;
        const bool ours = std::string(argv[2]) == "leibniz";
        const int points = 1000;
        std::mt19937 random(42);
        std::uniform_real_distribution<double> coordinate(0.1, 1.2);
        std::vector<double> p(static_cast<std::size_t>(pr.n * points)), g(p.size()), h(p.size());
        for (double& c : p) c = coordinate(random);
        double checksum = 0;
        for (int k = 0; k < points; ++k) {
            const double* at = &p[static_cast<std::size_t>(k * pr.n)];
            double* out = &g[static_cast<std::size_t>(k * pr.n)];
            checksum += (ours ? pr.leibniz : pr.hand)(at, out);
            asm volatile("" ::: "memory");  // no vectorisation across points
        }
        // Check mode: both implementations agree at every point.
        for (int k = 0; k < points; ++k) {
            const double* at = &p[static_cast<std::size_t>(k * pr.n)];
            double gh[64], gl[64];
            const double vh = pr.hand(at, gh), vl = pr.leibniz(at, gl);
            bool same = std::fabs(vh - vl) <= 1e-9 * (1 + std::fabs(vh));
            for (int i = 0; i < pr.n; ++i) same = same && std::fabs(gh[i] - gl[i]) <= 1e-9 * (1 + std::fabs(gh[i]));
            if (!same) {
                std::printf("%s: leibniz and hand-written differ at point %d\n", pr.name, k);
                return 1;
            }
        }
        std::printf("%s %s: checksum %.17g\n", pr.name, argv[2], checksum);
        return 0;
    }
    std::fprintf(stderr, "unknown problem %s\n", argv[1]);
    return 2;
}

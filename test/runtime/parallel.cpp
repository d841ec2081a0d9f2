// mean(..., parallel{}) and fit(..., parallel{}): the same bits for every
// thread count, equal to the plain mean to rounding; bad thread counts.
#include <leibniz/leibniz.hpp>
#include <leibniz/parallel.hpp>

#include <boost/test/unit_test.hpp>

#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <random>
#include <stdexcept>
#include <vector>

namespace lz = leibniz;

namespace {

constexpr auto x = lz::var<"x">;
constexpr auto y = lz::var<"y">;
constexpr auto a = lz::var<"a">;
constexpr auto b = lz::var<"b">;
constexpr auto c = lz::var<"c">;
// A nonlinear per-sample loss, so that sums of different orders round differently.
constexpr auto loss = lz::pow<2>(a * lz::exp(-b * x) + c - y) / 2;

struct samples {
    std::vector<double> xs, ys;
    explicit samples(std::size_t m) {
        std::mt19937 random(11);
        std::uniform_real_distribution<double> t(0, 4);
        std::normal_distribution<double> noise(0, 0.05);
        for (std::size_t i = 0; i < m; ++i) {
            xs.push_back(t(random));
            ys.push_back(2.0 * std::exp(-0.7 * xs.back()) + 0.3 + noise(random));
        }
    }
};

std::uint64_t bits(double v) { return std::bit_cast<std::uint64_t>(v); }

template <class Mean>
auto everything(const Mean& J) {
    return lz::value_gradient_hessian(J, a, b, c)(a = 1.5, b = 0.5, c = 0.1);
}

// 10007 samples: 39 full blocks of 256 and one of 23, an odd count for the tree.
BOOST_AUTO_TEST_CASE(value_gradient_and_hessian_have_the_same_bits_for_1_2_3_and_the_hardware_threads) {
    const samples s(10007);
    const auto data = lz::data(x = s.xs, y = s.ys);
    const auto one = everything(lz::mean(loss, data, lz::parallel{.threads = 1}));
    const auto one_vg = lz::value_and_gradient(lz::mean(loss, data, lz::parallel{.threads = 1}), a, b, c)(a = 1.5, b = 0.5, c = 0.1);
    for (int threads : {2, 3, 0}) {
        const auto J = lz::mean(loss, data, lz::parallel{.threads = threads});
        BOOST_TEST(bits(J(a = 1.5, b = 0.5, c = 0.1)) == bits(one.value), "threads " << threads);
        const auto vg = lz::value_and_gradient(J, a, b, c)(a = 1.5, b = 0.5, c = 0.1);
        BOOST_TEST(bits(vg.value) == bits(one_vg.value));
        const auto all = everything(J);
        BOOST_TEST(bits(all.value) == bits(one.value));
        for (std::size_t i = 0; i < 3; ++i) {
            BOOST_TEST(bits(vg.gradient[i]) == bits(one_vg.gradient[i]), "threads " << threads << ", partial " << i);
            BOOST_TEST(bits(all.gradient[i]) == bits(one.gradient[i]));
            for (std::size_t j = 0; j < 3; ++j) BOOST_TEST(bits(all.hessian[i][j]) == bits(one.hessian[i][j]));
        }
    }
    // Equal to the plain (sample by sample) mean to rounding.
    const auto plain = everything(lz::mean(loss, data));
    BOOST_TEST(std::fabs(one.value - plain.value) <= 1e-13 * std::fabs(plain.value));
    for (std::size_t i = 0; i < 3; ++i) {
        BOOST_TEST(std::fabs(one.gradient[i] - plain.gradient[i]) <= 1e-12 * (1 + std::fabs(plain.gradient[i])));
        BOOST_TEST(std::fabs(one_vg.gradient[i] - plain.gradient[i]) <= 1e-12 * (1 + std::fabs(plain.gradient[i])));
        for (std::size_t j = 0; j < 3; ++j)
            BOOST_TEST(std::fabs(one.hessian[i][j] - plain.hessian[i][j]) <= 1e-12 * (1 + std::fabs(plain.hessian[i][j])));
    }
}

// A loss with a branch goes through the tree sweep, not the plan: still the same bits.
BOOST_AUTO_TEST_CASE(a_piecewise_loss_has_the_same_bits_for_every_thread_count) {
    const samples s(3001);
    const auto data = lz::data(x = s.xs, y = s.ys);
    constexpr auto huber = lz::where(lz::abs(a * x + c - y) < 1, lz::pow<2>(a * x + c - y) / 2, lz::abs(a * x + c - y) - 0.5);
    const auto one = lz::value_and_gradient(lz::mean(huber, data, lz::parallel{.threads = 1}), a, c)(a = -0.3, c = 1.0);
    for (int threads : {2, 3}) {
        const auto r = lz::value_and_gradient(lz::mean(huber, data, lz::parallel{.threads = threads}), a, c)(a = -0.3, c = 1.0);
        BOOST_TEST(bits(r.value) == bits(one.value));
        BOOST_TEST(bits(r.gradient[0]) == bits(one.gradient[0]));
        BOOST_TEST(bits(r.gradient[1]) == bits(one.gradient[1]));
    }
    const auto plain = lz::value_and_gradient(lz::mean(huber, data), a, c)(a = -0.3, c = 1.0);
    BOOST_TEST(std::fabs(one.value - plain.value) <= 1e-13 * std::fabs(plain.value));
}

BOOST_AUTO_TEST_CASE(fit_gives_the_same_point_for_every_thread_count) {
    const samples s(5000);
    const auto data = lz::data(x = s.xs, y = s.ys);
    const auto start = lz::point(a = 1.0, b = 1.0, c = 0.0);
    const lz::batches schedule{.size = 1000, .epochs = 30, .seed = 5};
    const auto one = lz::fit(loss, start, data, lz::adam{.learning_rate = 0.05}, schedule, lz::parallel{.threads = 1});
    for (int threads : {2, 3}) {
        const auto r = lz::fit(loss, start, data, lz::adam{.learning_rate = 0.05}, schedule, lz::parallel{.threads = threads});
        BOOST_TEST(r.iterations == one.iterations);
        BOOST_TEST(bits(r.value) == bits(one.value));
        for (std::size_t i = 0; i < 3; ++i) BOOST_TEST(bits(r.point.values[i]) == bits(one.point.values[i]));
    }
    BOOST_TEST(one.iterations == 150u);
    // Close to the plain fit, and to the curve the data came from.
    const auto plain = lz::fit(loss, start, data, lz::adam{.learning_rate = 0.05}, schedule);
    for (std::size_t i = 0; i < 3; ++i) BOOST_TEST(std::fabs(one.point.values[i] - plain.point.values[i]) < 1e-9);
    BOOST_TEST(std::fabs(one.point.values[0] - 2.0) < 0.2);
    BOOST_TEST(std::fabs(one.point.values[1] - 0.7) < 0.1);
}

BOOST_AUTO_TEST_CASE(an_observer_sees_every_epoch) {
    const samples s(600);
    std::size_t epochs = 0;
    const auto r = lz::fit(loss, lz::point(a = 1.0, b = 1.0, c = 0.0), lz::data(x = s.xs, y = s.ys), lz::adam{},
                           lz::batches{.size = 600, .epochs = 4}, lz::parallel{.threads = 2},
                           [&](const auto& e) { epochs = e.epoch; });
    BOOST_TEST(epochs == 4u);
    BOOST_TEST(r.iterations == 4u);
}

BOOST_AUTO_TEST_CASE(a_thread_count_below_zero_is_an_error) {
    const samples s(10);
    const auto data = lz::data(x = s.xs, y = s.ys);
    BOOST_CHECK_THROW(lz::mean(loss, data, lz::parallel{.threads = -1}), std::invalid_argument);
    BOOST_CHECK_THROW(lz::fit(loss, lz::point(a = 1.0, b = 1.0, c = 0.0), data, lz::adam{}, lz::batches{},
                              lz::parallel{.threads = -2}),
                      std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(empty_data) {
    const std::vector<double> none;
    // The mean of no samples is 0/0, as without threads.
    BOOST_TEST(std::isnan(lz::mean(loss, lz::data(x = none, y = none), lz::parallel{.threads = 2})(a = 1.0, b = 1.0, c = 0.0)));
    BOOST_CHECK_THROW(lz::fit(loss, lz::point(a = 1.0, b = 1.0, c = 0.0), lz::data(x = none, y = none), lz::adam{},
                              lz::batches{}, lz::parallel{.threads = 2}),
                      std::invalid_argument);
}

// In constant evaluation the blocks run one after the other: the same bits again.
constexpr std::array<double, 600> xs_c = [] {
    std::array<double, 600> v{};
    for (std::size_t i = 0; i < v.size(); ++i) v[i] = 0.01 * static_cast<double>(i);
    return v;
}();
constexpr std::array<double, 600> ys_c = [] {
    std::array<double, 600> v{};
    for (std::size_t i = 0; i < v.size(); ++i) v[i] = 1.0 / (1.0 + 0.01 * static_cast<double>(i));
    return v;
}();
constexpr auto line = lz::pow<2>(a * x + c - y);

BOOST_AUTO_TEST_CASE(a_constant_evaluation_gives_the_same_bits) {
    constexpr double at_compile_time = lz::mean(line, lz::data(x = xs_c, y = ys_c), lz::parallel{.threads = 3})(a = -0.4, c = 0.9);
    const double at_run_time = lz::mean(line, lz::data(x = xs_c, y = ys_c), lz::parallel{.threads = 3})(a = -0.4, c = 0.9);
    BOOST_TEST(bits(at_compile_time) == bits(at_run_time));
}

// ---- a sum over an index made parallel ----

constexpr auto v = lz::vec<"v">;
constexpr auto t = lz::vec<"t">;
constexpr auto i = lz::index<"i">;
constexpr auto j = lz::index<"j">;

std::vector<double> values(std::size_t n, unsigned seed) {
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> u(-1.5, 1.5);
    std::vector<double> out(n);
    for (double& e : out) e = u(random);
    return out;
}

bool same_bits(const std::vector<double>& p, const std::vector<double>& q) {
    if (p.size() != q.size()) return false;
    for (std::size_t k = 0; k < p.size(); ++k)
        if (bits(p[k]) != bits(q[k])) return false;
    return true;
}

// Chained Rosenbrock over 10007 values (40 blocks, the last short; reads at i
// and i + 1 cross every block's end): value and gradient by the vector, the
// same bits for 1, 2, 3 and the hardware's threads; the plain sum's to rounding.
BOOST_AUTO_TEST_CASE(a_sum_s_gradient_by_a_vector_has_the_same_bits_for_every_thread_count) {
    const std::vector<double> p = values(10007, 3);
    auto rosenbrock = [](int threads) {
        return lz::sum(i, 0, lz::size(v) - 1, 100 * lz::pow<2>(v[i + 1] - v[i] * v[i]) + lz::pow<2>(1 - v[i]),
                       lz::parallel{.threads = threads});
    };
    const auto one = lz::value_and_gradient(rosenbrock(1), v)(v = p);
    for (int threads : {2, 3, 0}) {
        const auto r = lz::value_and_gradient(rosenbrock(threads), v)(v = p);
        BOOST_TEST(bits(r.value) == bits(one.value), "threads " << threads);
        BOOST_TEST(same_bits(r.gradient, one.gradient), "threads " << threads);
        BOOST_TEST(bits(rosenbrock(threads)(v = p)) == bits(one.value));
        std::vector<double> into(3, 7.0);  // (into: resized and overwritten)
        BOOST_TEST(bits(lz::value_and_gradient(rosenbrock(threads), v).into(into, v = p)) == bits(one.value));
        BOOST_TEST(same_bits(into, one.gradient));
    }
    const auto plain = lz::value_and_gradient(
        lz::sum(i, 0, lz::size(v) - 1, 100 * lz::pow<2>(v[i + 1] - v[i] * v[i]) + lz::pow<2>(1 - v[i])), v)(v = p);
    BOOST_TEST(std::fabs(one.value - plain.value) <= 1e-12 * plain.value);
    for (std::size_t k = 0; k < p.size(); ++k)
        BOOST_TEST(std::fabs(one.gradient[k] - plain.gradient[k]) <= 1e-12 * (1 + std::fabs(plain.gradient[k])));
}

// Strides (the extended function's x[2i], x[2i + 1]), a sum seeded inside a
// function (sin of the sum: a value pass, then a pass seeded by its
// adjoint), and a body whose reads cannot be split into phases (x[0] at every
// index value: one thread) all give the bits of one thread.
BOOST_AUTO_TEST_CASE(strides_a_seeded_sum_and_unsplittable_reads) {
    const std::vector<double> p = values(6001, 5);
    for (int threads : {1, 2, 4}) {
        const lz::parallel on{.threads = threads};
        const auto extended =
            lz::sum(i, 0, lz::size(v) / 2, lz::pow<2>(10 * (v[2 * i + 1] - v[2 * i] * v[2 * i])) + lz::pow<2>(1 - v[2 * i]), on);
        const auto seeded = lz::sin(lz::sum(i, 0, lz::size(v), v[i] * v[i] * 1e-4, on)) + v[3];
        const auto everywhere = lz::sum(i, 1, lz::size(v), v[0] * v[i], on);
        using result = decltype(lz::value_and_gradient(extended, v)(v = p));
        static std::vector<result> first;
        const auto a1 = lz::value_and_gradient(extended, v)(v = p);
        const auto a2 = lz::value_and_gradient(seeded, v)(v = p);
        const auto a3 = lz::value_and_gradient(everywhere, v)(v = p);
        if (threads == 1) {
            first = {a1, a2, a3};
            continue;
        }
        BOOST_TEST(bits(a1.value) == bits(first[0].value));
        BOOST_TEST(same_bits(a1.gradient, first[0].gradient), "extended, threads " << threads);
        BOOST_TEST(bits(a2.value) == bits(first[1].value));
        BOOST_TEST(same_bits(a2.gradient, first[1].gradient), "seeded, threads " << threads);
        BOOST_TEST(bits(a3.value) == bits(first[2].value));
        BOOST_TEST(same_bits(a3.gradient, first[2].gradient), "x[0] everywhere, threads " << threads);
    }
    // x[0]'s partial is Σ x[i]: added at every index value, in index order.
    const auto g = lz::gradient(lz::sum(i, 1, lz::size(v), v[0] * v[i], lz::parallel{.threads = 3}), v)(v = p);
    double expected = 0;
    for (std::size_t k = 1; k < p.size(); ++k) expected += p[k];
    BOOST_TEST(bits(g[0]) == bits(expected));
}

// By scalars: a model's squared error over 20000 samples as a sum over an
// index, its value, gradient and Hessian (the plan's loop in blocks).
BOOST_AUTO_TEST_CASE(a_sum_by_scalars_has_the_same_bits_for_every_thread_count) {
    const samples s(20000);
    auto model = [](int threads) {
        return lz::sum(i, 0, lz::size(t), lz::pow<2>(a * lz::exp(-b * t[i]) + c - v[i]), lz::parallel{.threads = threads}) / 2;
    };
    const auto one = lz::value_gradient_hessian(model(1), a, b, c)(a = 1.5, b = 0.5, c = 0.1, t = s.xs, v = s.ys);
    for (int threads : {2, 3, 0}) {
        const auto r = lz::value_gradient_hessian(model(threads), a, b, c)(a = 1.5, b = 0.5, c = 0.1, t = s.xs, v = s.ys);
        BOOST_TEST(bits(r.value) == bits(one.value), "threads " << threads);
        for (std::size_t k = 0; k < 3; ++k) {
            BOOST_TEST(bits(r.gradient[k]) == bits(one.gradient[k]));
            for (std::size_t l = 0; l < 3; ++l) BOOST_TEST(bits(r.hessian[k][l]) == bits(one.hessian[k][l]));
        }
    }
    const double plain = lz::sum(i, 0, lz::size(t), lz::pow<2>(a * lz::exp(-b * t[i]) + c - v[i]))(a = 1.5, b = 0.5, c = 0.1, t = s.xs, v = s.ys) / 2;
    BOOST_TEST(std::fabs(one.value - plain) <= 1e-12 * plain);
    // Nested: a parallel sum over rows around a plain sum over columns.
    const std::vector<double> rows = values(300 * 7, 9);
    const std::vector<double> w = values(7, 10);
    constexpr auto A = lz::mat<"A">;
    auto nested = [&](int threads) {
        return lz::sum(i, 0, lz::rows(A), lz::pow<2>(lz::sum(j, 0, lz::cols(A), A[i][j] * v[j]) - a), lz::parallel{.threads = threads});
    };
    const auto n1 = lz::value_and_gradient(nested(1), v)(A = lz::row_major(rows.data(), 300, 7), v = w, a = 0.25);
    const auto n3 = lz::value_and_gradient(nested(3), v)(A = lz::row_major(rows.data(), 300, 7), v = w, a = 0.25);
    BOOST_TEST(bits(n1.value) == bits(n3.value));
    BOOST_TEST(same_bits(n1.gradient, n3.gradient));
}

// A parallel sum and a plain one of one body are two terms, not 2·(either).
BOOST_AUTO_TEST_CASE(a_parallel_sum_beside_a_plain_one) {
    const std::vector<double> p = values(3000, 7);
    const auto plain = lz::sum(i, 0, lz::size(v), v[i] * v[i]);
    const auto threaded = lz::sum(i, 0, lz::size(v), v[i] * v[i], lz::parallel{.threads = 2});
    BOOST_TEST(bits((plain + threaded)(v = p)) == bits(plain(v = p) + threaded(v = p)));
    BOOST_TEST(bits((plain + plain)(v = p)) == bits(2 * plain(v = p)));
}

BOOST_AUTO_TEST_CASE(a_sum_s_thread_count_below_zero_is_an_error) {
    BOOST_CHECK_THROW(lz::sum(i, 0, lz::size(v), v[i], lz::parallel{.threads = -1}), std::invalid_argument);
}

// In constant evaluation a parallel sum's blocks run one after the other: the same bits.
constexpr std::array<double, 700> wave = [] {
    std::array<double, 700> out{};
    for (std::size_t k = 0; k < out.size(); ++k) out[k] = 0.001 * static_cast<double>(k % 97) - 0.03;
    return out;
}();
constexpr auto chained = lz::sum(i, 0, lz::size(v) - 1, lz::pow<2>(v[i + 1] - v[i] * v[i]) + lz::pow<2>(1 - v[i]),
                                 lz::parallel{.threads = 4});

BOOST_AUTO_TEST_CASE(a_parallel_sum_in_constant_evaluation) {
    constexpr double at_compile_time = chained(v = wave);
    constexpr double partial_at_compile_time = lz::gradient(chained, v)(v = wave)[350];
    BOOST_TEST(bits(at_compile_time) == bits(chained(v = wave)));
    BOOST_TEST(bits(partial_at_compile_time) == bits(lz::gradient(chained, v)(v = wave)[350]));
}

}  // namespace

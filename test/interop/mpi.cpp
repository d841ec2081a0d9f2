// <leibniz/interop/mpi.hpp>: fit(..., distributed{world}) over the ranks of
// MPI_COMM_WORLD. Run with mpirun -np 2 and -np 3: every rank checks its own
// results, and a failed check on any rank fails the run.
#include <boost/test/unit_test.hpp>

#include <leibniz/leibniz.hpp>
#include <leibniz/interop/mpi.hpp>

#include <boost/mpi/collectives/all_gather.hpp>
#include <boost/mpi/communicator.hpp>
#include <boost/mpi/environment.hpp>

#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace lz = leibniz;
namespace mpi = boost::mpi;

namespace {

struct mpi_setup {
    mpi::environment env{false};  // an exception escaping a test is Boost.Test's to report
};

constexpr auto t = lz::var<"t">;
constexpr auto y = lz::var<"y">;
constexpr auto w = lz::var<"w">;
constexpr auto a = lz::var<"a">;
constexpr auto b = lz::var<"b">;
constexpr auto c = lz::var<"c">;
constexpr auto loss = lz::pow<2>(a * lz::exp(-b * t) + c - y) / 2;

constexpr std::size_t total = 1001;  // not a multiple of 2 or 3: shards of different sizes

double t_of(std::size_t i) { return 4.0 * static_cast<double>(i) / static_cast<double>(total); }
double y_of(std::size_t i) { return 2.0 * std::exp(-0.7 * t_of(i)) + 0.3 + 0.01 * std::sin(static_cast<double>(i)); }

// This rank's shard: the samples i with i mod p = rank.
struct shard {
    std::vector<double> ts, ys;
    shard(int rank, int ranks) {
        for (std::size_t i = static_cast<std::size_t>(rank); i < total; i += static_cast<std::size_t>(ranks)) {
            ts.push_back(t_of(i));
            ys.push_back(y_of(i));
        }
    }
};

// All the samples, for the one-process fit.
struct everything {
    std::vector<double> ts, ys;
    everything() {
        for (std::size_t i = 0; i < total; ++i) {
            ts.push_back(t_of(i));
            ys.push_back(y_of(i));
        }
    }
};

template <class R>
std::vector<std::uint64_t> bits_of(const R& r) {
    std::vector<std::uint64_t> bits;
    for (double v : r.point.values) bits.push_back(std::bit_cast<std::uint64_t>(v));
    bits.push_back(std::bit_cast<std::uint64_t>(r.value));
    bits.push_back(r.iterations);
    bits.push_back(static_cast<std::uint64_t>(r.status));
    return bits;
}

// The bits of r (point, value, iterations, status) are the same on every rank.
template <class R>
bool same_on_every_rank(const mpi::communicator& world, const R& r) {
    const std::vector<std::uint64_t> mine = bits_of(r);
    std::vector<std::uint64_t> all(mine.size() * static_cast<std::size_t>(world.size()));
    mpi::all_gather(world, mine.data(), static_cast<int>(mine.size()), all.data());
    for (std::size_t q = 0; q < all.size(); ++q)
        if (all[q] != mine[q % mine.size()]) return false;
    return true;
}

bool close(double x, double reference, double relative) {
    return std::fabs(x - reference) <= relative * std::fabs(reference);
}

// What f throws on this rank: "" when it returns.
template <class Exception, class F>
std::string thrown(F f) {
    try {
        f();
    } catch (const Exception& e) {
        return std::string("caught: ") + e.what();
    }
    return "";
}

// A scalar type whose exp throws where double's would overflow: a real
// exception from inside the gradient of a sample.
struct checked {
    double v = 0;
    checked() = default;
    checked(double value) : v(value) {}  // NOLINT: implicit, as a scalar type is used
    checked(long double value) : v(static_cast<double>(value)) {}  // NOLINT
    checked(int value) : v(value) {}                                 // NOLINT
    checked(long value) : v(static_cast<double>(value)) {}           // NOLINT
    checked(long long value) : v(static_cast<double>(value)) {}      // NOLINT
    checked(unsigned long value) : v(static_cast<double>(value)) {}  // NOLINT
    checked(unsigned long long value) : v(static_cast<double>(value)) {}  // NOLINT

    friend checked operator+(checked x, checked z) { return x.v + z.v; }
    friend checked operator-(checked x, checked z) { return x.v - z.v; }
    friend checked operator*(checked x, checked z) { return x.v * z.v; }
    friend checked operator/(checked x, checked z) { return x.v / z.v; }
    friend checked operator-(checked x) { return -x.v; }
    friend checked exp(checked x) {
        if (x.v > 700) throw std::overflow_error("checked: exp overflows");
        return std::exp(x.v);
    }
};

}  // namespace

BOOST_TEST_GLOBAL_FIXTURE(mpi_setup);

BOOST_AUTO_TEST_CASE(full_batch_equals_one_process_fit) {
    const mpi::communicator world;
    const shard mine(world.rank(), world.size());
    const auto start = lz::point(a = 1.0, b = 1.0, c = 0.0);
    const lz::batches full{.size = total, .epochs = 300, .seed = 5};
    const auto r = lz::fit(loss, start, lz::data(t = mine.ts, y = mine.ys), lz::gradient_descent{.learning_rate = 0.5},
                           full, lz::distributed{world});
    BOOST_CHECK(same_on_every_rank(world, r));
    BOOST_CHECK_EQUAL(r.iterations, 300u);
    BOOST_CHECK(r.status == lz::status::max_iterations);

    const everything all;
    const auto one = lz::fit(loss, start, lz::data(t = all.ts, y = all.ys), lz::gradient_descent{.learning_rate = 0.5},
                             full);
    for (std::size_t i = 0; i < 3; ++i) BOOST_CHECK(close(r.point.values[i], one.point.values[i], 1e-12));
    BOOST_CHECK(close(r.value, one.value, 1e-12));
    BOOST_CHECK(close(r.value, lz::mean(loss, lz::data(t = all.ts, y = all.ys))(r.point), 1e-12));
    BOOST_CHECK_EQUAL(r.iterations, one.iterations);
    BOOST_CHECK(r.point[b] > 0.5 && r.point[b] < 0.9);  // it fits: the data decay at 0.7

    // Adam too (its steps divide by the gradient's scale: still equal to rounding).
    const auto adam = lz::fit(loss, start, lz::data(t = mine.ts, y = mine.ys), lz::adam{.learning_rate = 0.05},
                              lz::batches{.size = total * 2, .epochs = 100}, lz::distributed{world});
    const auto adam_one = lz::fit(loss, start, lz::data(t = all.ts, y = all.ys), lz::adam{.learning_rate = 0.05},
                                  lz::batches{.size = total * 2, .epochs = 100});
    BOOST_CHECK(same_on_every_rank(world, adam));
    for (std::size_t i = 0; i < 3; ++i) BOOST_CHECK(close(adam.point.values[i], adam_one.point.values[i], 1e-10));
}

// On a communicator of one rank, a full-batch distributed fit is fit(...)'s, bit for bit.
BOOST_AUTO_TEST_CASE(one_rank_is_the_plain_fit) {
    const mpi::communicator world;
    const mpi::communicator alone = world.split(world.rank());
    BOOST_CHECK_EQUAL(alone.size(), 1);
    const shard mine(world.rank(), world.size());
    const auto data = lz::data(t = mine.ts, y = mine.ys);
    const auto start = lz::point(a = 1.0, b = 1.0, c = 0.0);
    const lz::batches full{.size = mine.ts.size(), .epochs = 50, .seed = 9};
    const auto r = lz::fit(loss, start, data, lz::adam{.learning_rate = 0.05}, full, lz::distributed{alone});
    const auto plain = lz::fit(loss, start, data, lz::adam{.learning_rate = 0.05}, full);
    BOOST_CHECK(bits_of(r) == bits_of(plain));
}

BOOST_AUTO_TEST_CASE(mini_batches_are_identical_across_ranks_and_reproducible) {
    const mpi::communicator world;
    const shard mine(world.rank(), world.size());
    const auto data = lz::data(t = mine.ts, y = mine.ys);
    const auto start = lz::point(a = 1.0, b = 1.0, c = 0.0);
    const lz::batches schedule{.size = 64, .epochs = 30, .seed = 11, .decay = 0.01};
    std::vector<double> observed;
    const auto r = lz::fit(loss, start, data, lz::adam{.learning_rate = 0.02}, schedule, lz::distributed{world},
                           [&](const auto& e) { observed.push_back(e.value); });
    BOOST_CHECK(same_on_every_rank(world, r));
    // S = ceil(1001 / 64) = 16 steps per epoch, on every rank.
    BOOST_CHECK_EQUAL(r.iterations, 16u * 30u);
    const everything all;
    const auto everything_data = lz::data(t = all.ts, y = all.ys);
    BOOST_CHECK(close(r.value, lz::mean(loss, everything_data)(r.point), 1e-12));
    BOOST_CHECK(r.value < lz::mean(loss, everything_data)(start) / 10);
    // The observer sees the global mean after each epoch, the same on every rank.
    BOOST_REQUIRE_EQUAL(observed.size(), 30u);
    BOOST_CHECK_EQUAL(std::bit_cast<std::uint64_t>(observed.back()), std::bit_cast<std::uint64_t>(r.value));
    std::vector<double> gathered(observed.size() * static_cast<std::size_t>(world.size()));
    mpi::all_gather(world, observed.data(), static_cast<int>(observed.size()), gathered.data());
    for (std::size_t q = 0; q < gathered.size(); ++q)
        BOOST_CHECK_EQUAL(std::bit_cast<std::uint64_t>(gathered[q]),
                          std::bit_cast<std::uint64_t>(observed[q % observed.size()]));

    const auto again = lz::fit(loss, start, data, lz::adam{.learning_rate = 0.02}, schedule, lz::distributed{world});
    BOOST_CHECK(bits_of(again) == bits_of(r));
    lz::batches other = schedule;
    other.seed = 12;
    const auto reseeded = lz::fit(loss, start, data, lz::adam{.learning_rate = 0.02}, other, lz::distributed{world});
    BOOST_CHECK(same_on_every_rank(world, reseeded));
    BOOST_CHECK(bits_of(reseeded) != bits_of(r));

    // A batch of 0 means 1: 1001 steps per epoch, some ranks' parts empty.
    const auto single = lz::fit(loss, start, data, lz::gradient_descent{.learning_rate = 0.01},
                                lz::batches{.size = 0, .epochs = 1}, lz::distributed{world});
    BOOST_CHECK(same_on_every_rank(world, single));
    BOOST_CHECK_EQUAL(single.iterations, total);
}

BOOST_AUTO_TEST_CASE(an_empty_shard_is_an_error_on_every_rank) {
    const mpi::communicator world;
    const shard mine(world.rank(), world.size());
    const std::vector<double> none;
    const bool empty = world.rank() == 1;
    const auto data = empty ? lz::data(t = none, y = none) : lz::data(t = mine.ts, y = mine.ys);
    const std::string message = thrown<std::invalid_argument>([&] {
        lz::fit(loss, lz::point(a = 1.0, b = 1.0, c = 0.0), data, lz::adam{}, lz::batches{}, lz::distributed{world});
    });
    BOOST_CHECK_MESSAGE(message.find("rank 1 has no samples") != std::string::npos, message);
}

BOOST_AUTO_TEST_CASE(shards_of_other_variables_or_settings_are_an_error_on_every_rank) {
    const mpi::communicator world;
    const shard mine(world.rank(), world.size());
    const auto start = lz::point(a = 1.0, b = 1.0, c = 0.0);
    const std::string message = thrown<std::invalid_argument>([&] {
        if (world.rank() == 1)  // an extra column: other variables than rank 0's
            lz::fit(loss, start, lz::data(t = mine.ts, y = mine.ys, w = mine.ys), lz::adam{}, lz::batches{},
                    lz::distributed{world});
        else
            lz::fit(loss, start, lz::data(t = mine.ts, y = mine.ys), lz::adam{}, lz::batches{}, lz::distributed{world});
    });
    BOOST_CHECK_MESSAGE(message.find("data's columns") != std::string::npos &&
                                message.find("rank 1 differ") != std::string::npos,
                        message);
    const std::string seeds = thrown<std::invalid_argument>([&] {
        lz::fit(loss, start, lz::data(t = mine.ts, y = mine.ys), lz::adam{},
                lz::batches{.seed = world.rank() == 2 ? 3u : 4u}, lz::distributed{world});
    });
    if (world.size() > 2)
        BOOST_CHECK_MESSAGE(seeds.find("batches of rank 2 differ") != std::string::npos, seeds);
    else
        BOOST_CHECK_EQUAL(seeds, "");
    // Another learning rate on rank 1: the types and the start agree, the
    // points part after the first epoch: an error on every rank.
    const std::string rates = thrown<std::runtime_error>([&] {
        lz::fit(loss, start, lz::data(t = mine.ts, y = mine.ys), lz::adam{.learning_rate = world.rank() == 1 ? 0.1 : 0.01},
                lz::batches{.size = 64, .epochs = 3}, lz::distributed{world});
    });
    BOOST_CHECK_MESSAGE(rates.find("after epoch 1, the point of rank 1 differs") != std::string::npos, rates);
}

BOOST_AUTO_TEST_CASE(a_rank_that_throws_stops_every_rank) {
    const mpi::communicator world;
    shard mine(world.rank(), world.size());
    if (world.rank() == 1) mine.ts[mine.ts.size() / 2] = -1000;  // exp(b·1000) overflows: checked throws
    const auto start = lz::point(a = checked(1.0), b = checked(1.0), c = checked(0.0));
    const auto data = lz::data(t = mine.ts, y = mine.ys);
    const auto run = [&] {
        lz::fit(loss, start, data, lz::gradient_descent{.learning_rate = 0.1}, lz::batches{.size = 100, .epochs = 2},
                lz::distributed{world});
    };
    if (world.rank() == 1) {
        const std::string own = thrown<std::overflow_error>(run);
        BOOST_CHECK_MESSAGE(own.find("checked: exp overflows") != std::string::npos, own);
    } else {
        const std::string other = thrown<std::runtime_error>(run);
        BOOST_CHECK_MESSAGE(other.find("rank 1 threw while computing its part of a batch's gradient") != std::string::npos,
                            other);
    }
    // And an observer that throws on one rank only.
    const shard clean(world.rank(), world.size());
    const std::string observed = thrown<std::runtime_error>([&] {
        lz::fit(loss, lz::point(a = 1.0, b = 1.0, c = 0.0), lz::data(t = clean.ts, y = clean.ys),
                lz::adam{}, lz::batches{.epochs = 2}, lz::distributed{world}, [&](const auto& e) {
                    if (world.rank() == world.size() - 1 && e.epoch == 2) throw std::runtime_error("observer");
                });
    });
    if (world.rank() == world.size() - 1)
        BOOST_CHECK_EQUAL(observed, "caught: observer");
    else
        BOOST_CHECK_MESSAGE(observed.find("rank " + std::to_string(world.size() - 1) + " threw while in the observer") !=
                                    std::string::npos,
                            observed);
}

BOOST_AUTO_TEST_CASE(the_ranks_are_still_in_step) {
    // After every error above, the ranks still meet at the same collectives.
    const mpi::communicator world;
    const shard mine(world.rank(), world.size());
    const auto r = lz::fit(loss, lz::point(a = 1.0, b = 1.0, c = 0.0), lz::data(t = mine.ts, y = mine.ys), lz::adam{},
                           lz::batches{.size = 128, .epochs = 3, .seed = 1}, lz::distributed{world});
    BOOST_CHECK(same_on_every_rank(world, r));
}

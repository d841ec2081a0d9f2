// The numbers stored in expressions: exact rationals, reals, their text.
#include <leibniz/leibniz.hpp>

#include <boost/test/unit_test.hpp>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <random>
#include <string>

namespace lz = leibniz;
using lz::detail::number;

namespace {

std::string constexpr_text(long double v) {
    std::string s;
    lz::detail::string_writer w{s};
    lz::detail::write_real_constexpr(w, v);
    return s;
}

std::string text(const number& n) {
    std::string s;
    lz::detail::string_writer w{s};
    lz::detail::write_number(w, n);
    return s;
}

BOOST_AUTO_TEST_CASE(exact_arithmetic) {
    BOOST_TEST(text(number(1) / number(2)) == "1/2");
    BOOST_TEST(text(number(6) / number(-4)) == "-3/2");
    BOOST_TEST(text(number(1) / number(3) + number(1) / number(6)) == "1/2");
    BOOST_TEST(text(integer_power(number(2) / number(3), -3)) == "27/8");
    BOOST_TEST((number(1) / number(2)).exact);
    BOOST_TEST(!(number(1) / number(2.0)).exact);  // a real stays real
}

BOOST_AUTO_TEST_CASE(overflow_continues_in_long_double) {
    const number big(std::numeric_limits<std::int64_t>::max());
    const number sum = big + number(1);
    BOOST_TEST(!sum.exact);
    BOOST_TEST(sum.as_real() == 9223372036854775808.0L);
    const number product = big * big;
    BOOST_TEST(!product.exact);
    const number smallest(std::numeric_limits<std::int64_t>::min());
    BOOST_TEST((-smallest).as_real() == 9223372036854775808.0L);
    BOOST_TEST(number(std::numeric_limits<std::uint64_t>::max()).as_real() == 18446744073709551615.0L);
}

BOOST_AUTO_TEST_CASE(division_by_zero_follows_ieee) {
    BOOST_TEST(std::isinf((number(1) / number(0)).as_real()));
    BOOST_TEST((number(-1) / number(0)).as_real() < 0);
    BOOST_TEST(std::isnan((number(0) / number(0)).as_real()));
}

BOOST_AUTO_TEST_CASE(conversion_to_a_scalar_is_correctly_rounded) {
    const number third = number(1) / number(3);
    BOOST_TEST(lz::detail::to_scalar<float>(third) == 1.0f / 3.0f);
    BOOST_TEST(lz::detail::to_scalar<double>(third) == 1.0 / 3.0);
    BOOST_TEST(lz::detail::to_scalar<long double>(third) == 1.0L / 3.0L);
    BOOST_TEST(lz::detail::to_scalar<double>(number(0.1)) == 0.1);
    BOOST_TEST(lz::detail::to_scalar<float>(number(0.1)) == 0.1f);
}

// Reals print in a form that always reads back as the same double, and almost
// always with the same (shortest) digits std::to_chars chooses.
BOOST_AUTO_TEST_CASE(reals_print_shortest_round_trip) {
    std::mt19937_64 random(12345);
    std::uniform_int_distribution<int> exponent(-300, 300);
    std::uniform_real_distribution<double> mantissa(1.0, 10.0);
    int differ_from_to_chars = 0;
    for (int i = 0; i < 20000; ++i) {
        const double v = (i % 2 ? -1 : 1) * mantissa(random) * std::pow(10.0, exponent(random));
        if (!std::isfinite(v) || v == 0) continue;
        BOOST_TEST_REQUIRE(std::strtod(text(number(v)).c_str(), nullptr) == v);
        const std::string mine = constexpr_text(v);  // the compile-time algorithm, run at run time
        BOOST_TEST_REQUIRE(std::strtod(mine.c_str(), nullptr) == v, "reads back: " << mine);
        char buffer[64];
        auto end = std::to_chars(buffer, buffer + sizeof buffer, v).ptr;
        // Compare significant digits only (the notations differ).
        auto digits = [](const std::string& s) {
            std::string d;
            for (char c : s) {
                if (c == 'e') break;
                if (c >= '0' && c <= '9') d += c;
            }
            d.erase(0, d.find_first_not_of('0'));
            d.erase(d.find_last_not_of('0') + 1);
            return d;
        };
        if (digits(mine) != digits(std::string(buffer, end))) ++differ_from_to_chars;
    }
    // Where long double cannot decide the shortest form safely, one more digit is printed.
    BOOST_TEST(differ_from_to_chars <= 400, differ_from_to_chars << " of 20000 differ from std::to_chars");
    BOOST_TEST_MESSAGE(differ_from_to_chars << " of 20000 reals print one digit longer at compile time");
}

BOOST_AUTO_TEST_CASE(special_values) {
    for (double v : {0.1, 0.3, 1e-5, 123456.789, 1e15, 1e16, 2.5e-300, 5e-324, 0.30000000000000004})
        BOOST_TEST(constexpr_text(v) == text(number(v)));
    BOOST_TEST(text(number(0.0)) == "0");
    BOOST_TEST(text(number(-2.5)) == "-2.5");
    BOOST_TEST(text(number(std::numeric_limits<double>::infinity())) == "inf");
    BOOST_TEST(text(number(-std::numeric_limits<double>::infinity())) == "-inf");
    BOOST_TEST(text(number(std::numeric_limits<double>::quiet_NaN())) == "nan");
    BOOST_TEST(text(number(5e-324)) == "5e-324");
    BOOST_TEST(text(number(1.7976931348623157e308)) == "1.7976931348623157e+308");
    BOOST_TEST(text(number(123456.789)) == "123456.789");
    BOOST_TEST(text(number(0.00001)) == "0.00001");
    BOOST_TEST(text(number(1e15)) == "1000000000000000");
    BOOST_TEST(text(number(1e16)) == "1e+16");
}

}  // namespace

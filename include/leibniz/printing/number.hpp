// Numbers as text, in constant expressions too.
//
// An exact number prints as an integer or a fraction p/q. A real prints with
// the fewest significant digits (at most 17) that read back as the same
// double, fixed notation for exponents from -5 to 15, else like 1.5e+20. The
// digits are found in long double arithmetic, in constant expressions too;
// where that arithmetic cannot decide a shortest candidate safely (about one
// value in a hundred), one more digit is printed: the text still reads back
// exactly. At run time the digits come from std::to_chars, always shortest.
#pragma once

#include <leibniz/detail/number.hpp>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string_view>
#include <type_traits>

namespace leibniz::detail {

template <class Writer>
constexpr void write_integer(Writer& w, std::int64_t v) {
    char digits[24]{};
    int n = 0;
    std::uint64_t m = v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
    do {
        digits[n++] = static_cast<char>('0' + m % 10);
        m /= 10;
    } while (m > 0);
    if (v < 0) w.put('-');
    while (n > 0) w.put(digits[--n]);
}

// 10^e in long double: exact up to 10^27 (5^27 < 2^64), then one rounding
// per factor of 10^27, so the error stays a few units in 2^-64.
constexpr long double power_of_ten(int e) {
    long double exact[28]{};
    exact[0] = 1;
    for (int i = 1; i < 28; ++i) exact[i] = exact[i - 1] * 10;
    int m = e < 0 ? -e : e;
    long double r = 1;
    for (; m >= 27; m -= 27) r *= exact[27];
    r *= exact[m];
    return e < 0 ? 1 / r : r;
}

template <class Writer>
constexpr void write_real_constexpr(Writer& w, long double value) {
    if (value != value) return w.put("nan");
    if (value < 0) {
        w.put('-');
        value = -value;
    }
    if (value == 0) return w.put('0');
    if (value > static_cast<long double>(1.79769313486231570815e308L)) return w.put("inf");
    const double target = static_cast<double>(value);
    // Decimal exponent: 10^e <= value < 10^(e+1).
    int e = 0;
    while (value >= power_of_ten(e + 1)) ++e;
    while (value < power_of_ten(e)) --e;
    char digits[20]{};
    int count = 0;
    for (int precision = 1; precision <= 17; ++precision) {
        // The value rounded to `precision` significant digits, as an integer.
        long double scaled = value / power_of_ten(e - precision + 1);
        auto m = static_cast<std::uint64_t>(scaled + 0.5L);
        int exponent = e;
        if (m >= static_cast<std::uint64_t>(power_of_ten(precision))) {  // rounding carried into a new digit
            m /= 10;
            ++exponent;
        }
        // Accept the candidate only if it reads back as the target with a
        // margin that covers the rounding of this long double arithmetic (a
        // few units in 2^-64): a candidate too near a rounding boundary is
        // passed over for one more digit, so the text always reads back.
        const long double candidate = static_cast<long double>(m) * power_of_ten(exponent - precision + 1);
        constexpr long double margin = 1.0L / (1ULL << 61);
        if ((static_cast<double>(candidate * (1 + margin)) == target &&
             static_cast<double>(candidate * (1 - margin)) == target) ||
            precision == 17) {
            count = precision;
            for (int i = precision - 1; i >= 0; --i) {
                digits[i] = static_cast<char>('0' + m % 10);
                m /= 10;
            }
            e = exponent;
            break;
        }
    }
    while (count > 1 && digits[count - 1] == '0') --count;
    if (e >= -5 && e <= 15) {
        if (e < 0) {
            w.put("0.");
            for (int i = -1; i > e; --i) w.put('0');
            for (int i = 0; i < count; ++i) w.put(digits[i]);
        } else {
            for (int i = 0; i <= e; ++i) w.put(i < count ? digits[i] : '0');
            if (count > e + 1) {
                w.put('.');
                for (int i = e + 1; i < count; ++i) w.put(digits[i]);
            }
        }
    } else {
        w.put(digits[0]);
        if (count > 1) {
            w.put('.');
            for (int i = 1; i < count; ++i) w.put(digits[i]);
        }
        w.put('e');
        w.put(e < 0 ? '-' : '+');
        write_integer(w, e < 0 ? -e : e);
    }
}

// At run time the standard library's shortest round-trip form (exact);
// in constant expressions the algorithm above.
template <class Writer>
constexpr void write_real(Writer& w, long double value) {
    if (std::is_constant_evaluated() || !(value == value) || value > 1.79769313486231570815e308L ||
        value < -1.79769313486231570815e308L)
        return write_real_constexpr(w, value);
    const double v = static_cast<double>(value);
    char buffer[32];
    char* end = std::to_chars(buffer, buffer + sizeof buffer, v).ptr;
    // Same notation as write_real_constexpr: fixed for exponents -5..15.
    int exponent = 0;
    if (v != 0) {
        const double magnitude = v < 0 ? -v : v;
        exponent = static_cast<int>(std::floor(std::log10(magnitude)));
        if (magnitude < power_of_ten(exponent)) --exponent;  // log10 rounding near powers of ten
        if (magnitude >= power_of_ten(exponent + 1)) ++exponent;
    }
    if (exponent >= -5 && exponent <= 15)
        end = std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::fixed).ptr;
    else
        end = std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::scientific).ptr;
    std::string_view text(buffer, static_cast<std::size_t>(end - buffer));
    // to_chars writes e+20 / e-07; print the exponent without leading zeros.
    const auto e = text.find('e');
    if (e == std::string_view::npos) return w.put(text);
    w.put(text.substr(0, e + 2));
    std::size_t digits = e + 2;
    while (digits + 1 < text.size() && text[digits] == '0') ++digits;
    w.put(text.substr(digits));
}

// A whole number: an integer, a fraction p/q, or a real.
template <class Writer>
constexpr void write_number(Writer& w, const number& n) {
    if (n.exact) {
        write_integer(w, n.num);
        if (n.den != 1) {
            w.put('/');
            write_integer(w, n.den);
        }
    } else {
        write_real(w, n.real);
    }
}

}  // namespace leibniz::detail

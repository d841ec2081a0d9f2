// Expressions as text, reading like a person wrote them: to_string(e),
// std::ostream << e, and to_static_string(e) in constant expressions.
//
//   choice                                    example
//   coefficients of 1 and -1 hidden           x + y, -x
//   subtraction, never "+ -"                   4*x - 3
//   integer powers with ^                      x^2*y
//   negative powers as a quotient              1/x, x/(2*y^2), 3*x/2
//   a sum starts with its first positive term  1 - x (canonically -x + 1)
//   a stored coefficient 0 is hidden           2*x - 2*x prints 0
//   parentheses only where needed              (x + 1)^2, 4*x*(x^2 + y - 11)
//   real and expression powers                 x^1.5, x^(-0.5), x^(1/3), 2^x, (x + 1)^(y + 1)
//   functions                                  sin(x), sign(x) (the derivative of abs)
#pragma once

#include <leibniz/detail/tuple.hpp>
#include <leibniz/expression/nodes.hpp>
#include <leibniz/expression/operations.hpp>
#include <leibniz/expression/variable.hpp>
#include <leibniz/printing/number.hpp>
#include <leibniz/printing/writer.hpp>

#include <cstddef>
#include <iosfwd>
#include <string>
#include <tuple>
#include <utility>

namespace leibniz::detail {

// Shapes that print as one unbroken token (no parentheses needed around them).
template <class T>
inline constexpr bool is_atom = false;
template <char... C>
inline constexpr bool is_atom<variable<C...>> = true;
template <class Op, class A>
inline constexpr bool is_atom<function<Op, A>> = true;
template <class Op, class A, class B>
inline constexpr bool is_atom<binary_function<Op, A, B>> = true;
template <bool S, class L, class R, class A, class B>
inline constexpr bool is_atom<branch<S, L, R, A, B>> = true;
template <class L, class D>
inline constexpr bool is_atom<sample_mean<L, D>> = true;

template <class W, class E>
constexpr void print(W& w, const E& e);


// Does this sum print as one atom (x + 0.0 prints as x, 1*sin(x) as sin(x))?
// Then it needs no parentheses anywhere. Any other single item may: 8/z as
// a power's base is (8/z)^1.5, and x*y after a division sign is /(x*y).
template <bool H, class... Terms>
constexpr bool prints_as_one_atom(const add<H, Terms...>& s) {
    int visible = 0;
    bool atom = false;
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        auto count = [&]<coefficient_kind K, class M>(const term<K, M>& t) {
            if (!t.coefficient.is_zero()) {
                ++visible;
                atom = is_atom<M> && t.coefficient == number(1);
            }
        };
        in_order{(count(get<I>(s.terms)), 0)...};
    }(std::index_sequence_for<Terms...>{});
    if (H && (!s.constant.is_zero() || visible == 0)) {
        ++visible;
        atom = s.constant.is_integer() && !s.constant.is_negative();
    }
    return visible == 1 && atom;
}

// In parentheses unless an atom (or a sum or number that prints as one).
template <class W, class E>
constexpr void print_grouped(W& w, const E& e) {
    bool plain = is_atom<E>;
    if constexpr (is_sum_node<E>) plain = prints_as_one_atom(e);
    if constexpr (std::is_same_v<E, constant>) plain = e.value.is_integer() && !e.value.is_negative();
    if (!plain) w.put('(');
    print(w, e);
    if (!plain) w.put(')');
}

// A factor of a product: base^exponent. A power binds tighter than * and /,
// so only a sum needs parentheses around a plain factor.
template <class W, class B>
constexpr void print_power(W& w, const B& base, int exponent) {
    if (exponent == 1) {
        if constexpr (is_sum_node<B>)
            print_grouped(w, base);
        else
            print(w, base);
        return;
    }
    print_grouped(w, base);
    w.put('^');
    write_integer(w, exponent);
}

// |coefficient| × monomial, a product split into numerator and denominator.
template <class W, class M>
constexpr void print_scaled(W& w, const number& magnitude, const M& m) {
    bool wrote = false;
    auto separate = [&] {
        if (wrote) w.put('*');
        wrote = true;
    };
    if (magnitude.exact ? magnitude.num != 1 : magnitude.real != 1) {
        separate();
        if (magnitude.exact)
            write_integer(w, magnitude.num);
        else
            write_real(w, magnitude.real);
    }
    int denominator_items = magnitude.exact && magnitude.den != 1 ? 1 : 0;
    auto denominator = [&] {
        if (magnitude.exact && magnitude.den != 1) write_integer(w, magnitude.den);
    };
    if constexpr (requires { m.factors; }) {
        [&]<class... B, int... N>(const mul<factor<B, N>...>& p) {
            [&]<std::size_t... I>(std::index_sequence<I...>) {
                auto numerator_factor = [&]<class Base, int E>(const factor<Base, E>& f) {
                    if constexpr (E > 0) {
                        separate();
                        print_power(w, f.base, E);
                    }
                };
                in_order{(numerator_factor(get<I>(p.factors)), 0)...};
                if (!wrote) w.put('1');
                denominator_items += ((N < 0 ? 1 : 0) + ... + 0);
                if (denominator_items == 0) return;
                w.put('/');
                if (denominator_items > 1) w.put('(');
                bool first = !(magnitude.exact && magnitude.den != 1);
                denominator();
                auto denominator_factor = [&]<class Base, int E>(const factor<Base, E>& f) {
                    if constexpr (E < 0) {
                        if (!first) w.put('*');
                        first = false;
                        print_power(w, f.base, -E);
                    }
                };
                in_order{(denominator_factor(get<I>(p.factors)), 0)...};
                if (denominator_items > 1) w.put(')');
            }(std::index_sequence_for<B...>{});
        }(m);
    } else {
        separate();
        print(w, m);  // a monomial: never a sum, binds tighter than *
        if (denominator_items) {
            w.put('/');
            denominator();
        }
    }
}

template <class W>
constexpr void print_node(W& w, const zero&) {
    w.put('0');
}
template <class W>
constexpr void print_node(W& w, const one&) {
    w.put('1');
}
template <class W>
constexpr void print_node(W& w, const constant& c) {
    write_number(w, c.value);
}
template <class W, char... C>
constexpr void print_node(W& w, const variable<C...>&) {
    (w.put(C), ...);
}
template <class W, class Op, class A>
constexpr void print_node(W& w, const function<Op, A>& f) {
    w.put(Op::name);
    w.put('(');
    print(w, f.arg);
    w.put(')');
}
template <class W, class Op, class A, class B>
constexpr void print_node(W& w, const binary_function<Op, A, B>& f) {
    w.put(Op::name);
    w.put('(');
    print(w, f.first);
    w.put(", ");
    print(w, f.second);
    w.put(')');
}
// where(x < y, a, b); min and max print as the where they are.
template <class W, bool S, class L, class R, class A, class B>
constexpr void print_node(W& w, const branch<S, L, R, A, B>& b) {
    w.put("where(");
    print(w, b.left);
    w.put(S ? " < " : " <= ");
    print(w, b.right);
    w.put(", ");
    print(w, b.if_true);
    w.put(", ");
    print(w, b.if_false);
    w.put(')');
}
template <class W, class B>
constexpr void print_node(W& w, const real_power<B>& r) {
    print_grouped(w, r.base);
    // u^1 prints as u: the derivative of u^2.0 is 2*u, not 2*u^1 (its value is
    // u's exactly, by squarings or by pow(u, 1.0)).
    if (r.exponent.is_one()) return;
    w.put('^');
    if (r.exponent.is_integer() && !r.exponent.is_negative()) {
        write_integer(w, r.exponent.num);
    } else if (!r.exponent.exact && !r.exponent.is_negative()) {
        write_real(w, r.exponent.real);
    } else {
        w.put('(');
        write_number(w, r.exponent);
        w.put(')');
    }
}
template <class W, class B, class E>
constexpr void print_node(W& w, const power<B, E>& p) {
    print_grouped(w, p.base);
    w.put('^');
    print_grouped(w, p.exponent);
}
template <class W, class... F>
constexpr void print_node(W& w, const mul<F...>& p) {
    print_scaled(w, number(1), p);
}

template <class W, bool H, class... Terms>
constexpr void print_node(W& w, const add<H, Terms...>& s) {
    constexpr std::size_t n = sizeof...(Terms);
    // Items 0..n-1 are the terms, item n the constant.
    bool visible[n + 1]{}, negative[n + 1]{};
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        in_order{(visible[I] = !get<I>(s.terms).coefficient.is_zero(),
                  negative[I] = get<I>(s.terms).coefficient.is_negative(), 0)...};
    }(std::index_sequence_for<Terms...>{});
    bool any_term = false;
    for (std::size_t i = 0; i < n; ++i) any_term = any_term || visible[i];
    visible[n] = H && (!s.constant.is_zero() || !any_term);
    negative[n] = H && s.constant.is_negative();
    if (!H && !any_term) return w.put('0');

    std::size_t leader = n + 1;
    for (std::size_t i = 0; i <= n && leader > n; ++i)
        if (visible[i] && !negative[i]) leader = i;
    for (std::size_t i = 0; i <= n && leader > n; ++i)
        if (visible[i]) leader = i;

    auto print_item = [&](std::size_t item) {
        if (item == n) {
            write_number(w, negative[n] ? -s.constant : s.constant);
            return;
        }
        [&]<std::size_t... I>(std::index_sequence<I...>) {
            auto one_term = [&]<std::size_t J>(std::integral_constant<std::size_t, J>) {
                if (item != J) return;
                const auto& t = get<J>(s.terms);
                print_scaled(w, negative[J] ? -t.coefficient : t.coefficient, t.monomial);
            };
            in_order{(one_term(std::integral_constant<std::size_t, I>{}), 0)...};
        }(std::index_sequence_for<Terms...>{});
    };
    if (negative[leader]) w.put('-');
    print_item(leader);
    for (std::size_t i = 0; i <= n; ++i) {
        if (i == leader || !visible[i]) continue;
        w.put(negative[i] ? " - " : " + ");
        print_item(i);
    }
}

template <class W, class E>
constexpr void print(W& w, const E& e) {
    static_assert(Expression<E>, "leibniz internal error: printing a value that is not an expression");
    print_node(w, e);
}

}  // namespace leibniz::detail

namespace leibniz {

// The expression as text: to_string(d(2*x*x - 3*x + 4, x)) == "4*x - 3".
template <Expression E>
std::string to_string(const E& e) {
    std::string out;
    detail::string_writer w{out};
    detail::print(w, e);
    return out;
}

// The same text in a constant expression, in a buffer of Capacity characters
// (a longer form compares unequal to everything and has .truncated set).
template <std::size_t Capacity = 256, Expression E>
constexpr static_string<Capacity> to_static_string(const E& e) {
    static_string<Capacity> out;
    detail::print(out, e);
    return out;
}

// A template on the stream, so that only <iosfwd> is needed here: the
// stream's members are looked up where a program prints, which has included
// <ostream> or <iostream>.
template <class Traits, Expression E>
std::basic_ostream<char, Traits>& operator<<(std::basic_ostream<char, Traits>& os, const E& e) {
    return os << to_string(e);
}

}  // namespace leibniz

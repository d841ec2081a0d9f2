// Expressions as LaTeX: to_latex(e), for a document or a notebook.
//
// It walks the canonical form the way to_string does (same order of terms,
// same signs, parentheses only where to_string needs them) and writes math
// mode text without the surrounding $...$:
//
//   choice                                    example
//   quotients as fractions                    \frac{\sin\left(x\right)}{y}, \frac{3 x}{2}
//   products by juxtaposition                 2 x y^{2}; \cdot before a digit: 3 \cdot 2^{x}
//   powers in braces                          x^{2}, x^{1.5}, x^{-0.5}, x^{\frac{1}{3}}, 2^{x}
//   functions with a macro                    \sin \cos \tan \exp \log \sinh \cosh \tanh
//                                             \arcsin \arccos \arctan (log is the natural logarithm)
//   the others                                \operatorname{erf}, \operatorname{asinh}, ...,
//                                             \operatorname{sign}, \operatorname{atan2}\left(y, x\right)
//   roots and absolute values                 \sqrt{x}, \sqrt[3]{x}, \left|x\right|
//   min and max (where(b < a, b, a) and       \min\left(a, b\right), \max\left(a, b\right)
//     where(a < b, b, a), as lz::min, lz::max build them)
//   any other where                           \begin{cases} a & \text{if } x < y \\ b & \text{otherwise} \end{cases}
//   a mean over samples                       \operatorname{mean}\left(...\right)
//   a sum over an index, its elements         \sum_{i=0}^{\operatorname{size}(x) - 2} ..., x_{i + 1}, A_{i,j}, [i = k]
//   numbers                                   2, \frac{1}{3}, 0.1, 1.5 \cdot 10^{20}
//
// Variable names: trailing digits become a subscript (x1 is x_{1}), the part
// after an underscore too (y_true is y_{\mathrm{true}}), the names of Greek
// letters their letter (alpha is \alpha, Sigma is \Sigma); any other name of
// more than one letter is set upright: \mathrm{rate}.
#pragma once

#include <leibniz/data/squares.hpp>
#include <leibniz/expression/nodes.hpp>
#include <leibniz/expression/operations.hpp>
#include <leibniz/expression/variable.hpp>
#include <leibniz/printing/number.hpp>
#include <leibniz/printing/to_string.hpp>
#include <leibniz/printing/writer.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace leibniz::detail::latex {

// ---- names and numbers ----------------------------------------------------------

inline bool is_greek(std::string_view s) {
    constexpr std::string_view letters[] = {
        "alpha", "beta",  "gamma",   "delta", "epsilon", "zeta",  "eta",   "theta", "iota",  "kappa", "lambda",
        "mu",    "nu",    "xi",      "pi",    "rho",     "sigma", "tau",   "upsilon", "phi", "chi",   "psi",
        "omega", "Gamma", "Delta",   "Theta", "Lambda",  "Xi",    "Pi",    "Sigma", "Upsilon", "Phi", "Psi",
        "Omega", "varepsilon", "vartheta", "varphi"};
    for (std::string_view l : letters)
        if (s == l) return true;
    return false;
}

// A name without digits or underscores: one letter as is, a Greek letter's
// name as its macro, anything else upright.
inline std::string word(std::string_view s) {
    if (s.size() == 1) return std::string(s);
    if (is_greek(s)) return "\\" + std::string(s);
    std::string out = "\\mathrm{";
    out += s;
    out += '}';
    return out;
}

inline std::string subscript(std::string_view s) {
    bool digits = !s.empty();
    for (char c : s) digits = digits && c >= '0' && c <= '9';
    if (digits || s.size() == 1 || is_greek(s)) return word(s);
    std::string out = "\\mathrm{";
    for (char c : s) {
        if (c == '_') out += "\\_";
        else out += c;
    }
    out += '}';
    return out;
}

inline std::string variable_name(std::string_view name) {
    if (const auto u = name.find('_'); u != std::string_view::npos && u > 0 && u + 1 < name.size())
        return variable_name(name.substr(0, u)) + "_{" + subscript(name.substr(u + 1)) + "}";
    std::size_t end = name.size();
    while (end > 0 && name[end - 1] >= '0' && name[end - 1] <= '9') --end;
    if (end > 0 && end < name.size()) return word(name.substr(0, end)) + "_{" + std::string(name.substr(end)) + "}";
    std::string out;
    for (char c : name) {
        if (c == '_') out += "\\_";
        else out += c;
    }
    return word(out);
}

// A real as to_string writes it, scientific notation as a power of ten.
inline std::string real_text(long double v) {
    std::string text;
    string_writer w{text};
    write_real(w, v);
    if (text == "inf") return "\\infty";
    if (text == "-inf") return "-\\infty";
    if (text == "nan" || text == "-nan") return "\\mathrm{NaN}";
    const auto e = text.find('e');
    if (e == std::string::npos) return text;
    std::string exponent = text.substr(e + 1);
    if (!exponent.empty() && exponent[0] == '+') exponent.erase(0, 1);
    return text.substr(0, e) + " \\cdot 10^{" + exponent + "}";
}

inline std::string integer_text(std::int64_t v) {
    std::string text;
    string_writer w{text};
    write_integer(w, v);
    return text;
}

// |n| for a positive number, a fraction as \frac.
inline std::string magnitude_text(const number& n) {
    if (!n.exact) return real_text(n.real);
    if (n.den == 1) return integer_text(n.num);
    return "\\frac{" + integer_text(n.num) + "}{" + integer_text(n.den) + "}";
}
inline std::string number_text(const number& n) {
    if (n.is_negative()) return "-" + magnitude_text(-n);
    return magnitude_text(n);
}

// Joins the items of a product: juxtaposed, with \cdot before a digit.
inline void append_factor(std::string& out, const std::string& item) {
    if (!out.empty()) {
        const char c = item.empty() ? ' ' : item[0];
        out += (c >= '0' && c <= '9') || c == '.' || c == '-' ? " \\cdot " : " ";
    }
    out += item;
}

// ---- the walk -----------------------------------------------------------------

template <class E>
std::string text(const E& e);

inline std::string parenthesized(const std::string& s) { return "\\left(" + s + "\\right)"; }

// In parentheses unless it prints as one token (to_string's rule).
template <class E>
std::string grouped(const E& e) {
    bool plain = is_atom<E>;
    if constexpr (is_sum_node<E>) plain = prints_as_one_atom(e);
    if constexpr (std::is_same_v<E, constant>) plain = e.value.is_integer() && !e.value.is_negative();
    if constexpr (std::is_same_v<E, zero> || std::is_same_v<E, one>) plain = true;
    return plain ? text(e) : parenthesized(text(e));
}

// base^{exponent}, the base grouped (a sum alone in a fraction needs no parentheses: `alone`).
template <class B>
std::string power_text(const B& base, int exponent, bool alone) {
    if (exponent == 1) {
        if constexpr (is_sum_node<B>)
            return alone ? text(base) : grouped(base);
        else
            return text(base);
    }
    return grouped(base) + "^{" + integer_text(exponent) + "}";
}

// magnitude × monomial, a quotient as \frac.
template <class M>
std::string scaled(const number& magnitude, const M& m) {
    const bool coefficient = magnitude.exact ? magnitude.num != 1 : magnitude.real != 1;
    const bool denominator_number = magnitude.exact && magnitude.den != 1;
    std::string numerator, denominator;
    if constexpr (requires { m.factors; }) {
        [&]<class... B, int... N>(const mul<factor<B, N>...>& p) {
            constexpr int above = ((N > 0 ? 1 : 0) + ... + 0);
            constexpr int below = ((N < 0 ? 1 : 0) + ... + 0);
            const bool numerator_alone = above + (coefficient ? 1 : 0) == 1;
            const bool denominator_alone = below + (denominator_number ? 1 : 0) == 1;
            if (coefficient) append_factor(numerator, magnitude.exact ? integer_text(magnitude.num) : real_text(magnitude.real));
            if (denominator_number) append_factor(denominator, integer_text(magnitude.den));
            [&]<std::size_t... I>(std::index_sequence<I...>) {
                auto one_factor = [&]<class Base, int E>(const factor<Base, E>& f) {
                    if constexpr (E > 0)
                        append_factor(numerator, power_text(f.base, E, numerator_alone));
                    else
                        append_factor(denominator, power_text(f.base, -E, denominator_alone));
                };
                detail::in_order{(one_factor(get<I>(p.factors)), 0)...};
            }(std::index_sequence_for<B...>{});
        }(m);
    } else {
        if (coefficient) append_factor(numerator, magnitude.exact ? integer_text(magnitude.num) : real_text(magnitude.real));
        append_factor(numerator, text(m));
        if (denominator_number) denominator = integer_text(magnitude.den);
    }
    if (numerator.empty()) numerator = "1";
    if (denominator.empty()) return numerator;
    return "\\frac{" + numerator + "}{" + denominator + "}";
}

template <class Op>
std::string function_name() {
    constexpr std::string_view name = Op::name;
    constexpr std::string_view macros[] = {"sin", "cos", "tan", "exp", "log", "sinh", "cosh", "tanh"};
    for (std::string_view m : macros)
        if (name == m) return "\\" + std::string(name);
    if (name == "asin" || name == "acos" || name == "atan") return "\\arc" + std::string(name.substr(1));
    return "\\operatorname{" + std::string(name) + "}";
}

inline std::string node(const zero&) { return "0"; }
inline std::string node(const one&) { return "1"; }
inline std::string node(const constant& c) { return number_text(c.value); }
template <char... C>
std::string node(const variable<C...>&) {
    return variable_name(variable<C...>::name);
}
template <class Op, class A>
std::string node(const function<Op, A>& f) {
    if constexpr (std::is_same_v<Op, ops::sqrt>)
        return "\\sqrt{" + text(f.arg) + "}";
    else if constexpr (std::is_same_v<Op, ops::cbrt>)
        return "\\sqrt[3]{" + text(f.arg) + "}";
    else if constexpr (std::is_same_v<Op, ops::abs>)
        return "\\left|" + text(f.arg) + "\\right|";
    else
        return function_name<Op>() + parenthesized(text(f.arg));
}
template <class Op, class A, class B>
std::string node(const binary_function<Op, A, B>& f) {
    return function_name<Op>() + parenthesized(text(f.first) + ", " + text(f.second));
}
template <bool S, class L, class R, class A, class B>
std::string node(const branch<S, L, R, A, B>& b) {
    const std::string left = text(b.left), right = text(b.right), if_true = text(b.if_true),
                      if_false = text(b.if_false);
    if constexpr (S && std::is_same_v<L, A> && std::is_same_v<R, B>) {  // min(a, b) is where(b < a, b, a)
        if (left == if_true && right == if_false) return "\\min" + parenthesized(right + ", " + left);
    }
    if constexpr (S && std::is_same_v<L, B> && std::is_same_v<R, A>) {  // max(a, b) is where(a < b, b, a)
        if (left == if_false && right == if_true) return "\\max" + parenthesized(left + ", " + right);
    }
    return "\\begin{cases} " + if_true + " & \\text{if } " + left + (S ? " < " : " \\le ") + right + " \\\\ " +
           if_false + " & \\text{otherwise} \\end{cases}";
}
template <class B>
std::string node(const real_power<B>& r) {
    const number& p = r.exponent;
    if (p.is_one()) return text(r.base);
    return grouped(r.base) + "^{" + number_text(p) + "}";
}
template <class B, class E>
std::string node(const power<B, E>& p) {
    return grouped(p.base) + "^{" + text(p.exponent) + "}";
}
template <class... F>
std::string node(const mul<F...>& p) {
    return scaled(number(1), p);
}
template <bool H, class... Terms>
std::string node(const add<H, Terms...>& s) {
    // The items and signs of to_string: the first positive item leads.
    constexpr std::size_t n = sizeof...(Terms);
    bool visible[n + 1]{}, negative[n + 1]{};
    std::string items[n + 1];
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        auto one_term = [&]<std::size_t J>(std::integral_constant<std::size_t, J>) {
            const auto& t = get<J>(s.terms);
            visible[J] = !t.coefficient.is_zero();
            negative[J] = t.coefficient.is_negative();
            if (visible[J]) items[J] = scaled(negative[J] ? -t.coefficient : t.coefficient, t.monomial);
        };
        detail::in_order{(one_term(std::integral_constant<std::size_t, I>{}), 0)...};
    }(std::index_sequence_for<Terms...>{});
    bool any_term = false;
    for (std::size_t i = 0; i < n; ++i) any_term = any_term || visible[i];
    visible[n] = H && (!s.constant.is_zero() || !any_term);
    negative[n] = H && s.constant.is_negative();
    if (!H && !any_term) return "0";
    if (visible[n]) items[n] = magnitude_text(negative[n] ? -s.constant : s.constant);
    std::size_t leader = n + 1;
    for (std::size_t i = 0; i <= n && leader > n; ++i)
        if (visible[i] && !negative[i]) leader = i;
    for (std::size_t i = 0; i <= n && leader > n; ++i)
        if (visible[i]) leader = i;
    std::string out = negative[leader] ? "-" + items[leader] : items[leader];
    for (std::size_t i = 0; i <= n; ++i) {
        if (i == leader || !visible[i]) continue;
        out += negative[i] ? " - " : " + ";
        out += items[i];
    }
    return out;
}
template <class L, class D>
std::string node(const sample_mean<L, D>& m) {
    return "\\operatorname{mean}" + parenthesized(text(m.loss));
}
template <class E, class R>
std::string node(const least_squares<E, R>& s) {
    return text(s.expression);
}

// A node kind of another header writes its own form through latex_form(tools),
// tools giving the walk: text(e), grouped(e) and name(n) (loops/index_sum.hpp).
struct latex_tools {
    template <class E>
    std::string text(const E& e) const;
    template <class E>
    std::string grouped(const E& e) const;
    std::string name(std::string_view n) const { return variable_name(n); }
};
template <class E>
    requires requires(const E& e) { e.latex_form(latex_tools{}); }
std::string node(const E& e) {
    return e.latex_form(latex_tools{});
}

template <class E>
std::string text(const E& e) {
    return node(e);
}
template <class E>
std::string latex_tools::text(const E& e) const {
    return latex::text(e);
}
template <class E>
std::string latex_tools::grouped(const E& e) const {
    return latex::grouped(e);
}

}  // namespace leibniz::detail::latex

namespace leibniz {

// The expression as LaTeX (math mode, without $): to_latex(sin(x) / y) is
// "\frac{\sin\left(x\right)}{y}".
template <Expression E>
std::string to_latex(const E& e) {
    return detail::latex::text(e);
}

}  // namespace leibniz

// The table of elementary functions (expression/operations.hpp): every
// registered function satisfies the concept, a trait with a part left out does
// not, and every function has its own rank and plan operation, so two
// different functions of one argument never merge into one term.
#include <leibniz/leibniz.hpp>

#include <cstddef>
#include <string_view>

namespace lz = leibniz;

// Named, not anonymous: the traits below are only inspected, never used, and
// members of an anonymous namespace's class would warn as unused.
namespace operation_table_test {

constexpr auto x = lz::var<"x">;

template <class... Op>
constexpr bool all_elementary(lz::detail::type_list<Op...>) {
    return (lz::elementary_function<Op> && ...);
}
static_assert(all_elementary(lz::ops::elementary{}));

// A complete trait, then the same with one part missing at a time.
struct complete {
    static constexpr std::string_view name = "identity";
    static constexpr bool piecewise_constant = false;
    static constexpr lz::detail::exact_number exact(const lz::detail::number&) { return {}; }
    template <class T>
    static constexpr T value(const T& u) { return u; }
    template <class F>
    static constexpr auto derivative(const F&) { return lz::one{}; }
    template <class V>
    static constexpr V chain(const V& g, const V&, const V&) { return g; }
};
static_assert(lz::elementary_function<complete>);

struct without_name {
    static constexpr bool piecewise_constant = false;
    static constexpr lz::detail::exact_number exact(const lz::detail::number&) { return {}; }
    template <class T>
    static constexpr T value(const T& u) { return u; }
    template <class F>
    static constexpr auto derivative(const F&) { return lz::one{}; }
    template <class V>
    static constexpr V chain(const V& g, const V&, const V&) { return g; }
};
static_assert(!lz::elementary_function<without_name>);

struct without_chain_rule {
    static constexpr std::string_view name = "identity";
    static constexpr bool piecewise_constant = false;
    static constexpr lz::detail::exact_number exact(const lz::detail::number&) { return {}; }
    template <class T>
    static constexpr T value(const T& u) { return u; }
    template <class F>
    static constexpr auto derivative(const F&) { return lz::one{}; }
};
static_assert(!lz::elementary_function<without_chain_rule>);

// A function whose derivative is 0 wherever it exists needs no chain rule.
struct step {
    static constexpr std::string_view name = "step";
    static constexpr bool piecewise_constant = true;
    static constexpr lz::detail::exact_number exact(const lz::detail::number&) { return {}; }
    template <class T>
    static constexpr T value(const T& u) { return u > 0 ? T(1) : T(0); }
    template <class F>
    static constexpr auto derivative(const F&) { return lz::zero{}; }
};
static_assert(lz::elementary_function<step>);

struct without_value {
    static constexpr std::string_view name = "step";
    static constexpr bool piecewise_constant = true;
    static constexpr lz::detail::exact_number exact(const lz::detail::number&) { return {}; }
    template <class F>
    static constexpr auto derivative(const F&) { return lz::zero{}; }
};
static_assert(!lz::elementary_function<without_value>);

// Ranks and plan operations are the registry's places: distinct, in order.
template <class... Op>
constexpr bool ranks_distinct(lz::detail::type_list<Op...>) {
    constexpr std::size_t ranks[] = {lz::detail::function_rank<Op>...};
    for (std::size_t i = 0; i < sizeof...(Op); ++i)
        for (std::size_t j = i + 1; j < sizeof...(Op); ++j)
            if (ranks[i] == ranks[j] || ranks[i] == 0) return false;
    return true;
}
static_assert(ranks_distinct(lz::ops::elementary{}));
static_assert(lz::detail::plan::function_code<lz::ops::sin>() != lz::detail::plan::function_code<lz::ops::cos>());

// Two functions of one argument stay two terms; the same function merges.
static_assert(lz::to_static_string(lz::sin(x) + lz::cos(x)) == "sin(x) + cos(x)");
static_assert(lz::to_static_string(lz::tanh(x) + lz::exp(x) + lz::tanh(x)) == "exp(x) + 2*tanh(x)");
static_assert(lz::to_static_string(lz::abs(x) - lz::sign(x) + lz::sqrt(x)) == "sqrt(x) + abs(x) - sign(x)");

// The trait's parts as the library uses them.
static_assert(lz::ops::exp::exact(lz::detail::number(0)).known);
static_assert(!lz::ops::exp::exact(lz::detail::number(1)).known);
static_assert(lz::to_static_string(lz::exp(x - x)) == "1");
static_assert(lz::to_static_string(lz::d(lz::sign(x), x)) == "0");

// The added functions: exact values fold, derivatives print as the traits say.
static_assert(lz::to_static_string(lz::atan(x - x) + lz::cosh(x - x) + lz::acos(x / x) + lz::erfc(x - x)) == "2");
static_assert(lz::to_static_string(lz::asin(x - x) + lz::sinh(x - x) + lz::asinh(x - x) + lz::atanh(x - x) +
                                   lz::erf(x - x) + lz::log1p(x - x) + lz::expm1(x - x) + lz::cbrt(x - x) +
                                   lz::acosh(x / x) + lz::cbrt(x / x)) == "1");
static_assert(lz::to_static_string(lz::d(lz::asin(x), x)) == "1/sqrt(1 - x^2)");
static_assert(lz::to_static_string(lz::d(lz::acos(x), x)) == "-1/sqrt(1 - x^2)");
static_assert(lz::to_static_string(lz::d(lz::atan(x), x)) == "1/(x^2 + 1)");
static_assert(lz::to_static_string(lz::d(lz::sinh(x) + lz::cosh(x), x)) == "sinh(x) + cosh(x)");
static_assert(lz::to_static_string(lz::d(lz::acosh(x), x)) == "1/sqrt(x^2 - 1)");
static_assert(lz::to_static_string(lz::d(lz::atanh(x), x)) == "1/(1 - x^2)");
static_assert(lz::to_static_string(lz::d(lz::log1p(x), x)) == "1/(x + 1)");
static_assert(lz::to_static_string(lz::d(lz::expm1(x), x)) == "expm1(x) + 1");
static_assert(lz::to_static_string(lz::d(lz::cbrt(x), x)) == "1/(3*cbrt(x)^2)");
static_assert(lz::to_static_string(lz::d(lz::erfc(x), x)) == "-1.1283791670955126*exp(-x^2)");

}  // namespace operation_table_test

// The library's own checks of its registries (expression/operations.hpp),
// which name the trait that lacks a part.
static_assert(lz::detail::check_operations(lz::ops::elementary{}));
static_assert(lz::detail::check_binary_operations(lz::ops::binary{}));

// Problems past Clang's limit of 256 operands in one fold expression (its
// -fbracket-depth), with its default limits: 260 variables bound as a pack
// or one by one and read from a point, a gradient of 260 partials through
// the plan and through a branch, a product of 260 factors differentiated, a
// Jacobian of 260 rows and a least-squares problem of 260 residuals. Built
// by the Clang preset only (GCC has no such limit).
#include <leibniz/leibniz.hpp>

#include <array>
#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

namespace lz = leibniz;

namespace {

constexpr std::size_t n = 260;
constexpr auto xs = lz::vars<"x", n>;
constexpr auto x = lz::var<"x">;
constexpr std::array<double, n> ones = [] {
    std::array<double, n> a{};
    for (auto& v : a) v = 1;
    return a;
}();

// Σ (i + 1)·xᵢ: 260·261/2 at (1, ..., 1), partial i is i + 1.
constexpr auto weighted = lz::sum<n>([](auto i) { return (i + 1) * std::get<i>(xs); });
static_assert(weighted(xs = ones) == n * (n + 1) / 2);
constexpr auto at_ones = lz::point(xs = ones);
static_assert(at_ones[std::get<n - 1>(xs)] == 1 && at_ones[xs][n - 1] == 1);
// The same 260 variables bound one by one, by name, and into a point.
static_assert([]<std::size_t... I>(std::index_sequence<I...>) {
    return weighted((std::get<I>(xs) = 1.0)...);
}(std::make_index_sequence<n>{}) == n * (n + 1) / 2);
static_assert([]<std::size_t... I>(std::index_sequence<I...>) {
    return lz::point((std::get<I>(xs) = 1.0)...)[std::get<n - 1>(xs)];
}(std::make_index_sequence<n>{}) == 1);
constexpr auto g = lz::gradient(weighted, xs)(xs = ones);
static_assert(g[0] == 1 && g[n - 1] == n);

// The same sum inside a branch (the tree sweep): the side taken is −sum at x0 = −1.
constexpr auto branchy = lz::where(std::get<0>(xs) > 0, weighted, -weighted);
constexpr std::array<double, n> first_negative = [] {
    std::array<double, n> a = ones;
    a[0] = -1;
    return a;
}();
static_assert(lz::gradient(branchy, xs)(xs = first_negative)[n - 1] == -double(n));
static_assert(lz::gradient(branchy, xs)(xs = ones)[n - 1] == n);

// Π (1 + xᵢ): at (1, ..., 1) every partial is 2^259 (exact in a double).
constexpr auto product = lz::product<n>([](auto i) { return 1 + std::get<i>(xs); });
constexpr double two_to_259 = [] {
    double p = 1;
    for (std::size_t i = 1; i < n; ++i) p *= 2;
    return p;
}();
static_assert(lz::d(product, std::get<0>(xs))(xs = ones) == two_to_259);
static_assert(lz::d(product, std::get<n - 1>(xs))(xs = ones) == two_to_259);

// Rows (i + 1)·x: a Jacobian column 1 ... 260, and ½ Σ ((i + 1)·x − (i + 1))²
// with its minimum at x = 1.
constexpr auto rows = []<std::size_t... I>(std::index_sequence<I...>) {
    return std::tuple{((I + 1) * x)...};
}(std::make_index_sequence<n>{});
constexpr auto jacobian = lz::jacobian(rows, x)(x = 2.0);
static_assert(jacobian[0][0] == 1 && jacobian[n - 1][0] == n);
constexpr auto residuals = []<std::size_t... I>(std::index_sequence<I...>) {
    return std::tuple{((I + 1) * x - (I + 1))...};
}(std::make_index_sequence<n>{});
constexpr auto least_squares = lz::squares(residuals);
static_assert(least_squares(x = 1.0) == 0);
static_assert(least_squares(x = 2.0) == double(n * (n + 1) * (2 * n + 1) / 6) / 2);  // ½ Σ (i + 1)²

// equivalent()'s tests of a sum's and a product's parts, over 260 of them.
static_assert(lz::detail::may_cancel<std::remove_const_t<decltype(weighted)>>);  // stored coefficients (0·xᵢ)
static_assert(!lz::detail::may_be_number<std::remove_const_t<decltype(product)>>);
static_assert(!lz::detail::has_like_terms_factor<std::remove_const_t<decltype(product)>>);

}  // namespace

// Levenberg-Marquardt over the 260 residuals, built (its Jacobian is the one above).
lz::result<decltype(lz::point(x = 0.0))> levenberg_marquardt_over_260_residuals(double start) {
    return lz::minimize(least_squares, lz::point(x = start), lz::levenberg_marquardt{});
}

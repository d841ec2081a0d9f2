// <leibniz/interop/hana.hpp>: variables named by Hana strings, points and
// gradients as hana::map, an expression's operands as a hana::tuple.
#include <boost/test/unit_test.hpp>

#include <leibniz/leibniz.hpp>
#include <leibniz/interop/hana.hpp>

#include <boost/hana.hpp>

#include <array>
#include <cstddef>
#include <string>
#include <type_traits>

namespace lz = leibniz;
namespace hana = boost::hana;

namespace {
constexpr auto x = lz::var<"x">;
constexpr auto y = lz::var<"y">;

constexpr auto hana_x = lz::var_of(BOOST_HANA_STRING("x"));
static_assert(std::is_same_v<std::remove_cvref_t<decltype(hana_x)>, std::remove_cvref_t<decltype(x)>>);
constexpr auto hana_x12 = lz::var_of(BOOST_HANA_STRING("x12"));
static_assert(std::is_same_v<std::remove_cvref_t<decltype(hana_x12)>, std::remove_cvref_t<decltype(std::get<12>(lz::vars<"x", 13>))>>);

// Variables are Hana keys.
static_assert(hana::equal(x, x));
static_assert(!hana::equal(x, y));

template <class E>
constexpr std::size_t count_nodes(const E& e) {
    return hana::fold_left(lz::children(e), std::size_t{1}, [](std::size_t n, const auto& c) { return n + count_nodes(c); });
}

template <class E>
void print_tree(const E& e, std::string& out, int depth = 0) {
    out += std::string(2 * static_cast<std::size_t>(depth), ' ') + std::string(lz::node_label(e)) + "\n";
    hana::for_each(lz::children(e), [&](const auto& c) { print_tree(c, out, depth + 1); });
}
}  // namespace

BOOST_AUTO_TEST_CASE(a_point_as_a_hana_map_and_back) {
    const auto p = lz::point(x = 1.0, y = 2.0);
    const auto m = lz::as_hana_map(p);
    BOOST_TEST(m[x] == 1.0);
    BOOST_TEST(m[y] == 2.0);
    BOOST_TEST((lz::to_point(m) == p));
    const auto f = x * x * y;
    BOOST_TEST(f(lz::to_point(m)) == 2.0);
    // A map written by hand, keys in any order, integer values (evaluated in double).
    const auto hand = hana::make_map(hana::make_pair(y, 3), hana::make_pair(x, 2));
    BOOST_TEST(f(lz::to_point(hand)) == 12.0);
    static_assert(std::is_same_v<decltype(f(lz::to_point(hand))), double>);
    // Constant expressions too.
    static_assert(lz::as_hana_map(lz::point(x = 1.0, y = 2.0))[y] == 2.0);
}

BOOST_AUTO_TEST_CASE(a_gradient_as_a_hana_map) {
    const auto f = x * x * y + sin(y);
    const auto g = lz::as_hana_map(lz::gradient(f, x, y)(x = 1.0, y = 0.0), x, y);
    BOOST_TEST(g[x] == 0.0);
    BOOST_TEST(g[y] == 2.0);
    constexpr auto zs = lz::vars<"z", 2>;
    const auto h = lz::as_hana_map(std::array{1.0, 2.0, 3.0}, x, zs);
    BOOST_TEST(h[std::get<1>(zs)] == 3.0);
    static_assert(decltype(hana::size(h))::value == 3);
}

BOOST_AUTO_TEST_CASE(children_walk_the_tree) {
    static_assert(count_nodes(x) == 1);
    constexpr auto e = x * x * y + sin(y) + 3;  // + (3, x^2*y, sin(y)); * (x, y); sin (y)
    static_assert(count_nodes(e) == 7);
    static_assert(decltype(hana::size(lz::children(lz::atan2(x, y))))::value == 2);
    std::string tree;
    print_tree(e, tree);
    BOOST_TEST(tree == "+\n  number\n  *\n    x\n    y\n  sin\n    y\n");
    // A mean over data: its child is the per-sample loss.
    static constexpr std::array<double, 3> xs{1, 2, 3};
    constexpr auto m = lz::mean(lz::pow<2>(x - y), lz::data(x = xs));
    static_assert(lz::node_label(m) == "mean");
    static_assert(count_nodes(m) == 1 + count_nodes(lz::pow<2>(x - y)));
    std::string mean_tree;
    print_tree(m + y, mean_tree);
    BOOST_TEST(mean_tree == "+\n  y\n  mean\n    *\n      +\n        x\n        y\n");  // (x - y)² is x - y, squared
}

// to_latex, to_dot and to_c: the exact LaTeX of each node kind, the dot
// graph's nodes and edges (a shared subexpression drawn once), and the shape
// of the C source (check_generated.c runs it).
#include <leibniz/leibniz.hpp>
#include <leibniz/output.hpp>

#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace lz = leibniz;

namespace {

constexpr auto x = lz::var<"x">;
constexpr auto y = lz::var<"y">;

std::size_t count(std::string_view text, std::string_view what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string_view::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

// Nodes are the lines "  nK [label=...", edges the lines "  nA -> nB...".
std::size_t lines_starting(const std::string& dot, bool edges) {
    std::size_t n = 0;
    for (std::size_t at = 0; at < dot.size();) {
        std::size_t end = dot.find('\n', at);
        if (end == std::string::npos) end = dot.size();
        const std::string_view line(dot.data() + at, end - at);
        if (line.starts_with("  n") && line.size() > 3 && line[3] >= '0' && line[3] <= '9') n += (line.find(" -> ") != std::string_view::npos) == edges ? 1 : 0;
        at = end + 1;
    }
    return n;
}
std::size_t node_count(const std::string& dot) { return lines_starting(dot, false); }
std::size_t edge_count(const std::string& dot) { return lines_starting(dot, true); }

BOOST_AUTO_TEST_CASE(latex_of_sums_products_and_quotients) {
    BOOST_TEST(lz::to_latex(lz::sin(x) / y) == R"(\frac{\sin\left(x\right)}{y})");
    BOOST_TEST(lz::to_latex(2 * x * x - 3 * x + 4) == "2 x^{2} - 3 x + 4");
    BOOST_TEST(lz::to_latex(lz::d(2 * x * x - 3 * x + 4, x)) == "4 x - 3");
    BOOST_TEST(lz::to_latex(x / (2 * y * y)) == R"(\frac{x}{2 y^{2}})");
    BOOST_TEST(lz::to_latex(3 * x / 2) == R"(\frac{3 x}{2})");
    BOOST_TEST(lz::to_latex(x / 3) == R"(\frac{x}{3})");
    BOOST_TEST(lz::to_latex(1 / x) == R"(\frac{1}{x})");
    BOOST_TEST(lz::to_latex((x + 1) / (y + 2)) == R"(\frac{x + 1}{y + 2})");
    BOOST_TEST(lz::to_latex(x * (x + 1)) == R"(x \left(x + 1\right))");
    BOOST_TEST(lz::to_latex(lz::pow<-2>(x + y)) == R"(\frac{1}{\left(x + y\right)^{2}})");
    BOOST_TEST(lz::to_latex(-x) == "-x");
    BOOST_TEST(lz::to_latex(x - 1) == "x - 1");
    BOOST_TEST(lz::to_latex(0.1 * x + 0.25) == "0.1 x + 0.25");
    BOOST_TEST(lz::to_latex(1.5e20 * x) == R"(1.5 \cdot 10^{20} x)");
    BOOST_TEST(lz::to_latex(lz::one{}) == "1");
    BOOST_TEST(lz::to_latex(lz::zero{}) == "0");
}

BOOST_AUTO_TEST_CASE(latex_of_powers) {
    BOOST_TEST(lz::to_latex(lz::pow<2>(x + 1)) == R"(\left(x + 1\right)^{2})");
    BOOST_TEST(lz::to_latex(lz::pow(x, 1.5)) == "x^{1.5}");
    BOOST_TEST(lz::to_latex(lz::pow(x, -0.5)) == "x^{-0.5}");
    BOOST_TEST(lz::to_latex(lz::pow(x * y, 2.5)) == R"(\left(x y\right)^{2.5})");
    BOOST_TEST(lz::to_latex(lz::pow(2, x)) == "2^{x}");
    BOOST_TEST(lz::to_latex(3 * lz::pow(2, x)) == R"(3 \cdot 2^{x})");
    BOOST_TEST(lz::to_latex(lz::pow(x + 1, y + 1)) == R"(\left(x + 1\right)^{y + 1})");
    BOOST_TEST(lz::to_latex(lz::pow(lz::sin(x), 0.5)) == R"(\sin\left(x\right)^{0.5})");
}

BOOST_AUTO_TEST_CASE(latex_of_functions) {
    BOOST_TEST(lz::to_latex(lz::sqrt(x)) == R"(\sqrt{x})");
    BOOST_TEST(lz::to_latex(lz::cbrt(x)) == R"(\sqrt[3]{x})");
    BOOST_TEST(lz::to_latex(lz::abs(x - y)) == R"(\left|x - y\right|)");
    BOOST_TEST(lz::to_latex(lz::exp(x) * lz::log(y)) == R"(\exp\left(x\right) \log\left(y\right))");
    BOOST_TEST(lz::to_latex(lz::sinh(x) * lz::tanh(y)) == R"(\tanh\left(y\right) \sinh\left(x\right))");
    BOOST_TEST(lz::to_latex(lz::atan(x) + lz::asin(x) + lz::acos(x)) ==
               R"(\arcsin\left(x\right) + \arccos\left(x\right) + \arctan\left(x\right))");
    BOOST_TEST(lz::to_latex(lz::erf(x) + lz::asinh(y)) ==
               R"(\operatorname{asinh}\left(y\right) + \operatorname{erf}\left(x\right))");
    BOOST_TEST(lz::to_latex(lz::d(lz::abs(x), x)) == R"(\operatorname{sign}\left(x\right))");
    BOOST_TEST(lz::to_latex(lz::atan2(y, x)) == R"(\operatorname{atan2}\left(y, x\right))");
    BOOST_TEST(lz::to_latex(lz::hypot(x, y)) == R"(\operatorname{hypot}\left(x, y\right))");
}

BOOST_AUTO_TEST_CASE(latex_of_branches) {
    BOOST_TEST(lz::to_latex(lz::min(x, y)) == R"(\min\left(x, y\right))");
    BOOST_TEST(lz::to_latex(lz::max(x, y)) == R"(\max\left(x, y\right))");
    BOOST_TEST(lz::to_latex(lz::max(x, 0)) == R"(\max\left(x, 0\right))");
    BOOST_TEST(lz::to_latex(lz::where(x < y, 1, 2 * x)) ==
               R"(\begin{cases} 1 & \text{if } x < y \\ 2 x & \text{otherwise} \end{cases})");
    BOOST_TEST(lz::to_latex(lz::where(x <= 1, x, 0)) ==
               R"(\begin{cases} x & \text{if } x \le 1 \\ 0 & \text{otherwise} \end{cases})");
}

BOOST_AUTO_TEST_CASE(latex_of_variable_names) {
    BOOST_TEST(lz::to_latex(lz::var<"x1">) == "x_{1}");
    BOOST_TEST(lz::to_latex(lz::var<"w12">) == "w_{12}");
    BOOST_TEST(lz::to_latex(lz::var<"theta">) == R"(\theta)");
    BOOST_TEST(lz::to_latex(lz::var<"alpha2">) == R"(\alpha_{2})");
    BOOST_TEST(lz::to_latex(lz::var<"rate">) == R"(\mathrm{rate})");
    BOOST_TEST(lz::to_latex(lz::var<"y_true">) == R"(y_{\mathrm{true}})");
    BOOST_TEST(lz::to_latex(lz::var<"x_0">) == "x_{0}");
}

BOOST_AUTO_TEST_CASE(latex_of_sums_over_an_index) {
    constexpr auto v = lz::vec<"x">;
    constexpr auto A = lz::mat<"A">;
    constexpr auto i = lz::index<"i">;
    constexpr auto j = lz::index<"j">;
    constexpr auto k = lz::index<"k">;
    BOOST_TEST(lz::to_latex(lz::sum(i, 0, lz::size(v) - 1, 100 * lz::pow<2>(v[i + 1] - v[i] * v[i]))) ==
               R"(\sum_{i=0}^{\operatorname{size}(x) - 2} 100 \left(x_{i + 1} - x_{i} x_{i}\right)^{2})");
    BOOST_TEST(lz::to_latex(lz::sum(i, 0, lz::rows(A), lz::sum(j, 0, lz::cols(A), A[i][j] * v[j]))) ==
               R"(\sum_{i=0}^{\operatorname{rows}(A) - 1} \sum_{j=0}^{\operatorname{cols}(A) - 1} A_{i,j} x_{j})");
    BOOST_TEST(lz::to_latex(lz::d(v[2 * k] * v[0], v[k])) == R"(\left[0 = k\right] x_{2*k} + \left[2*k = k\right] x_{0})");
}

BOOST_AUTO_TEST_CASE(dot_draws_a_shared_subexpression_once) {
    // sin(x) is an operand of the product and of the sum: x, sin, ×, +.
    const std::string dot = lz::to_dot(lz::sin(x) * x + lz::sin(x));
    BOOST_TEST(dot.starts_with("digraph expression {"));
    BOOST_TEST(node_count(dot) == 4u);
    BOOST_TEST(edge_count(dot) == 5u);  // x -> sin, x -> ×, sin -> ×, × -> +, sin -> +
    BOOST_TEST(count(dot, "label=\"sin\"") == 1u);
    BOOST_TEST(count(dot, "peripheries=2") == 1u);  // the result
    BOOST_TEST(dot == lz::to_dot(lz::sin(x) * x + lz::sin(x)));  // deterministic
}

BOOST_AUTO_TEST_CASE(dot_shares_by_type_and_stored_numbers) {
    // sin(2*x) twice is one node; sin(3*x) has other numbers: another.
    const std::string same = lz::to_dot(lz::sin(2 * x) * lz::sin(2 * x) * y);
    BOOST_TEST(count(same, "label=\"sin\"") == 1u);
    BOOST_TEST(node_count(same) == 5u);  // x, ×2, sin, y, ×
    const std::string other = lz::to_dot(lz::sin(2 * x) * lz::sin(3 * x) * y);
    BOOST_TEST(count(other, "label=\"sin\"") == 2u);
    BOOST_TEST(node_count(other) == 7u);  // x, ×2, sin, ×3, sin, y, ×
}

BOOST_AUTO_TEST_CASE(dot_of_the_teaching_loss) {
    constexpr auto w = lz::var<"w">;
    constexpr auto b = lz::var<"b">;
    constexpr auto y_true = lz::var<"y_true">;
    const auto loss = lz::abs(y_true - (x * w + b));
    const std::string dot = lz::to_dot(loss);
    BOOST_TEST(node_count(dot) == 7u);  // w, x, ×, b, y_true, +, abs
    BOOST_TEST(edge_count(dot) == 6u);
    BOOST_TEST(count(dot, "[label=\"\xE2\x88\x92\"]") == 2u);  // -w*x and -b
    const std::string valued = lz::to_dot(loss, x = 2.0, w = 3.0, b = 1.0, y_true = 4.0);
    BOOST_TEST(count(valued, R"(label="×\n= 6")") == 1u);
    BOOST_TEST(count(valued, R"(label="+\n= -3")") == 1u);
    BOOST_TEST(count(valued, R"(label="abs\n= 3", peripheries=2)") == 1u);
}

BOOST_AUTO_TEST_CASE(dot_of_other_nodes) {
    const std::string dot = lz::to_dot(lz::where(x < y, lz::pow(x, 1.5), lz::atan2(y, x + 1)) + 0.5);
    BOOST_TEST(count(dot, "label=\"where <\"") == 1u);
    BOOST_TEST(count(dot, "label=\"^1.5\"") == 1u);
    BOOST_TEST(count(dot, "label=\"if true\"") == 1u);
    BOOST_TEST(count(dot, "label=\"0.5\"") == 1u);
    BOOST_TEST(count(dot, "label=\"atan2\"") == 1u);
    const std::string powers = lz::to_dot(lz::pow<2>(x) * lz::pow<-1>(y));
    BOOST_TEST(count(powers, "label=\"^2\"") == 1u);
    BOOST_TEST(count(powers, "label=\"^-1\"") == 1u);
}

BOOST_AUTO_TEST_CASE(c_source_shape) {
    const auto h = lz::pow<2>(x * x + y - 11) + lz::pow<2>(x + y * y - 7);
    const std::string c = lz::to_c("himmelblau", h, x, y);
    BOOST_TEST(c.find("double himmelblau(const double") != std::string::npos);
    BOOST_TEST(c.find("double himmelblau(const double* point, double* gradient) {") != std::string::npos);
    BOOST_TEST(c.find("#include <math.h>") != std::string::npos);
    BOOST_TEST(c.find("f = " + lz::to_string(h)) != std::string::npos);
    BOOST_TEST(c.find("if (gradient != NULL) {") != std::string::npos);
    BOOST_TEST(c.find("gradient[0] = ") != std::string::npos);
    BOOST_TEST(c.find("gradient[1] = ") != std::string::npos);
    BOOST_TEST(c.find("gradient[2]") == std::string::npos);
    BOOST_TEST(c.find("point[0]") != std::string::npos);
    BOOST_TEST(c.find("point[1]") != std::string::npos);
    BOOST_TEST(count(c, "const double r") == 22u);  // the plan's 22 instructions
    BOOST_TEST(count(c, "pow(") == 0u);             // squares are products
}

BOOST_AUTO_TEST_CASE(c_source_functions_and_numbers) {
    constexpr auto z = lz::var<"z">;
    const std::string c = lz::to_c("f", lz::erf(x) + lz::abs(y) + lz::atan2(y, x) + lz::hypot(x, z) + 0.1 * z, x, y, z);
    BOOST_TEST(c.find("erf(r") != std::string::npos);
    BOOST_TEST(c.find("fabs(r") != std::string::npos);
    BOOST_TEST(c.find("atan2(r") != std::string::npos);
    BOOST_TEST(c.find("hypot(r") != std::string::npos);
    BOOST_TEST(c.find(" = 0.10000000000000001;") != std::string::npos);  // 17 digits: the bits read back
    BOOST_TEST(c.find(" = 1.1283791670955126;") != std::string::npos);   // 2/sqrt(pi), erf's derivative
    BOOST_TEST(c.find(" ? 1.0 : (") != std::string::npos);               // sign, abs's derivative
    const auto xs = lz::vars<"x", 3>;
    const std::string pack = lz::to_c("g", lz::pow<2>(std::get<0>(xs)) + std::get<2>(xs), xs);
    BOOST_TEST(pack.find("at point[i] = x0, x1, x2 (i = 0...2)") != std::string::npos);
    BOOST_TEST(pack.find("gradient[1] = ") != std::string::npos);
    BOOST_TEST(pack.find("(void)point;") == std::string::npos);
    const std::string constant = lz::to_c("c", lz::constant{{}, 2} * lz::one{}, x);
    BOOST_TEST(constant.find("(void)point;") != std::string::npos);
    BOOST_CHECK_THROW(lz::to_c("not a name", x * y, x, y), std::invalid_argument);
}

// A sum over an index is one node above its body; its elements are leaves;
// with a point, the nodes outside the sum show values, the body's do not.
BOOST_AUTO_TEST_CASE(dot_of_sums) {
    constexpr auto v = lz::vec<"x">;
    constexpr auto i = lz::index<"i">;
    const auto f = lz::sin(lz::sum(i, 0, lz::size(v) - 1, lz::pow<2>(v[i + 1] - v[i]))) + v[0];
    const std::string dot = lz::to_dot(f);
    BOOST_TEST(count(dot, "label=\"\xCE\xA3 i = 0 .. size(x) - 2\"") == 1u);
    BOOST_TEST(count(dot, "label=\"x[i + 1]\", shape=box") == 1u);
    BOOST_TEST(count(dot, "label=\"x[i]\", shape=box") == 1u);  // (a node of its own: the type of x[i + 1], another offset)
    BOOST_TEST(count(dot, "label=\"x[0]\", shape=box") == 1u);
    const std::vector<double> p{1.0, 3.0, 2.0};
    const std::string at = lz::to_dot(f, v = p);
    BOOST_TEST(count(at, "label=\"\xCE\xA3 i = 0 .. size(x) - 2\\n= 5\"") == 1u);  // (3 - 1)² + (2 - 3)²
    BOOST_TEST(count(at, "label=\"x[0]\\n= 1\"") == 1u);
    BOOST_TEST(count(at, "label=\"x[i]\"") == 1u);  // (a value per index value: none shown)
}

// A sum over an index is a loop (test_output_c runs the C against leibniz's values).
BOOST_AUTO_TEST_CASE(c_source_of_sums) {
    constexpr auto v = lz::vec<"x">;
    constexpr auto w = lz::vec<"w">;
    constexpr auto i = lz::index<"i">;
    constexpr auto a = lz::var<"a">;
    const auto rosenbrock = lz::sum(i, 0, lz::size(v) - 1, 100 * lz::pow<2>(v[i + 1] - v[i] * v[i]) + lz::pow<2>(1 - v[i]));
    const std::string c = lz::to_c("rosenbrock", rosenbrock, v);
    BOOST_TEST(c.find("double rosenbrock(const double* x, ptrdiff_t x_size, double* gradient) {") != std::string::npos);
    BOOST_TEST(count(c, "for (ptrdiff_t i = 0; i < x_size - 1; ++i) {") == 1u);  // one loop: value and partials
    BOOST_TEST(c.find("gradient[i + 1] = gradient[i + 1] + ") != std::string::npos);
    BOOST_TEST(count(c, "gradient[i] = gradient[i] + ") == 3u);  // x[i], read three times
    BOOST_TEST(c.find("return NAN;") != std::string::npos);       // the reads, checked first
    BOOST_TEST(c.find("f = " + lz::to_string(rosenbrock)) != std::string::npos);

    // By scalars, data as arguments in the order of their names; a data scalar beside a vector.
    const auto fit = lz::sum(i, 0, lz::size(w), lz::pow<2>(a * v[i] - w[i]));
    const std::string by_a = lz::to_c("fit", fit, a);
    BOOST_TEST(by_a.find("double fit(const double* point, const double* w, ptrdiff_t w_size, const double* x, "
                         "ptrdiff_t x_size, double* gradient) {") != std::string::npos);
    const std::string by_x = lz::to_c("fit", fit, v);
    BOOST_TEST(by_x.find("double fit(const double* x, ptrdiff_t x_size, double a, const double* w, ptrdiff_t w_size, "
                         "double* gradient) {") != std::string::npos);

    // Names C cannot take are argK, an index that is not a C name indexK.
    constexpr auto r0 = lz::vec<"r0">;
    constexpr auto k = lz::index<"for">;
    const std::string renamed = lz::to_c("g", lz::sum(k, 0, lz::size(r0), r0[k] * v[k]), v);
    BOOST_TEST(renamed.find("double g(const double* x, ptrdiff_t x_size, const double* arg0, ptrdiff_t arg0_size, "
                            "double* gradient) {") != std::string::npos);
    BOOST_TEST(renamed.find("for (ptrdiff_t index0 = 0; index0 < arg0_size; ++index0) {") != std::string::npos);
    BOOST_TEST(renamed.find(" * arg0: the values of vector r0 (arg0_size of them)") != std::string::npos);
}

}  // namespace

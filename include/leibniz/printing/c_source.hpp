// An expression's value and gradient as C source: to_c("name", f, x, y, xs...).
//
// The result is a C99 function
//
//   double name(const double* point, double* gradient);
//
// where point[i] is the value of the i-th variable given (a pack counts as its
// variables, in order), the return value is f there, and gradient[i] is
// ∂f/∂(i-th variable) (nothing is written when gradient is NULL; the sweep
// runs all the same). The body is the evaluation plan that lz::gradient and
// lz::value_and_gradient run (plan/): one `const double rK = ...;` per
// instruction, the value and the partials from one shared reverse sweep, each
// subexpression computed once. So the C function computes, operation for
// operation, what leibniz computes in C++ with double:
//
//   stored numbers        printed with 17 significant digits (%.17g: they read back bit for bit)
//   integer powers        by the squarings of lz's own (x^6 = (x^2·x)^2), through temporaries
//   exact real powers     pow(x, 3) by binary powering, as evaluation does; other exponents by pow()
//   functions             their <math.h> names (fabs for abs, a conditional for sign)
//   a function outside    a call to a C function of its name, declared `double name(double);`
//     <math.h>            (or of two doubles): define it where the generated code is linked
//
// A header comment gives the expression as to_string prints it, and which
// variable each point[i] and gradient[i] is. The name must be a C identifier
// (std::invalid_argument otherwise).
//
//   where, min, max      conditional expressions: a side's statements are
//                        `cond ? (...) : 0.0`, computed only where the
//                        comparison picks that side, joined by `cond ? a : b`
//
// Compile errors: a variable of f missing from the list
// (leibniz::error::to_c_needs_a_point_index_for<leibniz::variable<'z'>>); a
// mean over samples (a loop, which the generated code does not write) stops
// at a static_assert that says so.
#pragma once

#include <leibniz/data/squares.hpp>
#include <leibniz/detail/diagnostics.hpp>
#include <leibniz/differentiation/gradient.hpp>
#include <leibniz/differentiation/variables.hpp>
#include <leibniz/evaluation/free_variables.hpp>
#include <leibniz/expression/nodes.hpp>
#include <leibniz/plan/gradient.hpp>
#include <leibniz/plan/lower.hpp>
#include <leibniz/printing/to_string.hpp>

#include <cstddef>
#include <cstdio>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace leibniz::error {

// to_c("f", e, x, y): e uses this variable, and it is not among x, y.
// Fix: list it (every variable of e needs its place in point[]).
template <class Variable>
struct to_c_needs_a_point_index_for;

}  // namespace leibniz::error

namespace leibniz::detail::c_source {

// The variables given, as the environment first_unbound asks.
template <class Vars>
struct listed;
template <class... V>
struct listed<variable_pack<V...>> {
    template <class W>
    static constexpr bool has = detail::any_true<std::is_same_v<W, V>...>;
};

// A double as a C literal that reads back as the same double.
template <class = void>
std::string literal(double v) {
    if (v != v) return "NAN";
    if (v > std::numeric_limits<double>::max()) return "HUGE_VAL";
    if (v < -std::numeric_limits<double>::max()) return "(-HUGE_VAL)";
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.17g", v);
    std::string text = buffer;
    if (text.find_first_of(".e") == std::string::npos) text += ".0";
    return text;
}

template <class = void>
std::string reg(int i) { return "r" + std::to_string(i); }

// The <math.h> functions of C99 that leibniz's functions are (same name).
template <class = void>
bool in_math_h(std::string_view name) {
    constexpr std::string_view names[] = {"sin",   "cos",   "tan",   "exp",   "log",   "sqrt",  "tanh",
                                          "asin",  "acos",  "atan",  "sinh",  "cosh",  "asinh", "acosh",
                                          "atanh", "erf",   "erfc",  "log1p", "expm1", "cbrt",  "atan2",
                                          "hypot"};
    for (std::string_view n : names)
        if (n == name) return true;
    return false;
}

template <class = void>
struct basic_writer {
    std::string body;         // the statements
    std::string prototypes;   // functions outside <math.h>
    std::vector<std::string> declared;

    void statement(const std::string& name, const std::string& expression) {
        body += "    const double " + name + " = " + expression + ";\n";
    }
    void declare(std::string_view name, int arity) {
        for (const std::string& d : declared)
            if (d == name) return;
        declared.emplace_back(name);
        prototypes += "double " + std::string(name) + (arity == 1 ? "(double);\n" : "(double, double);\n");
    }

    // v^k for k >= 1 by the squarings of math::ipow<k>: temporaries rI_pK,
    // the last multiplication returned as the expression of rI.
    std::string squarings(int i, const std::string& v, long long k, bool last = true) {
        if (k == 1) return v;
        const std::string name = reg(i) + "_p" + std::to_string(k);
        if (body.find("const double " + name + " ") != std::string::npos) return name;
        const std::string expression = k % 2 == 0 ? squarings(i, v, k / 2, false) + " * " + squarings(i, v, k / 2, false)
                                                  : squarings(i, v, k - 1, false) + " * " + v;
        if (last) return expression;
        statement(name, expression);
        return name;
    }

    // v^n by the binary powering of math::ipow(v, n) (an exact exponent of a
    // real power): temporaries rI_bJ (the base squared J + 1 times) and rI_rJ.
    std::string binary_powering(int i, const std::string& v, long long n) {
        const bool invert = n < 0;
        unsigned long long m = invert ? 0ull - static_cast<unsigned long long>(n) : static_cast<unsigned long long>(n);
        std::vector<std::pair<std::string, std::string>> steps;  // name = expression
        std::string result;  // empty: 1 (1 * base is base exactly)
        std::string base = v;
        for (int step = 0; m > 0; ++step) {
            if (m & 1) {
                if (result.empty()) {
                    result = base;
                } else {
                    steps.emplace_back(reg(i) + "_r" + std::to_string(step), result + " * " + base);
                    result = steps.back().first;
                }
            }
            m >>= 1;
            if (m > 0) {
                steps.emplace_back(reg(i) + "_b" + std::to_string(step), base + " * " + base);
                base = steps.back().first;
            }
        }
        std::string last;
        if (!invert && !steps.empty() && steps.back().first == result) {
            last = steps.back().second;
            steps.pop_back();
        }
        for (const auto& [name, expression] : steps) statement(name, expression);
        if (result.empty()) result = "1.0";
        if (invert) return "1.0 / " + result;
        return last.empty() ? result : last;
    }
};

// Guard g's comparison picking its side, and guard g holding (with the guards around it), as C conditions.
template <const auto& Plan>
std::string side_text(int g) {
    const plan::guard_info& x = Plan.guards[static_cast<std::size_t>(g)];
    const std::string comparison = reg(x.left) + (x.strict ? " < " : " <= ") + reg(x.right);
    return x.true_side ? comparison : "!(" + comparison + ")";
}
template <const auto& Plan>
std::string guard_text(int g) {
    std::string text;
    for (; g > 0; g = Plan.guards[static_cast<std::size_t>(g)].parent)
        text = text.empty() ? side_text<Plan>(g) : side_text<Plan>(g) + " && " + text;
    return text;
}

// The expression of instruction i.
template <const auto& Plan, class W>
std::string instruction_text(W& w, int i, const std::vector<number>& numbers) {
    const plan::instruction& in = Plan.code[static_cast<std::size_t>(i)];
    const std::string a = plan::operand_count(in.code) >= 1 ? reg(in.a) : std::string();
    const std::string b = plan::operand_count(in.code) >= 2 ? reg(in.b) : std::string();
    using plan::op;
    switch (in.code) {
        case op::integer:
            return literal(static_cast<double>(static_cast<int>(in.k)));
        case op::input:
            return "point[" + std::to_string(in.a) + "]";
        case op::number:
            return literal(to_scalar<double>(numbers[static_cast<std::size_t>(in.a)]));
        case op::add:
            return a + " + " + b;
        case op::sub:
            return a + " - " + b;
        case op::mul:
            return a + " * " + b;
        case op::div:
            return a + " / " + b;
        case op::neg:
            return "-" + a;
        case op::ipow:
            return in.k > 0 ? w.squarings(i, a, in.k) : "1.0 / " + w.squarings(i, a, -in.k, false);
        case op::pow:
            return "pow(" + a + ", " + b + ")";
        case op::real_pow: {
            const number& p = numbers[static_cast<std::size_t>(in.b)];
            const number exponent = in.k == 0 ? p : p - number(in.k);
            if (exponent.is_integer()) return w.binary_powering(i, a, static_cast<long long>(exponent.num));
            return "pow(" + a + ", " + literal(to_scalar<double>(exponent)) + ")";
        }
        case op::real_coefficient: {
            const number& p = numbers[static_cast<std::size_t>(in.b)];
            return literal(to_scalar<double>(in.k == 0 ? p : p - number(in.k)));
        }
        case op::real:
            return literal(to_scalar<double>(real_constants[in.a]));
        case op::select:
            return "(" + side_text<Plan>(static_cast<int>(in.k)) + ") ? " + a + " : " + b;
        default:
            break;
    }
    // The functions, by their names in the registries.
    std::string_view name;
    const bool binary = plan::is_binary_function(in.code);
    if (binary) {
        [&]<class... Op>(type_list<Op...>) {
            std::size_t k = 0;
            ((k++ == static_cast<std::size_t>(in.code) - plan::first_binary_function ? (name = Op::name, 0) : 0), ...);
        }(ops::binary{});
    } else {
        [&]<class... Op>(type_list<Op...>) {
            std::size_t k = 0;
            ((k++ == static_cast<std::size_t>(in.code) - static_cast<std::size_t>(op::first_function)
                  ? (name = Op::name, 0)
                  : 0),
             ...);
        }(ops::elementary{});
    }
    if (name == "abs") return "fabs(" + a + ")";
    if (name == "sign")  // as math::sign: NaN stays NaN
        return a + " != " + a + " ? " + a + " : (" + a + " > 0.0 ? 1.0 : (" + a + " < 0.0 ? -1.0 : 0.0))";
    if (!in_math_h(name)) w.declare(name, binary ? 2 : 1);
    return std::string(name) + (binary ? "(" + a + ", " + b + ")" : "(" + a + ")");
}

template <class N = number>
struct number_list {
    std::vector<N>* out;
    void put(const N& n) { out->push_back(n); }
};

template <class = void>
bool is_identifier(std::string_view s) {
    if (s.empty() || (s[0] >= '0' && s[0] <= '9')) return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}

template <class... V>
std::vector<std::string> names(variable_pack<V...>) {
    return {std::string(V::name)...};
}

template <class Vars, class E>
std::string write(std::string_view function_name, const E& f) {
    constexpr const auto& P = plan::gradient_plan<E, Vars>;
    std::vector<number> numbers;
    number_list<> sink{&numbers};
    plan::gather_numbers(plan::walk{}, f, sink);

    basic_writer<> w;
    bool reads_point = false;
    for (std::size_t i = 0; i < P.size; ++i) {
        reads_point = reads_point || P.code[i].code == plan::op::input;
        if (P.code[i].code == plan::op::test) continue;  // (each guard's condition is written where it is used)
        const std::string text = instruction_text<P>(w, static_cast<int>(i), numbers);
        // Under a guard: computed only where it holds (the other side of a
        // branch may be outside its domain), 0 elsewhere, where nothing reads it.
        if (P.code[i].guard == 0)
            w.statement(reg(static_cast<int>(i)), text);
        else
            w.statement(reg(static_cast<int>(i)), "(" + guard_text<P>(P.code[i].guard) + ") ? (" + text + ") : 0.0");
    }

    const std::vector<std::string> variables = names(Vars{});
    std::string expression = to_string(f);
    for (std::size_t at = expression.find("*/"); at != std::string::npos; at = expression.find("*/", at))
        expression.replace(at, 2, "* /");

    std::string out = "/* " + std::string(function_name) + ": the value and the gradient of\n *   f = " + expression +
                      "\n * at point[i] = ";
    for (std::size_t i = 0; i < variables.size(); ++i) out += (i ? ", " : "") + variables[i];
    out += " (i = 0";
    if (variables.size() > 1) out += "..." + std::to_string(variables.size() - 1);
    out += ").\n * Returns f; unless gradient is NULL, writes gradient[i] = df/d";
    out += variables.size() == 1 ? variables[0] : "(point[i])";
    out += ".\n * Written by leibniz::to_c: one reverse sweep, each subexpression computed once. */\n";
    out += "#include <math.h>\n#include <stddef.h>\n\n";
    out += w.prototypes;
    if (!w.prototypes.empty()) out += '\n';
    out += "double " + std::string(function_name) + "(const double* point, double* gradient) {\n";
    if (!reads_point) out += "    (void)point;\n";
    out += w.body;
    out += "    if (gradient != NULL) {\n";
    for (std::size_t i = 0; i < variables.size(); ++i)
        out += "        gradient[" + std::to_string(i) + "] = " + reg(P.outputs[i + 1]) + ";  /* d/d" + variables[i] +
               " */\n";
    out += "    }\n    return " + reg(P.outputs[0]) + ";\n}\n";
    return out;
}

}  // namespace leibniz::detail::c_source

namespace leibniz {

// C99 source of `double name(const double* point, double* gradient)`: f and
// its gradient by the variables given (see the top of this file).
template <Expression E, class... Vars>
std::string to_c(std::string_view name, const E& f, Vars...) {
    detail::check_differentiation_variables<std::remove_cvref_t<Vars>...>();
    using V = detail::flattened_variables<Vars...>;
    using missing = typename detail::first_unbound<E, detail::c_source::listed<V>>::type;
    if constexpr (!std::is_void_v<missing>) {
        using reported [[maybe_unused]] = detail::report<error::to_c_needs_a_point_index_for<missing>>;
        return {};
    } else {
        static_assert(detail::plan::gradient_plan<E, V>.means == 0,
                      "leibniz: to_c writes straight-line code: it cannot write a mean over samples (a loop)");
        if (!detail::c_source::is_identifier(name))
            throw std::invalid_argument("leibniz::to_c: the function name must be a C identifier");
        return detail::c_source::write<V>(name, f);
    }
}

}  // namespace leibniz

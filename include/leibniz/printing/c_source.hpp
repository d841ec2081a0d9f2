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
// A sum over an index (loops/c_source.hpp) is a loop: the vectors and
// matrices it reads are arguments after point (`const double* y, ptrdiff_t
// y_size`), and the hooks c_walk and c_loop below are where that header
// writes them.
//
// Compile errors: a variable of f missing from the list
// (leibniz::error::to_c_needs_a_point_index_for<leibniz::variable<'z'>>); a
// mean over samples (a loop over data, which the generated code does not
// write) stops at a static_assert that says so.
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

#include <algorithm>
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

// An index of a sum over an index (loops/c_source.hpp says which types are).
template <class W>
inline constexpr bool names_a_loop_index = false;
template <class W>
inline constexpr bool is_scalar_variable = false;
template <char... C>
inline constexpr bool is_scalar_variable<variable<C...>> = true;

// The variables given, as the environment first_unbound asks: vectors and
// matrices are the function's arguments, an index is bound by its sum.
template <class Vars>
struct listed;
template <class... V>
struct listed<variable_pack<V...>> {
    template <class W>
    static constexpr bool has = detail::any_true<std::is_same_v<W, V>...> ||
                                (!is_scalar_variable<W> && !names_a_loop_index<W>);
};

// Does E hold a mean over samples (which to_c does not write)?
template <class E>
struct holds_sample_mean;
template <class List>
struct any_holds_sample_mean;
template <class... C>
struct any_holds_sample_mean<type_list<C...>> : std::bool_constant<(holds_sample_mean<C>::value || ...)> {};
template <class E>
struct holds_sample_mean : any_holds_sample_mean<typename child_types<E>::type> {};
template <class L, class D>
struct holds_sample_mean<sample_mean<L, D>> : std::true_type {};
template <class E>
inline constexpr bool has_sample_mean = holds_sample_mean<E>::value;

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
    std::string indent = "    ";  // of the statements written now (a loop's body: deeper)
    std::string prefix = "r";     // of the registers of the plan written now (r0, r1, ...; a sum's body: r1_0, ...)
    int plans = 0;                // plans written so far (each nested one gets registers of its own)
    int temporaries = 0;          // t0, t1, ...: the running totals of loops

    std::string reg(int i) const { return prefix + std::to_string(i); }
    void statement(const std::string& name, const std::string& expression) {
        body += indent + "const double " + name + " = " + expression + ";\n";
    }
    void line(const std::string& text) { body += indent + text + "\n"; }
    void declare(std::string_view name, int arity) {
        for (const std::string& d : declared)
            if (d == name) return;
        declared.emplace_back(name);
        prototypes += "double " + std::string(name) + (arity == 1 ? "(double);\n" : "(double, double);\n");
    }

    // v^k for k >= 1 by the squarings of math::ipow<k>: temporaries rI_pK,
    // the last multiplication returned as the expression of rI.
    std::string squarings(const std::string& r, const std::string& v, long long k, bool last = true) {
        if (k == 1) return v;
        const std::string name = r + "_p" + std::to_string(k);
        if (body.find("const double " + name + " ") != std::string::npos) return name;
        const std::string expression = k % 2 == 0 ? squarings(r, v, k / 2, false) + " * " + squarings(r, v, k / 2, false)
                                                  : squarings(r, v, k - 1, false) + " * " + v;
        if (last) return expression;
        statement(name, expression);
        return name;
    }

    // v^n by the binary powering of math::ipow(v, n) (an exact exponent of a
    // real power): temporaries rI_bJ (the base squared J + 1 times) and rI_rJ.
    std::string binary_powering(const std::string& r, const std::string& v, long long n) {
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
                    steps.emplace_back(r + "_r" + std::to_string(step), result + " * " + base);
                    result = steps.back().first;
                }
            }
            m >>= 1;
            if (m > 0) {
                steps.emplace_back(r + "_b" + std::to_string(step), base + " * " + base);
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
template <const auto& Plan, class W>
std::string side_text(const W& w, int g) {
    const plan::guard_info& x = Plan.guards[static_cast<std::size_t>(g)];
    const std::string comparison = w.reg(x.left) + (x.strict ? " < " : " <= ") + w.reg(x.right);
    return x.true_side ? comparison : "!(" + comparison + ")";
}
template <const auto& Plan, class W>
std::string guard_text(const W& w, int g) {
    std::string text;
    for (; g > 0; g = Plan.guards[static_cast<std::size_t>(g)].parent)
        text = text.empty() ? side_text<Plan>(w, g) : side_text<Plan>(w, g) + " && " + text;
    return text;
}

// The expression of instruction i (inputs: the C text of each input slot).
template <const auto& Plan, class W>
std::string instruction_text(W& w, int i, const std::vector<number>& numbers, const std::vector<std::string>& inputs) {
    const plan::instruction& in = Plan.code[static_cast<std::size_t>(i)];
    const std::string a = plan::operand_count(in.code) >= 1 ? w.reg(in.a) : std::string();
    const std::string b = plan::operand_count(in.code) >= 2 ? w.reg(in.b) : std::string();
    using plan::op;
    switch (in.code) {
        case op::integer:
            return literal(static_cast<double>(static_cast<int>(in.k)));
        case op::input:
            return inputs[static_cast<std::size_t>(in.a)];
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
            return in.k > 0 ? w.squarings(w.reg(i), a, in.k) : "1.0 / " + w.squarings(w.reg(i), a, -in.k, false);
        case op::pow:
            return "pow(" + a + ", " + b + ")";
        case op::real_pow: {
            const number& p = numbers[static_cast<std::size_t>(in.b)];
            const number exponent = in.k == 0 ? p : p - number(in.k);
            if (exponent.is_integer()) return w.binary_powering(w.reg(i), a, static_cast<long long>(exponent.num));
            return "pow(" + a + ", " + literal(to_scalar<double>(exponent)) + ")";
        }
        case op::real_coefficient: {
            const number& p = numbers[static_cast<std::size_t>(in.b)];
            return literal(to_scalar<double>(in.k == 0 ? p : p - number(in.k)));
        }
        case op::real:
            return literal(to_scalar<double>(real_constants[in.a]));
        case op::select:
            return "(" + side_text<Plan>(w, static_cast<int>(in.k)) + ") ? " + a + " : " + b;
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

// ---- what a function reads beside its point ----------------------------------------
//
// An expression with sums over an index (loops/c_source.hpp) reads vectors and
// matrices the generated function takes as arguments, and indices it loops
// over; a gradient by a vector takes the scalars as arguments too. Each gets
// a C name: its own where that is an identifier no generated name or C
// keyword uses, else argK (indexK for an index).

enum class c_kind { scalar, vector, matrix, index };

template <class = void>
bool reserved_in_c(std::string_view s) {
    constexpr std::string_view words[] = {
        "auto",   "break",   "case",     "char",     "const",    "continue", "default",  "do",     "double",
        "else",   "enum",    "extern",   "float",    "for",      "goto",     "if",       "inline", "int",
        "long",   "register", "restrict", "return",  "short",    "signed",   "sizeof",   "static", "struct",
        "switch", "typedef", "union",    "unsigned", "void",     "volatile", "while",    "point",  "gradient",
        "NAN",    "HUGE_VAL", "NULL",    "size_t",   "ptrdiff_t", "fabs",    "pow",    "double_t", "float_t",
        "wchar_t", "INFINITY", "HUGE_VALF", "HUGE_VALL", "MATH_ERRNO", "MATH_ERREXCEPT", "math_errhandling",
        "offsetof", "max_align_t", "M_PI",  "M_E",    "_Bool",    "inline",   "bool",     "true",     "false"};
    for (std::string_view w : words)
        if (w == s) return true;
    if (in_math_h(s)) return true;
    // (the registers r0, r1_2 and their temporaries, the loops' totals t0, the means' results m0, argK, indexK)
    for (std::string_view p : {"r", "t", "m", "arg", "index"})
        if (s.size() > p.size() && s.substr(0, p.size()) == p && s[p.size()] >= '0' && s[p.size()] <= '9') return true;
    return s.starts_with("_") || s.starts_with("FP_") || s.starts_with("M_") || s.find("__") != std::string_view::npos;
}

template <class = void>
struct c_names {
    struct entry {
        c_kind kind;
        std::string name;  // leibniz's
        std::string c;     // in the generated function
    };
    std::vector<entry> entries;

    void add(c_kind kind, std::string_view name) {
        for (const entry& e : entries)
            if (e.kind == kind && e.name == name) return;
        entries.push_back({kind, std::string(name), {}});
    }
    const std::string& of(c_kind kind, std::string_view name) const {
        for (const entry& e : entries)
            if (e.kind == kind && e.name == name) return e.c;
        throw std::logic_error("leibniz::to_c internal error: no C name for " + std::string(name));
    }
    // The names, in the order of leibniz's (so the arguments' order is the names' alphabetical order).
    void assign() {
        std::stable_sort(entries.begin(), entries.end(), [](const entry& a, const entry& b) { return a.name < b.name; });
        std::vector<std::string> taken;
        auto is_taken = [&](const std::string& n) {
            for (const std::string& t : taken)
                if (t == n) return true;
            return false;
        };
        auto derived = [](c_kind kind, const std::string& n) -> std::vector<std::string> {
            if (kind == c_kind::vector) return {n, n + "_size"};
            if (kind == c_kind::matrix) return {n, n + "_rows", n + "_cols"};
            return {n};
        };
        int arguments = 0, indices = 0;
        for (entry& e : entries) {
            bool usable = is_identifier(e.name) && !reserved_in_c(e.name);
            if (usable)
                for (const std::string& n : derived(e.kind, e.name)) usable = usable && !is_taken(n);
            e.c = usable ? e.name
                         : (e.kind == c_kind::index ? "index" + std::to_string(indices++)
                                                    : "arg" + std::to_string(arguments++));
            for (const std::string& n : derived(e.kind, e.c)) taken.push_back(n);
        }
    }
    // ", const double* x, ptrdiff_t x_size, double a": the arguments, in order (skip: the one differentiated by).
    std::string parameters(std::string_view skip = {}) const {
        std::string out;
        for (const entry& e : entries) {
            if (e.kind == c_kind::vector && e.name == skip) continue;
            if (e.kind == c_kind::scalar) out += ", double " + e.c;
            if (e.kind == c_kind::vector) out += ", const double* " + e.c + ", ptrdiff_t " + e.c + "_size";
            if (e.kind == c_kind::matrix)
                out += ", const double* " + e.c + ", ptrdiff_t " + e.c + "_rows, ptrdiff_t " + e.c + "_cols";
        }
        return out;
    }
    // `(void)y;` for each argument the body never names (a vector read only
    // through its size, a size never read): -Wunused-parameter stays quiet.
    std::string unused(const std::string& body, std::string_view skip = {}) const {
        auto named = [&](const std::string& name) {
            auto part = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; };
            for (std::size_t at = body.find(name); at != std::string::npos; at = body.find(name, at + 1))
                if ((at == 0 || !part(body[at - 1])) && (at + name.size() == body.size() || !part(body[at + name.size()])))
                    return true;
            return false;
        };
        std::string out;
        auto check = [&](const std::string& name) {
            if (!named(name)) out += "    (void)" + name + ";\n";
        };
        for (const entry& e : entries) {
            if (e.kind == c_kind::vector && e.name == skip) continue;
            if (e.kind == c_kind::scalar) check(e.c);
            if (e.kind == c_kind::vector) check(e.c), check(e.c + "_size");
            if (e.kind == c_kind::matrix) check(e.c), check(e.c + "_rows"), check(e.c + "_cols");
        }
        return out;
    }
    // What the header comment says of them.
    std::string described(std::string_view skip = {}) const {
        std::string out;
        for (const entry& e : entries) {
            if (e.kind == c_kind::vector && e.name != skip)
                out += " * " + e.c + ": the values of vector " + e.name + " (" + e.c + "_size of them)\n";
            if (e.kind == c_kind::matrix)
                out += " * " + e.c + ": matrix " + e.name + ", row by row (" + e.c + "_rows x " + e.c + "_cols)\n";
            if (e.kind == c_kind::scalar && e.c != e.name) out += " * " + e.c + ": the value of " + e.name + "\n";
        }
        return out;
    }
};

// The reads of a plan that are not its variables, as C text, in the order
// the plan's inputs take them (plan::gather_reads): `extras`, and for the
// elements of a vector differentiated by, `positions` (the value) and `where`
// (the position).
struct c_reads {
    std::vector<std::string> extras;
    std::vector<std::string> positions;
    std::vector<std::string> where;
};

// The index ranges around a node: (leibniz's index name, first, end as C).
struct c_ranges {
    struct range {
        std::string index;
        std::string first;
        std::string end;
    };
    std::vector<range> ranges;
};

// The walk over a node for to_c: its names (what it reads beside Vars), its
// reads (as a plan by Vars reads them) and the checks of its reads (a read
// outside a vector: NaN). Node kinds of other headers specialise it
// (loops/c_source.hpp); the others walk their children.
template <class Node>
struct c_walk;
template <class Vars, class Node, class Names>
void collect_c_names(const Node& node, Names& names) {
    c_walk<Node>::template names<Vars>(node, names);
}
template <class Vars, class Node, class Names>
void gather_c_reads(const Node& node, const Names& names, c_reads& out) {
    c_walk<Node>::template reads<Vars>(node, names, out);
}
template <class Node, class W, class Names>
void write_c_checks(W& w, const Node& node, const Names& names, const c_ranges& ranges) {
    c_walk<Node>::checks(w, node, names, ranges);
}
template <class Node>
struct c_walk {
    template <class Vars, class Names>
    static void names(const Node& node, Names& out) {
        children_of<Node>::each(node, [&](const auto& child) { collect_c_names<Vars>(child, out); });
    }
    template <class Vars, class Names>
    static void reads(const Node& node, const Names& names, c_reads& out) {
        children_of<Node>::each(node, [&](const auto& child) { gather_c_reads<Vars>(child, names, out); });
    }
    template <class W, class Names>
    static void checks(W& w, const Node& node, const Names& names, const c_ranges& ranges) {
        children_of<Node>::each(node, [&](const auto& child) { write_c_checks(w, child, names, ranges); });
    }
};
template <char... C>
struct c_walk<variable<C...>> {
    template <class Vars, class Names>
    static void names(const variable<C...>&, Names& out) {
        if constexpr (index_in<variable<C...>, Vars> == Vars::size) out.add(c_kind::scalar, variable<C...>::name);
    }
    template <class Vars, class Names>
    static void reads(const variable<C...>&, const Names& names, c_reads& out) {
        if constexpr (index_in<variable<C...>, Vars> == Vars::size)
            out.extras.push_back(names.of(c_kind::scalar, variable<C...>::name));
    }
    template <class W, class Names>
    static void checks(W&, const variable<C...>&, const Names&, const c_ranges&) {}
};
template <class L, class D>
struct c_walk<sample_mean<L, D>> {  // (refused before: to_c writes no mean over samples)
    template <class Vars, class Names>
    static void names(const sample_mean<L, D>&, Names&) {}
    template <class Vars, class Names>
    static void reads(const sample_mean<L, D>&, const Names&, c_reads&) {}
    template <class W, class Names>
    static void checks(W&, const sample_mean<L, D>&, const Names&, const c_ranges&) {}
};

// How a loop node of a plan (a sum over an index) is written: specialised by
// its header. write(w, node, names, inputs, results, b, number) writes the
// statements that fill the block at results[b], as the plan's loop
// instruction for loop `number` does.
template <class Node>
struct c_loop {
    static_assert(always_false<Node>, "leibniz: to_c writes no mean over samples (a loop over data)");
};

template <const auto& P, class Vars, class E, class W, class Names>
std::vector<std::string> write_plan(W& w, const E& e, const Names& names, const std::vector<std::string>& inputs);

// The loop instruction for mean number M of e, if it is mean `which`.
template <const auto& P, class Vars, class E, class W, class Names, int... M>
void write_loop(W& w, const E& e, const Names& names, const std::vector<std::string>& inputs, int which,
                const std::string& results, int b, std::integer_sequence<int, M...>) {
    auto one = [&](auto m) {
        if (m.value != which) return;
        plan::with_mean<decltype(m)::value>(plan::walk{}, e, [&](const auto& node) {
            using Node = std::remove_cvref_t<decltype(node)>;
            c_loop<Node>::template write<Vars>(w, node, names, inputs, results, b, which);
        });
    };
    (one(std::integral_constant<int, M>{}), ...);
}

// Plan P of e by Vars as statements (each register once, registers of its
// own: r0 ... for the first plan written, rK_0 ... for the K-th), the inputs
// given as C text. Returns the C text of its outputs.
template <const auto& P, class Vars, class E, class W, class Names>
std::vector<std::string> write_plan(W& w, const E& e, const Names& names, const std::vector<std::string>& inputs) {
    std::vector<number> numbers;
    number_list<> sink{&numbers};
    plan::gather_numbers(plan::walk{}, e, sink);

    const int k = w.plans++;
    const std::string outer_prefix = w.prefix;
    w.prefix = k == 0 ? "r" : "r" + std::to_string(k) + "_";
    const std::string results = "m" + std::to_string(k);
    if constexpr (P.mean_results > 0) w.line("double " + results + "[" + std::to_string(P.mean_results) + "] = {0.0};");
    for (std::size_t i = 0; i < P.size; ++i) {
        const plan::instruction& in = P.code[i];
        if (in.code == plan::op::test) continue;  // (each guard's condition is written where it is used)
        std::string text;
        if (in.code == plan::op::mean) {
            // The loop runs where its guard holds (a sum on one side of a branch).
            const std::string guard = in.guard == 0 ? std::string() : guard_text<P>(w, in.guard);
            if (!guard.empty()) {
                w.line("if (" + guard + ") {");
                w.indent += "    ";
            }
            if constexpr (plan::means_in<E> > 0)
                write_loop<P, Vars>(w, e, names, inputs, in.a, results, in.b,
                                    std::make_integer_sequence<int, plan::means_in<E>>{});
            if (!guard.empty()) {
                w.indent.resize(w.indent.size() - 4);
                w.line("}");
            }
            text = results + "[" + std::to_string(in.b) + "]";
        } else if (in.code == plan::op::mean_result) {
            text = results + "[" + std::to_string(in.b) + "]";
        } else {
            text = instruction_text<P>(w, static_cast<int>(i), numbers, inputs);
        }
        // Under a guard: computed only where it holds (the other side of a
        // branch may be outside its domain), 0 elsewhere, where nothing reads it.
        if (in.guard == 0)
            w.statement(w.reg(static_cast<int>(i)), text);
        else
            w.statement(w.reg(static_cast<int>(i)), "(" + guard_text<P>(w, in.guard) + ") ? (" + text + ") : 0.0");
    }
    std::vector<std::string> outputs;
    for (const int o : P.outputs) outputs.push_back(w.reg(o));
    w.prefix = outer_prefix;
    return outputs;
}

// f as C text in the header comment ("*/" would end it).
template <class E>
std::string commented(const E& f) {
    std::string expression = to_string(f);
    for (std::size_t at = expression.find("*/"); at != std::string::npos; at = expression.find("*/", at))
        expression.replace(at, 2, "* /");
    return expression;
}

// The end of the header comment (how the body was written), the includes
// and the prototypes of functions outside <math.h>.
template <class W>
std::string comment_end_and_includes(const W& w, std::string_view how) {
    std::string out;
    if (w.body.find("return NAN;") != std::string::npos)
        out += " * A read outside a vector or matrix: returns NaN, writes nothing.\n";
    out += " * Written by leibniz::to_c: " + std::string(how) + ". */\n#include <math.h>\n#include <stddef.h>\n\n";
    out += w.prototypes;
    if (!w.prototypes.empty()) out += '\n';
    return out;
}

// The function: f and its gradient by the scalars Vars.
template <class Vars, class E>
std::string write(std::string_view function_name, const E& f) {
    constexpr const auto& P = plan::gradient_plan<E, Vars>;
    c_names<> data;
    collect_c_names<Vars>(f, data);
    data.assign();

    basic_writer<> w;
    w.plans = 0;
    std::vector<std::string> inputs;
    for (std::size_t k = 0; k < Vars::size; ++k) inputs.push_back("point[" + std::to_string(k) + "]");
    c_reads reads;
    gather_c_reads<Vars>(f, data, reads);
    inputs.insert(inputs.end(), reads.extras.begin(), reads.extras.end());
    write_c_checks(w, f, data, c_ranges{});
    const std::vector<std::string> outputs = write_plan<P, Vars>(w, f, data, inputs);
    const bool reads_point = w.body.find("point[") != std::string::npos;

    const std::vector<std::string> variables = names(Vars{});
    std::string out = "/* " + std::string(function_name) + ": the value and the gradient of\n *   f = " + commented(f) +
                      "\n * at point[i] = ";
    for (std::size_t i = 0; i < variables.size(); ++i) out += (i ? ", " : "") + variables[i];
    out += " (i = 0";
    if (variables.size() > 1) out += "..." + std::to_string(variables.size() - 1);
    out += ").\n * Returns f; unless gradient is NULL, writes gradient[i] = df/d";
    out += variables.size() == 1 ? variables[0] : "(point[i])";
    out += ".\n";
    out += data.described();
    out += comment_end_and_includes(w, "one reverse sweep, each subexpression computed once");
    out += "double " + std::string(function_name) + "(const double* point" + data.parameters() + ", double* gradient) {\n";
    if (!reads_point) out += "    (void)point;\n";
    out += data.unused(w.body);
    out += w.body;
    out += "    if (gradient != NULL) {\n";
    for (std::size_t i = 0; i < variables.size(); ++i)
        out += "        gradient[" + std::to_string(i) + "] = " + outputs[i + 1] + ";  /* d/d" + variables[i] + " */\n";
    out += "    }\n    return " + outputs[0] + ";\n}\n";
    return out;
}

// One compile error at most for what the function cannot hold (Unbound: an
// index of f that no sum binds, or void): an index outside its sums, a mean
// over samples.
template <class E, class Unbound>
constexpr bool writable() {
    if constexpr (names_a_loop_index<Unbound>) {
        static_assert(!names_a_loop_index<Unbound>,
                      "leibniz: to_c: an index outside any sum over it (from d(f, x[k])) has no value in the "
                      "function written");
        return false;
    } else if constexpr (has_sample_mean<E>) {
        static_assert(!has_sample_mean<E>,
                      "leibniz: to_c writes straight-line code and loops over an index: it cannot write a mean over "
                      "samples (a loop over data)");
        return false;
    } else {
        return true;
    }
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
    if constexpr (!std::is_void_v<missing> && !detail::c_source::names_a_loop_index<missing>) {
        using reported [[maybe_unused]] = detail::report<error::to_c_needs_a_point_index_for<missing>>;
        return {};
    } else if constexpr (!detail::c_source::writable<E, missing>()) {
        return {};
    } else {
        if (!detail::c_source::is_identifier(name))
            throw std::invalid_argument("leibniz::to_c: the function name must be a C identifier");
        return detail::c_source::write<V>(name, f);
    }
}

}  // namespace leibniz

// to_c of expressions with sums over an index: each sum a C loop.
//
//   to_c("f", f, a, b)  f and its gradient by scalars, as for any expression
//                       (printing/c_source.hpp); a sum over an index is a
//                       loop that adds its body's value and partials
//   to_c("f", f, x)     f and its gradient by a vector x:
//
//     double f(const double* x, ptrdiff_t x_size, ..., double* gradient)
//
//   the body of a sum written once inside a loop over its index, and its
//   partials added into gradient[] at the positions it reads, as
//   gradient(f, x) computes them (the same operations in the same order).
//
// The function takes, after the point or x, every other vector (`const
// double* y, ptrdiff_t y_size`), matrix (`const double* A, ptrdiff_t A_rows,
// ptrdiff_t A_cols`, row by row) and, for a gradient by a vector, scalar
// (`double a`) that f reads, in the alphabetical order of their names (a name
// that is not a C identifier, or that the generated code uses, is argK).
// Before anything is computed, every read is checked against its vector's
// length: one outside returns NaN and writes nothing (where leibniz throws
// std::out_of_range).
#pragma once

#include <leibniz/loops/derivatives.hpp>
#include <leibniz/loops/index.hpp>
#include <leibniz/loops/index_sum.hpp>
#include <leibniz/loops/plan.hpp>
#include <leibniz/loops/vector.hpp>
#include <leibniz/printing/c_source.hpp>

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace leibniz::detail::c_source {

template <char... C>
inline constexpr bool names_a_loop_index<index_variable<C...>> = true;

// scale·i + offset as C, i the index's C name.
template <class I, class Names>
std::string position_text(const affine_index<I>& p, const Names& names) {
    if constexpr (std::is_void_v<I>) {
        return std::to_string(p.offset);
    } else {
        const std::string& i = names.of(c_kind::index, I::name);
        std::string text = p.scale == 1 ? i : p.scale == -1 ? "-" + i : std::to_string(p.scale) + " * " + i;
        if (p.offset > 0) text += " + " + std::to_string(p.offset);
        if (p.offset < 0) text += " - " + std::to_string(-p.offset);
        return text;
    }
}
// C text in parentheses unless it is a name or a number.
inline std::string parenthesized(const std::string& text) {
    for (char c : text)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return "(" + text + ")";
    return text;
}
// The same with i replaced by a value (written as C).
template <class I>
std::string position_at(const affine_index<I>& p, const std::string& at) {
    if constexpr (std::is_void_v<I>) {
        return std::to_string(p.offset);
    } else {
        std::string text = p.scale == 1 ? parenthesized(at) : std::to_string(p.scale) + " * " + parenthesized(at);
        if (p.offset > 0) text += " + " + std::to_string(p.offset);
        if (p.offset < 0) text += " - " + std::to_string(-p.offset);
        return text;
    }
}

template <class Of, class Names>
std::string measure_text(const Names& names) {
    if constexpr (std::is_void_v<Of>) {
        return "0";
    } else {
        using M = typename measured<Of>::type;
        if constexpr (measured<Of>::function == "size")
            return names.of(c_kind::vector, M::name) + "_size";
        else if constexpr (measured<Of>::function == "rows")
            return names.of(c_kind::matrix, M::name) + "_rows";
        else
            return names.of(c_kind::matrix, M::name) + "_cols";
    }
}
// A bound, floor((measure + inner) / divisor) + outer, as C (ptrdiff_t).
template <class Of, class Names>
std::string bound_text(const index_bound<Of>& b, const Names& names) {
    if constexpr (std::is_void_v<Of>) {
        return std::to_string(bound_value(b, 0));
    } else {
        std::string text = measure_text<Of>(names);
        if (b.inner != 0) text = "(" + text + (b.inner > 0 ? " + " : " - ") + std::to_string(b.inner > 0 ? b.inner : -b.inner) + ")";
        if (b.divisor != 1) {
            const std::string d = std::to_string(b.divisor);
            if (b.inner >= 0)  // (a length is never below 0: C's division rounds down)
                text = text + " / " + d;
            else
                text = "(" + text + " >= 0 ? " + text + " / " + d + " : -((" + d + " - 1 - " + text + ") / " + d + "))";
        }
        if (b.outer != 0) text += (b.outer > 0 ? " + " : " - ") + std::to_string(b.outer > 0 ? b.outer : -b.outer);
        return text;
    }
}

template <class Of, class Names>
void add_measured(const index_bound<Of>&, Names& names) {
    if constexpr (!std::is_void_v<Of>) {
        using M = typename measured<Of>::type;
        names.add(measured<Of>::function == "size" ? c_kind::vector : c_kind::matrix, M::name);
    }
}

// Is this line already written at the current depth (a whole line, not the
// end of a deeper one)?
template <class W>
bool written(const W& w, const std::string& line) {
    const std::string whole = w.indent + line + "\n";
    return w.body.starts_with(whole) || w.body.find("\n" + whole) != std::string::npos;
}

// `if (position outside 0 .. size - 1) return NAN;` for a read at p of a
// vector of `size` (its index's range from the sums around it; affine, so its
// two ends are enough).
template <class I, class W>
void check_position(W& w, const affine_index<I>& p, const std::string& size, const c_ranges& ranges) {
    std::vector<std::string> at;
    if constexpr (std::is_void_v<I>) {
        if (p.offset >= 0) {  // (a fixed position: only its end can be outside)
            const std::string line = "if (" + std::to_string(p.offset) + " >= " + size + ") return NAN;";
            if (!written(w, line)) w.line(line);
            return;
        }
        at.push_back(position_at(p, ""));
    } else {
        for (auto r = ranges.ranges.rbegin(); r != ranges.ranges.rend(); ++r)
            if (r->index == I::name) {
                at.push_back(position_at(p, r->first));
                at.push_back(position_at(p, r->end + " - 1"));
                break;
            }
    }
    std::string outside;
    for (const std::string& a : at)
        outside += (outside.empty() ? "" : " || ") + a + " < 0 || " + a + " >= " + size;
    const std::string line = "if (" + outside + ") return NAN;";
    if (!outside.empty() && !written(w, line)) w.line(line);  // (once per read)
}

}  // namespace leibniz::detail::c_source

namespace leibniz::detail::c_source {

template <class V, class I>
struct c_walk<element<V, I>> {
    template <class Vars, class Names>
    static void names(const element<V, I>&, Names& out) {
        out.add(c_kind::vector, V::name);
    }
    template <class Vars, class Names>
    static void reads(const element<V, I>& e, const Names& names, c_reads& out) {
        const std::string at = position_text(e.at, names);
        const std::string value = names.of(c_kind::vector, V::name) + "[" + at + "]";
        if constexpr (plan::first_position<V, Vars> < Vars::size) {
            out.positions.push_back(value);
            out.where.push_back(at);
        } else {
            out.extras.push_back(value);
        }
    }
    template <class W, class Names>
    static void checks(W& w, const element<V, I>& e, const Names& names, const c_ranges& ranges) {
        check_position(w, e.at, names.of(c_kind::vector, V::name) + "_size", ranges);
    }
};

template <class A, class R, class C>
struct c_walk<matrix_element<A, R, C>> {
    template <class Vars, class Names>
    static void names(const matrix_element<A, R, C>&, Names& out) {
        out.add(c_kind::matrix, A::name);
    }
    template <class Vars, class Names>
    static void reads(const matrix_element<A, R, C>& e, const Names& names, c_reads& out) {
        const std::string& a = names.of(c_kind::matrix, A::name);
        out.extras.push_back(a + "[" + parenthesized(position_text(e.row, names)) + " * " + a + "_cols + " +
                             position_text(e.col, names) + "]");
    }
    template <class W, class Names>
    static void checks(W& w, const matrix_element<A, R, C>& e, const Names& names, const c_ranges& ranges) {
        const std::string& a = names.of(c_kind::matrix, A::name);
        check_position(w, e.row, a + "_rows", ranges);
        check_position(w, e.col, a + "_cols", ranges);
    }
};

template <class I, class K>
struct c_walk<coincide<I, K>> {
    static_assert(always_false<I>,
                  "leibniz: to_c: d(f, x[k]) for an index k holds conditions on k, which has no value in the "
                  "function written");
};

template <class I, class F, class E, class B>
struct c_walk<index_sum<I, F, E, B>> {
    using node = index_sum<I, F, E, B>;
    template <class Vars, class Names>
    static void names(const node& s, Names& out) {
        out.add(c_kind::index, I::name);
        add_measured(s.first, out);
        add_measured(s.end, out);
        collect_c_names<Vars>(s.body, out);
    }
    template <class Vars, class Names>
    static void reads(const node&, const Names&, c_reads&) {}  // (the body's are read in its loop)
    // The body's reads checked where the sum is not empty (an empty sum reads nothing).
    template <class W, class Names>
    static void checks(W& w, const node& s, const Names& names, const c_ranges& ranges) {
        c_ranges inner = ranges;
        inner.ranges.push_back({std::string(I::name), bound_text(s.first, names), bound_text(s.end, names)});
        W body;
        body.indent = w.indent + "    ";
        write_c_checks(body, s.body, names, inner);
        if (body.body.empty()) return;
        w.line("if (" + inner.ranges.back().first + " < " + inner.ranges.back().end + ") {");
        w.body += body.body;
        w.line("}");
    }
};

// `for (ptrdiff_t i = first; i < end; ++i) {` and its closing brace.
template <class I, class F, class E, class B, class W, class Names>
void open_loop(W& w, const index_sum<I, F, E, B>& s, const Names& names) {
    const std::string& i = names.of(c_kind::index, I::name);
    w.line("for (ptrdiff_t " + i + " = " + bound_text(s.first, names) + "; " + i + " < " + bound_text(s.end, names) +
           "; ++" + i + ") {");
    w.indent += "    ";
}
template <class W>
void close_loop(W& w) {
    w.indent.resize(w.indent.size() - 4);
    w.line("}");
}

// A sum in a plan by Vars (the plan's loop instruction, loops/plan.hpp's
// run_loop): its value and partials by Vars' scalars into the block at
// results[b], the body's plan written once inside the loop.
template <class I, class F, class E, class B>
struct c_loop<index_sum<I, F, E, B>> {
    template <class Vars, class W, class Names>
    static void write(W& w, const index_sum<I, F, E, B>& s, const Names& names, const std::vector<std::string>& inputs,
                      const std::string& results, int b, int number) {
        using Scalars = typename plan::scalar_part<Vars>::type;
        constexpr std::size_t n = Scalars::size;
        constexpr const auto& P = plan::gradient_plan<B, Scalars>;
        auto at = [&](std::size_t k) { return results + "[" + std::to_string(b + static_cast<int>(k)) + "]"; };
        for (std::size_t k = 0; k < 1 + Vars::size; ++k) w.line(at(k) + " = 0.0;");
        std::vector<std::string> body_inputs;
        for (std::size_t c = 0; c < n; ++c) body_inputs.push_back(inputs[plan::scalar_part<Vars>::slots[c]]);
        c_reads reads;
        gather_c_reads<Scalars>(s.body, names, reads);
        body_inputs.insert(body_inputs.end(), reads.extras.begin(), reads.extras.end());
        open_loop(w, s, names);
        const std::vector<std::string> out = write_plan<P, Scalars>(w, s.body, names, body_inputs);
        w.line(at(0) + " = " + at(0) + " + " + out[0] + ";");
        for (std::size_t c = 0; c < n; ++c) {
            const std::string total = at(1 + plan::scalar_part<Vars>::slots[c]);
            w.line(total + " = " + total + " + " + out[1 + c] + ";");
        }
        close_loop(w);
        if (const int seed = plan::seed_slot(Vars{}, number); seed >= 0) w.line(at(1 + static_cast<std::size_t>(seed)) + " = 1.0;");
    }
};

// ---- the gradient by a vector (loops/derivatives.hpp's add_vector_gradient, written out) ----

template <class W>
std::string fresh(W& w) {
    return "t" + std::to_string(w.temporaries++);
}
// seed · p, where seed is the C text of a value ("1.0": p itself, as 1·p is p).
inline std::string times(const std::string& seed, const std::string& p) {
    return seed == "1.0" ? p : seed + " * " + p;
}

template <class X, class E, class W, class Names>
std::string write_vector_gradient(W& w, const E& e, const Names& names, const std::string& seed);

template <coefficient_kind K, class M>
constexpr coefficient_kind kind_of(const term<K, M>*) {
    return K;
}

template <class X, class I, class F, class En, class B, class W, class Names>
std::string write_sum_vector_gradient(W& w, const index_sum<I, F, En, B>& s, const Names& names, const std::string& seed) {
    const std::string total = fresh(w);
    w.line("double " + total + " = 0.0;");
    open_loop(w, s, names);
    const std::string value = write_vector_gradient<X>(w, s.body, names, seed);
    w.line(total + " = " + total + " + " + value + ";");
    close_loop(w);
    return total;
}

// The pass over sum L of e, seeded by seed · its partial (C text of values),
// where its body reads x.
template <int L, class X, class E, class W, class Names>
void write_seeded_sum(W& w, const E& e, const Names& names, const std::string& outer_seed, const std::string& partial) {
    plan::with_mean<L>(plan::walk{}, e, [&](const auto& node) {
        using Node = std::remove_cvref_t<decltype(node)>;
        if constexpr (plan::is_index_sum<Node>) {
            if constexpr (!depends_on<X, std::remove_cvref_t<decltype(node.body)>>::value) {
                w.line("(void)" + partial + ";");
            } else {
                const std::string seed = fresh(w);
                w.statement(seed, times(outer_seed, partial));
                open_loop(w, node, names);
                const std::string value = write_vector_gradient<X>(w, node.body, names, seed);
                w.line("(void)(" + value + ");");
                close_loop(w);
            }
        }
    });
}

// Statements that add seed · ∂e/∂x into gradient[] (where it is not NULL);
// returns the C text of e's value.
template <class X, class E, class W, class Names>
std::string write_vector_gradient(W& w, const E& e, const Names& names, const std::string& seed) {
    if constexpr (plan::is_index_sum<E>) {
        return write_sum_vector_gradient<X>(w, e, names, seed);
    } else if constexpr (plan::is_scaled_index_sum<E>) {
        const auto& t = get<0>(e.terms);
        constexpr coefficient_kind K = kind_of(static_cast<const std::remove_cvref_t<decltype(t)>*>(nullptr));
        if constexpr (K == coefficient_kind::plus_one) {
            return write_sum_vector_gradient<X>(w, t.monomial, names, seed);
        } else {
            const std::string c = K == coefficient_kind::minus_one ? std::string("-1.0") : literal(to_scalar<double>(t.coefficient));
            const std::string scaled = fresh(w);
            w.statement(scaled, K == coefficient_kind::minus_one ? "-" + seed : times(seed, c));
            const std::string value = write_sum_vector_gradient<X>(w, t.monomial, names, scaled);
            const std::string scaled_value = fresh(w);  // (a statement: the value may be discarded with (void))
            w.statement(scaled_value, K == coefficient_kind::minus_one ? "-" + value : c + " * " + value);
            return scaled_value;
        }
    } else {
        constexpr int m = plan::elements_in<X, E>;
        constexpr int loops = plan::means_in<E>;
        using Vars = typename plan::vector_variables<X, m, loops>::type;
        constexpr const auto& P = plan::gradient_plan<E, Vars>;
        c_reads reads;
        gather_c_reads<Vars>(e, names, reads);
        std::vector<std::string> inputs = reads.positions;
        for (int l = 0; l < loops; ++l) inputs.push_back("0.0");  // (a sum's seed: never read)
        inputs.insert(inputs.end(), reads.extras.begin(), reads.extras.end());
        const std::vector<std::string> out = write_plan<P, Vars>(w, e, names, inputs);
        for (std::size_t k = 0; k < static_cast<std::size_t>(m); ++k) {
            const std::string g = "gradient[" + reads.where[k] + "]";
            std::string partial = out[1 + k];
            if (seed != "1.0") {  // (the product a statement of its own, as in C++: no fused multiply-add)
                partial = fresh(w);
                w.statement(partial, times(seed, out[1 + k]));
            }
            w.line("if (gradient != NULL) " + g + " = " + g + " + " + partial + ";");
        }
        [&]<int... L>(std::integer_sequence<int, L...>) {
            (write_seeded_sum<L, X>(w, e, names, seed, out[1 + static_cast<std::size_t>(m + L)]), ...);
        }(std::make_integer_sequence<int, loops>{});
        return out[0];
    }
}

// Every argument of the function: what f reads beside x is bound by its caller.
template <class W>
struct every_argument {
    template <class V>
    static constexpr bool has = !names_a_loop_index<V>;
};

template <class X, class E>
std::string write_by_vector(std::string_view function_name, const E& f) {
    c_names<> names;
    names.add(c_kind::vector, X::name);
    collect_c_names<variable_pack<>>(f, names);
    names.assign();
    const std::string& x = names.of(c_kind::vector, X::name);

    basic_writer<> w;
    write_c_checks(w, f, names, c_ranges{});
    const std::string k = fresh(w);
    w.line("if (gradient != NULL)");
    w.line("    for (ptrdiff_t " + k + " = 0; " + k + " < " + x + "_size; ++" + k + ") gradient[" + k + "] = 0.0;");
    const std::string value = write_vector_gradient<X>(w, f, names, "1.0");

    std::string out = "/* " + std::string(function_name) + ": the value and the gradient by vector " +
                      std::string(X::name) + " of\n *   f = " + commented(f) + "\n * at " + x + "[0] ... " + x + "[" +
                      x + "_size - 1].\n * Returns f; unless gradient is NULL, writes gradient[k] = df/d" +
                      std::string(X::name) + "[k] for every k < " + x + "_size.\n";
    out += names.described(X::name);
    out += comment_end_and_includes(w, "each sum a loop, its body's partials added where it reads");
    out += "double " + std::string(function_name) + "(const double* " + x + ", ptrdiff_t " + x + "_size" +
           names.parameters(X::name) + ", double* gradient) {\n";
    out += names.unused(w.body);
    out += w.body;
    out += "    return " + value + ";\n}\n";
    return out;
}

}  // namespace leibniz::detail::c_source

namespace leibniz {

// C99 source of `double name(const double* x, ptrdiff_t x_size, ..., double*
// gradient)`: f and its gradient by the vector x (see the top of this file).
template <Expression E, char... C>
std::string to_c(std::string_view name, const E& f, vector_variable<C...>) {
    using X = vector_variable<C...>;
    using missing = typename detail::first_unbound<E, detail::c_source::every_argument<void>>::type;
    if constexpr (!detail::c_source::writable<E, missing>()) {
        return {};
    } else {
        if (!detail::c_source::is_identifier(name))
            throw std::invalid_argument("leibniz::to_c: the function name must be a C identifier");
        return detail::c_source::write_by_vector<X>(name, f);
    }
}

}  // namespace leibniz

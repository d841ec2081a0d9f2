// Expressions as a Graphviz graph: to_dot(e), and to_dot(e, bindings...)
// with each node's value at a point. Render with `dot -Tpng graph.dot -o graph.png`.
//
// The graph is the one the library holds, the canonical form (simplification/):
// x*w + b is drawn as a sum of the product w·x and b, y - u as a sum with
// coefficient -1 on u. Reading it:
//
//   what                                   drawn as
//   edges                                  from an operand to the operation that uses it (data
//                                          flows down: the inputs at the top, the result, drawn
//                                          with a double border, at the bottom)
//   a subexpression met twice              one node with several outgoing edges: two subtrees are
//                                          one node when they have the same type and the same
//                                          stored numbers (coefficients, constants, exponents)
//   variables                              boxes labelled with their names
//   numbers                                plain text: 2, 1/3, 0.1
//   a sum                                  "+"; an edge carries the term's coefficient: "−" for -1,
//                                          "×2" for 2, nothing for 1; a constant term is a number node;
//                                          a lone term c·u (no constant) is a node "×c" ("−" for -1)
//   a product                              "×" of its factors; a factor u^k (k ≠ 1) is a node "^k"
//                                          (k = -1 is a reciprocal: "^-1")
//   powers                                 "^1.5" (a stored exponent), "^" with edges "base" and
//                                          "exponent" (an expression exponent)
//   functions                              sin, exp, atan2 ("1", "2" on the edges), ...
//   where, min, max                        "where <" (or "where ≤") with edges "left", "right",
//                                          "if true", "if false"
//   a mean over samples                    "mean" of the per-sample loss
//
// Node ids n0, n1, ... follow a depth-first walk that numbers operands
// before the operation, in the order of the canonical form: the output is
// the same on every run and every platform.
#pragma once

#include <leibniz/data/squares.hpp>
#include <leibniz/detail/diagnostics.hpp>
#include <leibniz/expression/nodes.hpp>
#include <leibniz/expression/operations.hpp>
#include <leibniz/expression/variable.hpp>
#include <leibniz/printing/number.hpp>
#include <leibniz/printing/writer.hpp>
#include <leibniz/simplification/collect.hpp>

#include <bit>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace leibniz::detail::graphviz {

// One address per type: the identity of a node's shape.
template <class T>
struct shape_tag {
    static constexpr char id = 0;
};

template <class N>
bool same_stored_number(const N& a, const N& b) {
    return a.exact == b.exact && a.num == b.num && a.den == b.den &&
           std::bit_cast<std::uint64_t>(a.nearest) == std::bit_cast<std::uint64_t>(b.nearest) &&
           (a.real == b.real || (a.real != a.real && b.real != b.real));
}

template <class N>
std::string number_label(const N& n) {
    std::string out;
    string_writer w{out};
    write_number(w, n);
    return out;
}

template <class N = number>
struct basic_vertex {
    const void* shape = nullptr;     // the node's type (or a factor's)
    std::vector<N> numbers;          // its own stored numbers
    std::vector<int> operands;       // vertex ids, in order
    std::vector<std::string> edge_labels;
    std::string label;
    std::string attributes;          // Graphviz attributes besides the label
    std::string value;               // its value at the point, when one is given
};

template <class Vertex>
struct basic_graph {
    std::vector<Vertex> vertices;

    // The id of an equal vertex drawn before, or of this one, added.
    int add(Vertex v) {
        for (std::size_t i = 0; i < vertices.size(); ++i) {
            const Vertex& u = vertices[i];
            // (The label too: nodes of one type can differ in values their type
            // does not hold, x[i] and x[i + 1], a sum's bounds.)
            if (u.shape != v.shape || u.operands != v.operands || u.label != v.label ||
                u.numbers.size() != v.numbers.size())
                continue;
            bool same = true;
            for (std::size_t k = 0; k < u.numbers.size() && same; ++k) same = same_stored_number(u.numbers[k], v.numbers[k]);
            if (same) return static_cast<int>(i);
        }
        vertices.push_back(std::move(v));
        return static_cast<int>(vertices.size() - 1);
    }
};

// (Templates, so that including this header instantiates nothing.)
using vertex = basic_vertex<>;
using graph = basic_graph<vertex>;

// Text in a Graphviz string: quotes and backslashes escaped, line breaks as \\n.
template <class = void>
std::string quoted(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    out += '"';
    return out;
}

// ---- the walk -----------------------------------------------------------------
// Value: a callable giving a node's value as text ("" without a point).

template <class Value, class E>
int visit(graph& g, const Value& value, const E& e);

template <class Node, class Value>
vertex make(const Node& node, const Value& value, std::string label, std::string attributes = {}) {
    vertex v;
    v.shape = &shape_tag<Node>::id;
    v.label = std::move(label);
    v.attributes = std::move(attributes);
    v.value = value(node);
    return v;
}

template <class V>
void operand(V& v, int id, std::string label = {}) {
    v.operands.push_back(id);
    v.edge_labels.push_back(std::move(label));
}

template <class Value>
int vertex_of(graph& g, const Value& value, const zero& z) {
    return g.add(make(z, value, "0", "shape=plaintext"));
}
template <class Value>
int vertex_of(graph& g, const Value& value, const one& o) {
    return g.add(make(o, value, "1", "shape=plaintext"));
}
template <class Value>
int vertex_of(graph& g, const Value& value, const constant& c) {
    vertex v = make(c, value, number_label(c.value), "shape=plaintext");
    v.numbers.push_back(c.value);
    return g.add(std::move(v));
}
template <class Value, char... C>
int vertex_of(graph& g, const Value& value, const variable<C...>& x) {
    return g.add(make(x, value, variable<C...>::name, "shape=box"));
}
template <class Value, class Op, class A>
int vertex_of(graph& g, const Value& value, const function<Op, A>& f) {
    const int arg = visit(g, value, f.arg);
    vertex v = make(f, value, std::string(Op::name));
    operand(v, arg);
    return g.add(std::move(v));
}
template <class Value, class Op, class A, class B>
int vertex_of(graph& g, const Value& value, const binary_function<Op, A, B>& f) {
    const int first = visit(g, value, f.first);
    const int second = visit(g, value, f.second);
    vertex v = make(f, value, std::string(Op::name));
    operand(v, first, "1");
    operand(v, second, "2");
    return g.add(std::move(v));
}
template <class Value, bool S, class L, class R, class A, class B>
int vertex_of(graph& g, const Value& value, const branch<S, L, R, A, B>& b) {
    const int left = visit(g, value, b.left);
    const int right = visit(g, value, b.right);
    const int if_true = visit(g, value, b.if_true);
    const int if_false = visit(g, value, b.if_false);
    vertex v = make(b, value, S ? "where <" : "where \xE2\x89\xA4");
    operand(v, left, "left");
    operand(v, right, "right");
    operand(v, if_true, "if true");
    operand(v, if_false, "if false");
    return g.add(std::move(v));
}
template <class Value, class B>
int vertex_of(graph& g, const Value& value, const real_power<B>& r) {
    const int base = visit(g, value, r.base);
    vertex v = make(r, value, "^" + number_label(r.exponent));
    v.numbers.push_back(r.exponent);
    operand(v, base);
    return g.add(std::move(v));
}
template <class Value, class B, class E>
int vertex_of(graph& g, const Value& value, const power<B, E>& p) {
    const int base = visit(g, value, p.base);
    const int exponent = visit(g, value, p.exponent);
    vertex v = make(p, value, "^");
    operand(v, base, "base");
    operand(v, exponent, "exponent");
    return g.add(std::move(v));
}

// A factor u^k with k ≠ 1: a node "^k" (its shape is the factor's type).
template <class Value, class B, int N>
int factor_vertex(graph& g, const Value& value, const factor<B, N>& f) {
    const int base = visit(g, value, f.base);
    if constexpr (N == 1) {
        return base;
    } else {
        vertex v;
        v.shape = &shape_tag<factor<B, N>>::id;
        v.label = "^" + std::to_string(N);
        v.value = value(power_of<N>(f.base));
        operand(v, base);
        return g.add(std::move(v));
    }
}
template <class Value, class... F>
int vertex_of(graph& g, const Value& value, const mul<F...>& p) {
    if constexpr (sizeof...(F) == 1) {  // a lone power u^k is its factor's node
        return factor_vertex(g, value, get<0>(p.factors));
    } else {
        std::vector<int> factors;
        [&]<std::size_t... I>(std::index_sequence<I...>) {
            detail::in_order{(factors.push_back(factor_vertex(g, value, get<I>(p.factors))), 0)...};
        }(std::index_sequence_for<F...>{});
        vertex v = make(p, value, "\xC3\x97");  // ×
        for (int f : factors) operand(v, f);
        return g.add(std::move(v));
    }
}
template <class Value, bool H, class... Terms>
int vertex_of(graph& g, const Value& value, const add<H, Terms...>& s) {
    vertex v = make(s, value, "+");
    if constexpr (!H && sizeof...(Terms) == 1) {  // c·u alone: a node "×c" (or "−" for -1)
        const auto& t = get<0>(s.terms);
        operand(v, visit(g, value, t.monomial));
        v.numbers.push_back(t.coefficient);
        v.label = (-t.coefficient).is_one() ? std::string("\xE2\x88\x92")
                                             : "\xC3\x97" + (t.coefficient.is_negative()
                                                                  ? "(" + number_label(t.coefficient) + ")"
                                                                  : number_label(t.coefficient));
        return g.add(std::move(v));
    }
    if constexpr (H) {
        v.numbers.push_back(s.constant);
        constant c{{}, s.constant};
        operand(v, visit(g, value, c));
    }
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        auto one_term = [&](const auto& t) {
            const int m = visit(g, value, t.monomial);
            v.numbers.push_back(t.coefficient);
            if (t.coefficient.is_one())
                operand(v, m);
            else if ((-t.coefficient).is_one())
                operand(v, m, "\xE2\x88\x92");  // −
            else
                operand(v, m, "\xC3\x97" + (t.coefficient.is_negative() ? "(" + number_label(t.coefficient) + ")"
                                                                          : number_label(t.coefficient)));
        };
        detail::in_order{(one_term(get<I>(s.terms)), 0)...};
    }(std::index_sequence_for<Terms...>{});
    return g.add(std::move(v));
}
template <class Value, class L, class D>
int vertex_of(graph& g, const Value& value, const sample_mean<L, D>& m) {
    const int loss = visit(g, value, m.loss);
    vertex v = make(m, value, "mean");
    operand(v, loss);
    return g.add(std::move(v));
}
template <class Value, class E, class R>
int vertex_of(graph& g, const Value& value, const least_squares<E, R>& s) {
    return visit(g, value, s.expression);
}

// A node kind this walk does not draw: one message. (Sums over an index and
// their elements: loops/dot.hpp, which <leibniz/output.hpp> includes.)
template <class Value, class E>
int vertex_of(graph&, const Value&, const E&) {
    static_assert(always_false<E>,
                  "leibniz: to_dot draws sums, products, functions, powers, branches, means and least squares; "
                  "a sum over an index (lz::sum(i, first, end, body)) through <leibniz/output.hpp>");
    return 0;
}

template <class Value, class E>
int visit(graph& g, const Value& value, const E& e) {
    return vertex_of(g, value, e);
}

template <class G>
std::string write(const G& g, int root) {
    std::string out =
        "digraph expression {\n"
        "  // Edges run from an operand to the operation that uses it.\n"
        "  node [fontname=\"Helvetica\"];\n"
        "  edge [fontname=\"Helvetica\"];\n";
    for (std::size_t i = 0; i < g.vertices.size(); ++i) {
        const auto& v = g.vertices[i];
        out += "  n" + std::to_string(i) + " [label=" + quoted(v.value.empty() ? v.label : v.label + "\n= " + v.value);
        if (!v.attributes.empty()) out += ", " + v.attributes;
        if (static_cast<int>(i) == root) out += ", peripheries=2";
        out += "];\n";
    }
    for (std::size_t i = 0; i < g.vertices.size(); ++i) {
        const auto& v = g.vertices[i];
        for (std::size_t k = 0; k < v.operands.size(); ++k) {
            out += "  n" + std::to_string(v.operands[k]) + " -> n" + std::to_string(i);
            if (!v.edge_labels[k].empty()) out += " [label=" + quoted(v.edge_labels[k]) + "]";
            out += ";\n";
        }
    }
    out += "}\n";
    return out;
}

// A value as text: to_string's digits.
template <class T>
std::string value_text(const T& v) {
    std::string out;
    string_writer w{out};
    if constexpr (std::is_integral_v<T>)
        write_integer(w, static_cast<std::int64_t>(v));
    else
        write_real(w, static_cast<long double>(v));
    return out;
}

}  // namespace leibniz::detail::graphviz

namespace leibniz {

// The expression as a Graphviz digraph (see the top of this file).
template <Expression E>
std::string to_dot(const E& e) {
    detail::graphviz::graph g;
    const auto no_value = [](const auto&) { return std::string(); };
    const int root = detail::graphviz::visit(g, no_value, e);
    return detail::graphviz::write(g, root);
}

// The same graph, each node labelled with its value at the point the bindings
// give (as for e(bindings...): x = 2.0, xs = values, a point): "+\n= 7".
template <Expression E, class... Bindings>
    requires(sizeof...(Bindings) > 0)
std::string to_dot(const E& e, const Bindings&... bindings) {
    detail::graphviz::graph g;
    const auto at_point = [&](const auto& node) { return detail::graphviz::value_text(node(bindings...)); };
    const int root = detail::graphviz::visit(g, at_point, e);
    return detail::graphviz::write(g, root);
}

}  // namespace leibniz

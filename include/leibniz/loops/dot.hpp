// to_dot of sums over an index: a sum is one node, "Σ i = 0 .. size(x) - 2",
// above its body's graph; an element (x[i + 1], A[i][j]) is a leaf like a
// variable. With a point, the sum and the nodes outside any sum show their
// values; a body's nodes have one value per index value, and show none.
#pragma once

#include <leibniz/loops/index_sum.hpp>
#include <leibniz/loops/vector.hpp>
#include <leibniz/printing/dot.hpp>
#include <leibniz/printing/to_string.hpp>
#include <leibniz/printing/writer.hpp>

#include <string>

namespace leibniz::detail::graphviz {

template <class Value, class I, class F, class E, class B>
int vertex_of(graph& g, const Value& value, const index_sum<I, F, E, B>& s) {
    const auto per_index_value = [](const auto&) { return std::string(); };
    const int body = visit(g, per_index_value, s.body);
    std::string label = "\xCE\xA3 ";  // Σ
    string_writer w{label};
    w.put(std::string_view(I::name));
    w.put(" = ");
    print_bound(w, s.first, 0);
    w.put(" .. ");
    print_bound(w, s.end, -1);
    vertex v = make(s, value, label);
    operand(v, body);
    return g.add(std::move(v));
}
template <class Value, class V, class I>
int vertex_of(graph& g, const Value& value, const element<V, I>& e) {
    return g.add(make(e, value, to_string(e), "shape=box"));
}
template <class Value, class A, class R, class C>
int vertex_of(graph& g, const Value& value, const matrix_element<A, R, C>& e) {
    return g.add(make(e, value, to_string(e), "shape=box"));
}
template <class Value, class I, class K>
int vertex_of(graph& g, const Value& value, const coincide<I, K>& c) {
    return g.add(make(c, value, to_string(c), "shape=box"));
}

}  // namespace leibniz::detail::graphviz

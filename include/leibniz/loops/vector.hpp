// Vectors and matrices of variables whose length comes with their values:
// vec<"x">, mat<"A">, their elements x[i + 1], x[0], A[i][j] (expressions like
// any variable), their sizes size(x), rows(A), cols(A) (bounds of a sum), and
// binding them: x = any contiguous range of numbers (std::array, std::vector,
// std::span; at compile time a std::array), A = an array of rows (std::array
// of std::array, std::vector of std::vector) or lz::row_major(data, rows, cols).
//
// This header gives an element its rule in each layer: order, binding checks,
// evaluation (bounds are checked by the sum that reads it, loops/index_sum.hpp),
// differentiation by a scalar (zero), printing and equivalence.
#pragma once

#include <leibniz/detail/fixed_string.hpp>
#include <leibniz/evaluation/bind.hpp>
#include <leibniz/evaluation/evaluate.hpp>
#include <leibniz/evaluation/free_variables.hpp>
#include <leibniz/evaluation/point.hpp>
#include <leibniz/expression/nodes.hpp>
#include <leibniz/expression/variable.hpp>
#include <leibniz/loops/index.hpp>
#include <leibniz/printing/number.hpp>
#include <leibniz/printing/to_string.hpp>
#include <leibniz/printing/writer.hpp>
#include <leibniz/simplification/equivalent.hpp>
#include <leibniz/simplification/order.hpp>

#include <array>
#include <cstddef>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace leibniz {

template <char... Name>
struct vector_variable;
template <char... Name>
struct matrix_variable;

// x = values: the values of a vector, referred to like a std::span (keep them
// alive while the binding is used). Extent: the length when the type knows it
// (a std::array), else std::dynamic_extent.
template <class Vector, class T, std::size_t Extent = std::dynamic_extent>
struct vector_binding {
    using variable_type = Vector;
    using value_type = T;
    std::span<const T, Extent> values;

    constexpr std::size_t size() const { return values.size(); }
    constexpr const T& at(long long i) const { return values[static_cast<std::size_t>(i)]; }
};

// A matrix in storage the caller keeps: element (r, c) at
// data[r * row_stride + c * col_stride]. row_major(data, rows, cols) is
// storage row after row, column_major(data, rows, cols) column after column
// (Fortran's, Eigen's default, BLAS's).
template <class T>
struct row_major_view {
    const T* data = nullptr;
    std::size_t rows = 0;
    std::size_t cols = 0;
    std::size_t row_stride = 0;  // (row_major: cols)
    std::size_t col_stride = 1;
};
template <class T>
constexpr row_major_view<T> row_major(const T* data, std::size_t rows, std::size_t cols) {
    return {data, rows, cols, cols, 1};
}
template <class T>
constexpr row_major_view<T> column_major(const T* data, std::size_t rows, std::size_t cols) {
    return {data, rows, cols, 1, rows};
}

// A customization point: matrix_values<M>::view(m) gives a row_major_view of
// a matrix type of your own (or of a library's: <leibniz/interop/eigen.hpp>
// specialises it for Eigen's dense matrices), so that A = m binds it.
template <class M>
struct matrix_values;  // not defined: no type is a matrix unless specialized

// A = values: a matrix, referred to (not copied). Rows: a contiguous range of
// rows, each a contiguous range of numbers; or a row_major_view.
template <class Matrix, class T, class Rows>
struct matrix_binding {
    using variable_type = Matrix;
    using value_type = T;
    const Rows* rows_of_values = nullptr;  // (null for a row_major_view)
    row_major_view<T> flat{};
    std::size_t row_count = 0;
    std::size_t col_count = 0;

    constexpr std::size_t rows() const { return row_count; }
    constexpr std::size_t cols() const { return col_count; }
    constexpr const T& at(long long r, long long c) const {
        if constexpr (std::is_same_v<Rows, row_major_view<T>>)
            return flat.data[static_cast<std::size_t>(r) * flat.row_stride + static_cast<std::size_t>(c) * flat.col_stride];
        else
            return std::data(std::data(*rows_of_values)[r])[c];
    }
};

namespace detail {
template <class R>
concept rows_of_numbers = contiguous_values<R> && contiguous_values<contiguous_value_t<R>> &&
                          Number<contiguous_value_t<contiguous_value_t<R>>>;

inline void a_matrix_has_rows_of_different_lengths() {}

// i, i + 1, 2*i - 1, 3
template <class W, class I>
constexpr void print_position(W& w, const affine_index<I>& p) {
    if constexpr (std::is_void_v<I>) {
        write_integer(w, p.offset);
    } else {
        if (p.scale == -1)
            w.put('-');
        else if (p.scale != 1) {
            write_integer(w, p.scale);
            w.put('*');
        }
        w.put(std::string_view(I::name));
        if (p.offset > 0) {
            w.put(" + ");
            write_integer(w, p.offset);
        } else if (p.offset < 0) {
            w.put(" - ");
            write_integer(w, -p.offset);
        }
    }
}

// The position as text (LaTeX's subscripts).
template <class I>
std::string position_text(const affine_index<I>& p) {
    std::string out;
    string_writer w{out};
    print_position(w, p);
    return out;
}
}  // namespace detail

// [a = b], 1 where two positions coincide and 0 elsewhere: the derivative of
// one element by another of the same vector (∂x[i + 1]/∂x[k] is [i + 1 = k]).
template <class I, class K>
struct coincide : expression_base<coincide<I, K>> {
    affine_index<I> a;
    affine_index<K> b;

    friend constexpr zero derive(const coincide&, auto) { return {}; }
    template <class Tools>
    std::string latex_form(const Tools&) const {  // Iverson's bracket
        return "\\left[" + detail::position_text(a) + " = " + detail::position_text(b) + "\\right]";
    }
    friend constexpr bool same_monomial(const coincide& x, const coincide& y) { return x.a == y.a && x.b == y.b; }
    template <class W>
    friend constexpr void print_node(W& w, const coincide& c) {
        w.put('[');
        detail::print_position(w, c.a);
        w.put(" = ");
        detail::print_position(w, c.b);
        w.put(']');
    }
};

// An element of a vector, x[scale·i + offset]: a scalar expression.
// (Its rules that take no environment are hidden friends, found by argument-dependent lookup.)
namespace detail {
// W is an element of vector V (x[k] for x): a concept, so that a W without a
// vector_type (a scalar variable) is simply not one.
template <class W, class V>
concept element_of_vector = requires { typename W::vector_type; } && std::is_same_v<typename W::vector_type, V>;
}  // namespace detail

template <class Vector, class Index>
struct element : expression_base<element<Vector, Index>> {
    using vector_type = Vector;
    using index_type = Index;
    affine_index<Index> at;

    template <class Tools>
    std::string latex_form(const Tools& tools) const {  // x_{i + 1}
        return tools.name(Vector::name) + "_{" + detail::position_text(at) + "}";
    }
    // By a scalar variable: 0; by an element of the same vector, x[k]: [position = k].
    template <class W>
    friend constexpr auto derive(const element& e, W w) {
        if constexpr (detail::element_of_vector<W, Vector>)
            return coincide<Index, typename W::index_type>{{}, e.at, w.at};
        else
            return zero{};
    }
    friend constexpr bool same_monomial(const element& a, const element& b) { return a.at == b.at; }
    template <class W>
    friend constexpr void print_node(W& w, const element& e) {
        w.put(std::string_view(Vector::name));
        w.put('[');
        detail::print_position(w, e.at);
        w.put(']');
    }
};

// An element of a matrix, A[r][c].
template <class Matrix, class Row, class Col>
struct matrix_element : expression_base<matrix_element<Matrix, Row, Col>> {
    affine_index<Row> row;
    affine_index<Col> col;

    friend constexpr zero derive(const matrix_element&, auto) { return {}; }
    template <class Tools>
    std::string latex_form(const Tools& tools) const {  // A_{i,j}
        return tools.name(Matrix::name) + "_{" + detail::position_text(row) + "," + detail::position_text(col) + "}";
    }
    friend constexpr bool same_monomial(const matrix_element& a, const matrix_element& b) {
        return a.row == b.row && a.col == b.col;
    }
    template <class W>
    friend constexpr void print_node(W& w, const matrix_element& e) {
        w.put(std::string_view(Matrix::name));
        w.put('[');
        detail::print_position(w, e.row);
        w.put("][");
        detail::print_position(w, e.col);
        w.put(']');
    }
};

// A[r]: a row of a matrix, only for [c] to follow.
template <class Matrix, class Row>
struct matrix_row {
    affine_index<Row> row;

    template <Position P>
    constexpr auto operator[](P c) const {
        const auto col = detail::as_position(c);
        return matrix_element<Matrix, Row, typename decltype(col)::index_type>{{}, row, col};
    }
};

template <char... Name>
struct vector_variable {
    static constexpr char spelled[] = {Name..., '\0'};
    static constexpr std::string_view name{spelled, sizeof...(Name)};  // (Clang 14 cannot index spelled in constant evaluation)

    // x[i + 1], x[2*i], x[0]: an element.
    template <Position P>
    constexpr auto operator[](P p) const {
        const auto at = detail::as_position(p);
        return element<vector_variable, typename decltype(at)::index_type>{{}, at};
    }

    // x = values: any contiguous range of numbers.
    template <class T, std::size_t N>
        requires Number<T>
    constexpr vector_binding<vector_variable, T, N> operator=(const std::array<T, N>& values) const {
        return {std::span<const T, N>(values)};
    }
    template <class T, std::size_t N>
        requires Number<std::remove_cv_t<T>>
    constexpr vector_binding<vector_variable, std::remove_cv_t<T>, N> operator=(std::span<T, N> values) const {
        return {std::span<const std::remove_cv_t<T>, N>(values)};
    }
    template <detail::contiguous_values R>
        requires(Number<detail::contiguous_value_t<R>> && !detail::is_array_or_span<R>)
    constexpr vector_binding<vector_variable, detail::contiguous_value_t<R>> operator=(const R& values) const {
        return {std::span<const detail::contiguous_value_t<R>>(std::data(values), std::size(values))};
    }
};

template <char... Name>
struct matrix_variable {
    static constexpr char spelled[] = {Name..., '\0'};
    static constexpr std::string_view name{spelled, sizeof...(Name)};  // (Clang 14 cannot index spelled in constant evaluation)

    template <Position P>
    constexpr auto operator[](P r) const {
        const auto row = detail::as_position(r);
        return matrix_row<matrix_variable, typename decltype(row)::index_type>{row};
    }

    // A = rows: every row of one length (else std::invalid_argument; a compile
    // error in constant evaluation).
    template <detail::rows_of_numbers R>
    constexpr auto operator=(const R& rows) const {
        using T = detail::contiguous_value_t<detail::contiguous_value_t<R>>;
        const std::size_t count = std::size(rows);
        const std::size_t width = count == 0 ? 0 : std::size(std::data(rows)[0]);
        for (std::size_t r = 1; r < count; ++r)
            if (std::size(std::data(rows)[r]) != width) {
                if (std::is_constant_evaluated()) detail::a_matrix_has_rows_of_different_lengths();
                throw std::invalid_argument(std::string("leibniz: the rows of matrix ") + std::string(name) +
                                            " have different lengths");
            }
        return matrix_binding<matrix_variable, T, R>{&rows, {}, count, width};
    }
    template <class T>
    constexpr auto operator=(const row_major_view<T>& view) const {
        return matrix_binding<matrix_variable, T, row_major_view<T>>{nullptr, view, view.rows, view.cols};
    }
    // A = m for a type with matrix_values<M> (an Eigen matrix, with the interop header).
    template <class M>
        requires requires(const M& m) { matrix_values<M>::view(m); }
    constexpr auto operator=(const M& m) const {
        return *this = matrix_values<M>::view(m);
    }
};

// vec<"x">, mat<"A">: a vector and a matrix of variables, their lengths those of their values.
template <detail::fixed_string Name>
inline constexpr auto vec = [] {
    static_assert(Name.size > 0, "leibniz: a vector needs a non-empty name");
    return detail::named<vector_variable, Name>();
}();
template <detail::fixed_string Name>
inline constexpr auto mat = [] {
    static_assert(Name.size > 0, "leibniz: a matrix needs a non-empty name");
    return detail::named<matrix_variable, Name>();
}();

// size(x), rows(A), cols(A): bounds of a sum over an index.
template <char... C>
constexpr index_bound<length_of<vector_variable<C...>>> size(vector_variable<C...>) {
    return {};
}
template <char... C>
constexpr index_bound<rows_of<matrix_variable<C...>>> rows(matrix_variable<C...>) {
    return {};
}
template <char... C>
constexpr index_bound<cols_of<matrix_variable<C...>>> cols(matrix_variable<C...>) {
    return {};
}

namespace detail {

template <class V, class I>
struct is_expression_impl<element<V, I>> : std::true_type {};
template <class I, class K>
struct is_expression_impl<coincide<I, K>> : std::true_type {};
template <class A, class R, class C>
struct is_expression_impl<matrix_element<A, R, C>> : std::true_type {};

// ---- binding sources ----

template <class V, class T, std::size_t E>
inline constexpr bool binds<V, vector_binding<V, T, E>> = true;
template <class A, class T, class R>
inline constexpr bool binds<A, matrix_binding<A, T, R>> = true;
template <class I>
inline constexpr bool binds<I, index_binding<I>> = true;
template <class V, class T, std::size_t E>
inline constexpr bool is_binding_source<vector_binding<V, T, E>> = true;
template <class A, class T, class R>
inline constexpr bool is_binding_source<matrix_binding<A, T, R>> = true;
template <class I>
inline constexpr bool is_binding_source<index_binding<I>> = true;

template <class V, class T, std::size_t E>
struct source_variables<vector_binding<V, T, E>> {
    using type = type_list<V>;
};
template <class A, class T, class R>
struct source_variables<matrix_binding<A, T, R>> {
    using type = type_list<A>;
};
template <class I>
struct source_variables<index_binding<I>> {
    using type = type_list<I>;
};

// ---- order: an element sorts right after its vector's name, then by its index's name ----

inline constexpr int key_element = key_end + 2;  // (after a name's key_end: never a character token)

template <class Name>
constexpr void write_name_key(auto& s) {
    for (char c : Name::name) s.put(static_cast<unsigned char>(c) + 2);
    s.put(key_end);
}
template <class I>
constexpr void write_index_key(auto& s) {
    if constexpr (std::is_void_v<I>)
        s.put(key_end);
    else
        write_name_key<I>(s);
}
template <class V, class I>
struct key_of<element<V, I>> {
    static constexpr void write(auto& s) {
        s.put(key_variable);
        write_name_key<V>(s);
        s.put(key_element);
        write_index_key<I>(s);
    }
};
template <class I, class K>
struct key_of<coincide<I, K>> {
    static constexpr void write(auto& s) {
        s.put(key_variable);
        s.put(key_end);  // (before every name)
        write_index_key<I>(s);
        write_index_key<K>(s);
    }
};
template <class A, class R, class C>
struct key_of<matrix_element<A, R, C>> {
    static constexpr void write(auto& s) {
        s.put(key_variable);
        write_name_key<A>(s);
        s.put(key_element + 1);
        write_index_key<R>(s);
        write_index_key<C>(s);
    }
};

// ---- binding checks: the vector (matrix) and the index must be bound ----

template <class I, class Env>
using unbound_index_t = std::conditional_t<std::is_void_v<I> || Env::template has<I>, void, I>;

template <class V, class I, class Env>
struct first_unbound<element<V, I>, Env> {
    using type = std::conditional_t<Env::template has<V>, unbound_index_t<I, Env>, V>;
};
template <class A, class R, class C, class Env>
struct first_unbound<matrix_element<A, R, C>, Env> {
    using type = std::conditional_t<!Env::template has<A>, A,
                                    std::conditional_t<std::is_void_v<unbound_index_t<R, Env>>, unbound_index_t<C, Env>,
                                                       unbound_index_t<R, Env>>>;
};

template <class I, class K, class Env>
struct first_unbound<coincide<I, K>, Env> {
    using type = std::conditional_t<std::is_void_v<unbound_index_t<I, Env>>, unbound_index_t<K, Env>,
                                    unbound_index_t<I, Env>>;
};

template <class W, class V, class I>
struct depends_on<W, element<V, I>> : std::is_same<W, V> {};
template <class V, class K, class I>
struct depends_on<element<V, K>, element<V, I>> : std::true_type {};  // (one element by another)
template <class W, class A, class R, class C>
struct depends_on<W, matrix_element<A, R, C>> : std::is_same<W, A> {};

// ---- evaluation, and the reads checked before it ----

// The environment of one value of a sum's index.
template <class Env, class I>
struct index_environment {
    const Env& outer;
    index_binding<I> index;

    template <class V>
    static constexpr bool has = std::is_same_v<V, I> || Env::template has<V>;

    template <class V, class T>
    constexpr T get() const {
        return outer.template get<V, T>();
    }
    template <class V>
    constexpr const auto& bound_to() const {
        if constexpr (std::is_same_v<V, I>)
            return index;
        else
            return outer.template bound_to<V>();
    }
};
template <class Env>
inline constexpr bool is_index_environment = false;
template <class Env, class I>
inline constexpr bool is_index_environment<index_environment<Env, I>> = true;

// A read outside its vector: std::out_of_range before anything is evaluated.

// The ranges of the indices of the sums around a node: I from lo to hi - 1.
struct no_ranges {};
template <class I, class Outer>
struct index_range {
    long long lo;
    long long hi;
    const Outer& outer;
};
template <class I, class Ranges>
struct range_lookup {
    static constexpr bool found = false;
};
template <class I, class Outer>
struct range_lookup<I, index_range<I, Outer>> {
    static constexpr bool found = true;
    static constexpr const index_range<I, Outer>& of(const index_range<I, Outer>& r) { return r; }
};
template <class I, class J, class Outer>
struct range_lookup<I, index_range<J, Outer>> {
    static constexpr bool found = range_lookup<I, Outer>::found;
    static constexpr decltype(auto) of(const index_range<J, Outer>& r) { return range_lookup<I, Outer>::of(r.outer); }
};

inline void an_element_outside_its_vector_is_read() {}

// The values a position takes: [low, high] over its index's range.
struct position_range {
    long long low;
    long long high;
    bool empty;
};
template <class I, class Env, class Ranges>
constexpr position_range range_of(const affine_index<I>& p, const Env& env, const Ranges& ranges) {
    if constexpr (std::is_void_v<I>) {
        return {p.offset, p.offset, false};
    } else if constexpr (range_lookup<I, Ranges>::found) {
        const auto& r = range_lookup<I, Ranges>::of(ranges);
        if (r.hi <= r.lo) return {0, 0, true};
        const long long a = p.scale * r.lo + p.offset, b = p.scale * (r.hi - 1) + p.offset;
        return {a < b ? a : b, a < b ? b : a, false};
    } else {
        const long long v = p.scale * env.template bound_to<I>().value + p.offset;
        return {v, v, false};
    }
}

// "leibniz: x[i + 1] for i = 0 .. 999 reads x[1000], but x has 1000 values";
// for a matrix "A[i][j] for i = 0 .. 3 reads row 4 of A, but A has 4 rows".
// (what: "value", "row" or "column".)
template <class Name, class I, class Ranges>
std::string read_outside_message(const affine_index<I>& p, const position_range& r, long long size,
                                 const Ranges& ranges, std::string_view what) {
    std::string m = "leibniz: ";
    string_writer w{m};
    const std::string_view name(Name::name);
    const long long bad = r.low < 0 ? r.low : r.high;
    w.put(name);
    w.put(what == "value" ? "[" : what == "row" ? "[" : "[..][");
    print_position(w, p);
    w.put(what == "row" ? "][..]" : "]");
    if constexpr (!std::is_void_v<I>) {
        w.put(" for ");
        w.put(std::string_view(I::name));
        w.put(" = ");
        if constexpr (range_lookup<I, Ranges>::found) {
            const auto& range = range_lookup<I, Ranges>::of(ranges);
            write_integer(w, range.lo);
            w.put(" .. ");
            write_integer(w, range.hi - 1);
        } else {
            write_integer(w, (bad - p.offset) / (p.scale == 0 ? 1 : p.scale));
        }
    }
    w.put(" reads ");
    if (what == "value") {
        w.put(name);
        w.put('[');
        write_integer(w, bad);
        w.put(']');
    } else {
        w.put(what);
        w.put(' ');
        write_integer(w, bad);
        w.put(" of ");
        w.put(name);
    }
    w.put(", but ");
    w.put(name);
    w.put(" has ");
    write_integer(w, size);
    w.put(' ');
    w.put(what);
    if (size != 1) w.put('s');
    return m;
}

template <class Name, class I, class Env, class Ranges>
constexpr void check_position(const affine_index<I>& p, long long size, const Env& env, const Ranges& ranges,
                              std::string_view what) {
    const position_range r = range_of(p, env, ranges);
    if (r.empty || (r.low >= 0 && r.high < size)) return;
    if (std::is_constant_evaluated()) an_element_outside_its_vector_is_read();
    throw std::out_of_range(read_outside_message<Name>(p, r, size, ranges, what));
}


template <class I, class Env>
constexpr long long position_value(const affine_index<I>& p, const Env& env) {
    if constexpr (std::is_void_v<I>)
        return p.offset;
    else
        return p.scale * env.template bound_to<I>().value + p.offset;
}

// Inside a sum, the sum has checked the read (loops/index_sum.hpp); elsewhere it is checked here.
template <class T, class Env, class V, class I>
constexpr T evaluate(const element<V, I>& e, const Env& env) {
    const auto& values = env.template bound_to<V>();
    if constexpr (!is_index_environment<Env>)
        check_position<V>(e.at, static_cast<long long>(values.size()), env, no_ranges{}, "value");
    return static_cast<T>(values.at(position_value(e.at, env)));
}
template <class T, class Env, class A, class R, class C>
constexpr T evaluate(const matrix_element<A, R, C>& e, const Env& env) {
    const auto& m = env.template bound_to<A>();
    if constexpr (!is_index_environment<Env>) {
        check_position<A>(e.row, static_cast<long long>(m.rows()), env, no_ranges{}, "row");
        check_position<A>(e.col, static_cast<long long>(m.cols()), env, no_ranges{}, "column");
    }
    return static_cast<T>(m.at(position_value(e.row, env), position_value(e.col, env)));
}

template <class V, class I>
inline constexpr bool is_atom<element<V, I>> = true;
template <class I, class K>
inline constexpr bool is_atom<coincide<I, K>> = true;

template <class T, class Env, class I, class K>
constexpr T evaluate(const coincide<I, K>& c, const Env& env) {
    return position_value(c.a, env) == position_value(c.b, env) ? T(1) : T(0);
}
template <class A, class R, class C>
inline constexpr bool is_atom<matrix_element<A, R, C>> = true;

}  // namespace detail
}  // namespace leibniz

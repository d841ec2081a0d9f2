// Values and derivatives at many points on SIMD lanes, without writing SIMD
// code: columns of coordinates in, columns of results out.
//
//   #include <leibniz/simd.hpp>
//   auto r = lz::at_points(lz::value_and_gradient(h, x, y), lz::data(x = xs, y = ys));
//   // r.value[i], r.gradient[0][i], r.gradient[1][i]: at the point (xs[i], ys[i])
//   lz::at_points(lz::value_and_gradient(h, x, y), lz::data(x = xs, y = ys), r);  // into r, reused
//
// The points are evaluated std::experimental::native_simd<S>::size() at a
// time (S: the columns' value type; another lane type as the template
// argument: lz::at_points<stdx::fixed_size_simd<double, 8>>(...)), the last
// vector padded with copies of the last point. Any evaluator that takes
// bindings works, and its result comes back as columns of the same shape:
//
//   expression f                      std::vector<S>
//   lz::gradient(f, x, y)             std::array<std::vector<S>, 2>
//   lz::hessian(f, x, y)              std::array<std::array<std::vector<S>, 2>, 2>
//   lz::value_and_gradient(f, x, y)   lz::value_and_gradient_result<std::vector<S>, 2>
//   lz::value_gradient_hessian(...)   lz::value_gradient_hessian_result<std::vector<S>, 2>
//
// Binding SIMD values directly needs only <leibniz/leibniz.hpp>: every lane
// is a point (f(x = xv, y = yv) with xv, yv of native_simd<double>). This
// header, which adds <experimental/simd> (a large header), is for the columns.
#pragma once

#include <leibniz/leibniz.hpp>

#include <array>
#include <cstddef>
#include <experimental/simd>
#include <type_traits>
#include <vector>

namespace leibniz {

namespace detail {

// The columns that hold results of type R at m points.
template <class R, class S>
struct result_columns {
    using type = std::vector<S>;
};
template <class R, std::size_t N, class S>
struct result_columns<std::array<R, N>, S> {
    using type = std::array<typename result_columns<R, S>::type, N>;
};
template <class R, std::size_t N, class S>
struct result_columns<value_and_gradient_result<R, N>, S> {
    using type = value_and_gradient_result<std::vector<S>, N>;
};
template <class R, std::size_t N, class S>
struct result_columns<value_gradient_hessian_result<R, N>, S> {
    using type = value_gradient_hessian_result<std::vector<S>, N>;
};

template <class R, class Columns>
void size_columns(Columns& out, std::size_t m) {
    if constexpr (lane_vector<R>)
        out.resize(m);
    else if constexpr (requires { out.hessian; }) {
        size_columns<decltype(R{}.value)>(out.value, m);
        size_columns<decltype(R{}.gradient)>(out.gradient, m);
        size_columns<decltype(R{}.hessian)>(out.hessian, m);
    } else if constexpr (requires { out.gradient; }) {
        size_columns<decltype(R{}.value)>(out.value, m);
        size_columns<decltype(R{}.gradient)>(out.gradient, m);
    } else
        for (auto& column : out) size_columns<typename R::value_type>(column, m);
}

// Lanes 0 ... count - 1 of r into rows first ... first + count - 1 of out.
template <class R, class Columns>
void store_lanes(Columns& out, const R& r, std::size_t first, std::size_t count) {
    if constexpr (lane_vector<R>) {
        if (count == R::size())
            r.copy_to(out.data() + first, std::experimental::element_aligned);
        else
            for (std::size_t i = 0; i < count; ++i) out[first + i] = r[i];
    } else if constexpr (requires { out.hessian; }) {
        store_lanes(out.value, r.value, first, count);
        store_lanes(out.gradient, r.gradient, first, count);
        store_lanes(out.hessian, r.hessian, first, count);
    } else if constexpr (requires { out.gradient; }) {
        store_lanes(out.value, r.value, first, count);
        store_lanes(out.gradient, r.gradient, first, count);
    } else {
        for (std::size_t j = 0; j < r.size(); ++j) store_lanes(out[j], r[j], first, count);
    }
}

template <class Data>
struct first_column_type;
template <class First, class... Rest>
struct first_column_type<data_set<First, Rest...>> {
    using type = typename First::value_type;
};

}  // namespace detail

namespace detail {

// Row `first` on of the columns, in lanes (the last vector padded with copies
// of the last row).
template <class V, class Column>
V lanes_from(const Column& column, std::size_t first, std::size_t m) {
    if (first + V::size() <= m) return V(column.values.data() + first, std::experimental::element_aligned);
    return V([&](auto i) { return typename V::value_type(column.values[first + i < m ? first + i : m - 1]); });
}

// The evaluator at the points of rows first ... first + V::size() - 1.
template <class V, class Evaluator, class... Columns>
LEIBNIZ_FLATTEN auto evaluate_lanes(const Evaluator& evaluator, const data_set<Columns...>& points, std::size_t first) {
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
        return evaluator((typename Columns::variable_type{} = lanes_from<V>(get<I>(points.columns), first, points.size))...);
    }(std::index_sequence_for<Columns...>{});
}

}  // namespace detail

namespace detail {

template <class Lanes, class Columns>
using lanes_for = std::conditional_t<std::is_void_v<Lanes>,
                                     std::experimental::native_simd<typename first_column_type<Columns>::type>, Lanes>;

// The columns at_points returns for an evaluator and points.
template <class Lanes, class Evaluator, class Points>
using at_points_result = typename result_columns<
        decltype(evaluate_lanes<lanes_for<Lanes, Points>>(std::declval<const Evaluator&>(), std::declval<const Points&>(), 0)),
        typename lanes_for<Lanes, Points>::value_type>::type;

}  // namespace detail

// evaluator at every point of the columns of `points`, L lanes at a time,
// into `results` (resized to the number of points; columns that already have
// that size are reused: no allocation and no first touch of new memory, which
// for a cheap function costs more than evaluating it).
template <class Lanes = void, class Evaluator, class... Columns>
void at_points(const Evaluator& evaluator, const detail::data_set<Columns...>& points,
               detail::at_points_result<Lanes, Evaluator, detail::data_set<Columns...>>& results) {
    using S = typename detail::first_column_type<detail::data_set<Columns...>>::type;
    static_assert((std::is_same_v<typename Columns::value_type, S> && ...),
                  "leibniz::at_points: give every column the same value type (all double or all float)");
    static_assert(std::is_floating_point_v<S>,
                  "leibniz::at_points: columns of integers would evaluate in integer lanes: use double or float columns");
    using V = detail::lanes_for<Lanes, detail::data_set<Columns...>>;
    static_assert(detail::lane_vector<V>, "leibniz::at_points<L>: L is a SIMD vector type such as "
                                          "std::experimental::fixed_size_simd<double, 8>");
    constexpr std::size_t lanes = V::size();
    const std::size_t m = points.size;
    using R = decltype(detail::evaluate_lanes<V>(evaluator, points, 0));
    detail::size_columns<R>(results, m);
    for (std::size_t first = 0; first < m; first += lanes)
        detail::store_lanes(results, detail::evaluate_lanes<V>(evaluator, points, first), first,
                            first + lanes <= m ? lanes : m - first);
}

// The same, returning new columns.
template <class Lanes = void, class Evaluator, class... Columns>
auto at_points(const Evaluator& evaluator, const detail::data_set<Columns...>& points) {
    detail::at_points_result<Lanes, Evaluator, detail::data_set<Columns...>> results{};
    at_points<Lanes>(evaluator, points, results);
    return results;
}

}  // namespace leibniz

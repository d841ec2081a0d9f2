// What a descent run gives back: where it stopped, the value there, how many
// update steps it took, and why it stopped.
#pragma once

#include <array>
#include <cstddef>
#include <iosfwd>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace leibniz {

enum class status {
    converged,       // the gradient's Euclidean norm fell to the tolerance, or a step stalled (result::converged_by)
    max_iterations,  // the iteration budget ran out first
    diverged,        // a value, a gradient or an iterate (newton: the Hessian) stopped being finite (run time only)
    line_search_failed,  // newton, lbfgs: no point along the step lowered f enough (at a minimum up to
                         // rounding, with a gradient tolerance tighter than rounding allows)
};

namespace detail {
constexpr std::string_view status_name(status s) {
    switch (s) {
        case status::converged: return "converged";
        case status::max_iterations: return "max_iterations";
        case status::diverged: return "diverged";
        case status::line_search_failed: break;
    }
    return "line_search_failed";
}
}  // namespace detail

// "converged", "max_iterations", "diverged" or "line_search_failed": the enumerator's own name, a
// std::string like every to_string of the library.
inline std::string to_string(status s) { return std::string(detail::status_name(s)); }
template <class Traits>  // a template, so that <iosfwd> is enough here
std::basic_ostream<char, Traits>& operator<<(std::basic_ostream<char, Traits>& os, status s) {
    return os << detail::status_name(s);
}

// Which rule of lz::stop ended a run as converged (none for any other status).
enum class stop_rule {
    none,
    gradient_tolerance,   // the gradient's norm fell to gradient_tolerance
    function_tolerance,   // the last step changed f by at most function_tolerance·|f|
    parameter_tolerance,  // the last step moved the point by at most parameter_tolerance·(|x| + parameter_tolerance)
};

namespace detail {
constexpr std::string_view stop_rule_name(stop_rule s) {
    switch (s) {
        case stop_rule::none: return "none";
        case stop_rule::gradient_tolerance: return "gradient_tolerance";
        case stop_rule::function_tolerance: return "function_tolerance";
        case stop_rule::parameter_tolerance: break;
    }
    return "parameter_tolerance";
}
}  // namespace detail

// The enumerator's own name, as for status.
inline std::string to_string(stop_rule s) { return std::string(detail::stop_rule_name(s)); }
template <class Traits>
std::basic_ostream<char, Traits>& operator<<(std::basic_ostream<char, Traits>& os, stop_rule s) {
    return os << detail::stop_rule_name(s);
}

// When to stop: after max_iterations update steps, or as soon as the
// gradient's norm is at most gradient_tolerance (0: only an exactly zero
// gradient converges; a start that already qualifies takes 0 steps).
//
// newton, lbfgs and levenberg_marquardt also stop, as converged, when a step
// has stalled: it changed f by at most function_tolerance·|f|, or it moved the
// point by at most parameter_tolerance·(|x| + parameter_tolerance) (Euclidean
// norms; Ceres Solver's two rules; levenberg_marquardt counts the steps it
// refuses too, lbfgs a line search whose every trial is that close to f). With
// the defaults, 0, a step stalls when it leaves f unchanged to the last bit:
// at a minimum, where these methods would otherwise step back and forth
// between neighbouring doubles (or refuse every step) until max_iterations,
// and nowhere before it. A negative tolerance turns its rule off. The
// first-order optimisers do not use them: they take the steps they are given,
// as the teaching examples count them.
struct stop {
    std::size_t max_iterations = 1000;
    double gradient_tolerance = 0;
    double function_tolerance = 0;
    double parameter_tolerance = 0;
};

template <class Point>
struct result {
    Point point;                                // the last iterate
    typename Point::value_type value{};         // f at point
    std::size_t iterations = 0;                 // update steps taken
    leibniz::status status = leibniz::status::max_iterations;  // (spelled in full: a member named status)
    // What minimize spent (fit leaves both 0): the points where f was evaluated
    // with its derivatives in one shared sweep (the gradient; newton: the
    // gradient and the Hessian), the iterates and lbfgs's line-search trials;
    // and the points where only f's value was computed (newton's line-search
    // trials, the non-finite iterate that ends a diverged first-order run).
    // levenberg_marquardt: the points where the residuals' Jacobian was
    // evaluated (one per step taken, and the start), and its trial points.
    std::size_t derivative_evaluations = 0;
    std::size_t value_evaluations = 0;
    // Which rule of lz::stop made status converged (stop_rule::none otherwise).
    stop_rule converged_by = stop_rule::none;
};

// What an observer of a run receives for every iterate evaluated (the start included).
template <class Point, std::size_t N>
struct iterate {
    std::size_t iteration;
    const Point& point;
    typename Point::value_type value;
    const std::array<typename Point::value_type, N>& gradient;
};
// A run over a vector (lz::vec): the gradient is a std::vector of the vector's length.
template <class Point>
struct iterate<Point, std::dynamic_extent> {
    std::size_t iteration;
    const Point& point;
    typename Point::value_type value;
    const std::vector<typename Point::value_type>& gradient;
};

}  // namespace leibniz

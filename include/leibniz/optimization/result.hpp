// What a descent run gives back: where it stopped, the value there, how many
// update steps it took, and why it stopped.
#pragma once

#include <array>
#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>

namespace leibniz {

enum class status {
    converged,       // the gradient's Euclidean norm fell to the tolerance
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

// When to stop: after max_iterations update steps, or as soon as the
// gradient's norm is at most gradient_tolerance (0: only an exactly zero
// gradient converges; a start that already qualifies takes 0 steps).
struct stop {
    std::size_t max_iterations = 1000;
    double gradient_tolerance = 0;
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
};

// What an observer of a run receives for every iterate evaluated (the start included).
template <class Point, std::size_t N>
struct iterate {
    std::size_t iteration;
    const Point& point;
    typename Point::value_type value;
    const std::array<typename Point::value_type, N>& gradient;
};

}  // namespace leibniz

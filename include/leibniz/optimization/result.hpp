// What a descent run gives back: where it stopped, the value there, how many
// update steps it took, and why it stopped.
#pragma once

#include <array>
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

namespace leibniz {

enum class status {
    converged,       // the gradient's Euclidean norm fell to the tolerance
    max_iterations,  // the iteration budget ran out first
    diverged,        // a value, a gradient or an iterate stopped being finite (run time only)
};

namespace detail {
constexpr std::string_view status_name(status s) {
    switch (s) {
        case status::converged: return "converged";
        case status::max_iterations: return "max_iterations";
        case status::diverged: break;
    }
    return "diverged";
}
}  // namespace detail

// "converged", "max_iterations" or "diverged": the enumerator's own name, a
// std::string like every to_string of the library.
inline std::string to_string(status s) { return std::string(detail::status_name(s)); }
inline std::ostream& operator<<(std::ostream& os, status s) { return os << detail::status_name(s); }

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

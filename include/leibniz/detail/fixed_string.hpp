// A string usable as a template argument: var<"x">, "x"_var, vars<"x", 8>.
#pragma once

#include <cstddef>

namespace leibniz::detail {

template <std::size_t N>
struct fixed_string {
    char data[N]{};
    constexpr fixed_string(const char (&text)[N]) {
        for (std::size_t i = 0; i < N; ++i) data[i] = text[i];
    }
    static constexpr std::size_t size = N - 1;  // without the terminating '\0'
};

}  // namespace leibniz::detail

// Where printing goes: a std::string at run time, a fixed-size buffer in
// constant expressions (so a derivative's printed form can be static_asserted).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace leibniz {

// A string of at most Capacity characters, usable in constant expressions.
template <std::size_t Capacity>
struct static_string {
    char data[Capacity + 1]{};
    std::size_t size = 0;
    bool truncated = false;  // the printed form did not fit

    constexpr void put(char c) {
        if (size < Capacity)
            data[size++] = c;
        else
            truncated = true;
    }
    constexpr void put(std::string_view s) {
        for (char c : s) put(c);
    }
    constexpr std::string_view view() const { return {data, size}; }
    constexpr operator std::string_view() const { return view(); }  // NOLINT
    friend constexpr bool operator==(const static_string& a, std::string_view b) { return !a.truncated && a.view() == b; }
};

namespace detail {
struct string_writer {
    std::string& out;
    constexpr void put(char c) { out.push_back(c); }
    constexpr void put(std::string_view s) { out.append(s); }
};
}  // namespace detail

}  // namespace leibniz

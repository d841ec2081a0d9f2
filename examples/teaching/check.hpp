// Examples check the figures they print: a mismatch prints MISMATCH and makes
// the example (and its test) fail.
#pragma once

#include <cmath>
#include <iostream>
#include <string_view>

namespace examples {

struct checker {
    int failures = 0;
    void expect(bool ok, std::string_view what) {
        if (!ok) {
            std::cout << "MISMATCH: " << what << '\n';
            ++failures;
        }
    }
    void expect_near(double got, double want, double tolerance, std::string_view what) {
        expect(std::fabs(got - want) <= tolerance, what);
    }
};

}  // namespace examples

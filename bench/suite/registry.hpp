// The list of columns: every column translation unit adds itself before
// main runs.
#pragma once

#include "problems.hpp"

namespace bench {

using batch_function = void (*)(const double* points, double* results);

struct column {
    const char* library;
    problem solves;
    batch_function run;         // evaluates all points_per_batch points
    void (*prepare)() = nullptr;  // run once before anything is timed (ADOL-C records its tape)
};

void add(const column& c);  // defined in main.cpp

struct registration {
    explicit registration(const column& c) { add(c); }
};

}  // namespace bench

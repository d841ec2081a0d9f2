// Runs one part of the derivative tour; exits non-zero if a figure is off.
#include "teaching/quadratic.hpp"

int main() { return examples::quadratic() == 0 ? 0 : 1; }

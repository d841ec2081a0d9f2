// Runs one part of the derivative tour; exits non-zero if a figure is off.
#include "teaching/numerical_differentiation.hpp"

int main() { return examples::numerical_differentiation() == 0 ? 0 : 1; }

// Runs one part of the derivative tour; exits non-zero if a figure is off.
#include "teaching/directional_derivative.hpp"

int main() { return examples::directional_derivative() == 0 ? 0 : 1; }

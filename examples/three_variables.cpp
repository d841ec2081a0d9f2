// Runs one part of the derivative tour; exits non-zero if a figure is off.
#include "teaching/three_variables.hpp"

int main() { return examples::three_variables() == 0 ? 0 : 1; }

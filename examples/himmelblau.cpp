// Runs one part of the derivative tour; exits non-zero if a figure is off.
#include "teaching/himmelblau.hpp"

int main() { return examples::himmelblau() == 0 ? 0 : 1; }

// Runs one part of the derivative tour; exits non-zero if a figure is off.
#include "teaching/computational_graph.hpp"

int main() { return examples::computational_graph() == 0 ? 0 : 1; }

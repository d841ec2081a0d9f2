// Runs one part of the derivative tour; exits non-zero if a figure is off.
#include "teaching/chain_rule.hpp"

int main() { return examples::chain_rule() == 0 ? 0 : 1; }

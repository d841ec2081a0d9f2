// The derivative tour: every function of the teaching material, its
// derivatives in symbolic form and their values. Exits non-zero if a printed
// figure is off.
#include "teaching/chain_rule.hpp"
#include "teaching/computational_graph.hpp"
#include "teaching/directional_derivative.hpp"
#include "teaching/himmelblau.hpp"
#include "teaching/numerical_differentiation.hpp"
#include "teaching/quadratic.hpp"
#include "teaching/three_variables.hpp"

#include <iostream>

int main() {
    int failures = 0;
    auto section = [&](const char* title, int (*part)()) {
        std::cout << "\n== " << title << " ==\n";
        failures += part();
    };
    std::cout << "leibniz: exact derivatives, computed at compile time\n";
    section("A quadratic: f(x) = 2x^2 - 3x + 4", examples::quadratic);
    section("Numerical differentiation: the step h against rounding", examples::numerical_differentiation);
    section("The chain rule: y = 3u + 1, u = 2x^2 - x - 2", examples::chain_rule);
    section("Three variables: y = 2u + c, u = 3a^2 - 2a + b^2 + 1", examples::three_variables);
    section("A computational graph: loss = |4 - (x*w + b)|", examples::computational_graph);
    section("Himmelblau's function: gradient and Hessian at its four minima", examples::himmelblau);
    section("The directional derivative of Himmelblau's function at (-4, 0)", examples::directional_derivative);
    std::cout << (failures == 0 ? "\nall figures check out\n" : "\nSOME FIGURES ARE OFF\n");
    return failures == 0 ? 0 : 1;
}

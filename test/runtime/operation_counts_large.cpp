// Proof by counting at n = 64 (its own translation unit: the largest one).
#include "../common/rosenbrock_cost.hpp"

BOOST_AUTO_TEST_CASE(rosenbrock_64_gradient_costs_at_most_three_values) { check_rosenbrock_gradient_cost<64>(); }

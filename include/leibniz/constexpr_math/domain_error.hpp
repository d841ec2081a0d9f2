// Domain errors met while evaluating in a constant expression.
//
// Each is a function that is deliberately not constexpr: reaching one during
// constant evaluation stops compilation, and the compiler's message names it
// ("call to non-'constexpr' function 'void leibniz::domain_error::log_of_a_negative_number()'").
// At run time the same evaluations follow IEEE arithmetic instead (NaN,
// infinities) and these functions are never called.
#pragma once

namespace leibniz::domain_error {

// log(0) is -infinity: the expression's value is not finite at this point.
inline void log_of_zero() {}
// log(x) of x < 0 is not a real number.
inline void log_of_a_negative_number() {}
// sqrt(x) of x < 0 is not a real number.
inline void sqrt_of_a_negative_number() {}
// pow(x, y) with x < 0 needs an integer y to be a real number.
inline void pow_of_a_negative_base_with_a_non_integer_exponent() {}
// pow(0, y) with y < 0 is infinite.
inline void pow_of_zero_to_a_negative_exponent() {}
// exp(x) beyond the largest finite value of the scalar type.
inline void exp_overflows() {}
// pow(x, y) beyond the largest finite value of the scalar type.
inline void pow_overflows() {}

}  // namespace leibniz::domain_error

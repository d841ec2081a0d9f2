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
// asin(x) and acos(x) are real numbers only for -1 <= x <= 1.
inline void asin_outside_minus_one_to_one() {}
inline void acos_outside_minus_one_to_one() {}
// acosh(x) is a real number only for x >= 1.
inline void acosh_below_one() {}
// atanh(x) is infinite at x = ±1 and not a real number beyond.
inline void atanh_at_plus_or_minus_one() {}
inline void atanh_outside_minus_one_to_one() {}
// log1p(x) is -infinity at x = -1 and not a real number below.
inline void log1p_of_minus_one() {}
inline void log1p_below_minus_one() {}
// sinh, cosh and expm1 beyond the largest finite value of the scalar type.
inline void sinh_overflows() {}
inline void cosh_overflows() {}
inline void expm1_overflows() {}
// hypot(a, b) beyond the largest finite value of the scalar type.
inline void hypot_overflows() {}

}  // namespace leibniz::domain_error

// A scalar type that counts the operations done on it, for proofs by counting:
// a user-defined scalar type, its functions found by argument-dependent lookup.
#pragma once

#include <cmath>
#include <cstdint>

namespace counting {

struct tally {
    long additions = 0;  // + and -, binary
    long negations = 0;
    long multiplications = 0;
    long divisions = 0;
    long sin = 0, cos = 0, tan = 0, exp = 0, log = 0, sqrt = 0, tanh = 0, pow = 0, abs = 0;

    long arithmetic() const { return additions + negations + multiplications + divisions; }
    long functions() const { return sin + cos + tan + exp + log + sqrt + tanh + pow + abs; }
    long total() const { return arithmetic() + functions(); }
};

inline tally& counts() {
    static tally t;
    return t;
}
inline void reset() { counts() = tally{}; }

struct scalar {
    double v = 0;
    scalar() = default;
    scalar(double value) : v(value) {}  // NOLINT: implicit, as a scalar type is used
    scalar(long double value) : v(static_cast<double>(value)) {}  // NOLINT
    scalar(int value) : v(value) {}  // NOLINT
    scalar(long value) : v(static_cast<double>(value)) {}  // NOLINT
    scalar(long long value) : v(static_cast<double>(value)) {}  // NOLINT

    friend scalar operator+(scalar a, scalar b) { return ++counts().additions, scalar(a.v + b.v); }
    friend scalar operator-(scalar a, scalar b) { return ++counts().additions, scalar(a.v - b.v); }
    friend scalar operator*(scalar a, scalar b) { return ++counts().multiplications, scalar(a.v * b.v); }
    friend scalar operator/(scalar a, scalar b) { return ++counts().divisions, scalar(a.v / b.v); }
    friend scalar operator-(scalar a) { return ++counts().negations, scalar(-a.v); }
    friend bool operator<(scalar a, scalar b) { return a.v < b.v; }
    friend bool operator>(scalar a, scalar b) { return a.v > b.v; }
    friend bool operator==(scalar a, scalar b) { return a.v == b.v; }

    friend scalar sin(scalar a) { return ++counts().sin, scalar(std::sin(a.v)); }
    friend scalar cos(scalar a) { return ++counts().cos, scalar(std::cos(a.v)); }
    friend scalar tan(scalar a) { return ++counts().tan, scalar(std::tan(a.v)); }
    friend scalar exp(scalar a) { return ++counts().exp, scalar(std::exp(a.v)); }
    friend scalar log(scalar a) { return ++counts().log, scalar(std::log(a.v)); }
    friend scalar sqrt(scalar a) { return ++counts().sqrt, scalar(std::sqrt(a.v)); }
    friend scalar tanh(scalar a) { return ++counts().tanh, scalar(std::tanh(a.v)); }
    friend scalar pow(scalar a, scalar b) { return ++counts().pow, scalar(std::pow(a.v, b.v)); }
    friend scalar abs(scalar a) { return ++counts().abs, scalar(std::fabs(a.v)); }
};

}  // namespace counting

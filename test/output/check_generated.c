/* Runs the C functions that leibniz::to_c wrote on the table of points and
 * compares each value and partial derivative with leibniz's own (computed in
 * C++ when the table was written): at most 2 ulp apart, NaN where leibniz has
 * NaN. Reports whether they are bit-identical. Exit status 1 on a mismatch. */
#include "generated.h"

#include <math.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

/* Doubles as integers in the order of the doubles (-0 and +0 are one). */
static long long ordered(double v) {
    long long i;
    memcpy(&i, &v, sizeof i);
    return i < 0 ? LLONG_MIN - i : i;
}

static unsigned long long ulps(double a, double b) {
    unsigned long long ia, ib;
    if (a != a || b != b) return (a != a && b != b) ? 0 : ~0ull;
    if (a == b) return 0;
    ia = (unsigned long long)ordered(a);
    ib = (unsigned long long)ordered(b);
    return (long long)(ia - ib) < 0 ? ib - ia : ia - ib;
}

static int same_bits(double a, double b) {
    if (a != a && b != b) return 1;
    return memcmp(&a, &b, sizeof a) == 0;
}

int main(void) {
    int failures = 0;
    unsigned long long worst = 0;
    long compared = 0, identical = 0;
    int c, p, i;
    for (c = 0; c < generated_case_count; ++c) {
        const struct generated_case* k = &generated_cases[c];
        for (p = 0; p < k->points; ++p) {
            const double* point = k->point + p * k->variables;
            double gradient[16];
            int g;
            double value;
            for (g = 0; g < 16; ++g) gradient[g] = 42.0; /* (what a function that writes no gradient leaves) */
            value = k->function(point, gradient);
            const double value_alone = k->function(point, NULL);
            unsigned long long d = ulps(value, k->value[p]);
            if (!same_bits(value, value_alone)) {
                printf("%s at point %d: the value without a gradient differs\n", k->name, p);
                ++failures;
            }
            ++compared;
            identical += same_bits(value, k->value[p]);
            if (d > worst) worst = d;
            if (d > 2) {
                printf("%s at point %d: value %.17g, leibniz %.17g\n", k->name, p, value, k->value[p]);
                ++failures;
            }
            for (i = 0; i < k->variables; ++i) {
                const double expected = k->gradient[p * k->variables + i];
                d = ulps(gradient[i], expected);
                ++compared;
                identical += same_bits(gradient[i], expected);
                if (d > worst) worst = d;
                if (d > 2) {
                    printf("%s at point %d: partial %d %.17g, leibniz %.17g\n", k->name, p, i, gradient[i], expected);
                    ++failures;
                }
            }
        }
    }
    printf("%ld values and partials compared, %ld bit-identical, largest difference %llu ulp\n", compared, identical,
           worst);
    if (failures) printf("%d mismatches\n", failures);
    return failures ? 1 : 0;
}

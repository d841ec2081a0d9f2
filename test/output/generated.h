/* The functions leibniz::to_c wrote (functions.c) and the table of points
 * with leibniz's values and gradients there (table.c), both written at build
 * time by generate_c.cpp. */
#ifndef LEIBNIZ_TEST_OUTPUT_GENERATED_H
#define LEIBNIZ_TEST_OUTPUT_GENERATED_H

typedef double (*generated_function)(const double* point, double* gradient);

struct generated_case {
    const char* name;
    generated_function function;
    int variables;  /* n */
    int points;     /* m */
    const double* point;     /* m x n */
    const double* value;     /* m */
    const double* gradient;  /* m x n */
};

extern const struct generated_case generated_cases[];
extern const int generated_case_count;

#endif

"""Compile time and peak memory of generated translation units, leibniz
against the same computation written by hand and with Eigen's AutoDiffScalar,
on GCC and Clang (-O2 -std=c++20, one compile at a time, /usr/bin/time -v;
seconds are user + system CPU time).

  /usr/bin/python3 bench/compile_time/measure.py OUT.csv

Cases:
  empty     a unit that includes the headers and does nothing: the fixed cost
  order     k = 1..8: the k-th derivative of sin(x)·exp(x)·log(x)
            (hand-written: SymPy's k-th derivative printed as C++;
            Eigen: AutoDiffScalar nested k deep)
  gradient  n = 2..64: the gradient of Rosenbrock's function
  hessian   n = 2..16: its Hessian (Eigen: nested AutoDiffScalar)
  adam      the 20000-step Adam static_assert on Himmelblau's function
            (test/long/; hand-written: the same loop with the gradient by hand)
"""
import csv
import os
import re
import subprocess
import sys
import tempfile

import sympy

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
COMPILERS = {"gcc": "g++", "clang": "clang++"}
ORDERS = range(1, 9)
GRADIENT_SIZES = [2, 4, 8, 16, 32, 64]
HESSIAN_SIZES = [2, 4, 8, 16]
FLAGS = ["-std=c++20", "-O2", "-I" + os.path.join(ROOT, "include"), "-I/usr/include/eigen3"]
ADAM_LIMITS = {"gcc": ["-fconstexpr-ops-limit=400000000"], "clang": ["-fconstexpr-steps=50000000"]}


def leibniz_unit(body):
    return "#include <leibniz/leibniz.hpp>\n#include <array>\nnamespace lz = leibniz;\n" + body


def eigen_unit(body):
    return ("#include <Eigen/Core>\n#include <unsupported/Eigen/AutoDiff>\n#include <array>\n#include <cmath>\n"
            + body)


def hand_unit(body):
    return "#include <array>\n#include <cmath>\n" + body


ROSENBROCK_LEIBNIZ = """
constexpr auto xs = lz::vars<"x", {n}>;
constexpr auto f = lz::sum<{n} - 1>([](auto i) {{
    return 100 * lz::pow<2>(std::get<i + 1>(xs) - lz::pow<2>(std::get<i>(xs))) + lz::pow<2>(1 - std::get<i>(xs));
}});
"""

ROSENBROCK_GENERIC = """
template <class T>
T rosenbrock(const T* p) {{
    T sum(0.0);
    for (int i = 0; i + 1 < {n}; ++i) {{
        const T d = p[i + 1] - p[i] * p[i];
        const T e = 1.0 - p[i];
        sum += 100.0 * d * d + e * e;
    }}
    return sum;
}}
"""


def order_units(k):
    x = sympy.Symbol("x")
    derivative = sympy.diff(sympy.sin(x) * sympy.exp(x) * sympy.log(x), x, k)
    hand = hand_unit("double run(double x) {\n    using std::sin; using std::cos; using std::exp; using std::log;\n"
                     "    return " + sympy.cxxcode(derivative, standard="c++17") + ";\n}\n")
    leibniz = leibniz_unit('constexpr auto x = lz::var<"x">;\nconstexpr auto f = lz::sin(x) * lz::exp(x) * lz::log(x);\n'
                           "double run(double v) { return lz::d(f" + ", x" * k + ")(x = v); }\n")
    eigen = eigen_unit(f"""
template <int K> struct nested {{ using type = Eigen::AutoDiffScalar<Eigen::Matrix<typename nested<K - 1>::type, 1, 1>>; }};
template <> struct nested<0> {{ using type = double; }};
// x at depth K: its value is x at depth K - 1, its derivative the constant 1.
template <int K> typename nested<K>::type seed(double v) {{
    if constexpr (K == 0) {{
        return v;
    }} else {{
        typename nested<K>::type r;
        r.value() = seed<K - 1>(v);
        r.derivatives()(0) = typename nested<K - 1>::type(1.0);
        return r;
    }}
}}
template <int K> double highest(const typename nested<K>::type& y) {{
    if constexpr (K == 0) return y; else return highest<K - 1>(y.derivatives()(0));
}}
double run(double v) {{
    using T = nested<{k}>::type;
    const T x = seed<{k}>(v);
    const T y = sin(x) * exp(x) * log(x);
    return highest<{k}>(y);
}}
""")
    return {"hand": hand, "leibniz": leibniz, "eigen": eigen}


def gradient_units(n):
    leibniz = leibniz_unit(ROSENBROCK_LEIBNIZ.format(n=n) +
                           f"std::array<double, {n}> run(const std::array<double, {n}>& p) {{ return lz::gradient(f, xs)(xs = p); }}\n")
    hand = hand_unit(f"""
std::array<double, {n}> run(const std::array<double, {n}>& p) {{
    std::array<double, {n}> g;
    double carried = 0;
    for (int i = 0; i + 1 < {n}; ++i) {{
        const double d = p[i + 1] - p[i] * p[i], e = 1 - p[i];
        g[i] = carried - 400 * p[i] * d - 2 * e;
        carried = 200 * d;
    }}
    g[{n} - 1] = carried;
    return g;
}}
""")
    eigen = eigen_unit(ROSENBROCK_GENERIC.format(n=n) + f"""
std::array<double, {n}> run(const std::array<double, {n}>& p) {{
    using AD = Eigen::AutoDiffScalar<Eigen::Matrix<double, {n}, 1>>;
    std::array<AD, {n}> x;
    for (int i = 0; i < {n}; ++i) x[i] = AD(p[i], {n}, i);
    const AD y = rosenbrock(x.data());
    std::array<double, {n}> g;
    for (int i = 0; i < {n}; ++i) g[i] = y.derivatives()(i);
    return g;
}}
""")
    return {"hand": hand, "leibniz": leibniz, "eigen": eigen}


def hessian_units(n):
    leibniz = leibniz_unit(ROSENBROCK_LEIBNIZ.format(n=n) +
                           f"std::array<std::array<double, {n}>, {n}> run(const std::array<double, {n}>& p) {{ return lz::hessian(f, xs)(xs = p); }}\n")
    hand = hand_unit(f"""
std::array<std::array<double, {n}>, {n}> run(const std::array<double, {n}>& p) {{
    std::array<std::array<double, {n}>, {n}> h{{}};
    for (int i = 0; i + 1 < {n}; ++i) {{
        h[i][i] += 1200 * p[i] * p[i] - 400 * p[i + 1] + 2;
        h[i][i + 1] = h[i + 1][i] = -400 * p[i];
        h[i + 1][i + 1] += 200;
    }}
    return h;
}}
""")
    eigen = eigen_unit(ROSENBROCK_GENERIC.format(n=n) + f"""
std::array<std::array<double, {n}>, {n}> run(const std::array<double, {n}>& p) {{
    using inner = Eigen::AutoDiffScalar<Eigen::Matrix<double, {n}, 1>>;
    using outer = Eigen::AutoDiffScalar<Eigen::Matrix<inner, {n}, 1>>;
    std::array<outer, {n}> x;
    for (int i = 0; i < {n}; ++i) {{
        x[i].value() = inner(p[i], {n}, i);
        x[i].derivatives() = Eigen::Matrix<inner, {n}, 1>::Unit({n}, i);
        for (int j = 0; j < {n}; ++j) x[i].derivatives()(j).derivatives().setZero();
    }}
    const outer y = rosenbrock(x.data());
    std::array<std::array<double, {n}>, {n}> h;
    for (int i = 0; i < {n}; ++i)
        for (int j = 0; j < {n}; ++j) h[i][j] = y.derivatives()(i).derivatives()(j);
    return h;
}}
""")
    return {"hand": hand, "leibniz": leibniz, "eigen": eigen}


def adam_units():
    def read(name):
        with open(os.path.join(ROOT, "test", "long", name)) as f:
            return f.read()
    return {"leibniz": read("adam_20000_steps.cpp"), "hand": read("adam_20000_steps_hand_written.cpp")}


def compile_unit(compiler, source, extra, work, link=False):
    path = os.path.join(work, "unit.cpp")
    with open(path, "w") as f:
        f.write(source)
    timing = os.path.join(work, "time.txt")
    output = os.path.join(work, "unit" if link else "unit.o")
    command = ["/usr/bin/time", "-v", "-o", timing, COMPILERS[compiler], *FLAGS, *extra,
               *([] if link else ["-c"]), path, "-o", output]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        return None
    with open(timing) as f:
        report = f.read()
    user = float(re.search(r"User time \(seconds\): ([\d.]+)", report).group(1))
    system = float(re.search(r"System time \(seconds\): ([\d.]+)", report).group(1))
    peak_kib = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", report).group(1))
    return user + system, peak_kib / 1024


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "compile-time.csv"
    empty = "int run() { return 0; }\n"
    cases = [("empty", 0, {"hand": hand_unit(empty), "leibniz": leibniz_unit(empty), "eigen": eigen_unit(empty)})]
    cases += [("order", k, order_units(k)) for k in ORDERS]
    cases += [("gradient", n, gradient_units(n)) for n in GRADIENT_SIZES]
    cases += [("hessian", n, hessian_units(n)) for n in HESSIAN_SIZES]
    cases += [("adam", 20000, adam_units())]
    rows = []
    with tempfile.TemporaryDirectory() as work:
        for compiler in COMPILERS:
            for case, size, units in cases:
                for library, source in units.items():
                    extra = ADAM_LIMITS[compiler] if case == "adam" else []
                    measured = compile_unit(compiler, source, extra, work)
                    if measured is None:
                        # Eigen's nested AutoDiffScalar stops compiling beyond a few levels;
                        # anything else failing is a bug in this script or the library.
                        if library != "eigen":
                            raise SystemExit(f"{compiler}: the {library} unit of {case} {size} does not compile")
                        rows.append({"compiler": compiler, "case": case, "size": size, "library": library,
                                     "seconds": "", "peak_mib": ""})
                        print(f"{compiler:6} {case:9} {size:6} {library:8} does not compile", flush=True)
                        continue
                    seconds, mib = measured
                    rows.append({"compiler": compiler, "case": case, "size": size, "library": library,
                                 "seconds": f"{seconds:.2f}", "peak_mib": f"{mib:.0f}"})
                    print(f"{compiler:6} {case:9} {size:6} {library:8} {seconds:7.2f} s {mib:7.0f} MiB", flush=True)
    with open(out, "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    main()

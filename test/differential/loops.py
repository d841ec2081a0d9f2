"""Sums over an index in the differential suite (generate.py --loops-count):
random bodies over the elements of a vector v at offsets -2 .. 2 from the
index (v[i - 2] ... v[i + 2]), numbers and a scalar parameter a, sums inside
sums, and a sum as a whole expression, scaled, or inside a function. SymPy
expands each sum over a vector of a drawn length (4 to 7 values) into
symbols v0, v1, ..., and gives the value, every partial by an element (so
the boundary partials, k = 0, 1, n - 2, n - 1, and the interior ones), the
partial by a, and, for a sum or a number times one without a sum inside, every
entry of the Hessian by the vector (its zeros too). The C++ side checks
f(v = values, a = ...), gradient(f, v), the k-th partial d(f, v[k]) at every
k, d(f, a) and gradient(f, a) through the plan, and hessian(f, v).

The draws come from their own generator (seeded by the suite's seed and
"/loops"), so adding them left the expressions of every earlier seed as they
were."""
import random

import mpmath
import sympy

OFFSETS = [-2, -1, 0, 1, 2]
NUMBERS = ["0.5", "0.25", "1.5", "2", "3", "0.75"]
FUNCTIONS = {"sin": sympy.sin, "cos": sympy.cos, "tanh": sympy.tanh, "atan": sympy.atan, "exp": sympy.exp}
MAX_CONDITION = 1e6
MAGNITUDE_LIMIT = 1e6


class Body:
    """A small tree: elem (index name, offset), num (text), a, add/sub/mul
    (two children), pow (n, child), func (name, child), sum (index name, the
    count of values left off at each end, child)."""

    def __init__(self, kind, *children, **data):
        self.kind = kind
        self.children = list(children)
        self.data = data

    def offsets(self, index):
        """The offsets at which this tree reads v[index + o]."""
        own = [self.data["offset"]] if self.kind == "elem" and self.data["index"] == index else []
        return own + [o for c in self.children for o in c.offsets(index)]

    def has(self, kind):
        return self.kind == kind or any(c.has(kind) for c in self.children)


def draw_body(rng, depth, indices, allow_sum):
    if depth == 0 or rng.random() < 0.25:
        roll = rng.random()
        if roll < 0.65:
            return Body("elem", index=rng.choice(indices), offset=rng.choice(OFFSETS))
        if roll < 0.85:
            return Body("num", text=rng.choice(NUMBERS))
        return Body("a")
    roll = rng.random()
    if allow_sum and roll < 0.15:
        inner = draw_body(rng, depth - 1, indices + ["j"], False)
        if not inner.offsets("j"):
            inner = Body("mul", inner, Body("elem", index="j", offset=rng.choice(OFFSETS)))
        return Body("sum", inner, index="j")
    if roll < 0.55:
        kind = rng.choice(["add", "sub", "mul"])
        return Body(kind, draw_body(rng, depth - 1, indices, allow_sum), draw_body(rng, depth - 1, indices, allow_sum))
    if roll < 0.75:
        return Body("pow", draw_body(rng, depth - 1, indices, allow_sum), n=rng.choice([2, 3]))
    return Body("func", draw_body(rng, depth - 1, indices, allow_sum), name=rng.choice(sorted(FUNCTIONS)))


def bounds(body, index):
    """first and the count left off at the end, so that every read of
    v[index + o] is inside v: first = max(0, -min o), end = size(v) - max(0, max o)."""
    offsets = body.offsets(index) or [0]
    return max(0, -min(offsets)), max(0, max(offsets))


def cpp_end(left_off):
    return "lz::size(v)" if left_off == 0 else f"lz::size(v) - {left_off}"


def to_cpp(node):
    k = node.kind
    if k == "elem":
        o = node.data["offset"]
        i = node.data["index"]
        return f"v[{i}]" if o == 0 else f"v[{i} + {o}]" if o > 0 else f"v[{i} - {-o}]"
    if k == "num":
        return node.data["text"]
    if k == "a":
        return "a"
    if k in ("add", "sub", "mul"):
        op = {"add": "+", "sub": "-", "mul": "*"}[k]
        return f"({to_cpp(node.children[0])} {op} {to_cpp(node.children[1])})"
    if k == "pow":
        return f"lz::pow<{node.data['n']}>({to_cpp(node.children[0])})"
    if k == "func":
        return f"lz::{node.data['name']}({to_cpp(node.children[0])})"
    first, left_off = bounds(node.children[0], "j")
    return f"lz::sum(j, {first}, {cpp_end(left_off)}, {to_cpp(node.children[0])})"


def to_sympy(node, n, values, symbols):
    """node with its indices at values (a dict index name -> int), over a vector of n symbols."""
    k = node.kind
    if k == "elem":
        return symbols[values[node.data["index"]] + node.data["offset"]]
    if k == "num":
        return sympy.Rational(node.data["text"])
    if k == "a":
        return sympy.Symbol("a", real=True)
    if k in ("add", "sub", "mul"):
        left, right = (to_sympy(c, n, values, symbols) for c in node.children)
        return left + right if k == "add" else left - right if k == "sub" else left * right
    if k == "pow":
        return to_sympy(node.children[0], n, values, symbols) ** node.data["n"]
    if k == "func":
        return FUNCTIONS[node.data["name"]](to_sympy(node.children[0], n, values, symbols))
    first, left_off = bounds(node.children[0], "j")
    return sympy.Add(*[to_sympy(node.children[0], n, {**values, "j": j}, symbols) for j in range(first, n - left_off)])


def draw_case(rng, name):
    """One case, or None where the draw is out of range or ill-conditioned at its point."""
    body = draw_body(rng, rng.choice([2, 3, 3]), ["i"], True)
    if not body.offsets("i"):
        body = Body("mul", body, Body("elem", index="i", offset=rng.choice(OFFSETS)))
    first, left_off = bounds(body, "i")
    sum_cpp = f"lz::sum(i, {first}, {cpp_end(left_off)}, {to_cpp(body)})"
    shape = rng.choice(["sum", "sum", "scaled", "wrapped"])
    n = rng.randint(4, 7)
    symbols = [sympy.Symbol(f"v{m}", real=True) for m in range(n)]
    total = sympy.Add(*[to_sympy(body, n, {"i": i}, symbols) for i in range(first, n - left_off)])
    if shape == "sum":
        cpp, f = sum_cpp, total
    elif shape == "scaled":
        c = rng.choice(["0.5", "3", "-2", "0.25"])
        cpp, f = f"{c} * {sum_cpp}", sympy.Rational(c) * total
    else:
        wrap = rng.choice(["sin", "exp", "pow2"])
        if wrap == "pow2":
            cpp, f = f"lz::pow<2>({sum_cpp})", total ** 2
        else:
            cpp, f = f"lz::{wrap}({sum_cpp} / {n + 1})", FUNCTIONS[wrap](total / (n + 1))
    hessian = True
    for _ in range(20):
        values = [float(f"{rng.uniform(-1.5, 1.5):.3f}") for _ in range(n)]
        if rng.random() < 0.3:  # the values users meet
            values = [float(rng.choice([0, 1, -1, 2, 0.5])) for _ in range(n)]
        a = float(f"{rng.uniform(-1.5, 1.5):.3f}")
        sample = expected_at(f, symbols, values, a, hessian)
        if sample is not None:
            return {"name": name, "cpp": cpp, "text": f"{cpp}  (n = {n})", "n": n, "values": values, "a": a,
                    "uses_a": body.has("a"), "hessian": hessian, **sample}
    return None


def expected_at(f, symbols, values, a, hessian):
    from generate import OutOfDomain, value_and_scale  # (generate.py imports this module)

    point = {s.name: mpmath.mpf(v) for s, v in zip(symbols, values)}
    point["a"] = mpmath.mpf(a)

    def entry(expr):
        try:
            v, s = value_and_scale(expr, point)
        except (OutOfDomain, ZeroDivisionError, ValueError, OverflowError):
            return None
        if not (mpmath.isfinite(v) and mpmath.isfinite(s)) or abs(v) > MAGNITUDE_LIMIT:
            return None
        if s > MAX_CONDITION * abs(v) and abs(v) > 0:
            return None
        return [float(v), float(max(s, abs(v), 1e-3))]

    out = {"value": entry(f), "gradient": [], "by_a": None, "second": []}
    if out["value"] is None:
        return None
    for s in symbols:
        e = entry(sympy.diff(f, s))
        if e is None:
            return None
        out["gradient"].append(e)
    out["by_a"] = entry(sympy.diff(f, sympy.Symbol("a", real=True)))
    if out["by_a"] is None:
        return None
    if hessian:
        for r in symbols:
            row = []
            for c in symbols:
                e = entry(sympy.diff(f, r, c))
                if e is None:
                    return None
                row.append(e)
            out["second"].append(row)
    # A floor of 1e-3 of the largest quantity, as generate.py's raise_to_floor.
    entries = [out["value"], out["by_a"]] + out["gradient"] + [e for row in out["second"] for e in row]
    floor = 1e-3 * max(e[1] for e in entries)
    for e in entries:
        e[1] = max(e[1], floor)
    return out


def draw_cases(seed, count):
    rng = random.Random(f"{seed}/loops")
    cases = []
    while len(cases) < count:
        case = draw_case(rng, f"s{len(cases):05d}")
        if case is not None:
            cases.append(case)
    return cases


def cpp_double(v):
    return repr(float(v))


def expected_cpp(e):
    return "{" + cpp_double(e[0]) + ", " + cpp_double(e[1]) + "}"


def emit_case(case, compile_time):
    n = case["n"]
    bind = "v = at, a = " + cpp_double(case["a"])
    lines = [f"// {case['name']}: {case['text']}", f"BOOST_AUTO_TEST_CASE({case['name']}) {{",
             f"    static constexpr auto f = {case['cpp']};",
             f"    static constexpr std::array<double, {n}> at{{{', '.join(cpp_double(v) for v in case['values'])}}};",
             f"    constexpr differential::expected value{expected_cpp(case['value'])};",
             f"    constexpr differential::expected gradient[{n}] = {{{', '.join(expected_cpp(e) for e in case['gradient'])}}};",
             f"    constexpr differential::expected by_a{expected_cpp(case['by_a'])};",
             f"    const char* name = \"{case['name']}\";",
             f"    differential::check_loop(name, \"f\", -1, -1, f({bind}), value);",
             f"    const auto g = lz::gradient(f, v)({bind});",
             "    static constexpr auto dk = lz::d(f, v[k]);",
             f"    for (int m = 0; m < {n}; ++m) {{",
             "        differential::check_loop(name, \"gradient(f, v)\", m, -1, g[static_cast<std::size_t>(m)], gradient[m]);",
             f"        differential::check_loop(name, \"d(f, v[k])\", m, -1, dk({bind}, k = m), gradient[m]);",
             "    }",
             f"    differential::check_loop(name, \"d(f, a)\", -1, -1, lz::d(f, a)({bind}), by_a);",
             f"    differential::check_loop(name, \"gradient(f, a)\", -1, -1, lz::gradient(f, a)({bind})[0], by_a);"]
    if case["hessian"]:
        rows = ", ".join("{" + ", ".join(expected_cpp(e) for e in row) + "}" for row in case["second"])
        lines += [f"    constexpr differential::expected second[{n}][{n}] = {{{rows}}};",
                  f"    const auto H = lz::hessian(f, v)({bind});",
                  f"    for (int r = 0; r < {n}; ++r)",
                  f"        for (int c = 0; c < {n}; ++c)",
                  "            differential::check_loop(name, \"hessian(f, v)\", r, c, "
                  "H(static_cast<std::size_t>(r), static_cast<std::size_t>(c)), second[r][c]);"]
    if compile_time:
        lines.append(f"    static_assert(differential::close(f({bind}), value));")
    lines.append("}")
    return "\n".join(lines)


def emit_unit(path, cases, compile_time_every):
    header = """// Generated by test/differential/generate.py (loops.py): do not edit.
#include "differential.hpp"

// (No printed forms are checked for sums: record_strings is not called.)
const char* differential::strings_path() { return LEIBNIZ_DIFFERENTIAL_STRINGS; }

namespace {

[[maybe_unused]] constexpr auto v = lz::vec<"v">;
[[maybe_unused]] constexpr auto a = lz::var<"a">;
[[maybe_unused]] constexpr auto i = lz::index<"i">;
[[maybe_unused]] constexpr auto j = lz::index<"j">;  // (a unit may hold no sum inside a sum)
[[maybe_unused]] constexpr auto k = lz::index<"k">;
"""
    body = [header]
    for m, case in enumerate(cases):
        body.append(emit_case(case, compile_time_every and m % compile_time_every == 0))
        body.append("")
    body.append("}  // namespace\n")
    text = "\n".join(body)
    if not path.exists() or path.read_text() != text:
        path.write_text(text)

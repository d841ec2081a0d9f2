#!/usr/bin/env python3
"""Checks leibniz's printed expressions against SymPy.

    check_strings.py MANIFEST STRINGS...

MANIFEST is generate.py's manifest.json; each STRINGS file (or every
<expression>.txt of a STRINGS directory whose expression is in the manifest)
holds lines
"name<TAB>what<TAB>text" written by the generated tests: `what` is f (the
expression itself) or a variable (the first partial derivative by it), and
`text` is leibniz's to_string of it. Each text is parsed back with SymPy and
must equal SymPy's own expression: a - b == 0 in SymPy's canonical form,
after expand, or after simplify, or, where simplify
gives up within its time budget, equal values at the expression's sample
points (within 1e-10 of the rounding error scale: both are exact up to the
printed numbers, which read back to the same doubles).
"""
import json
import signal
import sys
from pathlib import Path

import mpmath
import sympy
from sympy.parsing.sympy_parser import parse_expr, standard_transformations

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import SYMBOLS, value_and_scale  # noqa: E402

# simplify's budget per expression: most differences are 0 after SymPy's own
# canonical form or an expansion; where simplify cannot decide within this,
# the values at the sample points decide. Of 718 printed forms of one run,
# == 0 proved 517 and expand 14; simplify proved 35 more in 47 s with 1 s
# each, 32 in 27 s with 0.25 s; the values decided the rest either way.
SIMPLIFY_SECONDS = 0.25
LOCALS = {**SYMBOLS, "abs": sympy.Abs, "sign": sympy.sign, "sqrt": sympy.sqrt, "exp": sympy.exp, "log": sympy.log,
          "sin": sympy.sin, "cos": sympy.cos, "tan": sympy.tan, "tanh": sympy.tanh, "asin": sympy.asin,
          "acos": sympy.acos, "atan": sympy.atan, "sinh": sympy.sinh, "cosh": sympy.cosh, "asinh": sympy.asinh,
          "acosh": sympy.acosh, "atanh": sympy.atanh, "erf": sympy.erf, "erfc": sympy.erfc,
          "log1p": lambda v: sympy.log(1 + v), "expm1": lambda v: sympy.exp(v) - 1,
          "cbrt": lambda v: v ** sympy.Rational(1, 3), "atan2": sympy.atan2,
          "hypot": lambda a, b: sympy.sqrt(a ** 2 + b ** 2),
          "where": lambda c, a, b: sympy.Piecewise((a, c), (b, True))}


class Timeout(Exception):
    pass


def on_alarm(signum, frame):
    raise Timeout


def parse_leibniz(text):
    expr = parse_expr(text.replace("^", "**"), local_dict=LOCALS, transformations=standard_transformations)
    return sympy.nsimplify(expr, rational=True)


def simplifies_to_zero(difference):
    signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, SIMPLIFY_SECONDS)
    try:
        # The cheap proofs first: most differences are 0 once SymPy's own
        # canonical form or an expansion has merged the terms; simplify, which
        # tries far more, only for the rest.
        if difference == 0 or sympy.expand(difference) == 0:
            return True
        return sympy.simplify(difference) == 0
    except Timeout:
        return None
    except Exception:  # noqa: BLE001: SymPy's simplify can fail inside (seen: Piecewise); then compare values
        return None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def numerically_equal(a, b, samples):
    for s in samples:
        point = {n: mpmath.mpf(v) for n, v in s["point"].items()}
        va, _ = value_and_scale(a, point)
        vb, scale = value_and_scale(b, point)
        if abs(va - vb) > 1e-10 * max(scale, abs(vb)):
            return False
    return True


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    manifest = {c["name"]: c for c in json.loads(Path(sys.argv[1]).read_text())}
    lines = []
    paths = []
    for given in map(Path, sys.argv[2:]):
        paths += sorted(p for p in given.glob("*.txt") if p.stem in manifest) if given.is_dir() else [given]
    for path in paths:
        lines += [line.rstrip("\n").split("\t") for line in path.read_text().splitlines() if line]
    seen = set()
    by_simplify = by_values = 0
    failures = []
    for name, what, text in lines:
        case = manifest[name]
        seen.add(name)
        f = sympy.sympify(case["decimal"], locals=SYMBOLS)
        reference = f if what == "f" else sympy.diff(f, SYMBOLS[what])
        try:
            printed = parse_leibniz(text)
        except Exception as error:  # noqa: BLE001: any parse failure is a finding
            failures.append(f"{name} {what}: cannot parse {text!r}: {error}")
            continue
        verdict = simplifies_to_zero(printed - reference)
        if verdict:
            by_simplify += 1
            continue
        if numerically_equal(printed, reference, case["samples"]):
            by_values += 1
            continue
        failures.append(f"{name} {what}: leibniz prints {text!r}, SymPy has {reference}")
    missing = sorted(set(manifest) - seen)
    if missing:
        failures.append(f"{len(missing)} expressions printed nothing, the first {missing[0]}")
    print(f"{len(lines)} printed expressions checked against SymPy: {by_simplify} by simplify(a - b) == 0, "
          f"{by_values} by their values at the sample points, {len(failures)} differ")
    for failure in failures:
        print("MISMATCH", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

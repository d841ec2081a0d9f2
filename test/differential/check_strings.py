#!/usr/bin/env python3
"""Checks leibniz's printed expressions against SymPy.

    check_strings.py MANIFEST STRINGS...

MANIFEST is generate.py's manifest.json; each STRINGS file (or every
<expression>.txt of a STRINGS directory whose expression is in the manifest)
holds lines
"name<TAB>what<TAB>text" written by the generated tests: `what` is f (the
expression itself) or a variable (the first partial derivative by it), and
`text` is leibniz's to_string of it. Each text is parsed back with SymPy and
must equal SymPy's own expression: a - b == 0 in SymPy's canonical form or
after expand, or else equal values at the expression's sample points (within
1e-10 of the rounding error scale, at 40 digits: both are exact up to the
printed numbers, which read back to the same doubles); a form whose values
the generator's evaluator cannot compute goes to SymPy's simplify.
"""
import json
import signal
import sys
from pathlib import Path

import mpmath
import sympy
from sympy.core.cache import clear_cache
from sympy.parsing.sympy_parser import parse_expr, standard_transformations

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import SYMBOLS, OutOfDomain, value_and_scale  # noqa: E402

# The symbolic proofs' budget per expression. SymPy's canonical form or an
# expansion settle about three printed forms in four within it; the values
# decide the rest. (simplify, tried after them with 0.25 s each, proved 28
# more of one run's 705, and the check took 36.6 s instead of 9.7.)
SYMBOLIC_SECONDS = 0.25
LOCALS = {**SYMBOLS, "abs": sympy.Abs, "sign": sympy.sign, "sqrt": sympy.sqrt, "exp": sympy.exp, "log": sympy.log,
          "sin": sympy.sin, "cos": sympy.cos, "tan": sympy.tan, "tanh": sympy.tanh, "asin": sympy.asin,
          "acos": sympy.acos, "atan": sympy.atan, "sinh": sympy.sinh, "cosh": sympy.cosh, "asinh": sympy.asinh,
          "acosh": sympy.acosh, "atanh": sympy.atanh, "erf": sympy.erf, "erfc": sympy.erfc,
          "log1p": lambda v: sympy.log(1 + v), "expm1": lambda v: sympy.exp(v) - 1,
          "cbrt": lambda v: v ** sympy.Rational(1, 3), "atan2": sympy.atan2,
          "hypot": lambda a, b: sympy.sqrt(a ** 2 + b ** 2),
          "where": lambda c, a, b: sympy.Piecewise((a, c), (b, True))}


# A BaseException, as KeyboardInterrupt is: raised by the timer anywhere inside
# SymPy, an Exception can be caught by SymPy's own `except Exception` clauses,
# which then go on with a fallback and may return, and cache, a result built
# from a half-finished computation (seen on a loaded machine: more forms
# "proved" equal, and later checks failing on one expression's values).
class Timeout(BaseException):
    pass


def on_alarm(signum, frame):
    raise Timeout


def parse_leibniz(text):
    expr = parse_expr(text.replace("^", "**"), local_dict=LOCALS, transformations=standard_transformations)
    # Each printed number as the rational it stands for. (Number by number: nsimplify of the whole
    # expression recursed without end on a Piecewise of real powers, (1.5/y)^y beside a comparison.)
    return expr.xreplace({f: sympy.nsimplify(f, rational=True) for f in expr.atoms(sympy.Float)})


def symbolically_zero(difference, simplify=False):
    signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, SYMBOLIC_SECONDS)
    try:
        if difference == 0 or sympy.expand(difference) == 0:
            return True
        return simplify and sympy.simplify(difference) == 0
    except Timeout:
        clear_cache()  # (nothing half-built stays for the checks that follow)
        return None
    except Exception:  # noqa: BLE001: SymPy can fail inside (seen: Piecewise); then compare values
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


def values_agree(printed, reference, case):
    try:
        return numerically_equal(printed, reference, case["samples"])
    except (ValueError, OutOfDomain):
        # A form the generator's evaluator has no rule for (SymPy's re, seen), or one holding a constant SymPy
        # left infinite or undefined (zoo, nan): simplify decides, and unproven is a mismatch.
        return symbolically_zero(printed - reference, simplify=True)


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
    by_symbols = by_values = 0
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
        verdict = symbolically_zero(printed - reference)
        if verdict:
            by_symbols += 1
            continue
        equal = values_agree(printed, reference, case)
        if not equal:  # once more from SymPy's empty cache, the forms rebuilt: a difference must not hang on its state
            clear_cache()
            f = sympy.sympify(case["decimal"], locals=SYMBOLS)
            reference = f if what == "f" else sympy.diff(f, SYMBOLS[what])
            equal = values_agree(parse_leibniz(text), reference, case)
        if equal:
            by_values += 1
            continue
        failures.append(f"{name} {what}: leibniz prints {text!r}, SymPy has {reference}")
    missing = sorted(set(manifest) - seen)
    if missing:
        failures.append(f"{len(missing)} expressions printed nothing, the first {missing[0]}")
    print(f"{len(lines)} printed expressions checked against SymPy: {by_symbols} by a - b == 0 (expanded), "
          f"{by_values} by their values at the sample points, {len(failures)} differ")
    for failure in failures:
        print("MISMATCH", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

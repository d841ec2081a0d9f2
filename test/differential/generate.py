#!/usr/bin/env python3
"""Differential tests against SymPy: random expressions, their values and
first and second partial derivatives at sample points, computed by SymPy in
high precision, emitted as C++ test translation units.

    generate.py --count N --per-unit K --seed S --out DIR [--corpus FILE]

writes DIR/differential_NN.cpp (K expressions each) and DIR/manifest.json
(each expression's SymPy form and sample points, read by check_strings.py).
The seed is any text (a number stays the number it was: older seeds draw
what they drew). With --corpus, the regression corpus (corpus.json: every
expression that ever failed, as a tree) becomes DIR/differential_corpus.cpp,
checked like the others.

    generate.py --count N --seed S --add-to-corpus e00042 --corpus FILE [--why TEXT]

draws the same expressions and appends e00042's tree to the corpus.

Every expression stays inside its domain at its sample points: no log or
sqrt of a value near or below zero, tan away from its poles, abs and sign
away from 0, no division by a value near zero, real powers of positive bases
only, no overflow. Besides three generic points, each expression gets one
point of special values (0, ±1, small integers: the inputs users meet) where
it and its partials are finite and inside the domain. Each expected number comes with an error scale: an
estimate of the rounding error a correct double evaluation may make,
computed over SymPy's own expression for it (a sum's error grows with the
sum of its terms' magnitudes, not with its value). The C++ check allows 1e-9
times that scale (at least 1e-9 times the value); a point where the scale
exceeds 1e6 times the value is ill-conditioned and rejected.
"""
import argparse
import json
import random
import sys
from pathlib import Path

import mpmath
import sympy

mpmath.mp.dps = 40

SYMBOLS = {name: sympy.Symbol(name, real=True) for name in "xyz"}
FUNCTIONS = ["sin", "cos", "tan", "exp", "log", "sqrt", "tanh", "abs", "asin", "acos", "atan", "sinh", "cosh",
             "asinh", "acosh", "atanh", "erf", "erfc", "log1p", "expm1", "cbrt"]
# SymPy's form of each function (log1p, expm1 and cbrt are not SymPy functions).
SYMPY_FUNCTIONS = {
    "sin": sympy.sin, "cos": sympy.cos, "tan": sympy.tan, "exp": sympy.exp, "log": sympy.log, "sqrt": sympy.sqrt,
    "tanh": sympy.tanh, "asin": sympy.asin, "acos": sympy.acos, "atan": sympy.atan, "sinh": sympy.sinh,
    "cosh": sympy.cosh, "asinh": sympy.asinh, "acosh": sympy.acosh, "atanh": sympy.atanh, "erf": sympy.erf,
    "erfc": sympy.erfc,
    "log1p": lambda v: sympy.log(1 + v),
    "expm1": lambda v: sympy.exp(v) - 1,
    "cbrt": lambda v: v ** sympy.Rational(1, 3),  # sampled at positive arguments only (a real root there)
    # |a| as √(a²): SymPy's Abs of a value it cannot prove real (√x, say)
    # differentiates into re() and im(); √(a²) has the same derivatives where a ≠ 0.
    "abs": lambda v: sympy.sqrt(v ** 2),
}
MPMATH_FUNCTIONS = {
    "sin": mpmath.sin, "cos": mpmath.cos, "tan": mpmath.tan, "exp": mpmath.exp, "log": mpmath.log,
    "sqrt": mpmath.sqrt, "tanh": mpmath.tanh, "abs": abs, "asin": mpmath.asin, "acos": mpmath.acos,
    "atan": mpmath.atan, "sinh": mpmath.sinh, "cosh": mpmath.cosh, "asinh": mpmath.asinh, "acosh": mpmath.acosh,
    "atanh": mpmath.atanh, "erf": mpmath.erf, "erfc": mpmath.erfc, "log1p": mpmath.log1p, "expm1": mpmath.expm1,
    "cbrt": mpmath.cbrt,
}
REALS = ["0.5", "0.25", "1.5", "2.5", "0.3", "1.7", "0.1", "2.25", "0.75", "3.5"]
# Reals with short binary expansions: products of them are exact, so a copy
# with its factors regrouped folds to exactly the same coefficients. (0.3 ×
# 1.7 × 0.1 rounds, in an order that depends on the grouping: equivalent
# compares numbers exactly, so such copies are not expected to match.)
DYADIC = {"0.5", "0.25", "1.5", "2.5", "2.25", "0.75", "3.5"}
MAX_CONDITION = 1e6
# Nodes per expression: second partials of larger ones cost much more compile
# time (each symbolic derivative is canonicalised while compiling).
MAX_NODES = 14
MAGNITUDE_LIMIT = 1e6  # largest |value| of any node, or of any derivative, at a sample point


# ---------------------------------------------------------------------------
# Expression trees
# ---------------------------------------------------------------------------
class Node:
    """kind: var, int, real, add (children, signs), mul (children, powers ±1),
    neg, func (name), ipow (n), rpow (p, a real literal), epow (base, exponent),
    bin (name: atan2 or hypot, two children), minmax (name: min or max, two
    children), where (relation, children: left, right, if_true, if_false)."""

    def __init__(self, kind, children=(), **data):
        self.kind = kind
        self.children = list(children)
        self.data = data

    def has_variable(self):
        return self.kind == "var" or any(c.has_variable() for c in self.children)

    def size(self):
        return 1 + sum(c.size() for c in self.children)

    def reals(self):
        own = {self.data["text"]} if self.kind == "real" else set()
        for c in self.children:
            own |= c.reals()
        return own

    def variables(self):
        if self.kind == "var":
            return {self.data["name"]}
        out = set()
        for c in self.children:
            out |= c.variables()
        return out


def tree_to_json(node):
    """The node as JSON: {"kind": ..., "children": [...], <its data>}."""
    out = {"kind": node.kind, **node.data}
    if node.children:
        out["children"] = [tree_to_json(c) for c in node.children]
    return out


def tree_from_json(value):
    data = {k: v for k, v in value.items() if k not in ("kind", "children")}
    return Node(value["kind"], [tree_from_json(c) for c in value.get("children", [])], **data)


def number_value(node, decimal=False):
    if node.kind == "int":
        return sympy.Integer(node.data["value"])
    if decimal:  # the literal as written (0.3 is 3/10): how leibniz prints it back
        return sympy.Rational(node.data["text"])
    # The double the C++ literal denotes, exactly.
    return sympy.Rational(float(node.data["text"]))


def to_sympy(node, decimal=False):
    k = node.kind

    def to_sympy(child):
        return globals()["to_sympy"](child, decimal)

    if k == "var":
        return SYMBOLS[node.data["name"]]
    if k in ("int", "real"):
        return number_value(node, decimal)
    if k == "add":
        return sympy.Add(*[s * to_sympy(c) for c, s in zip(node.children, node.data["signs"])])
    if k == "mul":
        return sympy.Mul(*[to_sympy(c) ** p for c, p in zip(node.children, node.data["powers"])])
    if k == "neg":
        return -to_sympy(node.children[0])
    if k == "func":
        a = to_sympy(node.children[0])
        name = node.data["name"]
        return SYMPY_FUNCTIONS[name](a)
    if k == "ipow":
        return to_sympy(node.children[0]) ** node.data["n"]
    if k == "rpow":
        p = sympy.Rational(node.data["p"]) if decimal else sympy.Rational(float(node.data["p"]))
        return to_sympy(node.children[0]) ** p
    if k == "epow":
        return to_sympy(node.children[0]) ** to_sympy(node.children[1])
    if k == "bin":
        a, b = (to_sympy(c) for c in node.children)
        return sympy.atan2(a, b) if node.data["name"] == "atan2" else sympy.sqrt(a ** 2 + b ** 2)
    if k == "minmax":
        a, b = (to_sympy(c) for c in node.children)
        return sympy.Min(a, b) if node.data["name"] == "min" else sympy.Max(a, b)
    if k == "where":
        left, right, yes, no = (to_sympy(c) for c in node.children)
        condition = RELATIONS[node.data["relation"]](left, right)
        return sympy.Piecewise((yes, condition), (no, True))
    raise ValueError(k)


RELATIONS = {"<": lambda a, b: a < b, "<=": lambda a, b: a <= b, ">": lambda a, b: a > b, ">=": lambda a, b: a >= b}


def cpp_operand(node, rng, shuffle):
    text = to_cpp(node, rng, shuffle)
    return text if node.kind in ("var", "int", "real", "func", "ipow", "rpow", "epow", "bin", "minmax",
                                 "where") else f"({text})"


def to_cpp(node, rng=None, shuffle=False):
    """C++ source for the node. With shuffle, sums and products come out
    with their operands permuted and regrouped: a rearranged copy."""
    k = node.kind
    if k == "var":
        return node.data["name"]
    if k == "int":
        return str(node.data["value"])
    if k == "real":
        return node.data["text"]
    if k == "add":
        items = list(zip(node.children, node.data["signs"]))
        if shuffle:
            rng.shuffle(items)
        # An expression first, so that C++ never adds two numbers itself (in
        # double, rounding): every number meets an expression and leibniz folds it exactly.
        first = next(i for i, (c, _) in enumerate(items) if c.has_variable())
        items.insert(0, items.pop(first))
        parts = [(cpp_operand(c, rng, shuffle), s) for c, s in items]
        text = parts[0][0] if parts[0][1] > 0 else f"-{parts[0][0]}"
        group_open = shuffle and len(parts) > 2 and rng.random() < 0.5
        for i, (t, s) in enumerate(parts[1:], start=1):
            if group_open and i == len(parts) - 2:
                # regroup the last two: a + (b + c), signs moved inside
                t2, s2 = parts[i + 1]
                inner = f"{t} {'+' if s2 == s else '-'} {t2}"
                return f"{text} {'+' if s > 0 else '-'} ({inner})"
            text += f" {'+' if s > 0 else '-'} {t}"
        return text
    if k == "mul":
        items = list(zip(node.children, node.data["powers"]))
        if shuffle:
            rng.shuffle(items)
        first = next(i for i, (c, _) in enumerate(items) if c.has_variable())
        items.insert(0, items.pop(first))
        text = cpp_operand(items[0][0], rng, shuffle)
        if items[0][1] < 0:
            text = f"1 / {text}"
        regroup = shuffle and len(items) > 2 and rng.random() < 0.5
        rest = [(cpp_operand(c, rng, shuffle), p) for c, p in items[1:]]
        if regroup:
            (t1, p1), (t2, p2) = rest[-2], rest[-1]
            inner_first = t1 if p1 > 0 else f"(1 / {t1})"
            inner = f"{inner_first} {'*' if p2 > 0 else '/'} {t2}"
            rest = rest[:-2] + [(f"({inner})", 1)]
        for t, p in rest:
            text += f" {'*' if p > 0 else '/'} {t}"
        return text
    if k == "neg":
        return f"-{cpp_operand(node.children[0], rng, shuffle)}"
    if k == "func":
        return f"lz::{node.data['name']}({to_cpp(node.children[0], rng, shuffle)})"
    if k == "ipow":
        return f"lz::pow<{node.data['n']}>({to_cpp(node.children[0], rng, shuffle)})"
    if k == "rpow":
        return f"lz::pow({to_cpp(node.children[0], rng, shuffle)}, {node.data['p']})"
    if k == "epow":
        return f"lz::pow({to_cpp(node.children[0], rng, shuffle)}, {to_cpp(node.children[1], rng, shuffle)})"
    if k in ("bin", "minmax"):
        a, b = (to_cpp(c, rng, shuffle) for c in node.children)
        return f"lz::{node.data['name']}({a}, {b})"
    if k == "where":
        left, right, yes, no = (to_cpp(c, rng, shuffle) for c in node.children)
        return f"lz::where(({left}) {node.data['relation']} ({right}), {yes}, {no})"
    raise ValueError(k)


class Generator:
    def __init__(self, rng):
        self.rng = rng

    def leaf(self, names, want_variable):
        r = self.rng.random()
        if want_variable or r < 0.6:
            return Node("var", name=self.rng.choice(names))
        if r < 0.85:
            return Node("int", value=self.rng.randint(1, 9))
        return Node("real", text=self.rng.choice(REALS))

    def expression(self, depth, names, want_variable=True):
        """A random expression; with want_variable it contains a variable."""
        rng = self.rng
        if depth <= 0 or rng.random() < 0.2:
            return self.leaf(names, want_variable)
        kind = rng.choices(["add", "mul", "div", "neg", "func", "ipow", "rpow", "epow", "bin", "minmax", "where"],
                           weights=[6, 5, 3, 1, 6, 3, 1, 1, 1, 1, 1])[0]
        if kind in ("bin", "minmax"):
            children = [self.expression(depth - 1, names, True), self.expression(depth - 1, names, False)]
            rng.shuffle(children)
            name = rng.choice(["atan2", "hypot"] if kind == "bin" else ["min", "max"])
            return Node(kind, children, name=name)
        if kind == "where":
            children = [self.expression(depth - 2, names, True), self.expression(depth - 2, names, False),
                        self.expression(depth - 1, names, True), self.expression(depth - 1, names, False)]
            return Node("where", children, relation=rng.choice(list(RELATIONS)))
        if kind == "add":
            n = rng.choice([2, 2, 3])
            children = [self.expression(depth - 1, names, want_variable and i == 0) for i in range(n)]
            if not any(c.has_variable() for c in children):
                children[0] = self.leaf(names, True)  # no sums of numbers alone (see to_cpp)
            rng.shuffle(children)
            return Node("add", children, signs=[rng.choice([1, 1, -1]) for _ in children])
        if kind in ("mul", "div"):
            n = rng.choice([2, 2, 3])
            children = [self.expression(depth - 1, names, want_variable and i == 0) for i in range(n)]
            rng.shuffle(children)
            powers = [1] * n
            if kind == "div":
                # the divisor holds a variable (a number divisor is a plain coefficient)
                j = next((i for i, c in enumerate(children) if c.has_variable()), None)
                if j is not None and j != 0:
                    powers[j] = -1
                elif j == 0 and n > 1:
                    children.append(children.pop(0))
                    powers[-1] = -1
            if not any(c.has_variable() for c in children):
                children[0] = self.leaf(names, True)
            # a product of numbers only is folded away by C++: keep a variable in front
            return Node("mul", children, powers=powers)
        if kind == "neg":
            return Node("neg", [self.expression(depth - 1, names, True)])
        if kind == "func":
            return Node("func", [self.expression(depth - 1, names, True)], name=rng.choice(FUNCTIONS))
        if kind == "ipow":
            return Node("ipow", [self.expression(depth - 1, names, True)], n=rng.choice([-3, -2, -1, 2, 2, 3, 4, 5]))
        if kind == "rpow":
            return Node("rpow", [self.expression(depth - 1, names, True)], p=rng.choice(["0.5", "1.5", "-0.5", "2.5"]))
        return Node("epow", [self.expression(depth - 1, names, True), self.expression(depth - 2, names, True)])


# ---------------------------------------------------------------------------
# Domains: every node's value at a point, checked against its constraints
# ---------------------------------------------------------------------------
class OutOfDomain(Exception):
    pass


def check_node(node, point):
    """The node's value at point (mpmath), raising OutOfDomain where the
    expression leaves its domain or grows too large."""
    k = node.kind
    if k == "var":
        v = point[node.data["name"]]
    elif k in ("int", "real"):
        v = mpmath.mpf(float(number_value(node)))
    elif k == "add":
        v = mpmath.fsum(s * check_node(c, point) for c, s in zip(node.children, node.data["signs"]))
    elif k == "mul":
        v = mpmath.mpf(1)
        for c, p in zip(node.children, node.data["powers"]):
            cv = check_node(c, point)
            if p < 0:
                if abs(cv) < 0.1:
                    raise OutOfDomain
                v /= cv
            else:
                v *= cv
    elif k == "neg":
        v = -check_node(node.children[0], point)
    elif k == "func":
        a = check_node(node.children[0], point)
        name = node.data["name"]
        if name in ("log", "sqrt", "cbrt") and a < 0.05:
            raise OutOfDomain
        if name in ("asin", "acos", "atanh") and abs(a) > 0.9:
            raise OutOfDomain
        if name == "acosh" and a < 1.1:
            raise OutOfDomain
        if name == "log1p" and a < -0.9:
            raise OutOfDomain
        if name in ("sinh", "cosh", "expm1") and abs(a) > 12:
            raise OutOfDomain
        if name == "abs" and abs(a) < 0.05:
            raise OutOfDomain
        if name == "tan" and abs(mpmath.cos(a)) < 0.1:
            raise OutOfDomain
        if name == "exp" and a > 12:
            raise OutOfDomain
        v = MPMATH_FUNCTIONS[name](a)
    elif k == "ipow":
        b = check_node(node.children[0], point)
        n = node.data["n"]
        if n < 0 and abs(b) < 0.1:
            raise OutOfDomain
        v = b ** n
    elif k == "rpow":
        b = check_node(node.children[0], point)
        if b < 0.05:
            raise OutOfDomain
        v = b ** mpmath.mpf(float(node.data["p"]))
    elif k == "epow":
        b = check_node(node.children[0], point)
        e = check_node(node.children[1], point)
        if b < 0.05 or abs(e) > 8:
            raise OutOfDomain
        v = b ** e
    elif k == "bin":
        a, b = (check_node(c, point) for c in node.children)
        if a * a + b * b < 0.05:
            raise OutOfDomain  # the derivatives' singularity at the origin
        if node.data["name"] == "atan2":
            if b < 0 and abs(a) < 0.05:
                raise OutOfDomain  # the branch cut along the negative axis
            v = mpmath.atan2(a, b)
        else:
            v = mpmath.hypot(a, b)
    elif k == "minmax":
        a, b = (check_node(c, point) for c in node.children)
        if abs(a - b) < 0.05:
            raise OutOfDomain  # away from the tie, where the derivative jumps
        v = min(a, b) if node.data["name"] == "min" else max(a, b)
    elif k == "where":
        left, right, yes, no = (check_node(c, point) for c in node.children)
        if abs(left - right) < 0.05:
            raise OutOfDomain
        v = yes if RELATIONS[node.data["relation"]](left, right) else no
    else:
        raise ValueError(k)
    if abs(v) > MAGNITUDE_LIMIT:
        raise OutOfDomain
    return v


# ---------------------------------------------------------------------------
# Values and error scales of SymPy expressions
# ---------------------------------------------------------------------------
def condition_holds(condition, point):
    """A Piecewise condition at point: True or False, a comparison, or a
    boolean combination SymPy made of them (And, Or, Not, ITE)."""
    if condition == sympy.true:
        return True
    if condition == sympy.false:
        return False
    if isinstance(condition, sympy.core.relational.Relational):
        left, _ = value_and_scale(condition.lhs, point)
        right, _ = value_and_scale(condition.rhs, point)
        return bool(RELATIONS[condition.rel_op](left, right))
    if isinstance(condition, sympy.And):
        return all(condition_holds(c, point) for c in condition.args)
    if isinstance(condition, sympy.Or):
        return any(condition_holds(c, point) for c in condition.args)
    if isinstance(condition, sympy.Not):
        return not condition_holds(condition.args[0], point)
    if type(condition).__name__ == "ITE":
        test, yes, no = condition.args
        return condition_holds(yes if condition_holds(test, point) else no, point)
    raise ValueError(f"no rule for the condition {condition}")


def value_and_scale(e, point):
    """(value, scale): scale estimates the rounding error of a double
    evaluation of e, in units of the unit roundoff, as an absolute quantity:
    each operation adds |its result|, and an operand's error propagates by
    the partial derivative of the operation (so a sum accumulates the
    magnitudes of its terms, however much they cancel)."""
    if e.is_Symbol:
        v = point[e.name]
        return v, abs(v)
    if e.is_Number:
        v = mpmath.mpf(e.p) / e.q if e.is_Rational else mpmath.mpf(str(e))
        return v, abs(v)
    if not e.free_symbols:  # a constant SymPy kept symbolic (E, pi, log(2)), or zoo / nan
        if not e.is_finite:
            raise OutOfDomain
        v = mpmath.mpf(str(sympy.N(e, 40)))
        return v, abs(v)
    if e.is_Add:
        parts = [value_and_scale(a, point) for a in e.args]
        v = mpmath.fsum(p[0] for p in parts)
        return v, mpmath.fsum(p[1] for p in parts) + abs(v)
    if e.is_Mul:
        parts = [value_and_scale(a, point) for a in e.args]
        v = mpmath.fprod(p[0] for p in parts)
        scale = abs(v)
        for i, (_, s) in enumerate(parts):
            others = mpmath.fprod(abs(p[0]) for j, p in enumerate(parts) if j != i)
            scale += s * others
        return v, scale
    if e.is_Pow:
        b, sb = value_and_scale(e.args[0], point)
        if e.args[1].is_Number:
            n = e.args[1]
            nv = mpmath.mpf(n.p) / n.q if n.is_Rational else mpmath.mpf(str(n))
            v = b ** nv
            return v, abs(nv * b ** (nv - 1)) * sb + abs(v)
        x, sx = value_and_scale(e.args[1], point)
        v = b ** x
        return v, abs(x * b ** (x - 1)) * sb + abs(v * mpmath.log(b)) * sx + abs(v)
    name = type(e).__name__
    if name == "DiracDelta":  # away from 0 at every sample point: the value 0
        return mpmath.mpf(0), mpmath.mpf(0)
    if name == "Heaviside":  # away from 0 at every sample point: 0 or 1
        a, _ = value_and_scale(e.args[0], point)
        return (mpmath.mpf(1) if a > 0 else mpmath.mpf(0)), mpmath.mpf(0)
    if name == "Piecewise":
        for piece, condition in e.args:
            if condition_holds(condition, point):
                return value_and_scale(piece, point)
        raise OutOfDomain
    if name in ("Max", "Min"):
        parts = [value_and_scale(a, point) for a in e.args]
        pick = max if name == "Max" else min
        return pick(parts, key=lambda p: p[0])
    if name == "atan2":
        (a, sa), (b, sb) = value_and_scale(e.args[0], point), value_and_scale(e.args[1], point)
        r2 = a * a + b * b
        v = mpmath.atan2(a, b)
        return v, abs(b / r2) * sa + abs(a / r2) * sb + abs(v)
    a, sa = value_and_scale(e.args[0], point)
    if name == "sin":
        v, slope = mpmath.sin(a), mpmath.cos(a)
    elif name == "cos":
        v, slope = mpmath.cos(a), -mpmath.sin(a)
    elif name == "tan":
        v = mpmath.tan(a)
        slope = 1 + v * v
    elif name == "exp":
        v = mpmath.exp(a)
        slope = v
    elif name == "log":
        v, slope = mpmath.log(a), 1 / a
    elif name == "tanh":
        v = mpmath.tanh(a)
        slope = 1 - v * v
    elif name == "asin":
        v, slope = mpmath.asin(a), 1 / mpmath.sqrt(1 - a * a)
    elif name == "acos":
        v, slope = mpmath.acos(a), -1 / mpmath.sqrt(1 - a * a)
    elif name == "atan":
        v, slope = mpmath.atan(a), 1 / (1 + a * a)
    elif name == "sinh":
        v, slope = mpmath.sinh(a), mpmath.cosh(a)
    elif name == "cosh":
        v, slope = mpmath.cosh(a), mpmath.sinh(a)
    elif name == "asinh":
        v, slope = mpmath.asinh(a), 1 / mpmath.sqrt(1 + a * a)
    elif name == "acosh":
        v, slope = mpmath.acosh(a), 1 / mpmath.sqrt(a * a - 1)
    elif name == "atanh":
        v, slope = mpmath.atanh(a), 1 / (1 - a * a)
    elif name in ("erf", "erfc"):
        v = mpmath.erf(a) if name == "erf" else mpmath.erfc(a)
        slope = 2 / mpmath.sqrt(mpmath.pi) * mpmath.exp(-a * a)
    elif name == "Abs":
        v, slope = abs(a), 1
    elif name == "sign":
        v, slope = mpmath.sign(a), 0
    elif name == "re":  # SymPy's Abs(exp(u)) is exp(re(u)): real at every sample point
        v, slope = mpmath.re(a), 1
    elif name == "im":
        v, slope = mpmath.im(a), 0
    else:
        raise ValueError(f"no rule for {name}")
    return v, abs(slope) * sa + abs(v)


# ---------------------------------------------------------------------------
# One expression with its expected values
# ---------------------------------------------------------------------------
# The points users meet: 0, ±1 and small integers, in every variable.
SPECIAL_VALUES = [0.0, 1.0, -1.0, 2.0, -2.0, 3.0]
SPECIAL_TRIES = 24


def special_points(index, names):
    """Candidate points whose coordinates are all special values: all zeros
    and all ones first, then random mixes. Drawn from a stream of their own
    (seeded by the expression's index), so adding them leaves the
    expressions and their generic points as they were."""
    rng = random.Random(1_000_003 * (index + 1))
    yield {n: 0.0 for n in names}
    yield {n: 1.0 for n in names}
    for _ in range(SPECIAL_TRIES):
        yield {n: rng.choice(SPECIAL_VALUES) for n in names}


def sample_at(tree, f, names, point):
    """The sample at point (value, gradient, Hessian with error scales), or
    None where the expression leaves its domain, the point is ill-conditioned
    or a value is not finite."""
    try:
        check_node(tree, {n: mpmath.mpf(point[n]) for n in names})
        expected = expected_at(f, names, point)
    except (OutOfDomain, ZeroDivisionError, ValueError, OverflowError):
        return None
    if expected is None:
        return None
    raise_to_floor(expected, largest_node_value(tree, {n: mpmath.mpf(point[n]) for n in names}))
    return {"point": point, **expected}


def largest_node_value(node, point):
    """The largest |value| of any node of the drawn tree at point. SymPy's
    form may have lost nodes that the C++ expression still computes:
    cos(acos(x)) is x to SymPy, exactly 0 at x = 0, where a double
    evaluation meets acos(0) = 1.57 and returns 6e-17."""
    return max([abs(check_node(node, point))] + [largest_node_value(c, point) for c in node.children])


def random_point(rng, names):
    # Short decimals, so the C++ literal and the double SymPy sees are the same number.
    return {n: float(f"{rng.uniform(-2.5, 2.5):.3f}") for n in names}


def expected_at(f, names, point):
    """Value, gradient and Hessian of f at point, each an (expected, scale)
    pair, or None if the point is ill-conditioned or out of range."""
    mp_point = {n: mpmath.mpf(point[n]) for n in names}
    symbols = [SYMBOLS[n] for n in names]
    out = {"value": None, "gradient": [], "hessian": []}

    def entry(expr):
        v, s = value_and_scale(expr, mp_point)
        if not (mpmath.isfinite(v) and mpmath.isfinite(s)):
            return None
        if abs(v) > MAGNITUDE_LIMIT or s > MAGNITUDE_LIMIT * 1e3:
            return None
        if s > MAX_CONDITION * abs(v) and abs(v) > 0:
            return None  # ill-conditioned: a correct double result may be far off
        return [float(v), float(s)]

    out["value"] = entry(f)
    if out["value"] is None:
        return None
    firsts = [sympy.diff(f, s) for s in symbols]
    for d in firsts:
        e = entry(d)
        if e is None:
            return None
        out["gradient"].append(e)
    for i, di in enumerate(firsts):
        row = []
        for j, sj in enumerate(symbols):
            e = entry(sympy.diff(di, sj))
            if e is None:
                return None
            row.append(e)
        out["hessian"].append(row)
    return out


def raise_to_floor(expected, largest_node):
    """An error scale of at least 1e-3 of the largest at the point, and of
    the largest value a node of the drawn expression takes there, so the C++
    check allows at least 1e-12 of it. A partial that SymPy's form makes
    exactly 0 (log(x*y) differentiated by x, then y) may come out of
    leibniz's equally correct form as a difference that cancels to a few
    ulps of the other partials' size, and a form SymPy simplified may be
    exactly 0 where the C++ expression's rounding is not (cos(acos(x))^4 at
    0: 1e-65, its second derivative 4e-32): 1e-12 of the largest quantity at
    the point (thousands of ulps) still catches any wrong derivative."""
    entries = [expected["value"]] + expected["gradient"] + [e for row in expected["hessian"] for e in row]
    floor = 1e-3 * max([e[1] for e in entries] + [float(largest_node)])
    for e in entries:
        e[1] = max(e[1], floor)


def make_case(gen, rng, index, points_per_expression):
    while True:
        nvars = rng.choice([1, 2, 2, 3, 3])
        names = sorted(rng.sample("xyz", nvars))
        tree = gen.expression(rng.choice([2, 3, 3, 4]), names)
        if tree.size() < 4 or tree.size() > MAX_NODES:
            continue
        case = case_for_tree(tree, rng, f"e{index:05d}", index, points_per_expression)
        if case is not None:
            return case


def case_for_tree(tree, rng, name, index, points_per_expression):
    """The case for one expression tree: sample points drawn from rng, one
    point of special values, a rearranged copy; None where the tree has no
    variable or too few points inside its domain."""
    if True:
        names = sorted(tree.variables())
        try:
            f = to_sympy(tree)
        except (ValueError, TypeError):
            # SymPy refuses the tree: min or max of a constant subexpression
            # it evaluates as complex (asin(2) inside min(., .): "not
            # comparable"). Another tree is drawn; a draw that never meets
            # this is the same as before.
            return None
        if f.is_number or not f.free_symbols:
            return None
        samples = []
        for _ in range(60):
            sample = sample_at(tree, f, names, random_point(rng, names))
            if sample is None:
                continue
            samples.append(sample)
            if len(samples) == points_per_expression:
                break
        if len(samples) < points_per_expression:
            return None
        # One more point of special values (0, ±1, small integers), where the
        # expression and its partials are finite and in its domain there.
        for point in special_points(index, names):
            sample = sample_at(tree, f, names, point)
            if sample is not None:
                samples.append(sample)
                break
        copy = to_cpp(tree, rng, shuffle=True) if tree.reals() <= DYADIC else None
        return {
            "name": name,
            "tree": tree_to_json(tree),
            "variables": names,
            "cpp": to_cpp(tree),
            "rearranged": copy,
            "sympy": sympy.srepr(f),
            "decimal": sympy.srepr(to_sympy(tree, decimal=True)),
            "text": str(f),
            "samples": samples,
        }


# ---------------------------------------------------------------------------
# C++ emission
# ---------------------------------------------------------------------------
def cpp_double(v):
    text = repr(float(v))
    if text in ("inf", "-inf", "nan"):
        raise ValueError("non-finite expected value")
    return text


def emit_case(case, compile_time, rearranged_only=False):
    names = case["variables"]
    n = len(names)
    lines = [f"// {case['name']}: {case['text']}"]
    lines.append(f"BOOST_AUTO_TEST_CASE({case['name']}) {{")
    lines.append(f"    static constexpr auto f = {case['cpp']};")
    vars_list = ", ".join(names)
    lines.append(f"    static constexpr auto derivatives = differential::derivatives_of(f, {vars_list});")
    if case["rearranged"] is not None:
        lines.append(f"    static constexpr auto g = {case['rearranged']};  // the same, rearranged")
        lines.append("    static_assert(differential::rearranged_copy_agrees<f, g>());")
    else:
        lines.append("    // (no rearranged copy: its reals would fold in another order, rounding differently)")
    if rearranged_only:  # the compile-time checks alone (scripts/differential-precheck.sh)
        lines.append("}")
        return "\n".join(lines)
    lines.append(f"    static constexpr differential::sample<{n}> samples[] = {{")
    for s in case["samples"]:
        point = ", ".join(cpp_double(s["point"][v]) for v in names)
        value = "{" + ", ".join(cpp_double(x) for x in s["value"]) + "}"
        grad = ", ".join("{" + ", ".join(cpp_double(x) for x in e) + "}" for e in s["gradient"])
        hess = ", ".join("{{" + ", ".join("{" + ", ".join(cpp_double(x) for x in e) + "}" for e in row) + "}}"
                         for row in s["hessian"])
        lines.append(f"        {{{{{{{point}}}}}, {value}, {{{{{grad}}}}}, {{{{{hess}}}}}}},")
    lines.append("    };")
    lines.append(f"    differential::check(\"{case['name']}\", f, derivatives, samples);")
    if case["rearranged"] is not None:
        lines.append(f"    differential::check_rearranged<f, g, derivatives>(\"{case['name']}\", samples);")
    lines.append(f"    differential::record_strings(\"{case['name']}\", f, derivatives);")
    if compile_time:
        lines.append("    static_assert(differential::holds_at_compile_time(f, derivatives, samples[0]));")
    lines.append("}")
    return "\n".join(lines)


def emit_unit(path, unit_index, cases, compile_time_every, rearranged_only=False):
    self_check = '#include "self_check.hpp"  // the suite\'s own shortcut, checked once\n' if unit_index == 0 else ""
    header = f"""// Generated by test/differential/generate.py: do not edit.
#include "differential.hpp"
{self_check}
// Where record_strings writes (a directory: one file per expression).
const char* differential::strings_path() {{ return LEIBNIZ_DIFFERENTIAL_STRINGS; }}

namespace {{

constexpr auto x = lz::var<"x">;
constexpr auto y = lz::var<"y">;
constexpr auto z = lz::var<"z">;
"""
    body = [header]
    for i, case in enumerate(cases):
        body.append(emit_case(case, compile_time_every and i % compile_time_every == 0, rearranged_only))
        body.append("")
    body.append("}  // namespace\n")
    text = "\n".join(body)
    if not path.exists() or path.read_text() != text:
        path.write_text(text)


def seed_value(text):
    """A seed as given: digits are the number (the seeds of earlier runs draw
    what they drew), anything else the text itself (Python seeds a
    generator from a string through its SHA-512, the same on every machine)."""
    return int(text) if text.isdigit() else text


def corpus_cases(path, points_per_expression):
    """The regression corpus: each entry's tree with sample points drawn from
    a generator seeded by its name, so the corpus draws the same points on
    every run."""
    cases = []
    for i, entry in enumerate(json.loads(Path(path).read_text())):
        rng = random.Random(entry["name"])
        case = case_for_tree(tree_from_json(entry["tree"]), rng, entry["name"], 100_000 + i, points_per_expression)
        if case is None:
            raise SystemExit(f"corpus entry {entry['name']} has too few points inside its domain")
        cases.append(case)
    return cases


def add_to_corpus(path, case, seed, why):
    entries = json.loads(Path(path).read_text()) if Path(path).exists() else []
    name = f"r{len(entries) + 1:03d}"
    entries.append({"name": name, "found": f"seed {seed}, {case['name']}" + (f": {why}" if why else ""),
                    "text": case["text"], "tree": case["tree"]})
    Path(path).write_text(json.dumps(entries, indent=1) + "\n")
    print(f"{case['name']} ({case['text']}) joins {path} as {name}", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--per-unit", type=int, default=50)
    parser.add_argument("--seed", default="20261123", help="any text; scripts/test.sh derives one from the commit")
    parser.add_argument("--points", type=int, default=3)
    parser.add_argument("--compile-time-every", type=int, default=5,
                        help="check every K-th expression in a static_assert too (0: none)")
    parser.add_argument("--corpus", help="the regression corpus (corpus.json), emitted as differential_corpus.cpp")
    parser.add_argument("--add-to-corpus", metavar="NAME", help="append expression NAME of this seed to --corpus")
    parser.add_argument("--why", default="", help="with --add-to-corpus: what went wrong, kept with the entry")
    parser.add_argument("--loops-count", type=int, default=0,
                        help="sums over an index drawn besides (loops.py), into differential_loops_NN.cpp")
    parser.add_argument("--loops-per-unit", type=int, default=10)
    parser.add_argument("--out", help="where the test units go")
    parser.add_argument("--rearranged-only", action="store_true",
                        help="emit only each expression's derivatives and its rearranged copy's static_assert "
                             "(no samples, nothing to run): scripts/differential-precheck.sh")
    args = parser.parse_args()
    seed = seed_value(args.seed)
    rng = random.Random(seed)
    gen = Generator(rng)
    if args.add_to_corpus:
        if not args.corpus:
            parser.error("--add-to-corpus needs --corpus")
        index = int(args.add_to_corpus.lstrip("e"))
        cases = [make_case(gen, rng, i, args.points) for i in range(index + 1)]
        add_to_corpus(args.corpus, cases[index], args.seed, args.why)
        return
    if not args.out:
        parser.error("--out is required")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    cases = [make_case(gen, rng, i, args.points) for i in range(args.count)]
    units = [cases[i:i + args.per_unit] for i in range(0, len(cases), args.per_unit)]
    for u, unit in enumerate(units):
        emit_unit(out / f"differential_{u:02d}.cpp", u, unit, args.compile_time_every, args.rearranged_only)
    if args.loops_count > 0:
        import loops  # (beside this file; it imports value_and_scale from here)
        drawn = loops.draw_cases(args.seed, args.loops_count)
        for u in range(0, len(drawn), args.loops_per_unit):
            loops.emit_unit(out / f"differential_loops_{u // args.loops_per_unit:02d}.cpp",
                            drawn[u:u + args.loops_per_unit], args.compile_time_every)
    corpus = corpus_cases(args.corpus, args.points) if args.corpus else []
    if args.corpus:
        emit_unit(out / "differential_corpus.cpp", len(units), corpus, args.compile_time_every)
    fields = ("name", "variables", "sympy", "decimal", "samples", "cpp")
    manifest = [{k: c[k] for k in fields} for c in cases + corpus]
    (out / "manifest.json").write_text(json.dumps(manifest, indent=0))
    print(f"{len(cases)} expressions in {len(units)} translation units, seed {args.seed}"
          + (f"; {args.loops_count} sums over an index" if args.loops_count else "")
          + (f"; the regression corpus: {len(corpus)} expressions" if args.corpus else ""), file=sys.stderr)


if __name__ == "__main__":
    main()

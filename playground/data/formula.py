"""Typed boundaries x2 = f(x1): a small parser of our own, so a formula never reaches Python's eval.

The grammar, loosest binding first (^ binds right to left, and tighter than a leading minus,
so -x1^2 is -(x1^2) as on paper):

    sum     := product (("+" | "-") product)*
    product := signed (("*" | "/") signed)*
    signed  := ("+" | "-") signed | power
    power   := atom ("^" signed)?
    atom    := number | "x1" | name "(" sum ("," sum)* ")" | "(" sum ")"

A formula is a tree of tuples evaluated with numpy over an array of x1. Anything else
(other names, attribute access, strings, Python's **) is refused with the position, counted
from 1, of the first character that does not fit. Exponents must be constants within
MAX_EXPONENT, and every step must stay finite over the plane's x1 range, so no formula can
overflow or run long.
"""
from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

from playground.config.experiment import ExperimentError

MAX_LENGTH = 200
MAX_DEPTH = 40
MAX_EXPONENT = 10.0
CHECK_RANGE = (-6.0, 6.0)  # the plane's x1 range; the formula must be defined all along it

FUNCTIONS: dict[str, tuple[int, Callable[..., np.ndarray]]] = {
    "sin": (1, np.sin), "cos": (1, np.cos), "tan": (1, np.tan), "tanh": (1, np.tanh), "exp": (1, np.exp),
    "log": (1, np.log), "sqrt": (1, np.sqrt), "abs": (1, np.abs), "min": (2, np.minimum), "max": (2, np.maximum),
}
_BINARY = {"+": np.add, "-": np.subtract, "*": np.multiply, "/": np.divide, "^": np.power}
_TOKEN = re.compile(r"\s*(?:(\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|([A-Za-z_]\w*)|(\*\*|[-+*/^(),]))")
_ALLOWED = "numbers, x1, + - * / ^, ( ), " + " ".join(FUNCTIONS)

# A node: ("num", pos, value) | ("x1", pos) | ("neg", pos, node) | (op, pos, left, right) | ("call", pos, name, args)
Node = tuple


class FormulaError(ExperimentError):
    """A formula that is not allowed or not defined; one line naming the position."""


def _fail(pos: int, problem: str) -> FormulaError:
    return FormulaError(f"data.formula: position {pos + 1}: {problem}")


def _tokens(text: str) -> list[tuple[str, str, int]]:
    """(kind, text, position) with kind 'num', 'name' or 'op', ending with ('end', '', len)."""
    out, pos = [], 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        m = _TOKEN.match(text, pos)
        if m is None:
            start = len(text) - len(text[pos:].lstrip())
            raise _fail(start, f"'{text[start]}' is not allowed (allowed: {_ALLOWED})")
        kind = "num" if m.group(1) else "name" if m.group(2) else "op"
        if kind == "name" and m.group(2) != "x1" and m.group(2) not in FUNCTIONS:
            # Before anything else is read: `__import__('os')` is refused at its name, not at its quote.
            name = m.group(2)
            hint = "; the formula gives x2 from x1" if name == "x2" else ""
            raise _fail(m.start(2), f"unknown name '{name}' (allowed: x1, {', '.join(FUNCTIONS)}){hint}")
        if kind == "num" and not np.isfinite(float(m.group(1))):
            raise _fail(m.start(1), f"the number {m.group(1)} is too large")
        out.append((kind, m.group(m.lastindex), m.start(m.lastindex)))
        pos = m.end()
    out.append(("end", "", len(text)))
    return out


class _Parser:
    def __init__(self, text: str):
        self.tokens = _tokens(text)
        self.at = 0
        self.depth = 0

    def peek(self) -> tuple[str, str, int]:
        return self.tokens[self.at]

    def take(self) -> tuple[str, str, int]:
        token = self.tokens[self.at]
        self.at += 1
        return token

    def expect(self, op: str) -> None:
        kind, text, pos = self.take()
        if text != op:
            raise _fail(pos, f"expected '{op}', found {_shown(kind, text)}")

    def nested(self, parse: Callable[[], Node]) -> Node:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _fail(self.peek()[2], f"nested more than {MAX_DEPTH} deep")
        node = parse()
        self.depth -= 1
        return node

    def whole(self) -> Node:
        node = self.sum()
        kind, text, pos = self.peek()
        if kind != "end":
            hint = " (a missing * ?)" if kind in ("num", "name") or text == "(" else ""
            raise _fail(pos, f"unexpected {_shown(kind, text)}{hint}")
        return node

    def sum(self) -> Node:
        return self.chain(("+", "-"), self.product)

    def product(self) -> Node:
        return self.chain(("*", "/"), self.signed)

    def chain(self, ops: tuple[str, ...], operand: Callable[[], Node]) -> Node:
        """operand (op operand)*, grouped from the left: 8 / 4 / 2 is (8 / 4) / 2."""
        node = operand()
        while self.peek()[1] in ops:
            _, op, pos = self.take()
            node = (op, pos, node, operand())
        return node

    def signed(self) -> Node:
        kind, text, pos = self.peek()
        if text in ("+", "-"):
            self.take()
            inner = self.nested(self.signed)
            return ("neg", pos, inner) if text == "-" else inner
        return self.power()

    def power(self) -> Node:
        base = self.atom()
        kind, text, pos = self.peek()
        if text == "**":
            raise _fail(pos, "'**' is not allowed: write powers with ^, e.g. x1^3")
        if text != "^":
            return base
        self.take()
        exponent = self.nested(self.signed)
        if not _constant(exponent):
            raise _fail(pos, "an exponent must be a number, e.g. x1^3")
        value = float(evaluate(exponent, np.zeros(1))[0])
        if not abs(value) <= MAX_EXPONENT:
            raise _fail(pos, f"exponent {value:g} is beyond the limit of \u00b1{MAX_EXPONENT:g}")
        return ("^", pos, base, ("num", exponent[1], value))

    def atom(self) -> Node:
        kind, text, pos = self.take()
        if kind == "num":
            return ("num", pos, float(text))
        if kind == "name":
            return self.name(text, pos)
        if text == "(":
            node = self.nested(self.sum)
            self.expect(")")
            return node
        raise _fail(pos, f"expected a number, x1, a function or '(', found {_shown(kind, text)}")

    def name(self, text: str, pos: int) -> Node:
        if text == "x1":
            return ("x1", pos)
        arity = FUNCTIONS[text][0]
        self.expect("(")
        args = [self.nested(self.sum)]
        while self.peek()[1] == ",":
            self.take()
            args.append(self.nested(self.sum))
        self.expect(")")
        if len(args) != arity:
            raise _fail(pos, f"{text}() takes {arity} argument{'s' if arity > 1 else ''}, got {len(args)}")
        return ("call", pos, text, tuple(args))


def _shown(kind: str, text: str) -> str:
    return "the end" if kind == "end" else f"'{text}'"


def _constant(node: Node) -> bool:
    if node[0] == "x1":
        return False
    if node[0] == "num":
        return True
    children = node[3] if node[0] == "call" else node[2:]
    return all(_constant(child) for child in children)


def evaluate(node: Node, x1: np.ndarray, checked: bool = True) -> np.ndarray:
    """The formula's value at every x1; when checked, a step that is not finite raises naming its position."""
    kind, pos = node[0], node[1]
    if kind == "num":
        return np.full(x1.shape, node[2])
    if kind == "x1":
        return x1
    with np.errstate(all="ignore"):
        if kind == "neg":
            value = -evaluate(node[2], x1, checked)
        elif kind == "call":
            value = FUNCTIONS[node[2]][1](*(evaluate(arg, x1, checked) for arg in node[3]))
        else:
            value = _BINARY[kind](evaluate(node[2], x1, checked), evaluate(node[3], x1, checked))
    bad = ~np.isfinite(value) if checked else None
    if checked and bad.any():
        where = float(x1[np.argmax(bad)])
        raise _fail(pos, f"not a finite number at x1 = {where:.3g} (overflow, division by zero or outside the "
                         f"function's domain)")
    return value


def parse(text: str | None) -> Node:
    """The formula's tree, checked to be finite over the plane's x1 range; FormulaError otherwise."""
    text = text or ""
    if len(text) > MAX_LENGTH:
        raise _fail(MAX_LENGTH, f"longer than {MAX_LENGTH} characters")
    if not text.strip():
        raise FormulaError("data.formula: empty; type x2 as a function of x1, e.g. 3*sin(x1)")
    tree = _Parser(text).whole()
    evaluate(tree, np.linspace(*CHECK_RANGE, 1201))
    return tree


def boundary(text: str | None) -> Callable[[np.ndarray], np.ndarray]:
    """The label function of the 'function' dataset: class 1 above the curve x2 = f(x1), class 0 below."""
    tree = parse(text)

    def label_of(p: np.ndarray) -> np.ndarray:
        # Label noise moves points past the checked range, where f may be undefined: such points count as below.
        with np.errstate(invalid="ignore"):
            return (p[:, 1] > evaluate(tree, p[:, 0], checked=False)).astype(np.int64)
    return label_of


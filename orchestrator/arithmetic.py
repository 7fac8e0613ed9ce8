"""Arithmetic a question states ("What is 17 times 23?", "15% of 80", "17乘以23等于多少"),
computed exactly instead of guessed by a small model.

``expression_of`` turns the question into an expression of numbers and operators, or None
when the question is anything more than arithmetic. ``evaluate`` parses that with Python's
``ast`` (never ``eval``) and computes it in exact fractions, accepting only numbers,
+ - * / ** and parentheses, with bounds on input length, nesting, exponents and the size
of every intermediate value: a hostile question costs microseconds, never memory."""

from __future__ import annotations

import ast
import math
import re
from fractions import Fraction
from typing import cast

MAX_CHARS = 200  # an expression longer than this is not a question's arithmetic
MAX_DEPTH = 12  # nested parentheses
MAX_EXPONENT = 64
MAX_DIGITS = 60  # of any value along the way (numerator or denominator)
DECIMALS = 10  # a value with no exact decimal form is rounded to this many places


class ArithmeticError_(ValueError):
    """The expression is not arithmetic this evaluator accepts (or is out of its bounds)."""


_WRAPPER = re.compile(
    r"^\s*(?:(?:what|how much)\s+(?:is|are|'s|does)|what's|calculate|compute|evaluate|work out|solve)?\s*"
    r"(?P<body>.+?)\s*(?:equals?|equal to|=)?\s*[?？。.!]*\s*$", re.I | re.S)
_ZH_WRAPPER = re.compile(r"^\s*(?:请?计算|算一下)?\s*(?P<body>.+?)\s*(?:等于多少|等于几|是多少|得多少|等于|=)?\s*[?？。]*\s*$", re.S)
_PERCENT_OF = re.compile(r"(\d[\d.]*)\s*(?:%|percent|per cent)\s+of\s+", re.I)
_WORDS = [  # "乘以" before "乘", "加上" before "加"
    (re.compile(r"\bmultiplied\s+by\b|\btimes\b", re.I), "*"),
    (re.compile(r"\bdivided\s+by\b", re.I), "/"),
    (re.compile(r"\bplus\b", re.I), "+"),
    (re.compile(r"\bminus\b", re.I), "-"),
    (re.compile(r"\s*\bsquared\b", re.I), "**2"),
    (re.compile(r"\s*\bcubed\b", re.I), "**3"),
    (re.compile(r"\bto\s+the\s+power\s+of\b", re.I), "**"),
    (re.compile(r"的平方"), "**2"),
    (re.compile(r"的立方"), "**3"),
    (re.compile(r"乘以|乘"), "*"),
    (re.compile(r"除以"), "/"),
    (re.compile(r"加上|加"), "+"),
    (re.compile(r"减去|减"), "-"),
]
_SYMBOLS = str.maketrans({"×": "*", "·": "*", "÷": "/", "−": "-", "–": "-", "^": "**", "（": "(", "）": ")",
                          "＋": "+", "－": "-", "＊": "*", "／": "/"})
_TIMES_X = re.compile(r"(?<=[\d)])\s*[xX]\s*(?=[\d(])")
_THOUSANDS = re.compile(r"(?<!\d)(\d{1,3}(?:,\d{3})+)(?![\d,])")
_ONLY = re.compile(r"^[\d.\s+\-*/()]+$")
_OPERATOR = re.compile(r"\d\s*\)*\s*(?:\*\*|[+\-*/])\s*\(*\s*[\d(]")


# Another language's wrapper ("Was ist", "Combien font", "は"): a few words around symbols
# alone. Not a score or a range ("1-0", "2020-2024"), nor a date ("11/08/2024").
_ANY_WRAPPER = re.compile(r"^\s*(?:[^\W\d_][\w'’\-]*\s+){0,3}(?P<body>[\d(][\d\s.,+\-*/×÷^()·−]*[\d)])\s*"
                          r"(?:[^\W\d_][\w'’\-]*\s*){0,3}[?？。.!]*\s*$")
_SYMBOL_OPERATOR = re.compile(r"[+*/×÷^·]")
_DATE = re.compile(r"\d+\s*/\s*\d+\s*/\s*\d+")


def expression_of(question: str) -> str | None:
    """The arithmetic expression the question is, in Python's operator syntax, or None when
    it says anything besides numbers, operators and a wrapper ("what is", "?", "等于多少", or
    in any language a few words around operator symbols: "Was ist 17*23?")."""
    text = question.strip()
    if not text or len(text) > MAX_CHARS:
        return None
    body = (_ZH_WRAPPER if re.search(r"[\u4e00-\u9fff]", text) else _WRAPPER).match(text)
    if body is None:
        return None
    return _expression(body.group("body")) or _symbols_alone(text)


def _symbols_alone(text: str) -> str | None:
    body = _ANY_WRAPPER.match(text)
    if body is None or not _SYMBOL_OPERATOR.search(body.group("body")) or _DATE.search(body.group("body")):
        return None
    return _expression(body.group("body"))


def _expression(body: str) -> str | None:
    expr = _THOUSANDS.sub(lambda m: m.group(1).replace(",", ""), body.translate(_SYMBOLS))
    expr = _PERCENT_OF.sub(r"(\1/100)*", expr)
    for pattern, symbol in _WORDS:
        expr = pattern.sub(f" {symbol} " if symbol in "+-*/" else symbol, expr)
    expr = _TIMES_X.sub(" * ", expr)
    expr = " ".join(expr.split())
    if not _ONLY.match(expr) or not _OPERATOR.search(expr):
        return None
    return expr


def _depth(expr: str) -> int:
    depth = deepest = 0
    for ch in expr:
        depth += (ch == "(") - (ch == ")")
        deepest = max(deepest, depth)
    return deepest


def _bounded(value: Fraction) -> Fraction:
    if len(str(abs(value.numerator))) > MAX_DIGITS or len(str(value.denominator)) > MAX_DIGITS:
        raise ArithmeticError_("value too large")
    return value


def _eval(node: ast.AST) -> Fraction:
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        return _bounded(Fraction(str(node.value)) if isinstance(node.value, float) else Fraction(cast(int, node.value)))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.UAdd, ast.USub)):
        value = _eval(node.operand)
        return value if isinstance(node.op, ast.UAdd) else -value
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow)):
        left, right = _eval(node.left), _eval(node.right)
        if isinstance(node.op, ast.Add):
            return _bounded(left + right)
        if isinstance(node.op, ast.Sub):
            return _bounded(left - right)
        if isinstance(node.op, ast.Mult):
            return _bounded(left * right)
        if isinstance(node.op, ast.Div):
            if right == 0:
                raise ArithmeticError_("division by zero")
            return _bounded(left / right)
        # A power is checked before it is computed: its size is known from the operands.
        if right.denominator != 1 or abs(right) > MAX_EXPONENT:
            raise ArithmeticError_("exponent out of bounds")
        if left == 0 and right < 0:
            raise ArithmeticError_("division by zero")
        if abs(left) not in (0, 1) and abs(right) * max(math.log10(abs(left.numerator) or 1), math.log10(left.denominator)) > MAX_DIGITS:
            raise ArithmeticError_("value too large")
        return _bounded(left ** int(right))
    raise ArithmeticError_(f"not arithmetic: {type(node).__name__}")


def evaluate(expr: str) -> Fraction:
    """The exact value of ``expr`` (numbers, + - * / **, parentheses); ArithmeticError_
    for anything else, for a division by zero and for values out of bounds."""
    if len(expr) > MAX_CHARS or _depth(expr) > MAX_DEPTH:
        raise ArithmeticError_("expression too long or too deeply nested")
    try:
        tree = ast.parse(expr, mode="eval")
    except (SyntaxError, ValueError, MemoryError, RecursionError) as exc:
        raise ArithmeticError_(f"not an expression ({type(exc).__name__})") from exc
    return _eval(tree.body)


def display(value: Fraction) -> str:
    """391, 3.5, -0.125; a value with no exact decimal form rounded to DECIMALS places."""
    if value.denominator == 1:
        return str(value.numerator)
    scaled = round(abs(value) * 10 ** DECIMALS)  # exact digits, no float on the way
    whole, fraction = divmod(scaled, 10 ** DECIMALS)
    text = f"{whole}.{fraction:0{DECIMALS}d}".rstrip("0").rstrip(".")
    return f"-{text}" if value < 0 and text != "0" else text


def is_exact(value: Fraction) -> bool:
    return round(value, DECIMALS) == value


def compute(question: str) -> tuple[str, str, bool] | None:
    """(the expression, its value as displayed, whether that value is exact) for a question
    that is arithmetic and within bounds; None otherwise."""
    expr = expression_of(question)
    if expr is None:
        return None
    try:
        value = evaluate(expr)
    except ArithmeticError_:
        return None
    return expr, display(value), is_exact(value)

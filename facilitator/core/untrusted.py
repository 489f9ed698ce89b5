"""Provides strict parsing of what strangers send: JSON and whole numbers that cannot crash us.

Python's json module accepts NaN and Infinity, turns `1e400` into infinity, keeps
lone surrogates (which SQLite then refuses to encode) and recurses until the
interpreter gives up; `int()` takes any length and Unicode digits. Every network
entry point (phone server, sync) parses through here, so each of these ends in a
ValueError the caller answers with a short 400.
"""

import json
from typing import Any

MAX_DEPTH = 32
MAX_INT_DIGITS = 18  # fits SQLite's signed 64-bit INTEGER


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number here")


def _check_depth(raw: str, limit: int) -> None:
    """Refuse nesting deeper than `limit` before the recursive parser sees it."""
    depth = 0
    in_string = escaped = False
    for char in raw:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > limit:
                raise ValueError("nested too deeply")
        elif char in "]}":
            depth -= 1


def too_deep(raw: str, limit: int = MAX_DEPTH) -> bool:
    """Whether JSON text nests deeper than `limit`: our limit, the same on every Python.

    The interpreter's own (a RecursionError) moved: 3.13 parses 5,000 levels that 3.11
    refused, so a check that relied on it passed on one version and not the other.
    """
    try:
        _check_depth(raw, limit)
    except ValueError:
        return True
    return False


def _check_text(value: Any) -> None:
    """Refuse strings that are not valid Unicode (lone surrogates from `\\ud800`)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            item.encode("utf-8")  # UnicodeEncodeError is a ValueError
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def valid_text(value: Any) -> bool:
    """Whether every string in `value` (keys included) is valid Unicode."""
    try:
        _check_text(value)
    except ValueError:
        return False
    return True


def loads(raw: bytes | bytearray | str, *, max_depth: int = MAX_DEPTH) -> Any:
    """Parse JSON from a stranger; ValueError for bad UTF-8, NaN/Infinity, deep nesting.

    Floats are kept only when finite; anything that is not clean JSON text is refused.
    """
    text = raw if isinstance(raw, str) else raw.decode("utf-8")
    _check_depth(text, max_depth)
    data = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
    _check_text(data)
    return data


def loads_bounded(raw: bytes | bytearray | str, *, max_depth: int = MAX_DEPTH) -> Any:
    """Parse JSON whose values are checked afterwards, by name (ops): UTF-8 and depth here.

    Ops go through `store.op_check`, which names the op it refuses (a lone surrogate,
    an infinite number); refusing those here would only say the whole body is bad.
    """
    text = raw if isinstance(raw, str) else raw.decode("utf-8")
    _check_depth(text, max_depth)
    return json.loads(text)


def _finite_float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ValueError("number too large")
    return value


def parse_int(value: object, *, low: int = 0, high: int = 2**63 - 1) -> int:
    """Return a whole number from JSON or a query string; ValueError unless low ≤ n ≤ high.

    Accepts an int (not a bool) or a string of ASCII digits with an optional minus
    sign; refuses floats, exponents (`1e23`), Unicode digits and overlong strings.
    """
    if isinstance(value, bool):
        raise ValueError("not a whole number")
    if isinstance(value, int):
        number = value
    elif isinstance(value, str):
        text = value.strip()
        digits = text[1:] if text.startswith("-") else text
        if not digits or len(digits) > MAX_INT_DIGITS or not digits.isascii():
            raise ValueError("not a whole number")
        if not digits.isdigit():
            raise ValueError("not a whole number")
        number = int(text)
    else:
        raise ValueError("not a whole number")
    if not low <= number <= high:
        raise ValueError("out of range")
    return number

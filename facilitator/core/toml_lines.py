"""Provides parsing of TOML with problems reported as `path:line: message`.

tomllib gives no positions for values, so the line of a key is found by scanning
the text for its table header and its `key =` line.
"""

import re
import tomllib
from dataclasses import dataclass, field
from typing import Any

_AT_LINE = re.compile(r"\s*\(at line (\d+), column \d+\)")
_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-]+)\s*\]\]?")


@dataclass
class Problems:
    """Collects problems of one file; each is rendered as `path:line: message`."""

    path: str
    text: str
    line_offset: int = 0  # lines before the TOML (front matter opener)
    items: list[str] = field(default_factory=list)

    def add(self, message: str, *key_path: str | int) -> None:
        """Record a problem at the line of `key_path` (top of file if unknown)."""
        line = key_line(self.text, key_path) + self.line_offset
        self.items.append(f"{self.path}:{line}: {message}")

    def add_at(self, line: int, message: str) -> None:
        self.items.append(f"{self.path}:{line + self.line_offset}: {message}")


def load_toml(problems: Problems) -> dict[str, Any] | None:
    """Parse the text; a syntax error is recorded with its line and None returned."""
    try:
        return tomllib.loads(problems.text)
    except tomllib.TOMLDecodeError as err:
        message = str(err)
        match = _AT_LINE.search(message)
        line = int(match.group(1)) if match else 1
        problems.add_at(line, "TOML-Syntaxfehler: " + _AT_LINE.sub("", message))
        return None


def key_line(text: str, key_path: tuple[str | int, ...]) -> int:
    """Return the 1-based line of a key such as ('item', 2, 'minutes') or ('name', 'de')."""
    lines = text.splitlines()
    if not key_path:
        return 1
    head, rest = key_path[0], key_path[1:]
    if rest and isinstance(rest[0], int):  # an array of tables: [[head]] number n
        found = _header_line(lines, "[[", head, rest[0])
        key = str(rest[1]) if len(rest) > 1 else None  # after [[head]] n: a key's name
    elif rest:  # a table [head] with key rest[0]
        found, key = _header_line(lines, "[", head, 0), str(rest[0])
    else:
        found = None
    if found is None:
        return _find_key(lines, 0, str(head), 1)
    return _find_key(lines, found + 1, key, found + 1)


def _header_line(lines: list[str], brackets: str, head: str | int, index: int) -> int | None:
    """The 0-based line of the `index`-th header `[head]` or `[[head]]`; None if absent."""
    seen = -1
    for number, line in enumerate(lines):
        match = _HEADER.match(line)
        if match and match.group(1) == brackets and match.group(2) == head:
            seen += 1
            if seen == index:
                return number
    return None


def _find_key(lines: list[str], start: int, key: str | None, fallback: int) -> int:
    """Return the line of `key = …` from `start` up to the next table header."""
    if key is None:
        return fallback
    pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
    for number in range(start, len(lines)):
        if _HEADER.match(lines[number]):
            break
        if pattern.match(lines[number]):
            return number + 1
    return fallback

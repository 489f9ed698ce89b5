"""Provides a tiny HTML templating with autoescape: every value is escaped unless marked safe.

A dependency-free alternative to Jinja: the page has a handful of fragments, and
`render` makes escaping the default, so forgetting it cannot happen silently.
"""

import html
from collections.abc import Iterable


class Markup(str):
    """HTML that is already safe (built by `render` or escaped on purpose)."""

    __slots__ = ()


def escape(value: object) -> Markup:
    """Return `value` as safe HTML: Markup stays, everything else is escaped (quotes too)."""
    if isinstance(value, Markup):
        return value
    return Markup(html.escape("" if value is None else str(value), quote=True))


def render(template: str, **values: object) -> Markup:
    """Fill `{name}` placeholders of a trusted template with escaped values."""
    return Markup(template.format(**{k: escape(v) for k, v in values.items()}))


def join(parts: Iterable[object]) -> Markup:
    """Concatenate fragments, escaping any that are not Markup."""
    return Markup("".join(escape(p) for p in parts))


def attrs(**flags: bool) -> Markup:
    """Return boolean attributes (` hidden`, ` checked` …) for the flags that are true."""
    return Markup("".join(f" {name}" for name, on in flags.items() if on))

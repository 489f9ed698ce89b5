"""Provides the one cleaning of text as it enters the store: no control characters.

Every entry path (CLI, app, phone, CSV, `import json`, sync) reaches the store through
the field rules in `core.fields`, which call `clean_text`; so an ESC, NUL or \\x01 typed
on a phone never reaches a table, a page, the contacts CSV or a document.
"""

import re

# C0 controls, DEL and C1 controls, and lone surrogates (which UTF-8 cannot encode, so
# SQLite could not store them). Tab and line feed are kept only in multi-line text.
_ANY_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_CONTROLS_ONE_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
# Controls that separate words (vertical tab, form feed, file/group/record separators,
# NEL) become a space rather than vanishing, so the words either side stay apart.
_SPACING = re.compile(r"[\x0b\x0c\x1c-\x1e\x85]")
_CONTROLS_MULTI_LINE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def clean_text(text: str, *, multiline: bool = False) -> str:
    """Return `text` without control characters (keeping \\n and \\t if `multiline`).

    A Windows line end becomes a plain \\n; in one-line text a line break or tab becomes
    a space, so words on either side stay apart.
    """
    if not _ANY_CONTROL.search(text):
        return text  # the usual case: one scan, no copies
    text = _SPACING.sub(" ", text)
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        return _CONTROLS_MULTI_LINE.sub("", text)
    text = re.sub(r"[\t\n\r]", " ", text)
    return _CONTROLS_ONE_LINE.sub("", text)


def split_lines(text: str) -> list[str]:
    """Return the lines of `text`, split at \\n and \\r\\n only.

    Unlike str.splitlines, a vertical tab, form feed, \\x1c–\\x1e, \\x85 or U+2028 inside
    a line does not start a new entry.
    """
    return text.replace("\r\n", "\n").split("\n")


def name_key(name: str | None) -> str:
    """Return the key two spellings of one name share: case and spacing folded."""
    return " ".join((name or "").casefold().split())

"""Provides the one-line capture syntax: "h: Text #thema @Organisation !wer >wann".

A prefix before the first colon sets the kind (taxonomy.KIND_PREFIXES, or a kind's
name); `#topic` is a topic field (an unambiguous beginning is enough), `@Org` an
organisation (`@"Stadt Esslingen"` or `@Stadt_Esslingen` for names with spaces),
`!owner` the person responsible and `>2026-12-31` (or `>31.12.2026`) the due date.
Everything else is the text. Pure: the caller stores what this returns.
"""

import re
from dataclasses import dataclass
from datetime import date

from facilitator.core.errors import ValidationError
from facilitator.core.taxonomy import CAPTURE_KINDS, KIND_PREFIXES, TOPICS, fold_key, resolve

_PREFIX = re.compile(r"^\s*([A-Za-zÄÖÜäöüß-]{1,20})\s*:\s*")
_TAG = re.compile(r'(?<!\S)([#@!>])(?:"([^"]*)"|(\S+))')
_GERMAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})?$")
_INVERSE_PREFIX = {kind: prefix for prefix, kind in KIND_PREFIXES.items()}


@dataclass(frozen=True)
class CaptureLine:
    """What one typed line means."""

    kind: str
    text: str
    topic: str | None = None
    organisation: str | None = None
    owner: str | None = None
    due: str | None = None  # ISO date


def resolve_topic(word: str) -> str:
    """Return the topic key for `word`: a key, a label or an unambiguous beginning."""
    exact = resolve(word, TOPICS)
    if exact:
        return exact
    folded = fold_key(word)
    found = [
        key
        for key, label in TOPICS.items()
        if folded and any(fold_key(name).startswith(folded) for name in (key, label.de, label.en))
    ]
    if len(found) == 1:
        return found[0]
    if found:
        raise ValidationError(
            f"#{word} ist mehrdeutig: {', '.join(found)}.",
            en=f"#{word} is ambiguous: {', '.join(found)}.",
        )
    raise ValidationError(
        f"Unbekanntes Themenfeld #{word}; erlaubt: {', '.join(TOPICS)}.",
        en=f"Unknown topic #{word}; allowed: {', '.join(TOPICS)}.",
    )


def _due(word: str, today: date | None) -> str:
    try:
        return date.fromisoformat(word).isoformat()
    except ValueError:
        pass
    match = _GERMAN_DATE.match(word)
    if match:
        day, month, year = match.groups()
        year_value = int(year) if year else (today or date.today()).year
        try:
            return date(year_value, int(month), int(day)).isoformat()
        except ValueError:
            pass
    raise ValidationError(
        f"Fälligkeit >{word} ist kein Datum (2026-12-31 oder 31.12.2026).",
        en=f"Due date >{word} is not a date (2026-12-31 or 31.12.2026).",
    )


def _kind(line: str) -> tuple[str, str]:
    match = _PREFIX.match(line)
    if match:
        word = match.group(1).lower()
        kind = KIND_PREFIXES.get(word) or resolve(word, CAPTURE_KINDS)
        if kind:
            return kind, line[match.end() :]
    return "note", line


def parse_capture_line(line: str, today: date | None = None) -> CaptureLine:
    """Parse a typed line; ValidationError (one sentence) for an unknown tag or no text."""
    parsed = _parse(line, today)
    if not parsed.text:
        raise ValidationError("Der Text fehlt.", en="The text is missing.")
    return parsed


@dataclass(frozen=True)
class CaptureFilter:
    """What a filter line asks for; None/empty means any."""

    kind: str | None = None
    text: str = ""
    topic: str | None = None
    organisation: str | None = None


def parse_capture_filter(line: str) -> CaptureFilter:
    """Parse a filter in the capture syntax ("h: #verw @Esslingen Wort"); kind optional."""
    if not line.strip():
        return CaptureFilter()
    has_kind = _kind(line)[1] != line
    parsed = _parse(line, None)
    return CaptureFilter(
        parsed.kind if has_kind else None, parsed.text, parsed.topic, parsed.organisation
    )


def _parse(line: str, today: date | None) -> CaptureLine:
    kind, rest = _kind(line)
    found: dict[str, str] = {}
    names = {"#": "topic", "@": "organisation", "!": "owner", ">": "due"}

    def take(match: re.Match[str]) -> str:
        sign, quoted, bare = match.groups()
        value = quoted if quoted is not None else bare.replace("_", " ")
        value = value.strip()
        field = names[sign]
        if not value:
            raise ValidationError(
                f"Nach {sign} fehlt ein Name.", en=f"A name is missing after {sign}."
            )
        if field in found:
            raise ValidationError(
                f"{sign} darf nur einmal vorkommen.", en=f"{sign} may appear only once."
            )
        if field == "topic":
            value = resolve_topic(bare or value)
        elif field == "due":
            value = _due(value, today)
        found[field] = value
        return ""

    text = " ".join(_TAG.sub(take, rest).split())
    return CaptureLine(kind, text, **found)


def format_capture_line(
    kind: str,
    text: str,
    topic: str | None = None,
    organisation: str | None = None,
    owner: str | None = None,
    due: str | None = None,
) -> str:
    """Return the line that `parse_capture_line` reads back as these fields."""

    def tag(sign: str, value: str) -> str:
        return f'{sign}"{value}"' if " " in value else f"{sign}{value}"

    parts = [f"{_INVERSE_PREFIX[kind]}: {text}" if kind != "note" else text]
    if kind == "note" and _PREFIX.match(text):
        parts = [f"{_INVERSE_PREFIX['note']}: {text}"]
    if topic:
        parts.append(f"#{topic}")
    if organisation:
        parts.append(tag("@", organisation))
    if owner:
        parts.append(tag("!", owner))
    if due:
        parts.append(f">{due}")
    return " ".join(parts)


def current_tag(value: str) -> tuple[str, str] | None:
    """Return (sign, partial word) of the tag being typed at the end of `value`, if any."""
    match = re.search(r'(?<!\S)([#@!])"?([^\s"]*)$', value)
    return (match.group(1), match.group(2)) if match else None

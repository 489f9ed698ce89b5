"""Provides the one-line capture syntax: "h: Text #thema @Organisation !wer >wann".

A prefix before the first colon sets the kind (taxonomy.KIND_PREFIXES, or a kind's
name); `#topic` is a topic field (an unambiguous beginning is enough), `@Org` an
organisation (`@"Stadt Esslingen"` or `@Stadt_Esslingen` for names with spaces),
`!owner` the person responsible, `>2026-12-31` (or `>31.12.2026`, `>31.12.`: the next
such date from the workshop's day) the due date and `=geplant` a measure's status
(`=idee`, `=geplant`, `=umsetzung`/`=in_umsetzung`, `=fertig`/`=abgeschlossen`).
Everything else is the text. Pure: the caller stores what this returns.
"""

import re
from dataclasses import dataclass
from datetime import date

from facilitator.core.dates import parse_date
from facilitator.core.errors import ValidationError
from facilitator.core.taxonomy import (
    CAPTURE_KINDS,
    KIND_PREFIXES,
    MEASURE_STATUSES,
    TOPICS,
    fold_key,
    resolve,
    resolve_status,
)
from facilitator.locale import lazy

_PREFIX = re.compile(r"^\s*([A-Za-zÄÖÜäöüß-]{1,20})\s*:\s*")
_TAG = re.compile(r'(?<!\S)([#@!>=])(?:"([^"]*)"|(\S+))')
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
    status: str | None = None  # measures only: key of MEASURE_STATUSES


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
            lazy("#{word} ist mehrdeutig: {found}.", word=word, found=", ".join(found))
        )
    raise ValidationError(
        lazy(
            "Unbekanntes Themenfeld #{word}; erlaubt: {topics}.",
            word=word,
            topics=", ".join(TOPICS),
        )
    )


def _due(word: str, today: date | None) -> str:
    return parse_date(word, today or date.today(), label="Fälligkeit >")


def _status(word: str) -> str:
    found = resolve_status(word)
    if found is None:
        raise ValidationError(
            lazy(
                "Unbekannter Status ={word}; erlaubt: {measure_statuses}.",
                word=word,
                measure_statuses=", ".join(MEASURE_STATUSES),
            )
        )
    return found


def _kind(line: str) -> tuple[str, str]:
    match = _PREFIX.match(line)
    if match:
        word = match.group(1).lower()
        kind = KIND_PREFIXES.get(word) or resolve(word, CAPTURE_KINDS)
        if kind:
            return kind, line[match.end() :]
    return "note", line


def parse_capture_line(line: str, today: date | None = None) -> CaptureLine:
    """Parse a typed line; ValidationError (one sentence) for an unknown tag or no text.

    `today` is the workshop's day: a due date without a year counts from it.
    """
    parsed = _parse(line, today)
    if not parsed.text:
        raise ValidationError(lazy("Der Text fehlt."))
    if parsed.status and parsed.kind != "measure":
        raise ValidationError(lazy("Einen Status (=…) haben nur Maßnahmen (m:)."))
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
    names = {"#": "topic", "@": "organisation", "!": "owner", ">": "due", "=": "status"}

    def take(match: re.Match[str]) -> str:
        sign, quoted, bare = match.groups()
        value = quoted if quoted is not None else bare.replace("_", " ")
        value = value.strip()
        field = names[sign]
        if not value:
            raise ValidationError(lazy("Nach {sign} fehlt ein Name.", sign=sign))
        if field in found:
            raise ValidationError(lazy("{sign} darf nur einmal vorkommen.", sign=sign))
        if field == "topic":
            value = resolve_topic(bare or value)
        elif field == "due":
            value = _due(value, today)
        elif field == "status":
            value = _status(value)
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
    status: str | None = None,
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
    if status and kind == "measure":
        parts.append(f"={status}")
    return " ".join(parts)


def current_tag(value: str) -> tuple[str, str] | None:
    """Return (sign, partial word) of the tag being typed at the end of `value`, if any."""
    match = re.search(r'(?<!\S)([#@!])"?([^\s"]*)$', value)
    return (match.group(1), match.group(2)) if match else None

"""Provides the rules every stored field obeys: types, ranges, lengths, clean characters.

One set of rules, called by the services before they record an op and by the op
validation (`store.op_check`) before an op from the other laptop or a file is applied,
so what the app refuses, sync and `import json` refuse too. `check_fields` returns the
cleaned values (control characters stripped, keys resolved) or raises ValidationError.
"""

import json
import math
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from facilitator.core.clean import clean_text
from facilitator.core.errors import ValidationError
from facilitator.core.hlc import parse_hlc
from facilitator.core.i18n import Label
from facilitator.core.participants_csv import looks_like_email
from facilitator.core.schedule import parse_clock
from facilitator.core.taxonomy import (
    choices,
    resolve,
)
from facilitator.locale import Text, lazy

Rule = Callable[[Any], Any]

NAME_MAX = 200  # a person's or an organisation's name, a place, an owner
TITLE_MAX = 300
TEXT_MAX = 10_000  # a capture, notes, a description
MINUTES_MAX = 600
BUDGET_MAX = 20
DOTS_MAX = (BUDGET_MAX + 1) // 2  # the most one voter may put on one entry
_ID = re.compile(r"[A-Za-z0-9._:@-]{1,160}")
_JOIN_CODE = re.compile(r"[a-z0-9]{4,64}")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


def text(
    limit: int,
    *,
    required: Text | None = None,
    multiline: bool = False,
    collapse: bool = False,
) -> Rule:
    """Text of at most `limit` characters, cleaned; `required` gives the message for empty."""

    def rule(value: Any) -> str | None:
        if value is None and required is None:
            return None
        if not isinstance(value, str):
            raise ValidationError(lazy("Text erwartet, nicht {show}.", show=_show(value)))
        value = clean_text(value, multiline=multiline).strip()
        if collapse:
            value = " ".join(value.split())
        if required is not None and not value:
            raise ValidationError(required)
        if len(value) > limit:
            raise ValidationError(lazy("Der Text ist länger als {limit} Zeichen.", limit=limit))
        return value

    return rule


def whole(low: int, high: int, problem: Text) -> Rule:
    """A whole number from `low` to `high` (ASCII digits in a string are taken too)."""

    def rule(value: Any) -> int:
        number = value
        if isinstance(value, str) and re.fullmatch(r"-?[0-9]{1,9}", value.strip()):
            number = int(value)
        if not isinstance(number, int) or isinstance(number, bool) or not low <= number <= high:
            # `problem` names the bad number as {value}
            raise ValidationError(
                replace(problem, values={**problem.values, "value": _show(value)})
            )
        return number

    return rule


# A photo's JPEG as base64 (≤ 2000 px, quality 75: about 0.4–2 MB); a little room above.
JPEG_BASE64_MAX = 6 * 1024 * 1024


def jpeg_base64(value: Any) -> str | None:
    """A photo's JPEG in base64: only base64 characters, at most JPEG_BASE64_MAX of them."""
    if value is None:
        return None
    if (
        isinstance(value, str)
        and len(value) <= JPEG_BASE64_MAX
        and re.fullmatch(r"[A-Za-z0-9+/]*={0,2}", value)
        and value.startswith("/9j/")  # base64 of a JPEG's first bytes (FF D8 FF)
    ):
        return value
    raise ValidationError(lazy("Kein JPEG-Foto in Base64."))


def json_data(limit: int) -> Rule:
    """A JSON object or list (settings, an answer) of at most `limit` characters when written."""

    def rule(value: Any) -> Any:
        if value is None:
            return None
        try:
            size = len(json.dumps(value, ensure_ascii=False, allow_nan=False))
        except (TypeError, ValueError, RecursionError):
            size = -1
        if not isinstance(value, dict | list) or not 0 <= size <= limit:
            raise ValidationError(
                lazy("Keine gültigen Daten (JSON bis {limit} Zeichen).", limit=limit)
            )
        return value

    return rule


def flag(value: Any) -> int:
    """0 or 1 (True and False are taken)."""
    if value in (0, 1) and not isinstance(value, float):
        return int(value)
    raise ValidationError(lazy("0 oder 1 erwartet, nicht {show}.", show=_show(value)))


def position(value: Any) -> float:
    """A finite number (the place of an agenda item)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        if math.isfinite(value) and abs(value) < 1e12:
            return value
    raise ValidationError(lazy("Keine gültige Position: {show}.", show=_show(value)))


def choice(table: dict[str, Label], what: Text, *, nullable: bool = True) -> Rule:
    """A key of `table` (a label in either language is resolved to its key)."""

    def rule(value: Any) -> str | None:
        if value in (None, "") and nullable:
            return None
        if isinstance(value, str) and value in table:  # the stored form: no folding needed
            return value
        found = resolve(value, table) if isinstance(value, str) else None
        if found is None:
            raise ValidationError(
                lazy(
                    "{what} {value}; erlaubt: {choices}.",
                    what=what,
                    value=_show(value),
                    choices=choices(table),
                )
            )
        return found

    return rule


def ident(value: Any) -> str | None:
    """An id (letters, digits and . _ : @ -), or None."""
    if value is None or (isinstance(value, str) and _ID.fullmatch(value)):
        return value
    raise ValidationError(lazy("Keine gültige Kennung: {show}.", show=_show(value)))


def clock(value: Any) -> str | None:
    """A time HH:MM, or None/empty."""
    if value in (None, ""):
        return value
    try:
        parse_clock(value)
    except (ValueError, AttributeError, TypeError):
        raise ValidationError(lazy("{show} ist keine Uhrzeit HH:MM.", show=_show(value))) from None
    return value


def day(value: Any) -> str | None:
    """A date YYYY-MM-DD, or None/empty."""
    if value in (None, ""):
        return value
    try:
        if not isinstance(value, str) or not _DATE.fullmatch(value):
            raise ValueError(value)
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise ValidationError(
            lazy("{show} ist kein Datum JJJJ-MM-TT.", show=_show(value))
        ) from None


def moment(value: Any) -> str | None:
    """A point in time in ISO form (created_at, consent_at), or None/empty."""
    if value in (None, ""):
        return value
    try:
        if not isinstance(value, str) or len(value) > 40 or not value.isascii():
            raise ValueError(value)
        datetime.fromisoformat(value)
    except ValueError:
        raise ValidationError(lazy("{show} ist kein Zeitpunkt.", show=_show(value))) from None
    return value


def clock_stamp(value: Any) -> str | None:
    """A hybrid clock value (the creation clock of a capture), or None."""
    if value is None:
        return None
    try:
        parse_hlc(value)
    except ValueError:
        raise ValidationError(lazy("Keine gültige Uhr: {show}.", show=_show(value))) from None
    return value


def email(value: Any) -> str | None:
    """An e-mail address (the rule of the CSV import and the phones), or empty."""
    value = text(NAME_MAX)(value)
    if value and not looks_like_email(value):
        raise ValidationError(lazy("{value} ist keine E-Mail-Adresse.", value=repr(value)))
    return value


def lines(item_rule: Rule, most: int) -> Rule:
    """A list of at most `most` values, each obeying `item_rule` (JSON columns)."""

    def rule(value: Any) -> list | None:
        if value is None:
            return None
        if not isinstance(value, list) or len(value) > most:
            raise ValidationError(
                lazy(
                    "Eine Liste von höchstens {most} Einträgen erwartet, nicht {show}.",
                    most=most,
                    show=_show(value),
                )
            )
        return [item_rule(v) for v in value]

    return rule


def join_code(value: Any) -> str | None:
    if value is None or (isinstance(value, str) and _JOIN_CODE.fullmatch(value)):
        return value
    raise ValidationError(lazy("Kein gültiger Zugangscode: {show}.", show=_show(value)))


# A host phones can reach: an IPv4 address, a bracketed IPv6 one, or a host name.
_HOST = (
    r"(?:[0-9]{1,3}(?:\.[0-9]{1,3}){3}|\[[0-9A-Fa-f:.]{2,45}\]"
    r"|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?)"
)
# A phone server's base address as phones open it: http, a host, a port, nothing else.
_SERVER_URL = re.compile(r"http://" + _HOST + r":([0-9]{1,5})")


def host(value: Any) -> str | None:
    """A fixed address or host name for the join link (e.g. workshop.local, 10.0.0.5)."""
    if value is None:
        return None
    if isinstance(value, str) and re.fullmatch(_HOST, value):
        return value
    raise ValidationError(
        lazy(
            "Keine Adresse und kein Rechnername: {show} (z. B. 192.168.1.20 oder laptop-a.local).",
            show=_show(value),
        )
    )


def server_url(value: Any) -> str | None:
    """A laptop's phone address, e.g. http://192.168.1.20:8765 (no path, no user part)."""
    if value is None:
        return None
    found = _SERVER_URL.fullmatch(value) if isinstance(value, str) else None
    if found and 0 < int(found[1]) < 65536:
        return value
    raise ValidationError(lazy("Keine Server-Adresse http://HOST:PORT: {show}.", show=_show(value)))

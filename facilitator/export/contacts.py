"""Provides the contact list for follow-up: only people who consented, CSV for Excel.

UTF-8 with a byte-order mark and `;` as separator: what a German Excel opens with
umlauts intact and columns split.
"""

import csv
import io
from collections.abc import Iterable

from facilitator.core.clean import clean_text
from facilitator.core.models import Participant
from facilitator.core.names import surname_key
from facilitator.core.taxonomy import ORG_TYPES

HEADERS = {
    "de": ["Name", "Organisation", "Typ", "Kommune", "E-Mail"],
    "en": ["Name", "Organisation", "Type", "Municipality", "E-mail"],
}


def consenting(people: Iterable[Participant]) -> list[Participant]:
    """Return the people who consented to share their contact details, once each.

    Someone at several workshops appears once (by e-mail, else by name and organisation);
    consent given at any of them counts only for the row that carries it.
    """
    seen: set[tuple[str, str]] = set()
    found = []
    for person in people:
        if not person.consent:
            continue
        key = (person.email.casefold(), "") if person.email else (person.name, person.organisation)
        if key in seen:
            continue
        seen.add(key)
        found.append(person)
    # by surname as a phone book does: "Dr. Eva Ärger" under A, not D
    return sorted(found, key=lambda p: (surname_key(p.name), p.organisation.casefold()))


def _safe(value: str | None) -> str:
    """Keep a cell from being read as a formula by Excel (CSV injection).

    Control characters go first (an old database may hold them), so "\\x01=…" is
    caught as a formula too.
    """
    value = clean_text(value or "")
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def contacts_csv(people: Iterable[Participant], lang: str = "de") -> str:
    """Return the CSV text (with BOM) of the consenting people."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADERS.get(lang, HEADERS["de"]))
    for person in consenting(people):
        kind = ORG_TYPES.get(person.org_type or "sonstige", ORG_TYPES["sonstige"]).get(lang)
        writer.writerow(
            [
                _safe(person.name),
                _safe(person.organisation),
                kind if person.organisation else "",
                _safe(person.municipality),
                _safe(person.email),
            ]
        )
    return "\ufeff" + buffer.getvalue()

"""Provides the one rule for naming people in documents, as the consent text states it.

People who were present and consented appear by name (with organisation); people
who were present without consent appear only as their organisation with a head
count ("Gemeinde Denkendorf (2 Personen)"); people who were not present are not
listed at all. Every document that lists participants applies `document_participants`.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from facilitator.core.models import Participant


@dataclass(frozen=True)
class DocumentParticipants:
    """Who a document may name, and the organisations of the others with head counts."""

    named: list[Participant]
    unnamed_by_organisation: list[tuple[str, int]]  # ("" for people without organisation)


def document_participants(people: Iterable[Participant]) -> DocumentParticipants:
    """Apply the rule to a workshop's participants (any order; deleted ones left out before)."""
    present = [p for p in people if p.present]
    named = sorted(
        (p for p in present if p.consent), key=lambda p: (p.name.casefold(), p.organisation)
    )
    counts = Counter(p.organisation for p in present if not p.consent)
    unnamed = sorted(counts.items(), key=lambda item: (item[0] == "", item[0].casefold()))
    return DocumentParticipants(named, unnamed)


def unnamed_label(organisation: str, count: int, lang: str = "de") -> str:
    """Return "Gemeinde Denkendorf (2 Personen)" / "(1 person)"; no organisation: "ohne Angabe"."""
    org = organisation or ("ohne Angabe" if lang == "de" else "not stated")
    if lang == "de":
        return f"{org} ({count} {'Person' if count == 1 else 'Personen'})"
    return f"{org} ({count} {'person' if count == 1 else 'people'})"

"""Provides the one rule for naming people in documents, as the consent text states it.

People who were present and consented appear by name (with organisation); people
who were present without consent appear only as their organisation with a head
count ("Gemeinde Denkendorf (2 Personen)"); people who were not present are not
listed at all. Every document that lists participants applies `document_participants`.
Where nobody was marked present (attendance not taken), everyone registered counts as
present, and the document says that attendance was not recorded.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from facilitator.core.models import Participant
from facilitator.core.names import surname_key


@dataclass(frozen=True)
class DocumentParticipants:
    """Who a document may name, and the organisations of the others with head counts."""

    named: list[Participant]
    unnamed_by_organisation: list[tuple[str, int]]  # ("" for people without organisation)
    present: int  # people counted as present (everyone registered if not recorded)
    absent: int  # registered, not marked present (excused or absent)
    recorded: bool  # False: nobody was marked present, so everyone registered counts


def document_participants(people: Iterable[Participant]) -> DocumentParticipants:
    """Apply the rule to a workshop's participants (any order; deleted ones left out before)."""
    people = list(people)
    recorded = any(p.present for p in people)
    present = [p for p in people if p.present or not recorded]
    named = sorted(
        (p for p in present if p.consent == 1),
        key=lambda p: (surname_key(p.name), p.organisation),  # by surname, titles ignored
    )
    counts = Counter(p.organisation for p in present if p.consent != 1)
    unnamed = sorted(counts.items(), key=lambda item: (item[0] == "", item[0].casefold()))
    return DocumentParticipants(named, unnamed, len(present), len(people) - len(present), recorded)


def unnamed_label(organisation: str, count: int, lang: str = "de") -> str:
    """Return "Gemeinde Denkendorf (2 Personen)" / "(1 person)"; no organisation: "ohne Angabe"."""
    org = organisation or ("ohne Angabe" if lang == "de" else "not stated")
    if lang == "de":
        return f"{org} ({count} {'Person' if count == 1 else 'Personen'})"
    return f"{org} ({count} {'person' if count == 1 else 'people'})"

"""Provides the one rule for naming people in documents, as the consent text states it.

People who were present and consented appear by name (with organisation); people
who were present without consent appear only as their organisation with a head
count ("Gemeinde Denkendorf (2 Personen)"); people who were not present are not
listed at all. Every document that lists participants applies `document_participants`.
Where nobody was marked present (attendance not taken), everyone registered counts as
present, and the document says that attendance was not recorded.

A count of one names a person ("Firma Geheim GmbH (1 Person)"): organisations with a
single unnamed person are not listed by name but counted together (`unnamed_others`).
A to-do owner who does not consent is shown as their organisation (`owner_label`),
found by the name forms a scribe types: the full name, the first name or the surname.
"""

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from facilitator.core.models import Participant
from facilitator.core.names import split_name, strip_titles, surname_key
from facilitator.locale import gettext, ngettext


@dataclass(frozen=True)
class DocumentParticipants:
    """Who a document may name, and the organisations of the others with head counts."""

    named: list[Participant]
    unnamed_by_organisation: list[tuple[str, int]]  # ("" for people without organisation)
    present: int  # people counted as present (everyone registered if not recorded)
    absent: int  # registered, not marked present (excused or absent)
    recorded: bool  # False: nobody was marked present, so everyone registered counts
    # unnamed people of organisations with only one of them: counted, never by organisation
    unnamed_others: int = 0


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
    # "Firma Geheim GmbH (1 Person)" would name the one person: such ones are counted apart
    others = sum(n for org, n in counts.items() if org and n == 1)
    unnamed = sorted(
        ((org, n) for org, n in counts.items() if not org or n > 1),
        key=lambda item: (item[0] == "", item[0].casefold()),
    )
    return DocumentParticipants(
        named, unnamed, len(present), len(people) - len(present), recorded, others
    )


def _fold(text: str) -> str:
    return " ".join(text.replace("-", " - ").split()).casefold().replace(" - ", "-")


def name_forms(name: str) -> list[str]:
    """Return the forms a person's name is written in: full name, without titles, first, last.

    "Dr. Erika Muster" → ["Dr. Erika Muster", "Erika Muster", "Erika", "Muster"].
    """
    _, bare = strip_titles(name)
    first, surname = split_name(name)
    forms = [name, bare, f"{first} {surname}".strip(), first.split()[0] if first else "", surname]
    return [f for f in dict.fromkeys(" ".join(f.split()) for f in forms) if f]


# what separates several owners in one field: "Hans Zeuge, Erika Muster", "A und B", "A/B"
_OWNER_SPLIT = re.compile(r"(\s*(?:[,;/&+]|\bund\b|\band\b)\s*)", re.IGNORECASE)


def _named_by(part: str, people: list[Participant]) -> list[Participant]:
    wanted = _fold(part)
    return [p for p in people if p.name and wanted in {_fold(f) for f in name_forms(p.name)}]


def owner_label(owner: str, people: Iterable[Participant], lang: str = "de") -> str:
    """Return a to-do owner as a document may print it: nobody named against their consent.

    Each name in the field (split at commas, "und", "/" …) that stands for a participant
    without consent becomes their organisation; a name that stands for several people
    of whom one does not consent becomes "ohne Namensnennung". Names the list does not
    know (people outside the workshop) stay as typed.
    """
    people = list(people)
    pieces = _OWNER_SPLIT.split(owner)
    shown = []
    for index, piece in enumerate(pieces):
        if index % 2 == 1 or not piece.strip():
            shown.append(piece)  # a separator, kept as typed
            continue
        found = _named_by(piece.strip(), people)
        if not found or all(p.consent == 1 for p in found):
            shown.append(piece)
            continue
        orgs = {p.organisation for p in found}
        if len(found) == 1 or len(orgs) == 1:
            org = next(iter(orgs))
            shown.append(org or gettext("ohne Namensnennung", lang))
        else:
            shown.append(gettext("ohne Namensnennung", lang))
    return "".join(shown)


def unnamed_label(organisation: str, count: int, lang: str = "de") -> str:
    """Return "Gemeinde Denkendorf (2 Personen)" / "(1 person)"; no organisation: "ohne Angabe"."""
    org = organisation or gettext("ohne Angabe", lang)
    return ngettext("{org} ({n} Person)", "{org} ({n} Personen)", count, lang, org=org)


MIN_FORM = 3  # "Al" would hit "Alltag": shorter name forms are not searched in free text


def name_pattern(forms: Iterable[str]) -> "re.Pattern[str] | None":
    """Return a pattern for whole-word name forms (longest first), None if none is usable."""
    usable = sorted((f for f in forms if len(f) >= MIN_FORM), key=len, reverse=True)
    if not usable:
        return None
    joined = "|".join(re.escape(f) for f in usable)
    return re.compile(rf"(?<!\w)(?:{joined})(?!\w)", re.IGNORECASE)

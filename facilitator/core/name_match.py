"""Provides matching of what the scribe types against known people and organisations.

`!Lukas` means "Lukas Dürr" when he is the only Lukas on the list; `@Stadt Eslingen`
is most likely a typo of "Stadt Esslingen" and is offered as such, so a slip of the
finger does not quietly create a second organisation.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from facilitator.core.taxonomy import fold_key

# how alike two organisation names must be (0–100) to offer one for the other
NEAR_SCORE = 85
# how alike each word must be: "Ostfilden"/"Ostfildern" are, "Stadtwerke"/"Stadt" are not
WORD_SCORE = 75


def _words(name: str) -> list[str]:
    return [fold_key(word) for word in name.replace("-", " ").split()]


def match_person(typed: str, names: Iterable[str]) -> str | None:
    """The one known name `typed` stands for: the full name, or the beginning of its words.

    "Lukas" and "dürr" both give "Lukas Dürr"; two Lukases give None (ambiguous).
    """
    names = list(dict.fromkeys(names))
    wanted = fold_key(typed)
    exact = [name for name in names if fold_key(name) == wanted]
    if exact:
        return exact[0]
    parts = _words(typed)
    if not parts:
        return None
    found = [
        name
        for name in names
        if all(any(word.startswith(part) for word in _words(name)) for part in parts)
    ]
    return found[0] if len(found) == 1 else None


@dataclass(frozen=True)
class OrganisationMatch:
    """How a typed organisation relates to the known ones."""

    name: str  # the known name when it exists (in its stored spelling), else as typed
    known: bool
    suggestion: str | None = None  # a near known name, for a typo


def match_organisation(typed: str, names: Iterable[str]) -> OrganisationMatch:
    """Known (any case or spacing), a likely typo of a known one, or new."""
    names = list(names)
    wanted = " ".join(typed.casefold().split())
    for name in names:
        if " ".join(name.casefold().split()) == wanted:
            return OrganisationMatch(name, True)
    near = process.extract(
        typed, names, scorer=fuzz.ratio, processor=fold_key, score_cutoff=NEAR_SCORE, limit=5
    )
    best = next((found for found in near if _slip_of(typed, found[0])), None)
    return OrganisationMatch(" ".join(typed.split()), False, best[0] if best else None)


def _slip_of(typed: str, known: str) -> bool:
    """Whether `typed` differs from `known` by slips within words, not by a word.

    "Stadt Ostfilden" is a slip of "Stadt Ostfildern"; "Stadtwerke Esslingen" is another
    organisation than "Stadt Esslingen" (the city's utility), however alike the letters.
    A missing or extra space ("StadtEsslingen") is a slip too.
    """
    mine, theirs = _words(typed), _words(known)
    if len(mine) == len(theirs):
        return all(fuzz.ratio(a, b) >= WORD_SCORE for a, b in zip(mine, theirs, strict=True))
    squashed, other = "".join(mine), "".join(theirs)
    return abs(len(squashed) - len(other)) <= 1 and fuzz.ratio(squashed, other) >= NEAR_SCORE

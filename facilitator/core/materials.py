"""Provides the packing checklist: the cards' materials with near-duplicates merged.

"Filzstifte", "dicke Filzstifte" and "Filzstifte in zwei Farben" are one thing to
pack: the checklist names the thing once, with what changes what to buy (an
adjective, "in … Farben") in brackets. A prepared thing ("Plakat mit Zielscheibe")
stays on its own line. Lists ("Moderationskarten und Filzstifte")
become their parts; alternatives ("Flipchart oder Pinnwand") and optional items stay
as they are. The run sheet's table keeps each card's own wording.
"""

import re
from collections.abc import Iterable

# words after the thing's name that start a qualifier of it
_QUALIFIERS = ("mit", "für", "in", "je", "pro", "als", "auf", "aus", "zum", "zur", "gut")
# words before it that describe it (what to buy), or count it (how many: the table says)
_DESCRIBING = ("dicke", "dicker", "große", "großes", "großer", "kleine", "kleiner", "runde")
_COUNTING = ("zwei", "drei", "vier", "mehrere", "je", "ein", "eine", "zweites")
_KEEP_WHOLE = re.compile(r"\b(oder|optional|alternativ|ggf\.|keine)\b|:", re.IGNORECASE)
_BRACKETS = re.compile(r"\s*\([^)]*\)")
# qualifiers that change what to buy ("in zwei Farben"); purposes ("für …") do not
_BUYING = ("in ",)
_PREPARED = ("mit ",)  # "Plakat mit Zielscheibe": prepared for one method, never merged


def _parts(material: str) -> list[str]:
    """Split a plain list ("A, B und C") into its things; anything qualified stays whole."""
    words = material.split()
    qualified = any(w in _QUALIFIERS for w in words[1:]) or "(" in material
    if _KEEP_WHOLE.search(material) or qualified:
        return [material]
    return [p.strip() for p in re.split(r",| und ", material) if p.strip()]


def _head(material: str) -> tuple[str, str, str]:
    """Return (key, thing, what to buy) of one material; key "" keeps it on its own line."""
    if _KEEP_WHOLE.search(material):
        return "", material, ""
    words = _BRACKETS.sub("", material).split()
    described = []
    while len(words) > 1 and words[0].casefold() in _DESCRIBING + _COUNTING:
        word = words.pop(0)
        if word.casefold() in _DESCRIBING:
            described.append(word)
    if not words or not words[0][:1].isupper():  # no noun first ("freie Fläche …"): as it is
        return "", material, ""
    thing, rest = words[0], " ".join(words[1:])
    if rest.startswith(_PREPARED):  # "Plakat mit Zielscheibe": a poster of its own
        return "", material, ""
    buying = [*described, *([rest] if rest.startswith(_BUYING) else [])]
    return thing.casefold(), thing, "; ".join(buying)


def checklist(materials: Iterable[str]) -> list[str]:
    """Return each thing to pack once, in first-seen order, variants merged into one line.

    A thing only one card names keeps that card's words; two or more spellings of one
    thing become its name with what changes what to buy in brackets.
    """
    order: list[str] = []
    groups: dict[str, list[tuple[str, str, str]]] = {}
    for material in materials:
        for part in _parts(" ".join(material.split())):
            key, thing, buying = _head(part)
            key = key or part.casefold()
            if key not in groups:
                order.append(key)
                groups[key] = []
            if part not in (p for p, _, _ in groups[key]):
                groups[key].append((part, thing, buying))
    lines = []
    for key in order:
        variants = groups[key]
        if len(variants) == 1:
            lines.append(variants[0][0])
            continue
        details = list(dict.fromkeys(b for _, _, b in variants if b))
        thing = variants[0][1]
        lines.append(f"{thing} ({'; '.join(details)})" if details else thing)
    return lines

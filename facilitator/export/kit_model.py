"""Provides what the preparation kit prints, read from the store: blocks on the clock, people.

Plain dataclasses, no Word. The run sheet, wall agenda, sign-in list and badges
(export/kit_*.py) all draw on one `KitModel`, so each shows the same times,
titles and names.
"""

from dataclasses import dataclass, field
from datetime import date

from facilitator.core.materials import checklist
from facilitator.core.method_format import MethodCard
from facilitator.core.names import split_name, surname_key
from facilitator.core.schedule import format_clock
from facilitator.core.step_fit import fit_minutes
from facilitator.locale import gettext
from facilitator.privacy import notice_sections, require_ready
from facilitator.store.agenda import workshop_schedule
from facilitator.store.consent import consent_text, current_version
from facilitator.store.db import Store
from facilitator.store.participants import list_participants
from facilitator.store.workshops import get_workshop

_WEEKDAYS = {
    "de": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
_MONTHS = {
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "en": "January February March April May June July August September October November December",
}


@dataclass(frozen=True)
class KitStep:
    start: str  # clock time the step starts at, if the card's minutes are kept
    minutes: int
    text: str


@dataclass
class KitBlock:
    """One agenda item on the clock, with what its method card says."""

    start: str
    end: str
    title: str
    kind: str  # block | break | pinned
    minutes: int
    notes: str = ""
    method: str = ""  # the card's name ("" without a card)
    steps: list[KitStep] = field(default_factory=list)  # fitted to `minutes`
    materials: list[str] = field(default_factory=list)
    setup: str = ""
    card_minutes: int = 0  # what the card's steps add up to


@dataclass(frozen=True)
class Person:
    first: str  # first names, titles dropped
    surname: str
    name: str  # as registered, titles kept (the sign-in list prints it)
    organisation: str


@dataclass
class KitModel:
    title: str
    day: str  # "Dienstag, 1. Dezember 2026" ("" if the workshop has no date)
    start: str
    end: str
    venue: str
    moderation: str
    minute_taker: str
    wifi_name: str
    wifi_password: str
    lang: str
    blocks: list[KitBlock]
    people: list[Person]  # sorted by surname
    privacy: str = ""  # the sign-in list's foot line, from the privacy notice
    # the consent text the sign-in list prints, and its version (what paper consent records)
    consent_version: str = ""
    consent_text: str = ""

    @property
    def materials(self) -> list[str]:
        """Every material of every card, once, in agenda order; near-duplicates merged."""
        return checklist(item for block in self.blocks for item in block.materials)


def day_text(iso: str | None, lang: str) -> str:
    """Return an ISO date with its weekday as a wall shows it: "Dienstag, 1. Dezember 2026"."""
    try:
        day = date.fromisoformat(str(iso)[:10])
    except ValueError:
        return str(iso or "")
    lang = "en" if lang == "en" else "de"
    weekday, month = _WEEKDAYS[lang][day.weekday()], _MONTHS[lang].split()[day.month - 1]
    if lang == "en":
        return f"{weekday}, {day.day} {month} {day.year}"
    return f"{weekday}, {day.day}. {month} {day.year}"


def _block(item, slot, card: MethodCard | None, lang: str) -> KitBlock:
    block = KitBlock(
        start=slot.start_text,
        end=slot.end_text,
        title=item.title,
        kind=item.kind,
        minutes=item.minutes,
        notes=item.notes or "",
    )
    if card is None:
        block.method = item.method or ""
        return block
    block.method = card.name.get(lang)
    block.materials = list(card.materials.get(lang, []))
    block.setup = card.setup.get(lang) if card.setup else ""
    at = slot.start
    block.card_minutes = sum(step.minutes for step in card.steps)
    # the steps as the block runs today: a block cut to 30 min ends its steps with it
    fitted = fit_minutes([step.minutes for step in card.steps], item.minutes)
    for step, minutes in zip(card.steps, fitted, strict=True):
        block.steps.append(KitStep(format_clock(at), minutes, step.text.get(lang)))
        at += minutes
    return block


def people(store: Store, workshop_id: str) -> list[Person]:
    """Return the registered participants, sorted by surname (titles ignored)."""
    found = []
    for participant in list_participants(store, workshop_id):
        first, surname = split_name(participant.name or "")
        found.append(Person(first, surname, participant.name or "", participant.organisation or ""))
    return sorted(found, key=lambda p: (surname_key(p.name), p.organisation.casefold()))


def build_kit(store: Store, workshop_id: str, cards: dict[str, MethodCard], lang: str) -> KitModel:
    """Return the kit's model of a workshop in `lang` (de or en)."""
    workshop = get_workshop(store, workshop_id)
    items, plan = workshop_schedule(store, workshop_id)
    blocks = [
        _block(item, slot, cards.get(item.method or ""), lang)
        for item, slot in zip(items, plan.slots, strict=True)
    ]
    return KitModel(
        title=workshop.title,
        day=day_text(workshop.date, lang) if workshop.date else "",
        start=format_clock(plan.start),
        end=format_clock(plan.end),
        venue=workshop.venue or "",
        moderation=workshop.moderation or "",
        minute_taker=workshop.minute_taker or "",
        wifi_name=workshop.wifi_name or "",
        wifi_password=workshop.wifi_password or "",
        lang=lang,
        blocks=blocks,
        people=people(store, workshop_id),
        privacy=privacy_line(lang),
        consent_version=current_version(store, workshop_id, lang),
        consent_text=consent_text(current_version(store, workshop_id, lang)),
    )


def privacy_line(lang: str) -> str:
    """Return the sign-in list's privacy line: the notice's controller, purpose, retention.

    UserError while the notice names no controller: no placeholder reaches paper.
    """
    sections = notice_sections(lang)
    require_ready()
    parts = {key: sections.get(key, "") for key in ("controller", "purpose", "retention")}
    return " ".join(
        gettext(
            "Datenschutz – {controller} {purpose} {retention} Den vollständigen "
            "Datenschutzhinweis erhalten Sie bei der Moderation.",
            lang,
            **parts,
        ).split()
    )

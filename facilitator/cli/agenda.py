"""Provides `facilitator agenda list|edit`: the workshop's agenda, as the app's F3 screen has it."""

import json
from typing import Any

import click

from facilitator.cli.context import Settings, _, current_lang, pass_settings, workshop_option
from facilitator.core.agenda_rules import below_minimum, timing_change
from facilitator.core.errors import NotFound, UserError, ValidationError
from facilitator.core.rules import check_fields
from facilitator.core.schedule import format_clock, parse_clock
from facilitator.core.taxonomy import AGENDA_KINDS, CAPTURE_KINDS, choices, resolve
from facilitator.library import load_methods
from facilitator.locale import lazy
from facilitator.store.agenda import find_item, update_item, workshop_schedule
from facilitator.store.workshops import resolve_workshop

_CLEAR = ("", "-")  # what a user types to empty an optional field


@click.group("agenda")
def agenda() -> None:
    """Den Ablauf des Workshops zeigen und ändern."""


@agenda.command("list")
@click.option("--json", "as_json", is_flag=True, help="Als JSON ausgeben.")
@workshop_option
@pass_settings
def list_agenda(settings: Settings, as_json: bool, workshop_id: str | None) -> None:
    """Den Ablauf mit Nummer, Uhrzeiten, Dauer, Art und Methode zeigen."""

    store = settings.open()
    items, plan = workshop_schedule(store, resolve_workshop(store, workshop_id).id)
    if as_json:
        found = [
            {
                "number": number,
                "id": item.id,
                "start": slot.start_text,
                "end": slot.end_text,
                "minutes": item.minutes,
                "kind": item.kind,
                "at": item.at,
                "title": item.title,
                "method": item.method,
                "capture": list(item.capture),
                "notes": item.notes,
            }
            for number, (item, slot) in enumerate(zip(items, plan.slots, strict=True), 1)
        ]
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    lang = current_lang()
    for number, (item, slot) in enumerate(zip(items, plan.slots, strict=True), 1):
        kind = AGENDA_KINDS[item.kind].get(lang) if item.kind in AGENDA_KINDS else item.kind
        method = f"  [{item.method}]" if item.method else ""
        click.echo(
            f"{number:2}  {slot.start_text}–{slot.end_text}  {item.minutes:3} min  "
            f"{kind:13} {item.title}{method}"
        )


def _kind(text: str) -> str:

    found = resolve(text, AGENDA_KINDS)
    if found is None:
        raise UserError(
            lazy(
                "Unbekannte Art {text!r}; erlaubt: {allowed}.",
                text=text,
                allowed=choices(AGENDA_KINDS),
            )
        )
    return found


def _clock(text: str) -> str:

    try:
        return format_clock(parse_clock(text))  # "9:30" is stored as "09:30"
    except ValueError:
        raise UserError(lazy("--at {text!r} ist keine Uhrzeit wie 11:00.", text=text)) from None


def _captures(text: str) -> list[str]:

    kinds = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        found = resolve(part, CAPTURE_KINDS)
        if found is None:
            raise UserError(
                lazy(
                    "Unbekannte Erfassungsart {part!r}; erlaubt: {allowed}.",
                    part=part,
                    allowed=choices(CAPTURE_KINDS),
                )
            )
        if found not in kinds:
            kinds.append(found)
    return kinds


def _method(text: str):  # -> MethodCard | None
    # rapidfuzz loads only when a search runs
    from facilitator.core.method_search import search

    if text.strip() in _CLEAR:
        return None
    cards = load_methods()
    if text.strip() in cards:
        return cards[text.strip()]
    similar = ", ".join(hit.card.id for hit in search(cards.values(), text)[:3])
    if similar:
        raise NotFound(
            lazy(
                "Eine Methode {text!r} gibt es nicht; meinten Sie: {similar}?",
                text=text,
                similar=similar,
            )
        )
    raise NotFound(
        lazy("Eine Methode {text!r} gibt es nicht (facilitator methods zeigt alle).", text=text)
    )


def _known_card(method_id: str):  # -> MethodCard | None
    """The card of an item's method, for the warning only: a broken card folder is no error."""

    try:
        return load_methods().get(method_id)
    except UserError:
        return None


@agenda.command("edit", short_help="Einen Agendapunkt ändern (ITEM: Nummer oder Id).")
@click.argument("item")
@click.option("--title", help="Titel.")
@click.option("--minutes", help="Dauer in Minuten (1–600).")
@click.option("--kind", help="Art: block, break/Pause, pinned/„Fester Termin“.")
@click.option("--at", help="Feste Uhrzeit HH:MM (macht den Punkt zum festen Termin).")
@click.option("--notes", help="Notizen für die Moderation ('' löscht sie).")
@click.option("--method", help="Methode (Id der Karte; '' oder - entfernt sie).")
@click.option("--capture", help="Erfassungsarten, durch Komma getrennt ('' entfernt alle).")
@workshop_option
@pass_settings
def edit(
    settings: Settings,
    item: str,
    workshop_id: str | None,
    **typed: str | None,
) -> None:
    """Einen Agendapunkt ändern; ITEM ist seine Nummer im Ablauf oder seine Id (ihr Anfang).

    Nicht genannte Angaben bleiben.
    """

    if all(value is None for value in typed.values()):
        raise UserError(
            lazy("Nichts zu ändern: bitte mindestens eine Angabe nennen (--help zeigt alle).")
        )
    fields, card = _typed_fields(typed)
    store = settings.open()
    found = find_item(store, resolve_workshop(store, workshop_id).id, item)
    fields.update(_timing(typed, found))
    fields = check_fields("agenda_item", fields)
    changes = {k: v for k, v in fields.items() if getattr(found, k) != v}
    if not changes:
        click.echo(_("Unverändert."))
        return
    update_item(store, found.id, **changes)
    title = changes.get("title", found.title)
    listed = ", ".join(sorted(changes))
    click.echo(_("Geändert ({title}): {fields}", title=title, fields=listed))
    if card is None and "method" not in changes and found.method:
        card = _known_card(found.method)
    _warn_minimum(changes.get("minutes", found.minutes), card)


def _typed_fields(typed: dict[str, str | None]) -> tuple[dict[str, Any], Any]:
    """The fields the options name besides kind and time, and the method card named."""
    fields: dict[str, Any] = {
        key: typed[key] for key in ("title", "minutes", "notes") if typed[key] is not None
    }
    if typed["capture"] is not None:
        fields["capture"] = _captures(typed["capture"])
    card = None
    if typed["method"] is not None:
        card = _method(typed["method"])
        fields["method"] = card.id if card else None
    return fields, card


def _timing(typed: dict[str, str | None], found: Any) -> dict[str, Any]:
    """--kind and --at as the agenda's rule reads them (core/agenda_rules.py)."""

    kind = _kind(typed["kind"]) if typed["kind"] is not None else None
    at = _clock(typed["at"]) if typed["at"] else None
    try:
        return timing_change((found.kind, found.at), kind, at, clear_at=typed["at"] == "")
    except ValidationError:
        raise UserError(
            lazy("Ein fester Termin braucht eine Uhrzeit: bitte --at HH:MM angeben.")
        ) from None


def _warn_minimum(minutes: int, card: Any) -> None:

    if below_minimum(minutes, card):
        # allowed (the moderators may know better), but said, as the app's form does
        click.echo(
            _(
                "Hinweis: kürzer als die {minutes} min, die „{name}“ mindestens braucht.",
                minutes=card.duration_min,
                name=card.name.get(current_lang()),
            )
        )

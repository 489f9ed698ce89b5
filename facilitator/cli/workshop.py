"""Provides `facilitator new`, `facilitator list` and `facilitator workshop edit`."""

import click

from facilitator.cli.context import (
    Settings,
    _,
    confirm,
    erased_note,
    ngettext,
    pass_settings,
    workshop_option,
)
from facilitator.core.dates import parse_date
from facilitator.core.errors import UserError
from facilitator.library import load_agenda, load_methods
from facilitator.locale import lazy
from facilitator.store.room import set_phones_share_address
from facilitator.store.series import ensure_series, find_series
from facilitator.store.workshop_details import edit_details, today_of
from facilitator.store.workshops import (
    create_workshop,
    erase_workshops,
    resolve_workshop,
    series_workshops,
    update_workshop,
)
from facilitator.store.workshops import list_workshops as query


@click.command()
@click.argument("title")
@click.option(
    "--agenda",
    "agenda",
    required=True,
    help="Agenda-Vorlage: Pfad oder Name einer mitgelieferten (z. B. vernetzungsworkshop).",
)
@click.option("--date", "date", help="Datum: 2026-12-01, 01.12.2026 oder 01.12.")
@click.option("--start", "start", help="Beginn HH:MM (Standard: aus der Vorlage).")
@click.option("--venue", default="", help="Ort.")
@click.option("--series", "series", help="Name der Workshopreihe.")
@click.option("--wifi-name", default="", help="WLAN-Name vor Ort (steht auf dem QR-Aushang).")
@click.option("--wifi-password", default="", help="WLAN-Passwort (steht auf dem QR-Aushang).")
@click.option(
    "--methods",
    "method_dirs",
    multiple=True,
    type=click.Path(file_okay=False),
    help="Weiterer Ordner mit Methodenkarten.",
)
@pass_settings
def new(
    settings: Settings,
    title: str,
    agenda: str,
    date: str | None,
    start: str | None,
    venue: str,
    series: str | None,
    wifi_name: str,
    wifi_password: str,
    method_dirs: tuple[str, ...],
) -> None:
    """Einen Workshop aus einer Agenda-Vorlage anlegen; gibt seine ID aus."""
    from pathlib import Path

    template = load_agenda(agenda, load_methods([Path(d) for d in method_dirs]))
    if date:
        from datetime import date as Date

        date = parse_date(date, Date.today(), label="--date ")
    store = settings.open(create=True)
    with store.transaction():
        series_id = ensure_series(store, series) if series else None
        workshop_id = create_workshop(
            store,
            title,
            template,
            date=date,
            start=start,
            venue=venue,
            series_id=series_id,
            wifi_name=wifi_name,
            wifi_password=wifi_password,
        )
    click.echo(workshop_id)


@click.command("list")
@click.option("--json", "as_json", is_flag=True, help="Als JSON ausgeben.")
@pass_settings
def list_workshops(settings: Settings, as_json: bool) -> None:
    """Die Workshops in der Datenbank auflisten, den neuesten zuerst."""

    found = query(settings.open())
    if as_json:
        import json

        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    if not found:
        click.echo(_("Noch keine Workshops. Anlegen mit: facilitator new TITEL --agenda VORLAGE"))
        return
    for row in found:
        counts = ", ".join(
            (
                ngettext("{n} Punkt", "{n} Punkte", row["items"]),
                ngettext("{n} teilnehmende Person", "{n} Teilnehmende", row["participants"]),
                ngettext("{n} Eintrag", "{n} Einträge", row["captures"]),
            )
        )
        click.echo(
            f"{row['id'][:8]}  {row['date'] or '—':10}  {row['start'] or '':5}  {row['title']}"
            f"  ({counts})"
        )


@click.group("workshop")
def workshop() -> None:
    """Angaben eines Workshops ändern."""


@workshop.command("edit")
@click.option("--title", help="Titel.")
@click.option("--date", "date_", help="Datum: 2027-01-31, 31.01.2027 oder 31.01.")
@click.option("--start", help="Beginn HH:MM.")
@click.option("--end", help="Ende HH:MM.")
@click.option("--venue", help="Ort.")
@click.option("--series", help="Name der Workshopreihe ('' löst die Zuordnung).")
@click.option("--moderation", help="Wer moderiert.")
@click.option("--minutes-by", "minutes_by", help="Wer protokolliert.")
@click.option("--distribution", help="Verteiler, durch ';' getrennt.")
@click.option("--next-date", "next_date", help="Nächster Termin (31.01. = ab Workshoptag).")
@click.option("--next-venue", "next_venue", help="Ort des nächsten Termins.")
@click.option("--wifi-name", "wifi_name", help="WLAN-Name vor Ort (steht auf dem QR-Aushang).")
@click.option("--wifi-password", "wifi_password", help="WLAN-Passwort (steht auf dem QR-Aushang).")
@click.option(
    "--shared-address",
    "shared_address",
    type=click.Choice(["ja", "nein", "yes", "no"], case_sensitive=False),
    help="Teilen sich die Handys eine Adresse (NAT)? ja hebt die Obergrenzen je Adresse an.",
)
@workshop_option
@pass_settings
def edit(
    settings: Settings,
    workshop_id: str | None,
    date_: str | None,
    shared_address: str | None,
    **typed: str | None,
) -> None:
    """Titel, Datum, Zeiten, Ort, Reihe, Moderation, Protokoll, Verteiler, WLAN usw. ändern.

    Ein leerer Wert ('') löscht die Angabe; nicht genannte Angaben bleiben.
    """

    typed["date"] = date_
    if all(value is None for value in typed.values()) and shared_address is None:
        raise UserError(
            lazy("Nichts zu ändern: bitte mindestens eine Angabe nennen (--help zeigt alle).")
        )
    store = settings.open()
    found = resolve_workshop(store, workshop_id)
    changed = edit_details(store, found.id, today_of(store), **typed)
    if shared_address is not None:
        shared = shared_address.lower() in ("ja", "yes")
        if set_phones_share_address(store, found.id, shared):
            changed.append("shared_address")
    click.echo(f"Geändert ({found.title}): {', '.join(changed)}")


@workshop.command("delete")
@click.option("--series", help="Die ganze Workshopreihe löschen (alle ihre Termine).")
@click.option("--yes", is_flag=True, help="Ohne Rückfrage löschen.")
@workshop_option
@pass_settings
def delete(settings: Settings, workshop_id: str | None, series: str | None, yes: bool) -> None:
    """Workshop (oder --series: ganze Reihe) endgültig löschen, samt Personen, Fotos, Ops.

    Auch auf dem anderen Laptop (beim nächsten Sync); ein Import bringt nichts zurück.
    """

    store = settings.open()
    if series:
        found_series = find_series(store, series)
        chosen = [(w["id"], w["title"]) for w in series_workshops(store, found_series.id)]
    else:
        found = resolve_workshop(store, workshop_id)
        chosen = [(found.id, found.title)]
    for _id, title in chosen:
        click.echo(f"– {title}")
    if not chosen:
        click.echo(_("Nichts zu löschen."))
        return
    question = ngettext(
        "Einen Workshop mit allen Personen, Beiträgen und Fotos endgültig löschen?",
        "{n} Workshops mit allen Personen, Beiträgen und Fotos endgültig löschen?",
        len(chosen),
    )
    if not yes and not confirm(question):
        click.echo(_("Nichts gelöscht."))
        return
    count = erase_workshops(store, [workshop_id for workshop_id, _title in chosen])
    note = erased_note(store)
    if note:  # never "gelöscht" while bytes remain
        click.echo(ngettext("{n} Workshop: {note}", "{n} Workshops: {note}", count, note=note))
    else:
        click.echo(ngettext("{n} Workshop gelöscht.", "{n} Workshops gelöscht.", count))


@workshop.command("join-corner")
@click.argument("state", type=click.Choice(["an", "aus", "on", "off"]))
@workshop_option
@pass_settings
def join_corner(settings: Settings, state: str, workshop_id: str | None) -> None:
    """QR-Code und Link klein in jeder Beamer-Ansicht zeigen (an) oder ausblenden (aus)."""

    store = settings.open()
    found = resolve_workshop(store, workshop_id)
    hidden = state in ("aus", "off")
    update_workshop(store, found.id, beamer_join_hidden=int(hidden))
    shown = "ausgeblendet" if hidden else "eingeblendet"
    click.echo(f"Beamer-QR-Code {shown} ({found.title}).")

"""Provides the follow-up commands: `next-date`, `export ics` and `export contacts`."""

from pathlib import Path

import click

from facilitator.cli.context import (
    Settings,
    _,
    current_lang,
    ngettext,
    output_option,
    pass_settings,
    workshop_option,
)
from facilitator.core.dates import parse_date, reference_day
from facilitator.core.errors import UserError
from facilitator.core.schedule import format_clock, parse_clock
from facilitator.export.followup import write_contacts, write_invitation
from facilitator.export.ics import parse_reminder
from facilitator.locale import lazy
from facilitator.store.workshop_details import today_of
from facilitator.store.workshops import resolve_workshop, update_workshop

_OUTPUT = output_option("Zieldatei.")


@click.command("next-date")
@click.argument("day")
@click.option("--start", help="Beginn HH:MM (Standard: wie dieser Workshop).")
@click.option("--venue", help="Ort (Standard: wie dieser Workshop).")
@workshop_option
@pass_settings
def next_date(
    settings: Settings, day: str, start: str | None, venue: str | None, workshop_id: str | None
) -> None:
    """Den nächsten Termin festlegen (2027-03-15, 15.03.2027 oder 15.03.), für die Einladung."""

    store = settings.open()
    workshop = resolve_workshop(store, workshop_id)
    # the same date forms as everywhere; 15.03. is the next 15 March from the workshop's day
    day = parse_date(day, reference_day(workshop.date, today_of(store)), label="")
    fields = {"next_date": day}
    if start is not None:
        try:
            start = format_clock(parse_clock(start))
        except ValueError:
            raise UserError(
                lazy("--start muss eine Uhrzeit HH:MM sein, nicht {start!r}.", start=start)
            ) from None
        fields["next_start"] = start
    if venue is not None:
        fields["next_venue"] = venue
    update_workshop(store, workshop.id, **fields)
    when = f"{day} {start}" if start else day
    click.echo(_("Nächster Termin von „{title}“: {when}", title=workshop.title, when=when))


@click.command("ics")
@_OUTPUT
@click.option(
    "--reminder",
    default="1d",
    show_default=True,
    help="Erinnerung vor dem Termin: 1d, 3h, 30min oder keine.",
)
@workshop_option
@pass_settings
def export_ics(settings: Settings, output: Path, reminder: str, workshop_id: str | None) -> None:
    """Einladung zum nächsten Termin als Kalenderdatei (.ics)."""

    minutes = parse_reminder(reminder) or 0
    store = settings.open()
    written = write_invitation(
        store, resolve_workshop(store, workshop_id).id, output, reminder_minutes=minutes
    )
    assert written.day is not None  # an invitation is to a day (NoNextDate otherwise)
    day = f"{written.day:%d.%m.%Y}" if current_lang() == "de" else written.day.isoformat()
    click.echo(_("Geschrieben: {path} ({day} {start})", path=output, day=day, start=written.start))


@click.command("contacts")
@_OUTPUT
@click.option("--series", "series", help="Alle Workshops einer Reihe (Name oder ID).")
@workshop_option
@pass_settings
def export_contacts(
    settings: Settings, output: Path, series: str | None, workshop_id: str | None
) -> None:
    """Kontaktliste (CSV für Excel) – nur wer der Weitergabe zugestimmt hat."""

    if series and workshop_id:
        raise UserError(lazy("Bitte entweder --series oder --workshop angeben, nicht beides."))
    store = settings.open()
    workshop = None if series else resolve_workshop(store, workshop_id).id
    written = write_contacts(store, workshop, output, settings.lang, series=series)
    click.echo(
        ngettext(
            "Geschrieben: {path} ({shared} von {n} Person mit Einwilligung)",
            "Geschrieben: {path} ({shared} von {n} Personen mit Einwilligung)",
            written.total,
            path=output,
            shared=written.shared,
        )
    )

"""Provides the follow-up commands: `next-date`, `export ics` and `export contacts`."""

from pathlib import Path

import click

from facilitator.cli.context import Settings, output_option, pass_settings, workshop_option

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
    """Den nächsten Termin festlegen (JJJJ-MM-TT), für die Einladung (export ics)."""
    from facilitator.core.errors import UserError
    from facilitator.store.workshops import resolve_workshop, update_workshop

    store = settings.open()
    workshop = resolve_workshop(store, workshop_id)
    fields = {"next_date": day}
    if start is not None:
        from facilitator.core.schedule import format_clock, parse_clock

        try:
            start = format_clock(parse_clock(start))
        except ValueError:
            raise UserError(f"--start muss eine Uhrzeit HH:MM sein, nicht {start!r}.") from None
        fields["next_start"] = start
    if venue is not None:
        fields["next_venue"] = venue
    update_workshop(store, workshop.id, **fields)
    click.echo(f"Nächster Termin von „{workshop.title}“: {day}" + (f" {start}" if start else ""))


@click.command("ics")
@_OUTPUT
@workshop_option
@pass_settings
def export_ics(settings: Settings, output: Path, workshop_id: str | None) -> None:
    """Einladung zum nächsten Termin als Kalenderdatei (.ics)."""
    from datetime import date, datetime

    from facilitator.core.errors import UserError
    from facilitator.core.schedule import parse_clock
    from facilitator.export.files import write_atomic
    from facilitator.export.ics import Invitation, invitation_ics
    from facilitator.store.workshops import resolve_workshop, workshop_row

    store = settings.open()
    workshop = resolve_workshop(store, workshop_id)
    row = workshop_row(store, workshop.id)
    if not row.get("next_date"):
        raise UserError(
            f"„{workshop.title}“ hat noch keinen nächsten Termin. Festlegen mit: "
            "facilitator next-date JJJJ-MM-TT [--start HH:MM] [--venue ORT]"
        )
    day = date.fromisoformat(str(row["next_date"])[:10])
    start = row.get("next_start") or workshop.start or "09:00"
    # The next date lasts as long as this one (a half day if the end is unknown).
    minutes = 240
    if workshop.end and workshop.start:
        minutes = max(30, parse_clock(workshop.end) - parse_clock(workshop.start))
    series = ""
    if workshop.series_id:
        from facilitator.store.series import list_series

        series = next((s.name for s in list_series(store) if s.id == workshop.series_id), "")
    description = "Folgetermin zu „{}“{}.".format(
        workshop.title, f" (Reihe {series})" if series else ""
    )
    invitation = Invitation(
        uid=f"{workshop.id}-{day:%Y%m%d}@facilitator",
        title=workshop.title,
        day=day,
        start=start,
        minutes=minutes,
        location=row.get("next_venue") or workshop.venue or "",
        description=description,
    )
    text = invitation_ics(invitation, datetime.fromtimestamp(store.now_ms() / 1000).astimezone())
    write_atomic(output, lambda tmp: tmp.write_bytes(text.encode("utf-8")))
    click.echo(f"Geschrieben: {output} ({day:%d.%m.%Y} {start})")


@click.command("contacts")
@_OUTPUT
@click.option("--series", "series", help="Alle Workshops einer Reihe (Name oder ID).")
@workshop_option
@pass_settings
def export_contacts(
    settings: Settings, output: Path, series: str | None, workshop_id: str | None
) -> None:
    """Kontaktliste (CSV für Excel) – nur wer der Weitergabe zugestimmt hat."""
    from facilitator.core.errors import UserError
    from facilitator.export.contacts import consenting, contacts_csv
    from facilitator.export.files import write_atomic
    from facilitator.store.rollup import Scope, load_scope, resolve_scope
    from facilitator.store.workshops import resolve_workshop

    if series and workshop_id:
        raise UserError("Bitte entweder --series oder --workshop angeben, nicht beides.")
    store = settings.open()
    if series:
        scope = resolve_scope(store, series)
    else:
        workshop = resolve_workshop(store, workshop_id)
        scope = Scope(workshop.title, None, [workshop])
    people = load_scope(store, scope).participants
    text = contacts_csv(people, settings.lang)
    write_atomic(output, lambda tmp: tmp.write_bytes(text.encode("utf-8")))
    shared = len(consenting(people))
    click.echo(f"Geschrieben: {output} ({shared} von {len(people)} Personen mit Einwilligung)")

"""Provides `facilitator participants`: import a participant list."""

from pathlib import Path

import click

from facilitator.cli.context import Settings, pass_settings, workshop_option


@click.group()
def participants() -> None:
    """Teilnehmende verwalten."""


@participants.command("import")
@click.argument("csv_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@workshop_option
@pass_settings
def import_csv(settings: Settings, csv_file: Path, workshop_id: str | None) -> None:
    """Teilnehmende aus CSV importieren (Spalten: Name, Organisation, Typ, Kommune, E-Mail,
    Einwilligung – oder englisch). Fehlerhafte Zeilen: nichts wird importiert."""
    from facilitator.core.errors import ValidationError
    from facilitator.core.participants_csv import parse_participants_csv
    from facilitator.store.participants import import_participants
    from facilitator.store.workshops import resolve_workshop

    try:
        raw = csv_file.read_bytes()
    except OSError as err:
        raise ValidationError(
            f"{csv_file}: lässt sich nicht lesen ({err.strerror})",
            en=f"{csv_file}: cannot be read ({err.strerror})",
        ) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1252", errors="strict")  # Excel on Windows
        except UnicodeDecodeError:
            raise ValidationError(
                f"{csv_file}: keine Textdatei (UTF-8 oder Windows-1252); "
                "bitte in Excel als „CSV UTF-8“ speichern.",
                en=(
                    f"{csv_file}: not a text file (UTF-8 or Windows-1252); please save it "
                    f"in Excel as “CSV UTF-8”."
                ),
            ) from None
    rows = parse_participants_csv(text, str(csv_file))
    store = settings.open()
    workshop = resolve_workshop(store, workshop_id)
    count = import_participants(store, workshop.id, rows)
    click.echo(f"{count} Teilnehmende importiert in „{workshop.title}“.")


@participants.command("list")
@workshop_option
@pass_settings
def list_participants(settings: Settings, workshop_id: str | None) -> None:
    """Teilnehmende des Workshops auflisten."""
    from facilitator.store.participants import list_participants as query
    from facilitator.store.workshops import resolve_workshop

    store = settings.open()
    for person in query(store, resolve_workshop(store, workshop_id).id):
        consent = "Einwilligung" if person.consent else "—"
        click.echo(f"{person.name:30} {person.organisation:30} {person.org_type:12} {consent}")

"""Provides `facilitator export …` and `facilitator import json`."""

import json
from pathlib import Path

import click

from facilitator.cli.context import Settings, pass_settings, workshop_option
from facilitator.core.errors import ValidationError


@click.group()
def export() -> None:
    """Daten exportieren (Protokoll, JSON, Kalender …)."""


@export.command("json")
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Zieldatei (.json); '-' für die Standardausgabe.",
)
@workshop_option
@pass_settings
def export_json(settings: Settings, output: Path, workshop_id: str | None) -> None:
    """Alle Daten eines Workshops als JSON (mit Op-Protokoll, wieder importierbar)."""
    from facilitator.export.files import write_text_atomic
    from facilitator.store.exchange import dumps, export_workshop
    from facilitator.store.workshops import resolve_workshop

    store = settings.open()
    text = dumps(export_workshop(store, resolve_workshop(store, workshop_id).id))
    if str(output) == "-":
        click.echo(text, nl=False)
        return
    write_text_atomic(output, text)
    click.echo(f"Geschrieben: {output}")


@click.group("import")
def import_() -> None:
    """Daten importieren."""


@import_.command("json")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@pass_settings
def import_json(settings: Settings, source: Path) -> None:
    """Einen JSON-Export einlesen (bereits vorhandene Daten werden nicht verdoppelt)."""
    from facilitator.store.exchange import import_workshop

    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ValidationError(f"{source}: kein gültiges JSON ({err})") from None
    store = settings.open(create=True)
    new = import_workshop(store, data, str(source))
    click.echo(f"{new} neue Änderungen importiert aus {source}.")

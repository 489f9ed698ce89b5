"""Provides `facilitator export …` and `facilitator import json`."""

import json
from pathlib import Path
from typing import Any

import click

from facilitator.cli.click_lang import speaking
from facilitator.cli.context import (
    Settings,
    _,
    ngettext,
    output_option,
    pass_settings,
    workshop_option,
)
from facilitator.core import untrusted
from facilitator.core.errors import ValidationError
from facilitator.core.untrusted import too_deep
from facilitator.export.files import write_text_atomic
from facilitator.locale import lazy
from facilitator.store.exchange import dumps, export_workshop, import_workshop
from facilitator.store.workshops import resolve_workshop, workshop_erased

# export subcommand -> "module:attribute"; each area adds its line here.
EXPORT_COMMANDS: dict[str, str] = {
    "json": "facilitator.cli.exports:export_json",
    "protocol": "facilitator.cli.protocol:export_protocol",
    "factsheet": "facilitator.cli.factsheet:factsheet",
    "ics": "facilitator.cli.followup:export_ics",
    "contacts": "facilitator.cli.followup:export_contacts",
    "runsheet": "facilitator.cli.kit:export_runsheet",
    "agenda": "facilitator.cli.kit:export_agenda",
    "signin": "facilitator.cli.kit:export_signin",
    "badges": "facilitator.cli.kit:export_badges",
}


class _LazyExports(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(EXPORT_COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        import importlib

        if cmd_name not in EXPORT_COMMANDS:
            return None
        module, _, attribute = EXPORT_COMMANDS[cmd_name].partition(":")
        return speaking(getattr(importlib.import_module(module), attribute))


@click.group(cls=_LazyExports)
def export() -> None:
    """Daten exportieren (Protokoll, JSON, Kalender …)."""


@click.command("json")
@output_option("Zieldatei (.json); '-' für die Standardausgabe.")
@workshop_option
@pass_settings
def export_json(settings: Settings, output: Path, workshop_id: str | None) -> None:
    """Alle Daten eines Workshops als JSON (mit Op-Protokoll, wieder importierbar)."""

    store = settings.open()
    text = dumps(export_workshop(store, resolve_workshop(store, workshop_id).id))
    if str(output) == "-":
        click.echo(text, nl=False)
        return
    write_text_atomic(output, text)
    click.echo(_("Geschrieben: {path}", path=output))


@click.group("import")
def import_() -> None:
    """Daten importieren."""


@import_.command("json")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@pass_settings
def import_json(settings: Settings, source: Path) -> None:
    """Einen JSON-Export einlesen (bereits vorhandene Daten werden nicht verdoppelt)."""

    try:
        text = source.read_text(encoding="utf-8")
        # An export nests a few levels; deeper is not one (and, unchecked, would be the
        # interpreter's recursion limit, which differs between Python versions).
        deep = too_deep(text)
        data = None if deep else untrusted.loads_bounded(text)
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ValidationError(
            lazy("{source}: kein gültiges JSON ({err})", source=source, err=err)
        ) from None
    if deep:
        raise ValidationError(lazy("{source}: zu tief verschachteltes JSON.", source=source))
    store = settings.open(create=True)
    new = import_workshop(store, data, str(source))
    click.echo(
        ngettext(
            "{n} neue Änderung importiert aus {source}.",
            "{n} neue Änderungen importiert aus {source}.",
            new,
            source=source,
        )
    )
    _say_if_erased(store, data)


def _say_if_erased(store, data: Any) -> None:
    """Say why nothing of a workshop deleted on this laptop came back."""

    workshop = data.get("workshop")
    if isinstance(workshop, dict) and workshop_erased(store, workshop.get("id")):
        click.echo(
            _("Dieser Workshop wurde hier endgültig gelöscht; seine Daten wurden nicht übernommen.")
        )

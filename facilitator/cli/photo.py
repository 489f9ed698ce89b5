"""Provides `facilitator photo add`: photos of flipcharts and pinboards for the protocol."""

from pathlib import Path

import click

from facilitator.cli.context import Settings, pass_settings, workshop_option
from facilitator.locale import lazy


@click.group("photo")
def photo() -> None:
    """Fotos von Flipcharts und Pinnwänden (Fotoprotokoll)."""


@photo.command("add")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--item", "item", help="Agendapunkt: ID, ihr Anfang oder die Nummer im Ablauf.")
@click.option("--caption", default="", help="Bildunterschrift.")
@workshop_option
@pass_settings
def add(
    settings: Settings,
    files: tuple[Path, ...],
    item: str | None,
    caption: str,
    workshop_id: str | None,
) -> None:
    """Fotos hinzufügen: aufgerichtet, höchstens 2000 px, ohne EXIF/GPS, als JPEG.

    Alle Dateien oder keine: ist eine kein Bild, wird nichts gespeichert.
    """
    from facilitator.core.errors import UserError
    from facilitator.store.agenda import find_item
    from facilitator.store.photo_image import MAX_UPLOAD
    from facilitator.store.photos import add_photo
    from facilitator.store.workshops import resolve_workshop

    for path in files:
        if not path.is_file():
            raise UserError(lazy("Die Datei {path} gibt es nicht.", path=path))
        if path.stat().st_size > MAX_UPLOAD:  # refused before it is read into memory
            raise UserError(lazy("{path}: größer als 25 MB.", path=path))
    store = settings.open()
    workshop = resolve_workshop(store, workshop_id)
    item_id = find_item(store, workshop.id, item).id if item else None
    with store.transaction():
        ids = [
            add_photo(
                store,
                workshop.id,
                path.read_bytes(),
                name=path.name,
                caption=caption,
                agenda_item_id=item_id,
            )
            for path in files
        ]
    for path, photo_id in zip(files, ids, strict=True):
        click.echo(f"{photo_id[:12]}  {path.name}")

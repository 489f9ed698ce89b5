"""Provides `facilitator photo add`: photos of flipcharts and pinboards for the protocol."""

from pathlib import Path

import click

from facilitator.cli.context import (
    Settings,
    _,
    confirm,
    erased_note,
    pass_settings,
    workshop_option,
)
from facilitator.core.errors import UserError
from facilitator.locale import lazy
from facilitator.store.agenda import find_item
from facilitator.store.photo_image import MAX_UPLOAD
from facilitator.store.photos import add_photo, erase_photo, find_photo, list_photos
from facilitator.store.workshops import resolve_workshop


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


@photo.command("list")
@workshop_option
@pass_settings
def list_command(settings: Settings, workshop_id: str | None) -> None:
    """Fotos des Workshops zeigen: ID (Anfang genügt für delete), Größe, Bildunterschrift."""

    store = settings.open()
    photos = list_photos(store, resolve_workshop(store, workshop_id).id)
    for found in photos:
        click.echo(f"{found.id[:12]}  {found.size // 1024:>5} KB  {found.caption or '–'}")
    if not photos:
        click.echo(_("Keine Fotos."))


@photo.command("delete")
@click.argument("photo_id")
@click.option("--yes", is_flag=True, help="Ohne Rückfrage löschen.")
@pass_settings
def delete(settings: Settings, photo_id: str, yes: bool) -> None:
    """Ein Foto endgültig löschen: aus Datenbank, Op-Protokoll und auf dem anderen Laptop."""

    store = settings.open()
    found = find_photo(store, photo_id)
    click.echo(f"{found.id[:12]}  {found.caption or '–'}")
    if not yes and not confirm(_("Dieses Foto endgültig löschen?")):
        click.echo(_("Nichts gelöscht."))
        return
    erase_photo(store, found.id)
    note = erased_note(store)
    if note:  # never "gelöscht" while bytes remain
        click.echo(_("Foto {photo}: {note}", photo=found.id[:12], note=note))
    else:
        click.echo(_("Foto gelöscht."))

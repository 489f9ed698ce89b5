"""Provides `facilitator export protocol`: the follow-up protocol as Word or Markdown."""

from pathlib import Path

import click

from facilitator.cli.context import Settings, _, output_option, pass_settings, workshop_option
from facilitator.store.workshops import resolve_workshop


@click.command("protocol")
@output_option("Zieldatei (.docx oder .md).")
@click.option(
    "--template",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Word-Vorlage (.docx): ihre Formatvorlagen, Kopf- und Fußzeile und ihr Logo bleiben.",
)
@click.option(
    "--lang",
    type=click.Choice(["de", "en"]),
    default=None,
    help="Sprache des Protokolls (Standard: die globale Sprache, Deutsch).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["docx", "md"]),
    default=None,
    help="docx (Standard) oder md für E-Mail und Wikis; sonst nach Dateiendung.",
)
@click.option("--no-photos", "no_photos", is_flag=True, help="Das Fotoprotokoll weglassen.")
@workshop_option
@pass_settings
def export_protocol(
    settings: Settings,
    output: Path,
    template: Path | None,
    lang: str | None,
    fmt: str | None,
    no_photos: bool,
    workshop_id: str | None,
) -> None:
    """Das Protokoll eines Workshops als Word-Dokument (oder Markdown) schreiben."""
    # numpy and the meaning engine load only when this command runs (~1 s)
    from facilitator.export.protocol import check_template, write_protocol

    if fmt is None:
        fmt = "md" if output.suffix.lower() in (".md", ".markdown") else "docx"
    if template is not None:
        check_template(template)  # before the database is opened: fail fast, write nothing
    store = settings.open()
    workshop = resolve_workshop(store, workshop_id)
    write_protocol(
        store,
        workshop.id,
        output,
        lang=lang or settings.lang,
        template=template,
        fmt=fmt,
        photos=not no_photos,
    )
    click.echo(_("Geschrieben: {path}", path=output))

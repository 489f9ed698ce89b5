"""Provides `facilitator export runsheet|agenda|signin|badges`: the preparation kit."""

from pathlib import Path

import click

from facilitator.cli.context import Settings, _, output_option, pass_settings, workshop_option
from facilitator.net import DEFAULT_PORT, join_url, lan_addresses
from facilitator.store.join_address import fixed_host
from facilitator.store.workshops import resolve_workshop


def _kit_options(command):
    """The options every kit document shares: -o, --template, --lang, --workshop."""
    for option in reversed(
        (
            output_option("Zieldatei (.docx)."),
            click.option(
                "--template",
                type=click.Path(dir_okay=False, path_type=Path),
                help="Word-Vorlage (.docx): ihre Formatvorlagen, Kopf- und Fußzeile bleiben.",
            ),
            click.option(
                "--lang",
                type=click.Choice(["de", "en"]),
                default=None,
                help="Sprache des Dokuments (Standard: die globale Sprache, Deutsch).",
            ),
            workshop_option,
            pass_settings,
        )
    ):
        command = option(command)
    return command


def _open(settings: Settings, template: Path | None, workshop_id: str | None):
    """Check the template first (fail fast, write nothing), then open the workshop."""
    # numpy and the meaning engine load only when this command runs (~1 s)
    from facilitator.export.protocol import check_template

    if template is not None:
        check_template(template)
    store = settings.open()
    return store, resolve_workshop(store, workshop_id)


@click.command("runsheet")
@_kit_options
def export_runsheet(
    settings: Settings,
    output: Path,
    template: Path | None,
    lang: str | None,
    workshop_id: str | None,
) -> None:
    """Regieplan (quer): je Block Zeiten, Methode mit Schritten, Wer, Material, Raum, Notizen."""
    # numpy and the meaning engine load only when this command runs (~1 s)
    from facilitator.export.kit import write_runsheet

    store, workshop = _open(settings, template, workshop_id)
    write_runsheet(store, workshop.id, output, lang=lang or settings.lang, template=template)
    click.echo(_("Geschrieben: {path}", path=output))


@click.command("agenda")
@_kit_options
@click.option("--poster", is_flag=True, help="Nur der Aushang mit QR-Code (ohne Ablauf).")
@click.option(
    "--url",
    help="Teilnahme-Link auf dem Aushang (Standard: die feste Adresse (facilitator join-host) "
    "oder die erste LAN-Adresse dieses Laptops, Port 8765).",
)
def export_agenda(
    settings: Settings,
    output: Path,
    template: Path | None,
    lang: str | None,
    workshop_id: str | None,
    poster: bool,
    url: str | None,
) -> None:
    """Ablauf für die Wand (A4, große Schrift) und Aushang mit QR-Code und WLAN."""
    # numpy and the meaning engine load only when this command runs (~1 s)
    from facilitator.export.kit import write_agenda

    store, workshop = _open(settings, template, workshop_id)
    if not url:
        # the same address `serve` and `qr` print; the app's Export screen uses its server's

        host = fixed_host(store) or lan_addresses()[0]
        url = join_url(host, DEFAULT_PORT, workshop.join_code or "")
    write_agenda(
        store,
        workshop.id,
        output,
        url,
        lang=lang or settings.lang,
        template=template,
        poster_only=poster,
    )
    click.echo(_("Geschrieben: {path} (QR-Code: {url})", path=output, url=url))


@click.command("signin")
@_kit_options
def export_signin(
    settings: Settings,
    output: Path,
    template: Path | None,
    lang: str | None,
    workshop_id: str | None,
) -> None:
    """Teilnahmeliste zum Unterschreiben, nach Nachnamen sortiert, mit Leerzeilen."""
    # numpy and the meaning engine load only when this command runs (~1 s)
    from facilitator.export.kit import write_signin

    store, workshop = _open(settings, template, workshop_id)
    write_signin(store, workshop.id, output, lang=lang or settings.lang, template=template)
    click.echo(_("Geschrieben: {path}", path=output))


@click.command("badges")
@_kit_options
@click.option(
    "--layout",
    default="2x4",
    show_default=True,
    help="2x4 (A4, zum Ausschneiden) oder 2x5 (Einlagen 90 × 54 mm).",
)
@click.option(
    "--blank", default=0, type=click.IntRange(0, 500), help="Zusätzliche leere Namensschilder."
)
def export_badges(
    settings: Settings,
    output: Path,
    template: Path | None,
    lang: str | None,
    workshop_id: str | None,
    layout: str,
    blank: int,
) -> None:
    """Namensschilder: Vorname groß, Nachname und Organisation kleiner."""
    # numpy and the meaning engine load only when this command runs (~1 s)
    from facilitator.export.kit import write_badges
    from facilitator.export.kit_badges import badge_layout

    badge_layout(layout)  # an unknown layout: one sentence, before anything is opened
    store, workshop = _open(settings, template, workshop_id)
    write_badges(
        store,
        workshop.id,
        output,
        lang=lang or settings.lang,
        template=template,
        layout=layout,
        blank=blank,
    )
    click.echo(_("Geschrieben: {path}", path=output))

"""Provides `facilitator privacy show|set`: the organisers' privacy notice (Art. 13 GDPR).

The same service as the app's dialog (F6, key p): `privacy.save_controller`.
"""

import click

from facilitator.cli.context import Settings, _, pass_settings
from facilitator.privacy import privacy_notice, require_ready, save_controller, settings_path


@click.group()
def privacy() -> None:
    """Datenschutzhinweis für die Handys: zeigen und Verantwortliche eintragen."""


@privacy.command("show")
@click.option("--lang", "notice_lang", type=click.Choice(["de", "en"]), default="de")
@pass_settings
def show(settings: Settings, notice_lang: str) -> None:
    """Den Hinweis zeigen, wie die Handys ihn sehen (oder was noch fehlt)."""

    notice = privacy_notice(notice_lang)
    click.echo(f"{settings_path()}")
    require_ready()  # exit 2 with what is missing: phones see no registration meanwhile
    click.echo(notice.title)
    for paragraph in notice.paragraphs:
        click.echo(f"  {paragraph}")


@privacy.command("set")
@click.option("--controller", required=True, help="Verantwortliche Stelle mit Anschrift.")
@click.option("--contact", required=True, help="Kontakt für Datenschutzfragen.")
@click.option("--controller-en", default="", help="Englisch (leer: der deutsche Text).")
@click.option("--contact-en", default="", help="Englisch (leer: der deutsche Text).")
@click.option("--retention-days", type=int, help="Speicherdauer in Tagen (purge, Hinweis).")
@pass_settings
def set_(
    settings: Settings,
    controller: str,
    contact: str,
    controller_en: str,
    contact_en: str,
    retention_days: int | None,
) -> None:
    """Verantwortliche Stelle und Kontakt eintragen (Deutsch nötig, Englisch fällt auf
    Deutsch zurück)."""

    path = save_controller(
        {"de": controller, "en": controller_en},
        {"de": contact, "en": contact_en},
        retention_days,
    )
    click.echo(_("Gespeichert: {path}", path=path))

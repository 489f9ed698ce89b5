"""Provides `facilitator serve` (the participant server alone) and `facilitator qr`."""

from pathlib import Path

import click

from facilitator.cli.context import (
    Settings,
    _,
    current_lang,
    output_option,
    pass_settings,
    workshop_option,
)
from facilitator.core.errors import UserError
from facilitator.export.qr import qr_text, write_qr
from facilitator.net import DEFAULT_PORT, join_url, lan_addresses
from facilitator.privacy import require_ready
from facilitator.store.join_address import fixed_host, remember_poster, set_fixed_host
from facilitator.store.session import session_workshop
from facilitator.store.workshops import resolve_workshop
from facilitator.web.secrets import moderator_secret


@click.command()
@click.option("--host", default="0.0.0.0", show_default=True, help="Adresse, auf der gehört wird.")
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--show-secrets",
    is_flag=True,
    help="Auch den Moderations-Schlüssel zeigen (nicht auf einem projizierten Bildschirm).",
)
@workshop_option
@pass_settings
def serve(
    settings: Settings, host: str, port: int, show_secrets: bool, workshop_id: str | None
) -> None:
    """Teilnahme-Server allein starten: zeigt Link, Zugangscode und QR-Code (Strg+C beendet).

    Der Sync-Pairing-Code steht nie hier (facilitator sync code, auf dem eigenen Bildschirm).
    """
    import asyncio

    store = settings.open()
    workshop = session_workshop(store, workshop_id)
    try:
        asyncio.run(_serve(store, host, port, workshop, show_secrets))
    except KeyboardInterrupt:
        pass
    finally:
        store.close()


async def _serve(store, host: str, port: int, workshop, show_secrets: bool) -> None:
    import asyncio
    import signal

    # aiohttp loads only when this command talks to the network
    from facilitator.web.projector import projector_path
    from facilitator.web.runner import start_participant_server

    server = await start_participant_server(store, host, port, workshop.id)
    urls = server.join_urls(workshop.join_code or "")
    click.echo(_("Teilnahme-Server für „{title}“ läuft.", title=workshop.title))
    click.echo(_("Zugangscode: {code}", code=workshop.join_code))
    for url in urls:
        click.echo(_("Link: {url}", url=url))
    # The projector page is opened on this laptop; its token opens that view only.
    local = "127.0.0.1" if host in ("0.0.0.0", "", "::") else host
    projector = f"http://{local}:{server.port}{projector_path(store)}"
    click.echo(_("Beamer: {url}", url=projector))
    click.echo(qr_text(urls[0]))
    # Secrets only on request and far from the QR code: this terminal may be projected.
    if show_secrets:
        secret = moderator_secret(store)
        click.echo(_("Moderations-Schlüssel (Header X-Moderator-Secret): {secret}", secret=secret))
    _warn_without_notice()
    click.echo(_("Zweiter Laptop: facilitator sync code (auf dem eigenen Bildschirm)."), err=True)
    click.echo(_("Beenden mit Strg+C."), err=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop.set)
        except (NotImplementedError, RuntimeError):  # not on this platform/thread
            pass
    try:
        await stop.wait()
    finally:
        await server.stop()
        click.echo(_("Teilnahme-Server beendet."), err=True)


@click.command()
@output_option("Zieldatei: .png oder .svg.")
@click.option(
    "--host", help="Adresse im Link (Standard: die feste Adresse oder die erste LAN-Adresse)."
)
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(1, 65535))
@workshop_option
@pass_settings
def qr(
    settings: Settings, output: Path, host: str | None, port: int, workshop_id: str | None
) -> None:
    """Den QR-Code zum Teilnahme-Link als Bild schreiben (für Folie oder Ausdruck)."""

    store = settings.open()
    try:
        workshop = resolve_workshop(store, workshop_id)
        chosen = host or fixed_host(store) or lan_addresses()[0]
        url = join_url(chosen, port, workshop.join_code or "")
        write_qr(url, output)
        remember_poster(store, workshop.id, url)  # printed: the app checks it at start
    finally:
        store.close()
    click.echo(f"{output}: {url}")


def _warn_without_notice() -> None:
    """Tell the moderators that phones get no registration until the notice is complete."""

    try:
        require_ready()
    except UserError as err:  # a broken privacy.toml says so here too
        click.echo(err.text(current_lang()), err=True)
        click.echo(
            "Bis dahin sehen die Handys keine Anmeldung, nur einen Hinweis."
            if current_lang() == "de"
            else "Until then, phones see no registration, only a sentence.",
            err=True,
        )


@click.command("join-host")
@click.argument("host", required=False)
@click.option("--clear", is_flag=True, help="Wieder die LAN-Adresse dieses Laptops verwenden.")
@pass_settings
def join_host(settings: Settings, host: str | None, clear: bool) -> None:
    """Eine feste Adresse oder einen Rechnernamen für Teilnahme-Link und QR-Code setzen.

    Für Aushänge, die vorab gedruckt werden: das WLAN vor Ort vergibt sonst eine neue
    Adresse. Ohne Angabe zeigt der Befehl die aktuelle Einstellung.
    """

    store = settings.open(create=True)
    try:
        if clear or host:
            set_fixed_host(store, None if clear else host)
        fixed = fixed_host(store)
    finally:
        store.close()
    if fixed:
        click.echo(f"Teilnahme-Link und QR-Code verwenden: {fixed}")
    else:
        click.echo("Keine feste Adresse: Link und QR-Code nehmen die LAN-Adresse dieses Laptops.")

"""Provides `facilitator sync`: pair two laptops and replicate the workshop between them.

A thin layer over `facilitator.sync.service`: parse the options, call, print.
"""

import errno
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import click

from facilitator.cli.context import Settings, _, pass_settings
from facilitator.core.errors import UserError
from facilitator.locale import lazy
from facilitator.net import SYNC_PORT, reachable_host
from facilitator.store.db import default_db_path
from facilitator.store.sync_pairing import forget_peer, list_offers, revoke_offer, scope_for


def _listen_address(text: str) -> tuple[str, int]:
    host, sep, port = text.rpartition(":")
    if not sep or not port.isdigit() or not 0 <= int(port) <= 65535:
        raise UserError(
            lazy(
                "--listen erwartet HOST:PORT, z. B. 0.0.0.0:{port}, nicht {text!r}.",
                port=SYNC_PORT,
                text=text,
            )
        )
    return host or "0.0.0.0", int(port)


def _port_problem(err: OSError, host: str, port: int) -> UserError:
    if err.errno == errno.EADDRINUSE:
        return UserError(
            lazy(
                "Port {port} auf {host} ist schon belegt (läuft dort schon ein Server?).",
                port=port,
                host=host,
            )
        )
    return UserError(
        lazy(
            "Port {port} auf {host} lässt sich nicht öffnen: {reason}.",
            port=port,
            host=host,
            reason=err.strerror or err,
        )
    )


def _report(status, pulled: int, pushed: int) -> None:
    clock = datetime.now().strftime("%H:%M:%S")
    detail = _counts(pulled, pushed) if status.connected else status.message
    click.echo(f"{clock} {status.label} – {detail}")


def _counts(pulled: int, pushed: int) -> str:
    return _("{pulled} geholt, {pushed} gesendet", pulled=pulled, pushed=pushed)


@click.group(invoke_without_command=True)
@click.option("--peer", help="Sync-Adresse des anderen Laptops, z. B. https://192.168.1.20:8766.")
@click.option("--code", help="Pairing-Code, den der andere Laptop anzeigt (facilitator sync code).")
@click.option("--once", is_flag=True, help="Nur eine Runde holen und senden, dann beenden.")
@click.option("--listen", metavar="HOST:PORT", help="Selbst als Sync-Gegenstelle bereitstehen.")
@click.option("--workshop", "-w", "workshop_id", help="Mit --listen: Code nur für diesen Workshop.")
@click.option("--series", help="Mit --listen: Code für diese Workshopreihe (auch spätere Termine).")
@click.option(
    "--short",
    is_flag=True,
    help="Mit --listen: Kurzcode (8 Zeichen, 10 Minuten, einmal) statt des langen Codes.",
)
@click.option(
    "--interval",
    type=click.FloatRange(0.05, 60),
    default=0.5,
    show_default=True,
    help="Sekunden zwischen zwei Runden.",
)
@click.pass_context
def sync(
    ctx: click.Context,
    peer: str | None,
    code: str | None,
    once: bool,
    listen: str | None,
    workshop_id: str | None,
    series: str | None,
    short: bool,
    interval: float,
) -> None:
    """Mit dem anderen Laptop abgleichen (--peer) oder als Gegenstelle bereitstehen (--listen).

    Ohne --peer wird der zuletzt gekoppelte Laptop verwendet. Alles läuft verschlüsselt
    (TLS) über einen eigenen Port; der Pairing-Code legt das Zertifikat des anderen fest.
    """
    if ctx.invoked_subcommand is not None:
        return
    settings: Settings = ctx.ensure_object(Settings)
    if short and not listen:
        raise UserError(lazy("--short gilt nur mit --listen (der Kurzcode lebt im Prozess)."))
    if peer and listen:
        raise UserError(
            lazy("Bitte nur eins angeben: --peer URL --code CODE oder --listen HOST:PORT.")
        )
    if listen:
        _listen(settings, listen, workshop_id, series, short)
    else:
        _follow(settings, peer, code, once, interval)


def _listen(
    settings: Settings, listen: str, workshop_id: str | None, series: str | None, short: bool
) -> None:
    """Stand ready as the other laptop's peer until Ctrl+C."""
    import asyncio

    # aiohttp loads only when this command talks to the network
    from facilitator.sync import service

    host, port = _listen_address(listen)
    store = settings.open(create=True)
    scope = _scope(store, workshop_id, series)
    try:
        asyncio.run(service.serve(store, host, port, _ready(short), scope, short=short))
    except OSError as err:
        raise _port_problem(err, host, port) from None
    except KeyboardInterrupt:
        pass


def _ready(short: bool) -> Callable[[str, str | None], None]:
    """What the listener says once it listens: its address and the code to type."""
    # aiohttp loads only when this command talks to the network
    from facilitator.sync.short_code import LIFETIME_S, MAX_FAILURES

    def ready(url: str, pairing: str | None) -> None:
        click.echo(f"Sync-Adresse: {url}")
        if pairing is None:
            click.echo(
                "Bestehende Kopplungen gelten (facilitator sync list; neuer Code: sync code)."
            )
            return
        if short:
            minutes = round(LIFETIME_S / 60)
            click.echo(_("Kurzer Pairing-Code: {code}", code=pairing))
            click.echo(
                _(
                    "Gilt {minutes} Minuten für eine Kopplung, nach {tries} falschen "
                    "Versuchen nicht mehr.",
                    minutes=minutes,
                    tries=MAX_FAILURES,
                )
            )
        else:
            click.echo(f"Pairing-Code: {pairing}")
        click.echo("Auf dem anderen Laptop: facilitator sync --peer ADRESSE --code CODE")

    return ready


def _follow(
    settings: Settings, peer: str | None, code: str | None, once: bool, interval: float
) -> None:
    """Sync with the peer once (--once) or until Ctrl+C."""
    import asyncio

    # aiohttp loads only when this command talks to the network
    from facilitator.sync import service

    if peer:  # checked before a database is created for a wrong call
        service.peer_and_code(None, peer, code)
    # B may start with an empty database: the workshop arrives with the first pull.
    store = settings.open(create=True) if peer or _exists(settings) else None
    peer_url, pairing = service.peer_and_code(store, peer, code)
    assert store is not None  # without a store and a peer, peer_and_code has refused
    if once:
        pulled, pushed = asyncio.run(service.sync_once(store, peer_url, pairing))
        click.echo(_counts(pulled, pushed))
        return
    click.echo(_("Gleiche ab mit {peer} (Strg+C beendet).", peer=peer_url))
    try:
        asyncio.run(service.follow(store, peer_url, pairing, interval, _report))
    except KeyboardInterrupt:
        pass


@sync.command("code")
@click.option("--port", default=SYNC_PORT, show_default=True, type=click.IntRange(1, 65535))
@click.option("--workshop", "-w", "workshop_id", help="Nur dieser Workshop (ID oder Anfang).")
@click.option("--series", help="Diese Workshopreihe, auch ihre späteren Termine.")
@pass_settings
def code_command(
    settings: Settings, port: int, workshop_id: str | None, series: str | None
) -> None:
    """Neuen Pairing-Code zeigen: was der andere Laptop bekommt, legt --workshop/--series fest.

    Ohne Angabe: die Reihe des neuesten Workshops (oder er allein). Der Code wird nur
    einmal gezeigt; gespeichert wird nur ein Hash des daraus abgeleiteten Schlüssels.
    """
    # aiohttp loads only when this command talks to the network
    from facilitator.sync.pairing import new_pairing

    store = settings.open(create=True)
    scope = scope_for(store, workshop_id, series)
    code, offer = new_pairing(store, scope)
    _show_code(store, f"https://{reachable_host('')}:{port}", code, offer)


def _show_code(store, url: str, code: str, offer) -> None:
    click.echo(f"Sync-Adresse: {url}")
    click.echo(f"Pairing-Code: {code}")
    click.echo(f"Kopplung {offer.id}: {offer.scope.describe(store)}")
    click.echo("Nicht projizieren; der Code wird nur jetzt gezeigt (widerrufen: sync revoke ID).")


@sync.command("list")
@pass_settings
def list_command(settings: Settings) -> None:
    """Kopplungen dieses Laptops zeigen: angebotene Codes (mit Umfang) und der gefolgte Laptop."""
    # aiohttp loads only when this command talks to the network
    from facilitator.sync.pairing import remembered_pairing

    store = settings.open()
    offers = list_offers(store)
    for offer in offers:
        click.echo(f"{offer.id}  {offer.created_at}  {offer.scope.describe(store)}")
    if not offers:
        click.echo("Kein Pairing-Code angeboten.")
    followed = remembered_pairing(store)
    click.echo(f"Folgt: {followed[0]}" if followed else "Folgt keinem anderen Laptop.")


@sync.command("revoke")
@click.argument("pairing_id", required=False)
@click.option("--peer", "forget", is_flag=True, help="Den gefolgten Laptop vergessen.")
@pass_settings
def revoke_command(settings: Settings, pairing_id: str | None, forget: bool) -> None:
    """Eine Kopplung widerrufen (ID aus sync list): ihr Code öffnet ab sofort nichts mehr."""

    if not pairing_id and not forget:
        raise UserError(_("Bitte die ID der Kopplung angeben (facilitator sync list) oder --peer."))
    store = settings.open()
    if pairing_id:
        offer = revoke_offer(store, pairing_id)
        click.echo(f"Kopplung {offer.id} widerrufen ({offer.scope.describe(store)}).")
    if forget:
        gone = forget_peer(store)
        click.echo("Gefolgten Laptop vergessen." if gone else "Kein gefolgter Laptop gespeichert.")


@sync.command("rotate")
@click.argument("pairing_id")
@click.option("--port", default=SYNC_PORT, show_default=True, type=click.IntRange(1, 65535))
@pass_settings
def rotate_command(settings: Settings, pairing_id: str, port: int) -> None:
    """Eine Kopplung erneuern: alter Code ungültig, neuer Code für denselben Umfang."""
    # aiohttp loads only when this command talks to the network
    from facilitator.sync.pairing import rotate_pairing

    store = settings.open()
    code, offer = rotate_pairing(store, pairing_id)
    _show_code(store, f"https://{reachable_host('')}:{port}", code, offer)


def _scope(store, workshop_id: str | None, series: str | None):  # -> SyncScope | None
    """The scope the options name, or None when they name none."""
    if not workshop_id and not series:
        return None

    return scope_for(store, workshop_id, series)


def _exists(settings: Settings) -> bool:

    path = settings.db_path or default_db_path()
    return Path(path).exists()

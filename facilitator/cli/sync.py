"""Provides `facilitator sync`: pair two laptops and replicate the workshop between them."""

import errno
from datetime import datetime
from pathlib import Path

import click

from facilitator.cli.context import Settings, fail, pass_settings
from facilitator.core.errors import UserError


def _listen_address(text: str) -> tuple[str, int]:
    host, sep, port = text.rpartition(":")
    if not sep or not port.isdigit() or not 0 <= int(port) <= 65535:
        fail(
            UserError(
                f"--listen erwartet HOST:PORT, z. B. 0.0.0.0:8765, nicht {text!r}.",
                en=f"--listen expects HOST:PORT, e.g. 0.0.0.0:8765, not {text!r}.",
            )
        )
    return host or "0.0.0.0", int(port)


@click.command()
@click.option("--peer", help="Sync-Adresse des anderen Laptops, z. B. http://192.168.1.20:8765.")
@click.option("--code", help="Sync-Code, den der andere Laptop anzeigt.")
@click.option("--once", is_flag=True, help="Nur eine Runde holen und senden, dann beenden.")
@click.option("--listen", metavar="HOST:PORT", help="Selbst als Sync-Gegenstelle bereitstehen.")
@click.option(
    "--interval",
    type=click.FloatRange(0.05, 60),
    default=0.5,
    show_default=True,
    help="Sekunden zwischen zwei Runden.",
)
@pass_settings
def sync(
    settings: Settings,
    peer: str | None,
    code: str | None,
    once: bool,
    listen: str | None,
    interval: float,
) -> None:
    """Mit dem anderen Laptop abgleichen (--peer) oder als Gegenstelle bereitstehen (--listen).

    Ohne --peer wird der zuletzt gekoppelte Laptop verwendet.
    """
    # asyncio/aiohttp only load here, so other commands start fast.
    import asyncio

    from facilitator.sync.client import SyncClient, parse_peer_url
    from facilitator.sync.secret import remember_pairing, remembered_pairing, sync_code
    from facilitator.sync.server import start_sync_server, sync_url
    from facilitator.sync.status import SyncStatus

    if peer and listen:
        fail(
            UserError(
                "Bitte nur eins angeben: --peer URL --code CODE oder --listen HOST:PORT.",
                en="Please give only one: --peer URL --code CODE or --listen HOST:PORT.",
            )
        )
    if listen:
        host, port = _listen_address(listen)
        store = settings.open(create=True)

        async def serve() -> None:
            runner = await start_sync_server(store, host, port)  # fails before printing
            click.echo(f"Sync-Adresse: {sync_url(host, port)}")
            click.echo(f"Sync-Code:    {sync_code(store)}")
            click.echo("Auf dem anderen Laptop: facilitator sync --peer ADRESSE --code CODE")
            try:
                await asyncio.Event().wait()
            finally:
                await runner.cleanup()

        try:
            asyncio.run(serve())
        except OSError as err:
            if err.errno == errno.EADDRINUSE:
                fail(
                    UserError(
                        f"Port {port} auf {host} ist schon belegt (läuft dort schon ein Server?).",
                        en=f"Port {port} on {host} is already taken (is a server running there?).",
                    )
                )
            fail(
                UserError(
                    f"Port {port} auf {host} lässt sich nicht öffnen: {err.strerror or err}.",
                    en=f"Port {port} on {host} cannot be opened: {err.strerror or err}.",
                )
            )
        except KeyboardInterrupt:
            pass
        return
    if peer:
        _, url_code = parse_peer_url(peer)
        code = code or url_code
        if not code:
            fail(
                UserError(
                    "Bitte den Sync-Code des anderen Laptops mit --code angeben.",
                    en="Please give the other laptop's sync code with --code.",
                )
            )
    # B may start with an empty database: the workshop arrives with the first pull.
    store = settings.open(create=bool(peer)) if peer or _exists(settings) else None
    if not peer:
        pairing = remembered_pairing(store) if store is not None else None
        if pairing is None:
            fail(
                UserError(
                    "Noch kein Laptop gekoppelt: facilitator sync --peer URL --code CODE "
                    "(oder --listen HOST:PORT, um selbst bereitzustehen).",
                    en="No laptop paired yet: facilitator sync --peer URL --code CODE "
                    "(or --listen HOST:PORT to stand by yourself).",
                )
            )
        peer, code = pairing
    assert store is not None
    assert code is not None

    def report(status: SyncStatus, pulled: int, pushed: int) -> None:
        clock = datetime.now().strftime("%H:%M:%S")
        if status.connected:
            click.echo(f"{clock} {status.label} – {pulled} geholt, {pushed} gesendet")
        else:
            click.echo(f"{clock} {status.label} – {status.message}")

    client = SyncClient(store, peer, code, on_change=report)

    async def one_round() -> tuple[int, int]:
        try:
            return await client.run_once()
        finally:
            await client.close()

    if once:
        pulled, pushed = asyncio.run(one_round())
        remember_pairing(store, client.peer_url, code)
        click.echo(f"{pulled} geholt, {pushed} gesendet")
        return

    async def follow() -> None:
        task = asyncio.ensure_future(client.run_forever(interval))
        while not task.done():  # remember the pairing once it has worked
            if client.status.connected:
                remember_pairing(store, client.peer_url, code)
                break
            await asyncio.sleep(0.2)
        await task

    click.echo(f"Gleiche ab mit {client.peer_url} (Strg+C beendet).")
    try:
        asyncio.run(follow())
    except KeyboardInterrupt:
        pass


def _exists(settings: Settings) -> bool:
    from facilitator.store.db import default_db_path

    path = settings.db_path or default_db_path()
    return Path(path).exists()

"""Provides helpers for the sync tests: two laptops' stores and exchanging their ops."""

import json
import socket
from pathlib import Path

from facilitator.core.agenda_format import parse_agenda
from facilitator.store import Store, open_store
from facilitator.store.exchange import export_workshop
from facilitator.store.oplog import insert_remote_ops, ops_after
from facilitator.store.workshops import create_workshop
from tests.conftest import AGENDA, FakeClock


def open_laptop(path: Path, clock: FakeClock) -> Store:
    return open_store(path, now_ms=clock)


def new_workshop(store: Store) -> str:
    template = parse_agenda(AGENDA.read_text(encoding="utf-8"), str(AGENDA), None)
    return create_workshop(store, "Vernetzungsworkshop Esslingen", template, date="2026-12-01")


def exchange(a: Store, b: Store) -> None:
    """Deliver every op of each laptop to the other (what the sync client does over HTTP)."""
    from_a, from_b = ops_after(a, 0, 10**9), ops_after(b, 0, 10**9)
    insert_remote_ops(b, from_a)
    insert_remote_ops(a, from_b)


def projection(store: Store, workshop_id: str) -> str:
    """Return the workshop's export without the op log, as stable text."""
    data = export_workshop(store, workshop_id)
    data.pop("ops")
    return json.dumps(data, sort_keys=True, ensure_ascii=False)


def op_uuids(store: Store) -> set[str]:
    return {op.uuid for op in ops_after(store, 0, 10**9)}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def serve_tls(app, store: Store):
    """Serve any aiohttp app with `store`'s sync certificate on 127.0.0.1 (a free port)."""
    from aiohttp import web

    from facilitator.sync.tls import server_context

    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0, ssl_context=server_context(store))
    await site.start()
    port = next(iter(runner.addresses))[1]
    return runner, f"https://127.0.0.1:{port}"


def sync_key(store: Store) -> str:
    """Return the X-Sync-Code key of a pairing offered for every workshop in `store`.

    Made once per store (a PBKDF2 run costs about 0.1 s); what a paired laptop sends.
    """
    from facilitator.store.queries import rows
    from facilitator.store.sync_pairing import SyncScope
    from facilitator.sync.pairing import pairing_code, pairing_key

    key = getattr(store, "_test_sync_key", None)
    if key is None:
        ids = tuple(row["id"] for row in rows(store, "SELECT id FROM workshop"))
        key = pairing_key(pairing_code(store, SyncScope(workshops=ids))).key
        store._test_sync_key = key  # type: ignore[attr-defined]
    return key

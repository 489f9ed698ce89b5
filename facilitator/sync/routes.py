"""Provides the sync endpoints the other laptop talks to: hello, pull and push of ops.

They are served only on the sync port, over TLS (`sync.server`), never beside the
phone pages. Every request needs the header `X-Sync-Code` with this database's sync
secret; anything else gets 403. Handlers are module-level and find the store and the
peers' last contact through AppKeys, like the participant server's.
"""

import asyncio
import json
import time
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from facilitator.core import untrusted
from facilitator.core.errors import ValidationError
from facilitator.core.untrusted import parse_int
from facilitator.store.db import Store
from facilitator.store.oplog import op_from_dict, op_to_dict, ops_after
from facilitator.store.photo_ops import verify_photo_ops
from facilitator.store.sync_pairing import SyncScope, ops_in_scope
from facilitator.store.sync_state import accept_pushed, anchor_matches, anchor_of, ops_waiting
from facilitator.sync.listener import mark_busy
from facilitator.sync.secret import check_sync_key
from facilitator.sync.status import SyncStatus, serving_status

PROTOCOL = 2  # 2: TLS on its own port, pinned certificate
CODE_HEADER = "X-Sync-Code"
NODE_HEADER = "X-Sync-Node"
PAIR_PREFIX = "/sync/pair/"  # sync.short_routes: checks its own proofs
DEFAULT_BATCH = 2000
MAX_BATCH = 5000
MAX_PUSH_BYTES = 8 * 1024 * 1024  # a backlog of ops; read by the handler itself
MAX_PULL_BYTES = 4 * 1024 * 1024
MAX_PUSH_OPS = 20_000
BODY_SECONDS = 30.0  # 8 MiB on the slowest venue Wi-Fi

SYNC_STORE = web.AppKey("sync_store", Store)
# When each peer node last talked to us (monotonic seconds): the header of the app
# on the serving laptop shows "verbunden" from this without writing to the database.
PEERS_SEEN = web.AppKey("sync_peers_seen", dict)
SCOPE = "sync_scope"  # request key: the scope of the pairing whose key the request carries

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _error(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status)


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _op_bytes(data: dict[str, Any]) -> bytes:
    """Return one op as JSON; text that is no Unicode travels escaped, for the peer to refuse.

    An older release let such an op in; failing here would stop every pull at it.
    """
    text = _dumps(data)
    try:
        return text.encode()
    except UnicodeEncodeError:
        return json.dumps(data, separators=(",", ":")).encode()


@web.middleware
async def require_sync_code(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Let through only requests with the key of a pairing offer; note who called and its scope."""
    if request.path.startswith(PAIR_PREFIX):  # a short code's exchange: no key yet
        return await handler(request)
    offer = check_sync_key(request.app[SYNC_STORE], request.headers.get(CODE_HEADER))
    if offer is None:  # never offered, or revoked
        return _error(403, "Sync-Code fehlt oder ist falsch.")
    request[SCOPE] = offer.scope
    node = request.headers.get(NODE_HEADER, "")
    if node:
        request.app[PEERS_SEEN][node[:64]] = time.monotonic()
    return await handler(request)


async def hello(request: web.Request) -> web.Response:
    """GET /sync/hello: who we are (node id) and how far our log goes."""
    store = request.app[SYNC_STORE]
    return web.json_response(
        {
            "app": "facilitator",
            "protocol": PROTOCOL,
            "node": store.node_id,
            "version": store.version,
            # the client pushes only ops of this scope (and we take no others)
            "scope": request[SCOPE].to_json(),
        }
    )


async def get_ops(request: web.Request) -> web.Response:
    """GET /sync/ops?after=N: our ops after N, in batches of at most about 4 MiB."""
    store = request.app[SYNC_STORE]
    try:
        # ASCII digits only, bounded (core.untrusted): "١١" or "1e23" are no cursor
        after = parse_int(request.query.get("after", "0"), high=2**62)
        limit = parse_int(request.query.get("limit", str(DEFAULT_BATCH)), high=2**31)
    except ValueError:
        return _error(400, "after und limit müssen ganze Zahlen sein.")
    if limit < 1:
        return _error(400, "after muss ≥ 0 und limit ≥ 1 sein.")
    exclude = request.query.get("exclude") or None
    anchor = request.query.get("anchor")
    if anchor and not anchor_matches(store, after, anchor):
        # Our op at `after` is not the one the peer saw there: this database went
        # back in time (restored from a backup). The peer starts over.
        return web.json_response(
            {"error": "Der Stand dieses Laptops ist älter als erwartet.", "reset": True},
            status=409,
        )
    # Each op is serialised once, and the batch stops at about MAX_PULL_BYTES, so a
    # backlog of long texts never becomes one huge answer. Only the pairing's scope
    # leaves: another workshop's or series' people never reach the other laptop.
    scope: SyncScope = request[SCOPE]
    ids = scope.workshop_ids(store)
    pieces: list[bytes] = []
    size, last = 0, after
    for op in ops_after(store, after, min(limit, MAX_BATCH)):
        if op.node != exclude and ops_in_scope([op], scope, ids):
            piece = _op_bytes(op_to_dict(op))
            if pieces and size + len(piece) > MAX_PULL_BYTES:
                break
            pieces.append(piece)
            size += len(piece) + 1
        last = op.seq
    head = {
        "node": store.node_id,
        "last": last,
        "waiting": ops_waiting(store, last, exclude, ids),
        "now_ms": store.now_ms(),
        "version": store.version,
        "anchor": anchor_of(store, last),
    }
    body = _dumps(head).encode()[:-1] + b',"ops":[' + b",".join(pieces) + b"]}"
    return web.Response(body=body, content_type="application/json", charset="utf-8")


async def post_ops(request: web.Request) -> web.Response:
    """POST /sync/ops: take the peer's ops (idempotently); answer how many were new."""
    if request.content_length is not None and request.content_length > MAX_PUSH_BYTES:
        return _error(413, "Zu viele Daten auf einmal (höchstens 8 MiB).")
    body = bytearray()
    try:
        # A body trickled in byte by byte keeps the connection busy: it gets a deadline.
        async with asyncio.timeout(BODY_SECONDS):
            async for chunk in request.content.iter_chunked(64 * 1024):
                body += chunk
                if len(body) > MAX_PUSH_BYTES:
                    return _error(413, "Zu viele Daten auf einmal (höchstens 8 MiB).")
    except TimeoutError:
        return _error(408, "Die Daten kamen zu langsam; nichts übernommen.")
    try:
        data = untrusted.loads_bounded(body)  # op_check names what it refuses in there
        node = str(data["node"])
        raw_ops = data["ops"]
        if not isinstance(raw_ops, list) or len(raw_ops) > MAX_PUSH_OPS:
            raise ValueError("ops")
        ops = [op_from_dict(raw) for raw in raw_ops]
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError, RecursionError):
        return _error(400, "Die gesendeten Ops sind unlesbar; nichts übernommen.")
    request.app[PEERS_SEEN][node[:64]] = time.monotonic()
    store = request.app[SYNC_STORE]
    scope: SyncScope = request[SCOPE]
    # Ops outside the pairing's scope are not taken (an honest client sends none).
    ops = ops_in_scope(ops, scope, scope.workshop_ids(store))
    await verify_photo_ops(ops)  # child processes, while the loop serves the phones
    try:
        new = accept_pushed(store, node, ops)
    except ValidationError as err:  # BadOp names the op; nothing of the batch was taken
        return _error(400, str(err))
    return web.json_response({"node": store.node_id, "received": new})


def create_sync_app(store: Store) -> web.Application:
    """Return the aiohttp application of the sync port: the three routes, code required."""
    app = web.Application(
        middlewares=[mark_busy, require_sync_code], client_max_size=MAX_PUSH_BYTES
    )
    app[SYNC_STORE] = store
    app[PEERS_SEEN] = {}
    app.router.add_get("/sync/hello", hello)
    app.router.add_get("/sync/ops", get_ops)
    app.router.add_post("/sync/ops", post_ops)
    return app


def server_status(app: web.Application, url: str = "") -> SyncStatus:
    """Return the header status of the serving laptop (connected while the peer polls)."""
    return serving_status(app.get(PEERS_SEEN, {}), url)

"""Provides the sync client: pulls the other laptop's ops and pushes ours, again and again.

One round (`run_once`) pulls everything after our cursor for that peer (saving
the cursor with the ops, in one transaction) and then pushes our ops the peer has
not been sent. `run_forever` repeats that every `interval` seconds (sooner when
this laptop records something), backs off while the peer is unreachable, and
keeps a `SyncStatus` for the app's header. A bad answer never raises out of
`run_forever`; only a wrong sync code or a certificate that does not match the
pairing code does (neither will fix itself). Every request goes over TLS to the
certificate whose fingerprint the pairing code names (aiohttp's Fingerprint pin):
another certificate is refused before the request, and its secret, leave this laptop.
"""

import asyncio
import json
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any
from urllib.parse import parse_qs, urlsplit

import aiohttp

from facilitator.core import untrusted
from facilitator.core.errors import UserError, ValidationError
from facilitator.locale import lazy
from facilitator.store.db import Op, Store
from facilitator.store.oplog import op_from_dict, op_to_dict
from facilitator.store.photo_ops import verify_photo_ops
from facilitator.store.sync_pairing import SyncScope
from facilitator.store.sync_state import (
    SyncPeer,
    apply_pulled,
    ensure_peer,
    get_peer,
    mark_pushed,
    ops_to_push,
    peer_anchor,
    reset_peer,
    unsent_count,
)
from facilitator.sync.pairing import pairing_key
from facilitator.sync.routes import CODE_HEADER, DEFAULT_BATCH, NODE_HEADER
from facilitator.sync.secret import PairingKey
from facilitator.sync.status import SyncStatus

MAX_BACKOFF_S = 2.0  # a LAN poll every 2 s while apart costs nothing
PUSH_CHUNK_BYTES = 4 * 1024 * 1024  # half the server's limit
# What one answer may be: a pull batch is about 4 MiB (routes.MAX_PULL_BYTES), plus one
# long op (a photo) that starts a batch. A bigger answer is refused, never held whole.
MAX_ANSWER_BYTES = 32 * 1024 * 1024
# Batches one round pulls at most (the rest comes next round), and how often a round
# follows the peer to another database or a reset: a peer that never stops cannot hold us.
MAX_PULL_BATCHES = 64
MAX_PULL_RESTARTS = 2


class SyncAuthError(UserError):
    """The other laptop refused our sync code."""


class SyncCertificateMismatch(SyncAuthError):
    """The other side's certificate is not the one the pairing code names."""


class SyncUnavailable(UserError):
    """The other laptop could not be reached or gave an answer we cannot use."""


def parse_peer_url(text: str) -> tuple[str, str | None]:
    """Return (https base URL, code from ?code= if any) of what the user typed or scanned.

    Sync always runs over TLS: an http:// address is taken as https:// on the same port.
    """
    raw = text.strip()
    if "://" not in raw:
        raw = "https://" + raw
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValidationError(
            lazy("{text} ist keine Sync-Adresse wie https://192.168.1.20:8766.", text=repr(text))
        )
    try:
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise ValidationError(lazy("{text} hat keinen gültigen Port.", text=repr(text))) from None
    path = parts.path.rstrip("/")
    for suffix in ("/sync/hello", "/sync/ops", "/sync"):
        if path.endswith(suffix):
            path = path[: -len(suffix)]
            break
    code = parse_qs(parts.query).get("code", [None])[0]
    return f"https://{parts.netloc}{path}", code


class SyncClient:
    """Replicates the op log with one peer laptop."""

    def __init__(
        self,
        store: Store,
        peer_url: str,
        code: str | PairingKey,
        *,
        timeout_s: float = 5.0,
        batch: int = DEFAULT_BATCH,
        on_change: Callable[[SyncStatus, int, int], None] | None = None,
    ) -> None:
        """`on_change(status, pulled, pushed)` is called by `run_forever` after a round
        that moved ops or changed the connection (the app refreshes its header)."""
        self.on_change = on_change
        self.store = store
        self.peer_url, _ = parse_peer_url(peer_url)
        # Only the key derived from the code is kept (and remembered), never the code.
        self.key = pairing_key(code)
        self.fingerprint = self.key.fingerprint
        # What the pairing shares, as the other laptop says (hello): we push nothing else.
        self.scope = SyncScope()
        self.timeout_s = timeout_s
        self.batch = batch
        self.status = SyncStatus(self.peer_url)
        self._peer: SyncPeer | None = None
        self._session: aiohttp.ClientSession | None = None
        self._wake: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._resend_all = False  # the peer lost ops (restored backup): send it everything

    # -- one round ----------------------------------------------------------
    async def run_once(self) -> tuple[int, int]:
        """Pull, then push, once. Returns (ops pulled that were new, ops the peer took new).

        Raises SyncAuthError for a wrong code, SyncUnavailable when the peer is down
        or answers nonsense; `status` says the same in one sentence.
        """
        try:
            if self._peer is None:
                hello = await self._request("GET", "/sync/hello")
                self.scope = SyncScope.from_json(hello.get("scope"))
                self._peer = ensure_peer(self.store, str(hello["node"]), self.peer_url)
            pulled = await self._pull()
            pushed = await self._push()
        except SyncAuthError as err:
            self._disconnected(str(err))
            raise
        except aiohttp.ServerFingerprintMismatch:
            mismatch = lazy(
                "Das Zertifikat von {peer_url} passt nicht zum Pairing-Code (nicht der "
                "andere Laptop oder ein anderer Code), daher wurde nichts gesendet.",
                peer_url=self.peer_url,
            )
            self._disconnected(str(mismatch))
            raise SyncCertificateMismatch(mismatch) from None
        except UserError as err:  # SyncUnavailable, or the database is busy/broken
            self._disconnected(str(err))
            raise SyncUnavailable(err.translatable) from None
        except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as err:
            unreachable = lazy(
                "Die andere Seite ({peer_url}) ist nicht erreichbar.", peer_url=self.peer_url
            )
            self._disconnected(str(unreachable))
            raise SyncUnavailable(unreachable) from err
        except (ValueError, KeyError, TypeError, AttributeError) as err:
            garbled = lazy(
                "Die andere Seite ({peer_url}) antwortet unverständlich.", peer_url=self.peer_url
            )
            self._disconnected(str(garbled))
            raise SyncUnavailable(garbled) from err
        assert self._peer is not None
        self.status = replace(
            self.status,
            connected=True,
            last_contact_ms=int(time.time() * 1000),
            unsent=unsent_count(self.store, self._peer, self.scope),
            message="Verbunden.",
            peer_node=self._peer.node,
        )
        return pulled, pushed

    def _disconnected(self, message: str) -> None:
        self.status = replace(self.status, connected=False, message=message)

    async def _pull(self) -> int:
        assert self._peer is not None
        new = batches = restarts = 0
        pending = asyncio.ensure_future(self._fetch(self._peer.cursor))
        try:
            while True:
                data = await pending
                batches += 1
                if batches > MAX_PULL_BATCHES:
                    return new
                restart_at = self._restart_cursor(data, restarts)
                if restart_at is not None:
                    restarts += 1
                    pending = asyncio.ensure_future(self._fetch(restart_at))
                    continue
                ops, last, waiting, more = self._batch(data, batches)
                if more:  # ask for the next batch while this one is written
                    pending = asyncio.ensure_future(self._fetch(last))
                await verify_photo_ops(ops)  # child processes, while the loop serves
                new += self._write_batch(data, ops, last, waiting)
                if not more:
                    return new
        finally:
            if not pending.done():
                pending.cancel()
            elif not pending.cancelled():
                pending.exception()  # a prefetch that failed after an error: seen, dropped

    def _restart_cursor(self, data: dict[str, Any], restarts: int) -> int | None:
        """Where to pull from again when the peer's database changed under us; else None."""
        assert self._peer is not None
        node = str(data["node"])
        if node == self._peer.node and not data.get("reset"):
            return None
        if restarts >= MAX_PULL_RESTARTS:
            raise SyncUnavailable(
                lazy(
                    "Die andere Seite ({peer_url}) wechselt ständig ihren Stand.",
                    peer_url=self.peer_url,
                )
            )
        if node != self._peer.node:  # the other laptop now runs another database
            self._peer = ensure_peer(self.store, node, self.peer_url)
            return self._peer.cursor
        # The peer's database went back in time (restored from a backup):
        # start over both ways and send it even its own lost ops (idempotent).
        reset_peer(self.store, node)
        self._peer = get_peer(self.store, node)
        assert self._peer is not None
        self._resend_all = True
        return 0

    def _batch(self, data: dict[str, Any], batches: int) -> tuple[list[Op], int, int, bool]:
        """The batch's ops, its last sequence number, how many wait, and whether to go on."""
        assert self._peer is not None
        ops = [op_from_dict(raw) for raw in data["ops"]]
        last = int(data["last"])
        waiting = int(data.get("waiting", 0))
        more = bool(waiting) and last > self._peer.cursor and batches < MAX_PULL_BATCHES
        return ops, last, waiting, more

    def _write_batch(self, data: dict[str, Any], ops: list[Op], last: int, waiting: int) -> int:
        assert self._peer is not None
        node = str(data["node"])
        anchor = data.get("anchor")
        anchor = anchor if isinstance(anchor, str) else None
        new = 0
        if ops or last != self._peer.cursor:  # an idle poll writes nothing
            new = apply_pulled(self.store, node, ops, last, anchor)
        self._peer = get_peer(self.store, node)
        assert self._peer is not None
        self.status = replace(self.status, behind=waiting)
        return new

    async def _fetch(self, after: int) -> dict[str, Any]:
        assert self._peer is not None
        params = {"after": str(after), "limit": str(self.batch), "exclude": self.store.node_id}
        anchor = peer_anchor(self.store, self._peer.node) if after else None
        if anchor and after == self._peer.cursor:
            params["anchor"] = anchor
        sent = self.store.now_ms()
        data = await self._request("GET", "/sync/ops", params=params)
        if isinstance(data.get("now_ms"), int):
            # The peer read its clock about halfway through the round trip.
            offset = data["now_ms"] - (sent + self.store.now_ms()) // 2
            self.status = replace(self.status, clock_offset_ms=offset)
        return data

    async def _push(self) -> int:
        assert self._peer is not None
        taken = 0
        while True:
            ops, upto = ops_to_push(
                self.store,
                self._peer,
                self.batch,
                include_peer_ops=self._resend_all,
                scope=self.scope,
            )
            if upto <= self._peer.pushed:
                self._resend_all = False
                return taken
            for body in _chunks(self.store.node_id, ops):
                data = await self._request("POST", "/sync/ops", body=body)
                taken += int(data.get("received", 0))
            mark_pushed(self.store, self._peer.node, upto)
            self._peer = get_peer(self.store, self._peer.node)
            assert self._peer is not None

    async def _request(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, str] | None = None,
        body: bytes | None = None,
    ) -> dict[str, Any]:
        session = self._session_or_new()
        headers = {"Content-Type": "application/json"} if body is not None else None
        async with session.request(
            method, self.peer_url + path, params=params, data=body, headers=headers
        ) as response:
            raw = await _read_bounded(response, self.peer_url)
            if response.status == 409 and method == "GET":
                return {"node": self._peer.node if self._peer else "", "reset": True}
            self._raise_for_status(response.status, method, raw)
        data = untrusted.loads_bounded(raw)  # op_check names what it refuses in there
        if not isinstance(data, dict):
            raise ValueError("not an object")
        return data

    def _raise_for_status(self, status: int, method: str, raw: bytes) -> None:
        """A refusal or an error the moderators can act on; nothing for 200."""
        if status == 403:
            raise SyncAuthError(
                lazy(
                    "Der Pairing-Code passt nicht zu {peer_url}: bitte den Code vom anderen Laptop "
                    "abschreiben.",
                    peer_url=self.peer_url,
                )
            )
        if status == 404:
            raise SyncUnavailable(
                lazy(
                    "Unter {peer_url} antwortet kein facilitator-Sync (Adresse oder Port prüfen).",
                    peer_url=self.peer_url,
                )
            )
        # the peer refused one of our ops and says which (store.op_check)
        refusal = _error_text(raw) if status == 400 and method == "POST" else None
        if refusal:
            raise SyncUnavailable(
                lazy(
                    "Die andere Seite ({peer_url}) lehnt ab: {refusal}",
                    peer_url=self.peer_url,
                    refusal=refusal,
                )
            )
        if status != 200:
            raise SyncUnavailable(
                lazy(
                    "Die andere Seite ({peer_url}) antwortet mit Fehler {status}.",
                    peer_url=self.peer_url,
                    status=status,
                )
            )

    def _session_or_new(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(ssl=aiohttp.Fingerprint(self.fingerprint)),
                timeout=aiohttp.ClientTimeout(total=self.timeout_s),
                headers={CODE_HEADER: self.key.key, NODE_HEADER: self.store.node_id},
            )
        return self._session

    async def close(self) -> None:
        """Close the HTTP session."""
        if self._session is not None:
            await self._session.close()
            self._session = None

    # -- continuous -----------------------------------------------------------
    async def run_forever(self, interval: float = 0.5) -> None:
        """Sync every `interval` seconds until cancelled; back off while the peer is away.

        Raises SyncAuthError only (a wrong code does not fix itself).
        """
        self._loop = asyncio.get_running_loop()
        self._wake = asyncio.Event()
        self.store.subscribe(self._on_commit)
        backoff = interval
        try:
            while True:
                before = (self.status.connected, self.status.message)
                moved = (0, 0)
                try:
                    moved = await self.run_once()
                    backoff, delay = interval, interval
                except SyncAuthError:
                    self._tell(moved)
                    raise
                except SyncUnavailable:
                    delay, backoff = backoff, min(backoff * 2, MAX_BACKOFF_S)
                    await self.close()  # start afresh: the peer may have restarted
                if any(moved) or before != (self.status.connected, self.status.message):
                    self._tell(moved)
                self._wake.clear()
                try:
                    await asyncio.wait_for(self._wake.wait(), delay)
                except asyncio.TimeoutError:
                    pass
        finally:
            self.store.unsubscribe(self._on_commit)
            await self.close()

    def _tell(self, moved: tuple[int, int]) -> None:
        if self.on_change is not None:
            self.on_change(self.status, *moved)

    def _on_commit(self, ops: list[Op]) -> None:
        # Our own new op: push it now instead of at the next tick (only while connected,
        # so a local capture does not defeat the back-off).
        if self._wake is None or self._loop is None or not self.status.connected:
            return
        if any(op.node == self.store.node_id for op in ops):
            self._loop.call_soon_threadsafe(self._wake.set)


async def _read_bounded(response: aiohttp.ClientResponse, peer_url: str) -> bytes:
    """Return the answer's body, or SyncUnavailable once it passes MAX_ANSWER_BYTES."""
    too_big = SyncUnavailable(
        lazy(
            "Die andere Seite ({peer_url}) schickt eine zu große Antwort; nichts übernommen.",
            peer_url=peer_url,
        )
    )
    if (response.content_length or 0) > MAX_ANSWER_BYTES:
        raise too_big
    raw = bytearray()
    async for chunk in response.content.iter_chunked(256 * 1024):
        raw += chunk
        if len(raw) > MAX_ANSWER_BYTES:
            raise too_big
    return bytes(raw)


def _error_text(raw: bytes) -> str:
    """Return the "error" of a JSON error answer (at most 300 characters), or ""."""
    try:
        message = json.loads(raw).get("error")
    except (ValueError, AttributeError):
        return ""
    return message[:300] if isinstance(message, str) else ""


def _chunks(node: str, ops: list[Op]) -> list[bytes]:
    """Return POST bodies of at most about PUSH_CHUNK_BYTES (UTF-8 bytes) each."""
    bodies: list[list[bytes]] = []
    parts: list[bytes] = []
    size = 0
    for op in ops:
        part = json.dumps(op_to_dict(op), ensure_ascii=False, separators=(",", ":")).encode()
        if parts and size + len(part) > PUSH_CHUNK_BYTES:
            bodies.append(parts)
            parts, size = [], 0
        parts.append(part)
        size += len(part) + 1
    if parts:
        bodies.append(parts)
    head = json.dumps({"node": node}).encode()[:-1] + b', "ops": ['
    return [head + b",".join(p) + b"]}" for p in bodies]

"""Provides the live hub: snapshots built once per version, fanned out to every open stream.

The store calls its listeners in the thread that wrote (the app's event loop when
the moderators type); the hub hops onto its own loop and wakes each stream. A
stream keeps only the newest snapshot, so a slow phone skips versions instead of
queueing them. A one-second version check catches writes from other processes.
"""

import asyncio
import hmac
import json
import logging
import threading
from dataclasses import dataclass, field
from typing import Any

from facilitator.core.method_format import MethodCard
from facilitator.store.db import Op, Store
from facilitator.store.room import phones_share_address
from facilitator.store.workshops import list_workshops
from facilitator.web.activity_cache import PhoneForms, SectionCache
from facilitator.web.caps import Room
from facilitator.web.snapshot import build_ballot, build_snapshot

log = logging.getLogger(__name__)
WATCH_SECONDS = 1.0
# At most one broadcast per this many seconds: a flood of writes costs one snapshot
# and one write per stream per interval, not one per write (phones need no more).
BROADCAST_SECONDS = 0.2
KEEP_ALIVE_SECONDS = 15.0


def sse_event(data: str) -> bytes:
    """Return one Server-Sent Event carrying `data` (JSON has no raw newlines)."""
    return b"data: " + data.encode() + b"\n\n"


@dataclass(eq=False)
class Stream:
    """One phone's open SSE connection."""

    workshop_id: str
    lang: str
    address: str = "?"
    wake: asyncio.Event = field(default_factory=asyncio.Event)
    payload: bytes | None = None  # a framed SSE event, encoded once for every stream
    keep_alive: bool = False
    closed: bool = False


class LiveHub:
    """Caches snapshots per (version, workshop, language) and pushes them to streams."""

    def __init__(
        self,
        store: Store,
        methods: dict[str, MethodCard],
        workshop_id: str | None = None,
        *,
        room: Room | None = None,
    ) -> None:
        self.store = store
        self.room = room or Room()
        self.methods = methods
        self.workshop_id = workshop_id
        self.streams: set[Stream] = set()
        self._per_address: dict[str, int] = {}
        self._cache_version = -1
        self._cache: dict[tuple[str, str], dict[str, Any]] = {}
        self._json: dict[tuple[str, str], str] = {}
        self._event_bodies: dict[tuple[str, str], bytes] = {}
        self.first_events_encoded = 0  # tests and the benchmark read it
        self._ballots: dict[tuple[str, str], list[dict[str, str]]] = {}
        self.pages: dict[tuple, str] = {}  # rendered pages of this version (see pages.py)
        self.sections = SectionCache()  # the open Q&A, rendered once per change
        self.forms = PhoneForms()  # the open activity's per-phone forms of this version
        # The version as last read (see `version`), and the count of commits heard then.
        self._version: int | None = None
        self._version_at = 0
        self._commits = 0  # raised by every commit heard of (from any thread)
        self._codes: list[tuple[str, str]] = []
        self._sent_version = -1
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: int | None = None
        self._scheduled = False
        self._last_broadcast = 0.0
        self._watcher: asyncio.Task | None = None

    # -- life cycle ---------------------------------------------------------
    async def start(self) -> None:
        """Listen to the store and watch for writes made elsewhere."""
        self._loop = asyncio.get_running_loop()
        self._thread = threading.get_ident()
        self._sent_version = self.store.version
        self.store.subscribe(self._on_ops)
        self._watcher = asyncio.create_task(self._watch())

    async def stop(self) -> None:
        """Stop listening and end every stream (their handlers return at once)."""
        self.store.unsubscribe(self._on_ops)
        if self._watcher:
            self._watcher.cancel()
            try:
                await self._watcher
            except asyncio.CancelledError:
                pass
        for stream in list(self.streams):
            stream.closed = True
            stream.wake.set()

    @property
    def phones_connected(self) -> int:
        return len(self.streams)

    def follow(self, workshop_id: str | None) -> None:
        """Serve `workshop_id` from now on (the moderators opened it in the app).

        Its join code is the only one that works then; the projector shows it at
        its next update. Never called for a workshop that was merely created or synced.
        """
        if workshop_id != self.workshop_id:
            self.workshop_id = workshop_id
            self._cache_version = -1  # the join codes and snapshots are rebuilt
            self._sent_version = -1  # and the streams get the next version

    # -- join codes ---------------------------------------------------------
    def workshop_for_code(self, code: str | None) -> str | None:
        """Return the workshop whose join code is `code`, comparing in constant time."""
        if not code or len(code) > 64:
            return None
        self._refresh()
        given = code.strip().lower().encode()
        found = None
        for join_code, workshop_id in self._codes:  # no early exit: timing says nothing
            if hmac.compare_digest(join_code.encode(), given):
                found = workshop_id
        return found

    # -- snapshots ----------------------------------------------------------
    @property
    def version(self) -> int:
        """The store's version, read from the database only after a commit or a watch tick.

        Every phone request asks for it (join code, snapshot); each asking ran
        max(seq) over the op log. Commits in this process tell the hub at once
        (`_on_ops`, from any thread); the watcher's tick catches other processes.
        """
        if self._loop is None:  # not started: nobody tells us of commits
            return self.store.version
        heard = self._commits  # read first: a commit heard after it means another read
        known = self._version
        if known is None or self._version_at != heard:
            known = self._version = self.store.version
            self._version_at = heard
        return known

    def _refresh(self, version: int | None = None) -> int:
        version = self.version if version is None else version
        if version != self._cache_version:
            self._cache.clear()
            self._json.clear()
            self.forms.clear()
            self._event_bodies.clear()
            self._ballots.clear()
            self.pages.clear()
            self._cache_version = version
            self._codes = [
                (str(w["join_code"]).lower(), w["id"])
                for w in list_workshops(self.store)
                if w.get("join_code") and (self.workshop_id in (None, w["id"]))
            ]
            self.room.phones_share_address = phones_share_address(self.store, self.workshop_id)
        return version

    def snapshot(self, workshop_id: str, lang: str) -> dict[str, Any]:
        """Return the current snapshot (built at most once per version and language)."""
        version = self._refresh()
        key = (workshop_id, lang)
        if key not in self._cache:
            self._cache[key] = build_snapshot(self.store, workshop_id, lang, self.methods, version)
        return self._cache[key]

    def ballot(self, workshop_id: str, lang: str) -> list[dict[str, str]]:
        """Return the running block's ballot while its vote is open (else []), once per version."""
        current = self.snapshot(workshop_id, lang)["current"]
        if not current or not current["voting_open"]:
            return []
        key = (current["id"], lang)
        if key not in self._ballots:
            self._ballots[key] = build_ballot(self.store, current["id"], lang)
        return self._ballots[key]

    def snapshot_json(self, workshop_id: str, lang: str) -> str:
        """Return the snapshot as JSON with the server's clock, for phones to tick down."""
        snap = self.snapshot(workshop_id, lang)
        key = (workshop_id, lang)
        if key not in self._json:
            self._json[key] = json.dumps(snap, ensure_ascii=False, separators=(",", ":"))
        return '{"server_ms":%d,' % self.store.now_ms() + self._json[key][1:]

    def first_event(self, workshop_id: str, lang: str) -> tuple[bytes, bytes]:
        """Return a new stream's first bytes: a short fresh head, then the shared snapshot.

        A QR-scan burst opens a few hundred streams at once: the snapshot is encoded
        once per version and the same bytes go to each; only the head (the reconnect
        delay and the server's clock, which must be fresh for the phones' timers) is
        made per stream.
        """
        self.snapshot_json(workshop_id, lang)  # fills the version's JSON
        key = (workshop_id, lang)
        body = self._event_bodies.get(key)
        if body is None:
            body = self._event_bodies[key] = self._json[key][1:].encode() + b"\n\n"
            self.first_events_encoded += 1
        head = b'retry: 2000\n\ndata: {"server_ms":%d,' % self.store.now_ms()
        return head, body

    # -- streams ------------------------------------------------------------
    def streams_from(self, address: str) -> int:
        """Return how many streams `address` has open."""
        return self._per_address.get(address, 0)

    def open_stream(self, workshop_id: str, lang: str, address: str = "?") -> Stream:
        """Register a stream; its handler sends `first_event` itself, then what comes."""
        stream = Stream(workshop_id, lang, address)
        self.streams.add(stream)
        self._per_address[address] = self._per_address.get(address, 0) + 1
        return stream

    def close_stream(self, stream: Stream) -> None:
        if stream in self.streams:
            self.streams.discard(stream)
            left = self._per_address.get(stream.address, 1) - 1
            if left > 0:
                self._per_address[stream.address] = left
            else:
                self._per_address.pop(stream.address, None)

    def _on_ops(self, ops: list[Op]) -> None:
        self._commits += 1  # the next request reads the new version
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        if threading.get_ident() == self._thread:
            self._schedule()
        else:
            loop.call_soon_threadsafe(self._schedule)

    def _schedule(self) -> None:
        # Coalesce: several commits in one loop turn, or within BROADCAST_SECONDS of the
        # last broadcast, cause one broadcast.
        if not self._scheduled and self._loop is not None:
            self._scheduled = True
            wait = self._last_broadcast + BROADCAST_SECONDS - self._loop.time()
            if wait > 0:
                self._loop.call_later(wait, self.broadcast)
            else:
                self._loop.call_soon(self.broadcast)

    def broadcast(self) -> None:
        """Send the newest snapshot to every stream if the version moved."""
        self._scheduled = False
        if self._loop is not None:
            self._last_broadcast = self._loop.time()
        try:
            version = self._refresh()
            if version == self._sent_version:
                return
            self._sent_version = version
            built: dict[tuple[str, str], bytes] = {}
            for stream in list(self.streams):
                key = (stream.workshop_id, stream.lang)
                if key not in built:
                    built[key] = sse_event(self.snapshot_json(*key))
                stream.payload = built[key]
                stream.wake.set()
        except Exception:  # a broken row must not stop the server; phones keep the last view
            log.exception("snapshot failed")

    def keep_alive(self) -> None:
        """Wake every stream to send a comment (one timer for all, not one per stream)."""
        for stream in list(self.streams):
            stream.keep_alive = True
            stream.wake.set()

    async def _watch(self) -> None:
        loop = asyncio.get_running_loop()
        last_keep_alive = loop.time()
        while True:
            await asyncio.sleep(min(WATCH_SECONDS, KEEP_ALIVE_SECONDS))
            if loop.time() - last_keep_alive >= KEEP_ALIVE_SECONDS:
                last_keep_alive = loop.time()
                self.keep_alive()
            try:
                self._commits += 1  # another process may have written
                if self.version != self._sent_version:
                    self.broadcast()
            except Exception:  # the database may be busy for a moment
                log.exception("version check failed")

"""Provides the app's link to the other moderator's laptop: session, header label, pairing.

`SyncLink` is mixed into FacilitatorApp. The sync package (aiohttp) is imported only
once a pairing exists or the moderators open the pairing dialog, so a first start paints fast.
"""

import threading
from typing import TYPE_CHECKING, Any

from facilitator.locale import lazy
from facilitator.tui.roles import HasHeader
from facilitator.tui.text import _

if TYPE_CHECKING:  # the checker sees the app this is mixed into; at run time a plain mixin
    from textual.app import App

    from facilitator.store.db import Store
    from facilitator.store.sync_pairing import SyncOffer, SyncScope
    from facilitator.sync.server import SyncServer
    from facilitator.sync.session import SyncSession
    from facilitator.sync.short_code import ShortCode
    from facilitator.sync.status import SyncStatus

    _Host = App[Any]
else:
    _Host = object


class SyncLink(_Host):
    """One SyncSession per app; its status in every screen's header."""

    if TYPE_CHECKING:  # set by FacilitatorApp
        store: Store
        workshop_id: str | None

        def t(self, key: str, **values: object) -> str: ...

    sync: "SyncSession | None" = None  # made on first use
    sync_server: "SyncServer | None" = None  # the other laptop's way in (TLS)
    sync_port: int | None = None  # None: the default sync port; 0: any free port (tests)
    server_host: str = "0.0.0.0"  # the app's listening address (loopback in tests)

    async def _start_sync_server(self) -> None:
        """Offer sync on its own TLS port; the app works on if the port is taken."""
        from facilitator.net import SYNC_PORT
        from facilitator.sync.server import start_sync_server

        port = SYNC_PORT if self.sync_port is None else self.sync_port
        try:
            self.sync_server = await start_sync_server(self.store, self.server_host, port)
        except Exception:
            self.sync_server = None

    async def _offer_sync_at_start(self) -> None:
        """Listen for the other laptop only when this one offers a pairing (no open port else)."""
        from facilitator.store.sync_pairing import offers_sync  # cheap: no aiohttp

        if offers_sync(self.store):
            await self._start_sync_server()

    async def offer_pairing(self, series: bool) -> "tuple[str, SyncOffer]":
        """Make a pairing code for the open workshop (or its series) and open the sync port.

        UserError (one sentence) when the workshop has no series or there is no workshop.
        """
        from facilitator.sync.pairing import new_pairing

        code, offer = new_pairing(self.store, self._pairing_scope(series))
        if self.sync_server is None:
            await self._start_sync_server()
        return code, offer

    async def offer_short_pairing(self, series: bool = False) -> "ShortCode":
        """A short code for the open workshop (or its series), valid on the sync port only.

        It lives in the sync port's memory (sync.short_code); UserError when the port
        cannot be opened, as the code would then lead nowhere.
        """
        from facilitator.core.errors import UserError

        scope = self._pairing_scope(series)
        if self.sync_server is None:
            await self._start_sync_server()
        if self.sync_server is None:
            raise UserError(lazy("Kein Kurzcode: der Sync-Port lässt sich nicht öffnen (belegt?)."))
        return self.sync_server.short_codes.offer(scope)

    def _pairing_scope(self, series: bool) -> "SyncScope":
        from facilitator.core.errors import UserError
        from facilitator.store.sync_pairing import SyncScope, scope_for
        from facilitator.store.workshops import get_workshop

        if self.workshop_id is None:
            return scope_for(self.store, None, None)
        workshop = get_workshop(self.store, self.workshop_id)
        if not series:
            return SyncScope(workshops=(workshop.id,))
        if not workshop.series_id:
            raise UserError(
                lazy("Dieser Workshop gehört zu keiner Reihe (F2, Workshop bearbeiten).")
            )
        return SyncScope(series=(workshop.series_id,))

    async def revoke_pairings(self) -> int:
        """Revoke every pairing this laptop offers and close the sync port; return how many."""
        from facilitator.store.sync_pairing import list_offers, revoke_offer

        offers = list_offers(self.store)
        for offer in offers:
            revoke_offer(self.store, offer.id)
        if self.sync_server is not None:  # nothing offered: nothing listens
            server, self.sync_server = self.sync_server, None
            await server.cleanup()
        return len(offers)

    async def _resume_sync(self) -> None:
        """Reconnect to the laptop this database was paired with (if any)."""
        from facilitator.store.sync_pairing import is_paired  # no aiohttp unless paired

        if is_paired(self.store):
            await self.sync_session().resume()
            self._sync_changed()

    def sync_session(self) -> "SyncSession":
        """The one sync session of the app (made on first use: it loads aiohttp)."""
        if self.sync is None:
            from facilitator.sync.session import SyncSession

            self.sync = SyncSession(self.store, on_change=self._on_sync_change)
        return self.sync

    async def pair(self, url: str, code: str) -> "SyncStatus":
        """Connect to the other laptop (SyncAuthError for a wrong code)."""
        status = await self.sync_session().connect(url.strip(), code)
        self._sync_changed()
        return status

    def sync_status(self) -> "SyncStatus | None":
        """Our own pairing's status; else, on the serving laptop, whether the peer polls."""
        status = self.sync.status if self.sync is not None else None
        web_app = self.sync_server.app if self.sync_server is not None else None
        if status is None and web_app is not None:
            from facilitator.sync.routes import PEERS_SEEN, server_status

            if web_app.get(PEERS_SEEN):
                status = server_status(web_app)
        return status

    def sync_label(self) -> str:
        """The header's sync part, e.g. "Sync: verbunden · 3 ausstehend"; "" if never paired."""
        status = self.sync_status()
        if status is None:
            return ""
        if status.connected:
            text = _("Sync: verbunden")
            lag = status.behind + status.unsent
            if lag:
                text += _(" · {count} ausstehend", count=lag)
            if abs(status.clock_offset_ms) >= 2000:
                text += _(
                    " · Uhren weichen {seconds} s ab", seconds=abs(status.clock_offset_ms) // 1000
                )
            return text
        if status.last_contact_ms is None:
            text = _("Sync: getrennt")
        else:
            from datetime import datetime

            since = datetime.fromtimestamp(status.last_contact_ms / 1000).strftime("%H:%M:%S")
            text = _("Sync: getrennt seit {time}", time=since)
        pending = self._unsent(status.peer_node)
        return text + (_(" · {count} ausstehend", count=pending) if pending else "")

    def _unsent(self, peer_node: str | None) -> int:
        """While cut off: how many of our changes wait for the other laptop (two small reads)."""
        if self.sync is None or self.sync.client is None or not peer_node:
            return 0  # the serving laptop does not keep the peer's cursor
        from facilitator.store.sync_state import get_peer, unsent_count

        peer = get_peer(self.store, peer_node)
        return unsent_count(self.store, peer, self.sync.client.scope) if peer is not None else 0

    def _on_sync_change(self, status: object, pulled: int, pushed: int) -> None:
        # Called by the sync task in the app's loop; from elsewhere go through the loop.
        if not self.is_running:
            return
        if threading.get_ident() == self._thread_id:
            self._sync_changed()
        else:
            self.call_from_thread(self._sync_changed)

    def _sync_changed(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, HasHeader) and screen.is_mounted:
                screen.show_sync()

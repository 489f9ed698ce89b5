"""Provides SyncSession: the app's handle on following the other laptop.

The app (or any long-running front end) keeps one session: `connect(url, code)`
from the pairing dialog, `resume()` on start to reconnect to the remembered
laptop, `stop()` on exit; `status` feeds the header. It runs `SyncClient.run_forever`
as a task in the running event loop.
"""

import asyncio
import contextlib
from collections.abc import Callable

from facilitator.core.errors import UserError
from facilitator.store.db import Store
from facilitator.sync.client import SyncAuthError, SyncClient, parse_peer_url
from facilitator.sync.pairing import pairing_key, remembered_pairing
from facilitator.sync.secret import PairingKey
from facilitator.sync.service import first_round
from facilitator.sync.short_client import full_code
from facilitator.sync.status import SyncStatus

OnChange = Callable[[SyncStatus, int, int], None]


class SyncSession:
    """Follows at most one peer laptop in the background."""

    def __init__(self, store: Store, on_change: OnChange | None = None) -> None:
        self.store = store
        self.on_change = on_change
        self.client: SyncClient | None = None
        self._task: asyncio.Task | None = None

    @property
    def status(self) -> SyncStatus | None:
        """The current status, or None when not paired."""
        return self.client.status if self.client else None

    async def connect(
        self, url: str, code: str | PairingKey, *, interval: float = 0.5
    ) -> SyncStatus:
        """Try one round with the peer, then keep syncing in the background.

        Raises SyncAuthError for a wrong code or certificate (nothing is remembered
        then); a peer that is merely unreachable is remembered and retried
        (`service.first_round`, the one pairing policy).
        """
        parse_peer_url(url)  # ValidationError for an address that is no URL
        if isinstance(code, str):  # a short code: exchanged for a full one (or refused)
            code = await full_code(url, code)
        pairing_key(code)  # ValidationError for a mistyped code
        await self.stop()
        client = SyncClient(self.store, url, code, on_change=self._changed)
        try:
            await first_round(client)
        except SyncAuthError:
            await client.close()
            raise
        self.client = client
        self._task = asyncio.ensure_future(client.run_forever(interval))
        self._task.add_done_callback(self._ended)
        return client.status

    async def resume(self, *, interval: float = 0.5) -> bool:
        """Reconnect to the remembered laptop, if any; return whether one was remembered."""
        pairing = remembered_pairing(self.store)
        if pairing is None:
            return False
        url, code = pairing
        try:
            await self.connect(url, code, interval=interval)
        except UserError:  # refused, or a pairing from before TLS (its code has no fingerprint)
            return False
        return True

    async def stop(self) -> None:
        """Stop syncing (the pairing stays remembered)."""
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        if self.client is not None:
            await self.client.close()

    def _changed(self, status: SyncStatus, pulled: int, pushed: int) -> None:
        if self.on_change is not None:
            self.on_change(status, pulled, pushed)

    def _ended(self, task: asyncio.Task) -> None:
        # run_forever only ends by cancel or a wrong code; tell the header either way.
        if not task.cancelled() and self.client is not None:
            self._changed(self.client.status, 0, 0)

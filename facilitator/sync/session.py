"""Provides SyncSession: the app's handle on following the other laptop.

The app (or any long-running front end) keeps one session: `connect(url, code)`
from the pairing dialog, `resume()` on start to reconnect to the remembered
laptop, `stop()` on exit; `status` feeds the header. It runs `SyncClient.run_forever`
as a task in the running event loop.
"""

import asyncio
import contextlib
from collections.abc import Callable

from facilitator.store.db import Store
from facilitator.sync.client import SyncAuthError, SyncClient, parse_peer_url
from facilitator.sync.secret import remember_pairing, remembered_pairing
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

    async def connect(self, url: str, code: str, *, interval: float = 0.5) -> SyncStatus:
        """Try one round with the peer, then keep syncing in the background.

        Raises SyncAuthError for a wrong code (nothing is remembered then); a peer
        that is merely unreachable is remembered and retried.
        """
        parse_peer_url(url)  # ValidationError for an address that is no URL
        await self.stop()
        client = SyncClient(self.store, url, code, on_change=self._changed)
        try:
            await client.run_once()
        except SyncAuthError:
            await client.close()
            raise
        except Exception:
            pass
        remember_pairing(self.store, client.peer_url, code)
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
        except SyncAuthError:
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

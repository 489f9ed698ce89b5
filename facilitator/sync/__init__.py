"""Provides replication of the op log between the two moderators' laptops.

`sync_code` is the pairing secret, `add_sync_routes` serves the peer,
`SyncClient` pulls and pushes, `SyncSession` runs it for the app. Nothing here imports Textual.
"""

from facilitator.sync.client import SyncAuthError, SyncClient, SyncUnavailable
from facilitator.sync.routes import add_sync_routes, server_status
from facilitator.sync.secret import check_sync_code, sync_code
from facilitator.sync.session import SyncSession
from facilitator.sync.status import SyncStatus

__all__ = [
    "SyncAuthError",
    "SyncClient",
    "SyncSession",
    "SyncStatus",
    "SyncUnavailable",
    "add_sync_routes",
    "check_sync_code",
    "server_status",
    "sync_code",
]

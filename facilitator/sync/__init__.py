"""Provides replication of the op log between the two moderators' laptops, over TLS.

`pairing_code` is what the other laptop types (secret + certificate fingerprint),
`start_sync_server` serves the peer on its own port, `SyncClient` pulls and pushes,
`SyncSession` runs it for the app, `service` holds what the CLI and the app share.
Nothing here imports Textual.
"""

from facilitator.sync.client import SyncAuthError, SyncClient, SyncUnavailable
from facilitator.sync.pairing import new_pairing, pairing_code, parse_pairing_code
from facilitator.sync.routes import create_sync_app, server_status
from facilitator.sync.secret import check_sync_key
from facilitator.sync.server import start_sync_server
from facilitator.sync.session import SyncSession
from facilitator.sync.status import SyncStatus

__all__ = [
    "SyncAuthError",
    "SyncClient",
    "SyncSession",
    "SyncStatus",
    "SyncUnavailable",
    "check_sync_key",
    "create_sync_app",
    "new_pairing",
    "pairing_code",
    "parse_pairing_code",
    "server_status",
    "start_sync_server",
]

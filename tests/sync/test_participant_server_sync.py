"""The participant server carries the sync routes, guarded by the sync code alone."""

import aiohttp

from facilitator.store import Store
from facilitator.store.workshops import get_workshop
from facilitator.sync.secret import sync_code
from facilitator.web.runner import start_participant_server


async def test_participant_server_serves_sync_with_its_own_code(
    store: Store, workshop_id: str
) -> None:
    server = await start_participant_server(store, "127.0.0.1", 0, workshop_id)
    join_code = get_workshop(store, workshop_id).join_code
    base = f"http://127.0.0.1:{server.port}"
    try:
        async with aiohttp.ClientSession() as http:
            ok = await http.get(
                f"{base}/sync/ops?after=0", headers={"X-Sync-Code": sync_code(store)}
            )
            assert ok.status == 200
            body = await ok.json()
            assert body["node"] == store.node_id and body["ops"]
            denied = await http.get(f"{base}/sync/ops?after=0", headers={"X-Sync-Code": join_code})
            assert denied.status == 403
            phone = await http.get(f"{base}/j/{join_code}")
            assert phone.status == 200
        assert server.sync_url == base
    finally:
        await server.stop()

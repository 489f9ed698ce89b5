"""The sync endpoints: only the sync code opens them; pull and push of ops."""

import json

import pytest

from facilitator.store.captures import add_capture, list_captures
from facilitator.store.oplog import op_to_dict, ops_after
from facilitator.store.workshops import get_workshop
from facilitator.sync.routes import create_sync_app
from facilitator.sync.secret import ALPHABET, check_sync_key
from tests.sync.sync_helpers import sync_key as sync_code


@pytest.fixture
async def client(aiohttp_client, store, workshop_id):
    return await aiohttp_client(create_sync_app(store))


def test_each_code_is_random_and_kept_only_as_a_hash_of_its_key(store, workshop_id):
    from facilitator.store.sync_pairing import SyncScope, list_offers, revoke_offer
    from facilitator.sync.pairing import new_pairing, pairing_key

    scope = SyncScope(workshops=(workshop_id,))
    code, offer = new_pairing(store, scope)
    again, _ = new_pairing(store, scope)
    secret = code.replace("-", "")[:12]
    assert set(secret) <= set(ALPHABET) and again != code
    assert secret != get_workshop(store, workshop_id).join_code
    kept = json.dumps([store.get_meta("sync_offers"), store.get_meta("sync_code")])
    assert secret not in kept and pairing_key(code).key not in kept  # a hash only
    key = pairing_key(code.upper()[:4] + "-" + code[4:]).key  # typed with a dash
    assert check_sync_key(store, key) == offer and check_sync_key(store, key[:-1]) is None
    assert check_sync_key(store, None) is None
    revoke_offer(store, offer.id)
    assert check_sync_key(store, key) is None and len(list_offers(store)) == 1


@pytest.mark.parametrize("path", ["/sync/hello", "/sync/ops?after=0"])
async def test_reading_needs_the_sync_code(client, store, workshop_id, path):
    join_code = get_workshop(store, workshop_id).join_code
    for headers in ({}, {"X-Sync-Code": "falsch"}, {"X-Sync-Code": join_code}):
        response = await client.get(path, headers=headers)
        assert response.status == 403, headers
        assert "ops" not in await response.text()
    response = await client.get(path, headers={"X-Sync-Code": sync_code(store)})
    assert response.status == 200


async def test_push_with_the_join_code_changes_nothing(client, store, workshop_id):
    before = store.version
    join_code = get_workshop(store, workshop_id).join_code
    response = await client.post(
        "/sync/ops", json={"node": "x", "ops": []}, headers={"X-Sync-Code": join_code}
    )
    assert response.status == 403
    assert store.version == before


async def test_pull_in_batches_with_cursor(client, store, workshop_id):
    for n in range(5):
        add_capture(store, workshop_id, "idea", f"Idee {n}")
    code = {"X-Sync-Code": sync_code(store)}
    total = store.version
    response = await client.get(f"/sync/ops?after={total - 3}&limit=2", headers=code)
    data = await response.json()
    assert data["node"] == store.node_id
    assert [op["payload"]["text"] for op in data["ops"]] == ["Idee 2", "Idee 3"]
    assert data["last"] == total - 1 and data["waiting"] == 1
    data = await (await client.get(f"/sync/ops?after={total}", headers=code)).json()
    assert data == {
        "node": store.node_id,
        "ops": [],
        "last": total,
        "waiting": 0,
        "now_ms": store.now_ms(),
        "version": total,
        "anchor": ops_after(store, total - 1)[0].uuid,
    }
    # a cursor whose op is not ours any more (database restored from a backup): 409
    anchor = data["anchor"]
    same = await client.get(f"/sync/ops?after={total}&anchor={anchor}", headers=code)
    assert same.status == 200
    moved = await client.get(f"/sync/ops?after={total - 1}&anchor={anchor}", headers=code)
    assert moved.status == 409 and (await moved.json())["reset"] is True
    # the peer's own ops are not sent back to it
    data = await (
        await client.get(f"/sync/ops?after=0&exclude={store.node_id}", headers=code)
    ).json()
    assert data["ops"] == [] and data["last"] == total
    for bad in ("after=x", "after=-1", "after=0&limit=0"):
        assert (await client.get(f"/sync/ops?{bad}", headers=code)).status == 400


async def test_push_applies_ops_idempotently_beyond_the_phone_limit(
    client, store, workshop_id, tmp_path, clock
):
    from facilitator.store import open_store

    other = open_store(tmp_path / "b.db", now_ms=clock)
    from facilitator.store.oplog import insert_remote_ops

    insert_remote_ops(other, ops_after(store, 0))
    long_text = "Glasfaser " * 900  # ~9 KB each: the body is far above 16 KiB
    for n in range(10):
        add_capture(other, workshop_id, "need", f"{n} {long_text}")
    body = {"node": other.node_id, "ops": [op_to_dict(op) for op in ops_after(other, 0)]}
    code = {"X-Sync-Code": sync_code(store)}
    assert len(json.dumps(body)) > 90_000
    response = await client.post("/sync/ops", json=body, headers=code)
    assert response.status == 200
    assert (await response.json())["received"] == 10
    response = await client.post("/sync/ops", json=body, headers=code)
    assert (await response.json())["received"] == 0
    assert len(list_captures(store, workshop_id)) == 10


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"[1, 2]",
        b'{"node": "x"}',
        b'{"node": "x", "ops": [{"uuid": "u"}]}',
        b'{"node": "x", "ops": [{"uuid": "u", "hlc": "yesterday", "node": "x", "kind": "a.b",'
        b' "payload": {}}]}',
    ],
)
async def test_garbage_push_gets_400_and_changes_nothing(client, store, workshop_id, body):
    before = store.version
    response = await client.post("/sync/ops", data=body, headers={"X-Sync-Code": sync_code(store)})
    assert response.status == 400
    assert "error" in await response.json()
    assert store.version == before


async def test_push_larger_than_8_mib_is_refused(client, store, workshop_id):
    response = await client.post(
        "/sync/ops",
        data=b'{"node": "x", "ops": [' + b" " * (9 * 1024 * 1024) + b"]}",
        headers={"X-Sync-Code": sync_code(store)},
    )
    assert response.status == 413


async def test_serving_laptop_sees_the_peer_polling(aiohttp_client, store, workshop_id):
    from facilitator.sync.routes import server_status

    app = create_sync_app(store)
    client = await aiohttp_client(app)
    assert server_status(app).label == "Sync: getrennt"
    await client.get("/sync/hello", headers={"X-Sync-Code": "falsch", "X-Sync-Node": "evil"})
    assert not server_status(app).connected  # a refused request is no contact
    await client.get(
        "/sync/hello", headers={"X-Sync-Code": sync_code(store), "X-Sync-Node": "laptop-b"}
    )
    status = server_status(app)
    assert status.connected and status.peer_node == "laptop-b"
    assert status.label == "Sync: verbunden"


async def test_a_pull_stops_at_about_four_mib(client, store, workshop_id):
    long_text = "Digitale Souveränität " * 450  # ~10 KB per capture
    with store.transaction():
        for n in range(600):  # ~6 MB in all
            add_capture(store, workshop_id, "need", f"{n} {long_text}")
    code = {"X-Sync-Code": sync_code(store)}
    response = await client.get("/sync/ops?after=0&limit=5000", headers=code)
    raw = await response.read()
    data = json.loads(raw)
    assert 3_000_000 < len(raw) <= 4 * 1024 * 1024 + 20_000
    assert data["waiting"] > 0
    rest = await (await client.get(f"/sync/ops?after={data['last']}", headers=code)).json()
    assert rest["waiting"] == 0
    texts = [op["payload"].get("text") for op in data["ops"] + rest["ops"]]
    assert sum(1 for t in texts if t and t.endswith(long_text.strip())) == 600

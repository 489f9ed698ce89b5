"""Sync shares only the pairing's workshop or series, by pull and by push; revoke and rotate."""

from pathlib import Path

import aiohttp
import pytest
from sync_helpers import open_laptop

from facilitator.store.captures import add_capture, list_captures
from facilitator.store.oplog import op_to_dict, ops_after
from facilitator.store.participants import add_participant, list_participants
from facilitator.store.series import ensure_series
from facilitator.store.sync_pairing import SyncScope, list_offers, revoke_offer, scope_for
from facilitator.store.workshops import create_workshop
from facilitator.sync.client import SyncAuthError, SyncClient
from facilitator.sync.pairing import new_pairing, pairing_key, rotate_pairing
from facilitator.sync.routes import CODE_HEADER
from facilitator.sync.server import start_sync_server
from tests.conftest import FakeClock


def _bytes_of(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.iterdir() if p.is_file())


@pytest.fixture
def laptops(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a = open_laptop(tmp_path / "a" / "a.db", FakeClock())
    b = open_laptop(tmp_path / "b" / "b.db", FakeClock())
    yield a, b
    a.close()
    b.close()


def _two_series(a):
    ostalb, nord = ensure_series(a, "Ostalb"), ensure_series(a, "Nord")
    shared = create_workshop(a, "Aalen", date="2026-12-01", series_id=ostalb)
    other = create_workshop(a, "Kiel", date="2026-12-02", series_id=nord)
    add_participant(a, shared, "Erika Teilt", email="erika@aalen.example", consent=True)
    add_participant(a, other, "Otto Geheim", email="otto.geheim@kiel.example", consent=True)
    add_capture(a, other, "challenge", "Nur in Kiel besprochen")
    return ostalb, shared, other


async def test_a_series_pairing_shares_that_series_only_both_ways(laptops, tmp_path):
    a, b = laptops
    ostalb, shared, other = _two_series(a)
    code, _ = new_pairing(a, scope_for(a, None, "Ostalb"))
    server = await start_sync_server(a, "127.0.0.1", 0)
    client = SyncClient(b, server.url, code)
    try:
        await client.run_once()
        assert [p.name for p in list_participants(b, shared)] == ["Erika Teilt"]
        assert list_participants(b, other) == [] and list_captures(b, other) == []
        # B's own other series stays on B; B's new date in the shared series travels
        private = create_workshop(b, "Privat", date="2026-12-03")
        add_participant(b, private, "Bernd Privat", email="bernd@privat.example")
        later = create_workshop(b, "Ellwangen", date="2027-01-10", series_id=ostalb)
        add_capture(b, later, "need", "Glasfaser in Ellwangen")
        add_capture(b, shared, "need", "Von B in Aalen")
        await client.run_once()
    finally:
        await client.close()
        await server.cleanup()
    assert {c.text for c in list_captures(a, shared)} == {"Von B in Aalen"}
    assert [c.text for c in list_captures(a, later)] == ["Glasfaser in Ellwangen"]
    assert list_participants(a, private) == []
    a.checkpoint()
    b.checkpoint()
    on_b, on_a = _bytes_of(tmp_path / "b"), _bytes_of(tmp_path / "a")
    for secret in (b"Otto Geheim", b"otto.geheim@kiel.example", "Nur in Kiel".encode()):
        assert secret not in on_b
    for secret in (b"Bernd Privat", b"bernd@privat.example"):
        assert secret not in on_a


async def test_ops_outside_the_scope_are_not_taken_from_a_hostile_push(laptops):
    a, b = laptops
    _, shared, other = _two_series(a)
    code, _ = new_pairing(a, SyncScope(workshops=(shared,)))
    forged = create_workshop(b, "Fremd", date="2026-12-05")
    add_participant(b, forged, "Mallory Fremd")
    ops = [op_to_dict(op) for op in ops_after(b, 0, 1000)]
    server = await start_sync_server(a, "127.0.0.1", 0)
    key = pairing_key(code)
    try:
        async with aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(ssl=aiohttp.Fingerprint(key.fingerprint))
        ) as session:
            headers = {CODE_HEADER: key.key}
            answer = await session.post(
                server.url + "/sync/ops", json={"node": b.node_id, "ops": ops}, headers=headers
            )
            assert answer.status == 200 and (await answer.json())["received"] == 0
            pulled = await session.get(server.url + "/sync/ops?after=0", headers=headers)
            text = await pulled.text()
    finally:
        await server.cleanup()
    assert "Mallory" not in str([p.name for w in (shared, other) for p in list_participants(a, w)])
    assert "Erika Teilt" in text and "Otto Geheim" not in text


async def test_revoke_and_rotate(laptops):
    a, b = laptops
    _, shared, _ = _two_series(a)
    code, offer = new_pairing(a, SyncScope(workshops=(shared,)))
    server = await start_sync_server(a, "127.0.0.1", 0)
    try:
        client = SyncClient(b, server.url, code)
        await client.run_once()
        new_code, new_offer = rotate_pairing(a, offer.id)
        assert [o.id for o in list_offers(a)] == [new_offer.id]
        assert new_offer.scope == offer.scope
        with pytest.raises(SyncAuthError):
            await client.run_once()  # the old code opens nothing any more
        await client.close()
        fresh = SyncClient(b, server.url, new_code)
        add_capture(a, shared, "idea", "Nach dem Wechsel")
        await fresh.run_once()
        assert "Nach dem Wechsel" in {c.text for c in list_captures(b, shared)}
        revoke_offer(a, new_offer.id)
        with pytest.raises(SyncAuthError):
            await fresh.run_once()
        await fresh.close()
    finally:
        await server.cleanup()


def test_a_code_kept_in_clear_by_an_earlier_release_is_dropped(laptops):
    import json

    from facilitator.sync.pairing import remembered_pairing

    a, b = laptops
    _, shared, _ = _two_series(a)
    code, _ = new_pairing(a, SyncScope(workshops=(shared,)))
    a.set_meta("sync_code", "abcdefghjkmn")  # how A kept its secret before
    b.set_meta("sync_pairing", json.dumps({"url": "https://127.0.0.1:8766", "code": code}))
    new_pairing(a, SyncScope(workshops=(shared,)))
    assert a.get_meta("sync_code") is None  # A: only hashes of keys from now on
    url, key = remembered_pairing(b)
    assert key == pairing_key(code) and url == "https://127.0.0.1:8766"
    assert code.replace("-", "")[:12] not in (b.get_meta("sync_pairing") or "")


def test_cli_code_list_rotate_revoke(store, workshop_id, db_path):
    from click.testing import CliRunner

    from facilitator.cli import main
    from facilitator.sync.secret import check_sync_key

    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(main, ["--db", str(db_path), "sync", *args])

    shown = run("code", "--workshop", workshop_id[:6])
    assert shown.exit_code == 0, shown.output
    lines = shown.output.splitlines()
    code = lines[1].split(":", 1)[1].strip()
    offer_id = lines[2].split()[1].rstrip(":")
    assert "Workshop „Vernetzungsworkshop Esslingen“" in lines[2]
    assert check_sync_key(store, pairing_key(code).key) is not None
    listed = run("list")
    assert offer_id in listed.output and "Folgt keinem" in listed.output
    rotated = run("rotate", offer_id)
    assert rotated.exit_code == 0 and "Pairing-Code:" in rotated.output
    new_code = rotated.output.splitlines()[1].split(":", 1)[1].strip()
    assert check_sync_key(store, pairing_key(code).key) is None
    new_id = rotated.output.splitlines()[2].split()[1].rstrip(":")
    assert offer_id not in run("list").output
    assert run("revoke", new_id).exit_code == 0
    assert check_sync_key(store, pairing_key(new_code).key) is None
    for wrong in (("revoke", "zzzzzz"), ("revoke",), ("code", "--series", "Nirgendwo")):
        answer = run(*wrong)
        assert answer.exit_code == 2 and answer.output.count("\n") == 1, answer.output

"""Pairing by a short code: real TLS servers on loopback, wrong guesses, a laptop in the middle."""

import json

import aiohttp
import pytest
from aiohttp import web
from sync_helpers import new_workshop, open_laptop, projection, serve_tls

from facilitator.store.captures import add_capture
from facilitator.store.sync_pairing import SyncScope, list_offers
from facilitator.sync.client import SyncAuthError
from facilitator.sync.pairing import remembered_pairing
from facilitator.sync.server import start_sync_server
from facilitator.sync.session import SyncSession
from facilitator.sync.short_client import redeem_short_code
from facilitator.sync.short_code import (
    LIFETIME_S,
    MAX_FAILURES,
    ShortCodes,
    grouped_short,
    is_short_code,
)
from facilitator.sync.tls import sync_certificate
from tests.conftest import FakeClock, eventually


async def _laptop_a(tmp_path):
    a = open_laptop(tmp_path / "a.db", FakeClock())
    workshop_id = new_workshop(a)
    server = await start_sync_server(a, "127.0.0.1", 0)
    return a, workshop_id, server, f"https://127.0.0.1:{server.port}"


def _other(code: str) -> str:
    """A short code that differs from `code` in its first character."""
    first = "b" if code[0] == "a" else "a"
    return grouped_short(first + code[1:])


async def test_a_short_code_pairs_the_second_laptop_and_is_good_once(tmp_path):
    a, workshop_id, server, url = await _laptop_a(tmp_path)
    b = open_laptop(tmp_path / "b.db", FakeClock())
    session = SyncSession(b)
    try:
        short = server.short_codes.offer(SyncScope(workshops=(workshop_id,)))
        typed = grouped_short(short.code).upper()  # typed in capitals, with the dash
        assert is_short_code(typed) and len(typed) == 9
        status = await session.connect(url, typed)
        assert status.connected
        # B pins A's certificate and keeps a key, never the short code
        peer_url, key = remembered_pairing(b)
        assert key.fingerprint == sync_certificate(a).fingerprint and peer_url == url
        assert short.code not in (b.get_meta("sync_pairing") or "")
        assert len(list_offers(a)) == 1  # a full pairing, kept as a key hash
        await eventually(lambda: projection(a, workshop_id) == projection(b, workshop_id))
        add_capture(b, workshop_id, "need", "Von B über den Kurzcode")
        await eventually(lambda: projection(a, workshop_id) == projection(b, workshop_id))
        # one pairing per short code: a third laptop cannot use it again
        with pytest.raises(SyncAuthError, match="Kurzcode"):
            await redeem_short_code(url, short.code)
        assert len(list_offers(a)) == 1
    finally:
        await session.stop()
        await server.cleanup()


async def test_wrong_guesses_from_many_addresses_void_the_code(tmp_path):
    a, workshop_id, server, url = await _laptop_a(tmp_path)
    try:
        short = server.short_codes.offer(SyncScope(workshops=(workshop_id,)))
        for n in range(MAX_FAILURES):  # each guess from another address: all count
            with pytest.raises(SyncAuthError):
                await redeem_short_code(url, _other(short.code), local_host=f"127.0.{n + 1}.9")
        with pytest.raises(SyncAuthError):  # the right code is void now
            await redeem_short_code(url, short.code, local_host="127.0.0.1")
        assert list_offers(a) == []  # no pairing was handed out
        again = server.short_codes.offer(SyncScope(workshops=(workshop_id,)))
        assert (await redeem_short_code(url, again.code)).count("-") == 15
    finally:
        await server.cleanup()


def test_a_short_code_expires_and_a_new_one_voids_the_old():
    clock = FakeClock()
    codes = ShortCodes(clock=lambda: clock.ms / 1000)
    codes.offer(SyncScope())
    second = codes.offer(SyncScope())
    assert codes.valid() is second  # the first one is gone
    clock.advance(seconds=LIFETIME_S - 1)
    assert codes.valid() is second
    clock.advance(seconds=2)
    assert codes.valid() is None and codes.begin(b"B" + b"\x00" * 32) is None


async def test_a_laptop_in_the_middle_learns_nothing_and_pairs_nobody(tmp_path):
    """A relay with its own certificate passes every byte on; the proofs do not match."""
    a, workshop_id, server, url = await _laptop_a(tmp_path)
    middle = open_laptop(tmp_path / "m.db", FakeClock())

    async def relay(request: web.Request) -> web.Response:
        async with aiohttp.ClientSession() as client:
            async with client.post(
                url + request.path, data=await request.read(), ssl=False
            ) as answer:
                body = await answer.read()
                seen.append((request.path, answer.status, body))
                return web.Response(
                    body=body, status=answer.status, content_type="application/json"
                )

    seen: list = []
    relay_app = web.Application()
    relay_app.router.add_post("/sync/pair/{step}", relay)
    runner, relay_url = await serve_tls(relay_app, middle)
    try:
        short = server.short_codes.offer(SyncScope(workshops=(workshop_id,)))
        with pytest.raises(SyncAuthError):
            await redeem_short_code(relay_url, short.code)
        assert [status for _, status, _ in seen] == [200, 403]
        assert all("code" not in json.loads(body) for _, _, body in seen)
        assert list_offers(a) == [] and server.short_codes.current.failures == 1
    finally:
        await runner.cleanup()
        await server.cleanup()


async def test_the_pairing_requests_refuse_garbage(tmp_path):
    a, workshop_id, server, url = await _laptop_a(tmp_path)
    try:
        async with aiohttp.ClientSession() as client:
            for path, body in [
                ("/sync/pair/start", b"{}"),
                ("/sync/pair/start", b'{"msg": "zz"}'),
                ("/sync/pair/start", b"[1]"),
                ("/sync/pair/start", json.dumps({"msg": "42" * 2000}).encode()),
                ("/sync/pair/finish", b'{"exchange": "ab"}'),
            ]:
                async with client.post(url + path, data=body, ssl=False) as answer:
                    assert answer.status in (400, 410), (path, body[:20])
            async with client.post(
                url + "/sync/pair/start", json={"msg": "42" * 33}, ssl=False
            ) as answer:
                assert answer.status == 410  # no short code offered
            async with client.get(url + "/sync/hello", ssl=False) as answer:
                assert answer.status == 403  # the rest of the port still needs a key
    finally:
        await server.cleanup()

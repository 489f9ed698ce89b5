"""Sync over TLS: a listener sees nothing, another certificate is refused, erasure travels."""

import asyncio
import zipfile
from pathlib import Path

import aiohttp
import pytest
from sync_helpers import new_workshop, open_laptop

from facilitator.core.errors import ValidationError
from facilitator.export.followup import write_contacts
from facilitator.export.protocol import write_protocol
from facilitator.store.exchange import dumps, export_workshop
from facilitator.store.participants import add_participant, list_participants
from facilitator.store.people import erase_people, find_people
from facilitator.sync.client import SyncCertificateMismatch, SyncClient
from facilitator.sync.pairing import pairing_code, parse_pairing_code
from facilitator.sync.server import start_sync_server
from facilitator.web.runner import start_participant_server
from tests.conftest import FakeClock
from tests.sync.sync_helpers import sync_key as sync_code

EMAIL = "erika.musterfrau@denkendorf.de"


class Relay:
    """A TCP relay on 127.0.0.1 that records every byte in both directions (a wire capture)."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.captured = bytearray()
        self.server: asyncio.Server | None = None

    async def start(self) -> int:
        self.server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        return self.server.sockets[0].getsockname()[1]

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target_port)

        async def pipe(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
            try:
                while chunk := await source.read(65536):
                    self.captured += chunk
                    sink.write(chunk)
                    await sink.drain()
            except (ConnectionError, asyncio.CancelledError):
                pass
            finally:
                sink.close()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))

    async def stop(self) -> None:
        assert self.server is not None
        self.server.close()
        await self.server.wait_closed()


async def test_a_wire_capture_shows_no_email_and_no_pairing_code(tmp_path: Path) -> None:
    a = open_laptop(tmp_path / "a.db", FakeClock())
    b = open_laptop(tmp_path / "b.db", FakeClock())
    workshop_id = new_workshop(a)
    add_participant(a, workshop_id, "Erika Musterfrau", email=EMAIL, consent=True)
    server = await start_sync_server(a, "127.0.0.1", 0)
    relay = Relay(server.port)
    port = await relay.start()
    code = pairing_code(a)
    client = SyncClient(b, f"https://127.0.0.1:{port}", code)
    try:
        pulled, _ = await client.run_once()
    finally:
        await client.close()
        await relay.stop()
        await server.cleanup()
    assert pulled > 5 and list_participants(b, workshop_id)[0].email == EMAIL  # it did travel
    assert len(relay.captured) > 1000
    wire = bytes(relay.captured)
    for secret in (EMAIL, "Musterfrau", sync_code(a), code, code.replace("-", "")):
        assert secret.encode() not in wire, secret


async def test_a_server_with_another_certificate_is_refused(tmp_path: Path) -> None:
    a = open_laptop(tmp_path / "a.db", FakeClock())
    b = open_laptop(tmp_path / "b.db", FakeClock())
    new_workshop(a)
    impostor = open_laptop(tmp_path / "impostor.db", FakeClock())
    server = await start_sync_server(impostor, "127.0.0.1", 0)
    client = SyncClient(b, server.url, pairing_code(a))  # A's code, another laptop answers
    try:
        with pytest.raises(SyncCertificateMismatch, match="Zertifikat") as caught:
            await client.run_once()
    finally:
        await client.close()
        await server.cleanup()
    message = str(caught.value)
    assert "\n" not in message and message.endswith("gesendet.") and b.version == 0
    assert impostor.version == 0  # nothing reached it


def test_malformed_pairing_codes_are_one_sentence() -> None:
    for text in ("", "abcd-efgh", "0" * 64, "abcdefghjkmn" + "!" * 52):
        with pytest.raises(ValidationError) as caught:
            parse_pairing_code(text)
        assert "\n" not in str(caught.value)


async def test_the_phone_port_serves_no_sync(store, workshop_id) -> None:
    server = await start_participant_server(store, "127.0.0.1", 0, workshop_id)
    try:
        async with aiohttp.ClientSession() as http:
            answer = await http.get(
                f"http://127.0.0.1:{server.port}/sync/ops?after=0",
                headers={"X-Sync-Code": sync_code(store)},
            )
            assert answer.status == 404
            assert EMAIL not in await answer.text()
    finally:
        await server.stop()


def _files(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.is_file()]


def _text_of(path: Path) -> bytes:
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as archive:
            return b"".join(archive.read(name) for name in archive.namelist())
    return path.read_bytes()


async def test_erasure_on_a_reaches_b_down_to_the_files(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a = open_laptop(tmp_path / "a" / "a.db", FakeClock())
    b = open_laptop(tmp_path / "b" / "b.db", FakeClock())
    workshop_id = new_workshop(a)
    add_participant(a, workshop_id, "Erika Musterfrau", email=EMAIL, consent=True, present=True)
    server = await start_sync_server(a, "127.0.0.1", 0)
    client = SyncClient(b, server.url, pairing_code(a))
    try:
        await client.run_once()
        assert find_people(b, EMAIL)
        erase_people(a, find_people(a, EMAIL))
        await client.run_once()
    finally:
        await client.close()
        await server.cleanup()
    for laptop, folder in ((a, tmp_path / "a"), (b, tmp_path / "b")):
        write_protocol(laptop, workshop_id, folder / "protokoll.docx")
        write_contacts(laptop, workshop_id, folder / "kontakte.csv", "de")
        (folder / "export.json").write_text(dumps(export_workshop(laptop, workshop_id)))
        laptop.checkpoint()
        for file in _files(folder):
            assert EMAIL.encode() not in _text_of(file), file
            assert b"Musterfrau" not in _text_of(file), file

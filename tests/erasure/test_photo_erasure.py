"""Deleting a photo removes its bytes from both laptops, the op log and every later export;
purge and a person's erasure (when the caption names them) take photos too."""

import base64
from pathlib import Path

import pytest
from click.testing import CliRunner

from facilitator.cli import main
from facilitator.core.errors import ValidationError
from facilitator.store import open_store
from facilitator.store.exchange import dumps, export_workshop, import_workshop
from facilitator.store.participants import add_participant
from facilitator.store.people import erase_people, find_people, purge_before
from facilitator.store.photos import add_photo, erase_photo, list_photos, photo_jpeg
from facilitator.store.sync_pairing import SyncScope
from facilitator.store.workshops import create_workshop
from facilitator.sync.client import SyncClient
from facilitator.sync.pairing import pairing_code
from facilitator.sync.server import start_sync_server
from tests.conftest import FakeClock


def _file_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.iterdir() if p.is_file() and ".db" in p.name)


def noisy_photo(seed: int, width: int = 320, height: int = 240) -> bytes:
    """A JPEG whose pixels are noise: no stretch of its bytes is shared with another's."""
    import io
    import random

    from PIL import Image

    rng = random.Random(seed)
    image = Image.frombytes("RGB", (width, height), rng.randbytes(width * height * 3))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def _fragment(store, photo_id: str) -> bytes:
    """A stretch of the photo's base64 from its noisy middle, as row, op and export hold it."""
    encoded = base64.b64encode(photo_jpeg(store, photo_id))
    return encoded[len(encoded) // 2 : len(encoded) // 2 + 60]


async def test_a_deleted_photo_leaves_no_byte_on_either_laptop(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a = open_store(tmp_path / "a" / "a.db", now_ms=FakeClock())
    b = open_store(tmp_path / "b" / "b.db", now_ms=FakeClock())
    workshop = create_workshop(a, "Aalen", date="2026-12-01")
    gone = add_photo(a, workshop, noisy_photo(1), caption="Flipchart Gruppe 2")
    kept = add_photo(a, workshop, noisy_photo(2), caption="Pinnwand")
    secret = _fragment(a, gone)
    server = await start_sync_server(a, "127.0.0.1", 0)
    client = SyncClient(b, server.url, pairing_code(a, SyncScope(workshops=(workshop,))))
    try:
        await client.run_once()
        assert len(list_photos(b, workshop)) == 2
        old_export = export_workshop(a, workshop)
        erase_photo(a, gone[:8])  # the start of the id is enough, as `photo list` shows it
        await client.run_once()
    finally:
        await client.close()
        await server.cleanup()
    for laptop, folder in ((a, tmp_path / "a"), (b, tmp_path / "b")):
        import_workshop(laptop, old_export)  # an old export brings nothing back
        assert [p.id for p in list_photos(laptop, workshop)] == [kept]
        assert secret not in dumps(export_workshop(laptop, workshop)).encode()
        laptop.checkpoint()
        assert secret not in _file_bytes(folder), folder.name
    with pytest.raises(ValidationError, match="gelöscht"):
        add_photo(a, workshop, noisy_photo(1))  # the same bytes: refused, not revived
    a.close()
    b.close()


def test_purge_and_a_persons_erasure_take_photos(store, workshop_id, db_path: Path):
    person = add_participant(store, workshop_id, "Erika Zebra", email="erika@zebra.example")
    named = add_photo(store, workshop_id, noisy_photo(1), caption="Erika Zebra am Board")
    other = add_photo(store, workshop_id, noisy_photo(2), caption="Pinnwand")
    named_bytes = _fragment(store, named)
    erase_people(store, find_people(store, person))
    assert [p.id for p in list_photos(store, workshop_id)] == [other]
    other_bytes = _fragment(store, other)
    purge_before(store, "2027-01-01")
    assert list_photos(store, workshop_id) == []
    store.checkpoint()
    data = _file_bytes(db_path.parent)
    assert named_bytes not in data and other_bytes not in data


def test_cli_photo_list_and_delete(store, workshop_id, db_path: Path):
    photo_id = add_photo(store, workshop_id, noisy_photo(1), caption="Flipchart")
    runner = CliRunner()
    listed = runner.invoke(main, ["--db", str(db_path), "photo", "list"])
    assert listed.exit_code == 0 and f"{photo_id[:12]}" in listed.output
    assert "Flipchart" in listed.output
    kept = runner.invoke(
        main, ["--db", str(db_path), "photo", "delete", photo_id[:12]], input="n\n"
    )
    assert "Nichts gelöscht" in kept.output and len(list_photos(store, workshop_id)) == 1
    done = runner.invoke(main, ["--db", str(db_path), "photo", "delete", photo_id[:12], "--yes"])
    assert done.exit_code == 0 and "Foto gelöscht" in done.output, done.output
    assert list_photos(store, workshop_id) == []
    unknown = runner.invoke(main, ["--db", str(db_path), "photo", "delete", "zzzz", "--yes"])
    assert unknown.exit_code == 2 and "Traceback" not in unknown.output


async def test_the_export_screen_lists_photos_and_deletes_one(store, workshop_id):
    from textual.widgets import DataTable

    from facilitator.tui.app import create_app
    from facilitator.tui.dialogs.photos import PhotosDialog
    from tests.conftest import eventually

    first = add_photo(store, workshop_id, noisy_photo(1), caption="[red]Flipchart[/red]")
    second = add_photo(store, workshop_id, noisy_photo(2), caption="Pinnwand")
    app = create_app(store, workshop_id, server=False, join_host="127.0.0.1", join_code="X")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f9", "l")
        await eventually(lambda: isinstance(app.screen, PhotosDialog), pilot=pilot)
        table = app.screen.query_one("#photos-table", DataTable)
        assert str(table.get_row_at(0)[0]) == "[red]Flipchart[/red]"  # literally, no markup
        await pilot.press("d", "n")  # asked, declined: nothing happens
        await pilot.pause()
        assert len(list_photos(store, workshop_id)) == 2
        await pilot.press("d", "j")
        await eventually(lambda: [p.id for p in list_photos(store, workshop_id)] == [second])
        assert table.row_count == 1
    assert (
        store.conn.execute(
            "SELECT count(*) FROM op WHERE payload LIKE ?", [f'%"id":"{first}"%']
        ).fetchone()[0]
        == 1
    )  # the photo.erase op only: the add op with its bytes is gone

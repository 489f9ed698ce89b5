"""Photos: prepared (upright, ≤ 2000 px, no EXIF/GPS), stored once, refused when bad."""

import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from PIL import Image

from facilitator.cli import main
from facilitator.core.errors import ValidationError
from facilitator.export.protocol import write_protocol
from facilitator.store.agenda import list_items
from facilitator.store.photos import add_photo, list_photos, photo_jpeg


def camera_photo(width: int = 4000, height: int = 3000) -> bytes:
    """A landscape JPEG a phone held upright would write: orientation 6 and GPS in EXIF."""
    image = Image.new("RGB", (width, height), (200, 60, 40))
    exif = image.getexif()
    exif[0x0112] = 6  # rotate 90° clockwise to view
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (48.0, 45.0, 0.0)
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def test_photo_is_upright_scaled_stripped_and_stored_once(store, workshop_id) -> None:
    item = list_items(store, workshop_id)[2]
    first = add_photo(
        store, workshop_id, camera_photo(), caption="Flipchart", agenda_item_id=item.id
    )
    again = add_photo(store, workshop_id, camera_photo(), caption="Flipchart Herausforderungen")
    assert first == again and len(first) == 64  # the content hash
    (photo,) = list_photos(store, workshop_id)
    assert photo.caption == "Flipchart Herausforderungen"
    image = Image.open(io.BytesIO(photo_jpeg(store, photo.id)))
    assert image.format == "JPEG"
    assert image.size == (1500, 2000)  # portrait after the EXIF rotation, longer side 2000
    assert dict(image.getexif()) == {} and "exif" not in image.info
    op = store.conn.execute("SELECT payload FROM op WHERE kind = 'photo.add'").fetchone()[0]
    assert '"jpeg":' in op  # the op carries the photo, so sync brings it to the other laptop


def test_bad_files_are_refused_with_one_sentence(store, workshop_id) -> None:
    with pytest.raises(ValidationError, match="kein Bild"):
        add_photo(store, workshop_id, b"<html>not a photo</html>", name="x.jpg")
    with pytest.raises(ValidationError, match="25 MB"):
        add_photo(store, workshop_id, b"\xff" * (25 * 1024 * 1024 + 1), name="big.jpg")
    bomb = io.BytesIO()
    Image.new("1", (9000, 6000)).save(bomb, "PNG")  # 54 megapixels in a few kB
    with pytest.raises(ValidationError, match="unplausibel groß"):
        add_photo(store, workshop_id, bomb.getvalue(), name="bomb.png")
    assert list_photos(store, workshop_id) == []


def test_cli_photo_add_all_or_nothing(store, workshop_id, db_path: Path, tmp_path: Path) -> None:
    good, bad = tmp_path / "flip.jpg", tmp_path / "notiz.txt"
    good.write_bytes(camera_photo(800, 600))
    bad.write_text("kein Bild")
    runner = CliRunner()
    result = runner.invoke(main, ["--db", str(db_path), "photo", "add", str(good), str(bad)])
    assert result.exit_code == 2 and "kein Bild" in result.output
    assert "Traceback" not in result.output
    assert list_photos(store, workshop_id) == []
    result = runner.invoke(
        main,
        ["--db", str(db_path), "photo", "add", str(good), "--item", "3", "--caption", "Pinnwand"],
    )
    assert result.exit_code == 0, result.output
    (photo,) = list_photos(store, workshop_id)
    assert photo.agenda_item_id == list_items(store, workshop_id)[2].id


def test_protocol_places_photos_under_their_block(store, workshop_id, tmp_path: Path) -> None:
    item = list_items(store, workshop_id)[2]
    add_photo(
        store, workshop_id, camera_photo(), caption="Pinnwand Bedarfe", agenda_item_id=item.id
    )
    path = write_protocol(store, workshop_id, tmp_path / "p.docx")
    document = Document(str(path))
    texts = [p.text for p in document.paragraphs]
    heading = texts.index(item.title)
    assert texts[heading + 2] == "Pinnwand Bedarfe"  # photo paragraph, then its caption
    assert len(document.inline_shapes) == 1
    bare = write_protocol(store, workshop_id, tmp_path / "ohne.docx", photos=False)
    assert len(Document(str(bare)).inline_shapes) == 0
    assert "Pinnwand Bedarfe" not in [p.text for p in Document(str(bare)).paragraphs]


def test_photo_reaches_the_other_laptop_through_the_op_log(
    store, workshop_id, tmp_path, clock
) -> None:
    from facilitator.store import open_store
    from facilitator.store.oplog import insert_remote_ops, ops_after

    noisy = Image.effect_noise((2600, 1900), 90).convert("RGB")  # a photo-like, large JPEG
    out = io.BytesIO()
    noisy.save(out, "JPEG", quality=95)
    photo_id = add_photo(store, workshop_id, out.getvalue(), caption="Pinnwand")
    other = open_store(
        tmp_path / "other.db", now_ms=clock
    )  # the same day: clocks far ahead are refused
    try:
        insert_remote_ops(other, ops_after(store, 0, 10_000))
        (copy,) = list_photos(other, workshop_id)
        assert copy.id == photo_id and copy.caption == "Pinnwand"
        assert photo_jpeg(other, photo_id) == photo_jpeg(store, photo_id)
        assert copy.size > 500_000  # a real photo's size: the op carries about 1 MB
    finally:
        other.close()

"""Photos from strangers (issue 28.5, 23.3): formats, metadata, memory, time, photos as ops."""

import base64
import io
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from facilitator.cli import main
from facilitator.core.errors import ValidationError
from facilitator.export.protocol import write_protocol
from facilitator.store.photo_image import prepare_photo, strip_jpeg_metadata
from facilitator.store.photo_worker import prepare_photo_bounded
from facilitator.store.photos import add_photo, list_photos, photo_jpeg

XMP = b"http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta>GPSLatitude 48.7</x:xmpmeta>"


def _segments(jpeg: bytes) -> list[int]:
    """Return the markers of a JPEG's header segments up to the first scan."""
    markers, i = [], 2
    while i < len(jpeg) and jpeg[i] == 0xFF:
        marker = jpeg[i + 1]
        markers.append(marker)
        if marker == 0xDA:
            break
        i += 2 + int.from_bytes(jpeg[i + 2 : i + 4], "big")
    return markers


def _with_segment(jpeg: bytes, marker: int, body: bytes) -> bytes:
    segment = bytes([0xFF, marker]) + (len(body) + 2).to_bytes(2, "big") + body
    return jpeg[:2] + segment + jpeg[2:]


def gps_jpeg(size: tuple[int, int] = (1200, 900)) -> bytes:
    """A JPEG with everything a camera and an editor leave: EXIF GPS, XMP, ICC, a comment."""
    image = Image.new("RGB", size, (200, 60, 40))
    exif = image.getexif()
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (48.0, 45.0, 0.0)
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, icc_profile=b"\x00" * 128 + b"ICC-TEXT-desc", comment=b"COM")
    return _with_segment(out.getvalue(), 0xE1, XMP)


def test_every_metadata_segment_is_stripped() -> None:
    photo = prepare_photo(gps_jpeg(), "flip.jpg")
    assert set(_segments(photo.jpeg)) <= {0xE0, 0xDB, 0xC0, 0xC4, 0xDA}  # JFIF, tables, frame
    for leak in (b"Exif", b"GPS", b"ICC-TEXT", b"xmpmeta", b"COM"):
        assert leak not in photo.jpeg
    png = io.BytesIO()
    from PIL import PngImagePlugin

    text = PngImagePlugin.PngInfo()
    text.add_text("Comment", "Wohnort Musterstraße 5")
    text.add_itxt("XML:com.adobe.xmp", "<x:xmpmeta>GPS</x:xmpmeta>")
    Image.new("RGB", (300, 200)).save(png, "PNG", pnginfo=text)
    stripped = prepare_photo(png.getvalue(), "tafel.png")
    assert b"Musterstra" not in stripped.jpeg and b"xmpmeta" not in stripped.jpeg
    assert Image.open(io.BytesIO(stripped.jpeg)).info.get("comment") is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\n{loop} loop\n",
            "JPEG, PNG oder WebP",
        ),
        (b"GIF89a" + b"\x00" * 40, "JPEG, PNG oder WebP"),
        (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 40, "HEIC"),
        (b"\xff\xd8\xff\xe0" + b"<html>not a jpeg</html>" * 20, "JPEG, PNG oder WebP"),
    ],
    ids=["eps", "gif", "heic", "fake-jpeg"],
)
def test_only_jpeg_png_webp_are_opened(data: bytes, message: str) -> None:
    started = time.monotonic()
    with pytest.raises(ValidationError, match=message):
        prepare_photo_bounded(data, "x")
    assert time.monotonic() - started < 10  # no Ghostscript, no loop


def test_webp_is_accepted() -> None:
    out = io.BytesIO()
    Image.new("RGB", (640, 480), (10, 120, 60)).save(out, "WEBP")
    assert prepare_photo_bounded(out.getvalue(), "x.webp").width == 640


def test_a_49_megapixel_png_is_prepared_in_under_300_mb() -> None:
    """The issue's file: a 143 KB PNG of 7000×7000 px; the worker's peak is measured."""
    out = io.BytesIO()
    Image.new("RGB", (7000, 7000)).save(out, "PNG")
    probe = (
        "import resource, sys\n"
        "from facilitator.store.photo_worker import prepare_photo_bounded\n"
        "photo = prepare_photo_bounded(sys.stdin.buffer.read(), 'gross.png')\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024\n"
        "print(photo.width, photo.height, peak)\n"
    )
    if sys.platform == "win32":
        pytest.skip("resource is POSIX only")
    done = subprocess.run(
        [sys.executable, "-c", probe], input=out.getvalue(), capture_output=True, timeout=120
    )
    width, height, peak_mb = (int(v) for v in done.stdout.split())
    assert (width, height) == (2000, 2000)
    assert peak_mb < 300, f"worker peak {peak_mb} MB"
    rgba = io.BytesIO()
    Image.new("RGBA", (7000, 7000)).save(rgba, "PNG")  # would need 400 MB: refused from the header
    with pytest.raises(ValidationError, match="zu groß zum Aufbereiten"):
        prepare_photo(rgba.getvalue(), "alpha.png")


def test_a_slow_preparation_is_stopped() -> None:
    out = io.BytesIO()
    Image.new("RGB", (6000, 4000), (1, 2, 3)).save(out, "PNG")
    with pytest.raises(ValidationError, match="dauerte zu lange"):
        prepare_photo_bounded(out.getvalue(), "langsam.png", seconds=0.05)


def test_strip_keeps_a_progressive_jpeg_whole() -> None:
    out = io.BytesIO()
    Image.new("RGB", (400, 300), (9, 9, 9)).save(out, "JPEG", progressive=True, comment=b"SECRET")
    clean = strip_jpeg_metadata(out.getvalue())
    assert b"SECRET" not in clean
    with Image.open(io.BytesIO(clean)) as image:
        image.load()
        assert image.size == (400, 300)


def _export_with_photo(store, workshop_id: str, tmp_path: Path, db_path: Path, jpeg: bytes):
    """Export the workshop with one photo op whose JPEG is replaced by `jpeg`."""
    add_photo(store, workshop_id, gps_jpeg((800, 600)), name="a.jpg")
    runner = CliRunner()
    exported = tmp_path / "w.json"
    assert (
        runner.invoke(main, ["--db", str(db_path), "export", "json", "-o", str(exported)]).exit_code
        == 0
    )
    data = json.loads(exported.read_text(encoding="utf-8"))
    for op in data["ops"]:
        if op["kind"] == "photo.add":
            op["payload"]["jpeg"] = base64.b64encode(jpeg).decode()
            op["payload"]["size"] = len(jpeg)
    exported.write_text(json.dumps(data), encoding="utf-8")
    return runner, exported


def test_imported_photo_loses_its_gps(store, workshop_id, db_path: Path, tmp_path: Path) -> None:
    raw = io.BytesIO()
    image = Image.new("RGB", (800, 600), (1, 2, 3))
    exif = image.getexif()
    exif.get_ifd(0x8825)[2] = (48.0, 45.0, 0.0)
    image.save(raw, "JPEG", exif=exif, comment=b"COM-TEXT")
    runner, exported = _export_with_photo(store, workshop_id, tmp_path, db_path, raw.getvalue())
    fresh = tmp_path / "fresh.db"
    done = runner.invoke(main, ["--db", str(fresh), "import", "json", str(exported)])
    assert done.exit_code == 0, done.output
    from facilitator.store import open_store

    other = open_store(fresh)
    (photo,) = list_photos(other, workshop_id)
    stored = photo_jpeg(other, photo.id)
    assert b"Exif" not in stored and b"COM-TEXT" not in stored
    assert Image.open(io.BytesIO(stored)).size == (800, 600)
    write_protocol(other, workshop_id, tmp_path / "p.docx")  # the export works with it


def test_imported_non_jpeg_behind_a_jpeg_header_is_refused(
    store, workshop_id, db_path: Path, tmp_path: Path
) -> None:
    fake = b"\xff\xd8\xff\xe0" + b"\x00\x10JFIF\x00" + b"not really a photo" * 50
    runner, exported = _export_with_photo(store, workshop_id, tmp_path, db_path, fake)
    fresh = tmp_path / "fresh.db"
    done = runner.invoke(main, ["--db", str(fresh), "import", "json", str(exported)])
    assert done.exit_code == 2
    assert "kein gültiges JPEG" in done.output and "Traceback" not in done.output

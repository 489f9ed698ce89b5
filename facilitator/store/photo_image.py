"""Provides the preparation of a flipchart photo: upright, at most 2000 px, no metadata, JPEG.

Bytes in, bytes out (no files): `facilitator photo add` and the moderators' upload
page both pass what they read (through `photo_worker`, a bounded process with a time
limit). Only JPEG, PNG and WebP are opened — by their first bytes, and Pillow is
told so, so no other decoder (EPS and Ghostscript above all) ever sees a stranger's
file — and their dimensions are checked before a pixel is decoded. What comes out
carries no metadata at all: no EXIF (GPS), XMP, ICC profile or comment. A photo that
arrives as an op (`import json`, the other laptop) is verified by `verify_jpeg`:
a real JPEG of the size it claims, its metadata segments removed without re-encoding
(so both laptops keep the same bytes). Bad files are refused with one sentence.
"""

import hashlib
import io
import warnings
from dataclasses import dataclass

from facilitator.core.errors import ValidationError
from facilitator.locale import Text, lazy

MAX_UPLOAD = 25 * 1024 * 1024  # bytes of the file as it comes from the phone or disk
MAX_SIDE = 2000  # px of the longer side after scaling
MAX_PIXELS = 50_000_000  # more than any phone camera (a 200 MP sensor aside): a bomb otherwise
JPEG_QUALITY = 75  # flipcharts stay legible; 40 photos keep the .docx well under 25 MB
FORMATS = ("JPEG", "PNG", "WEBP")
# Decoding memory, checked from the header before a pixel is decoded: Pillow keeps
# RGB(A) at 4 bytes a pixel, and a mode with alpha (or one that needs converting
# first) costs a second copy. 220 MB holds a 49-megapixel RGB PNG (the worker's peak
# stays under 300 MB); a 49-megapixel RGBA one would need 400 MB and is refused.
MAX_DECODE_BYTES = 220 * 1024 * 1024
_REDUCIBLE = {"L", "RGB", "RGBA", "LA", "CMYK", "I", "F"}
_ONE_BYTE = {"1", "L", "P"}
_COPIED = {"RGBA", "LA", "PA", "P", "RGBa", "La"}  # premultiplied or converted first
# Segments a prepared JPEG keeps: frame, tables, scans (APP0 only as a bare JFIF header).
_STANDALONE = {0x01, *range(0xD0, 0xD8)}  # TEM, RST0–7: no length field


@dataclass(frozen=True)
class PreparedPhoto:
    jpeg: bytes
    width: int
    height: int

    @property
    def digest(self) -> str:
        """The content hash: the photo's id, so the same photo is stored once."""
        return hashlib.sha256(self.jpeg).hexdigest()


def _refuse(name: str, problem: Text) -> ValidationError:
    return ValidationError(lazy("{name}: {problem}", name=name, problem=problem))


def sniff(data: bytes) -> str | None:
    """Return the photo format the first bytes name ("JPEG", "PNG", "WEBP", "HEIC"), or None."""
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    if data[4:8] == b"ftyp" and data[8:12] in (b"heic", b"heix", b"hevc", b"mif1", b"msf1"):
        return "HEIC"
    return None


def _check_format(data: bytes, name: str) -> str:
    found = sniff(data)
    if found == "HEIC":
        # no reader for HEIC ships with Pillow and none is bundled here (offline, every OS)
        raise _refuse(
            name,
            lazy(
                "HEIC kann ich nicht lesen. Bitte als JPEG senden (iPhone: Einstellungen › "
                "Kamera › Formate › „Maximale Kompatibilität“)."
            ),
        )
    if found is None:
        raise _refuse(name, lazy("kein Bild im Format JPEG, PNG oder WebP."))
    return found


def _too_large(name: str) -> ValidationError:
    return _refuse(name, lazy("das Bild ist unplausibel groß (mehr als 50 Megapixel)."))


def _decode_bytes(mode: str, pixels: int) -> int:
    """Return about how many bytes decoding (and the reduction's extra copy) takes."""
    per_pixel = 1 if mode in _ONE_BYTE else 2 if mode.startswith("I;16") else 4
    extra = 4 if mode in _COPIED or mode not in _REDUCIBLE else 0
    return pixels * (per_pixel + extra)


def prepare_photo(data: bytes, name: str = "Foto") -> PreparedPhoto:
    """Return the photo rotated by its EXIF orientation, scaled, stripped and as JPEG."""
    from PIL import Image, ImageOps, UnidentifiedImageError  # only when a photo comes in

    if len(data) > MAX_UPLOAD:
        raise _refuse(name, lazy("größer als 25 MB."))
    if not data:
        raise _refuse(name, lazy("die Datei ist leer."))
    found = _check_format(data, name)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=[found]) as image:
                if image.width * image.height > MAX_PIXELS:  # from the header: nothing decoded
                    raise _too_large(name)
                if _decode_bytes(image.mode, image.width * image.height) > MAX_DECODE_BYTES:
                    raise _refuse(
                        name, lazy("das Bild ist zu groß zum Aufbereiten; bitte als JPEG senden.")
                    )
                if found == "JPEG":  # decode at 1/2, 1/4 or 1/8 scale when that suffices
                    image.draft("RGB", (MAX_SIDE, MAX_SIDE))
                # A box reduction by a whole factor needs memory for its result only (a
                # LANCZOS resize of RGBA copies the full image once more first: 49 MP
                # drove a child to 460 MB); the big image is freed when the file closes.
                factor = max(image.size) // MAX_SIDE
                source = image if image.mode in _REDUCIBLE else image.convert("RGB")
                small = source.reduce(factor) if factor >= 2 else source.copy()
                del source
            # scale first, then turn: the turn then copies the small image, not the big one
            small.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
            upright = ImageOps.exif_transpose(small)
            rgb = upright.convert("RGB")
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_large(name) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError):
        raise _refuse(name, lazy("kein Bild im Format JPEG, PNG oder WebP.")) from None
    rgb.info = {}  # Pillow writes info["comment"] (and more) into the JPEG otherwise
    out = io.BytesIO()
    # no exif=, icc_profile= or comment=: nothing of the camera's metadata (GPS!) is written
    rgb.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return PreparedPhoto(strip_jpeg_metadata(out.getvalue()), rgb.width, rgb.height)


def strip_jpeg_metadata(data: bytes) -> bytes:
    """Return the JPEG without APP1–APP15 (EXIF, XMP, ICC, …) and COM segments, losslessly.

    ValueError if the bytes are not a well-formed sequence of JPEG segments.
    """
    if not data.startswith(b"\xff\xd8"):
        raise ValueError("no JPEG start")
    out = bytearray(b"\xff\xd8")
    i = 2
    while i < len(data):
        kept, i = _segment(data, i)
        out += kept
        if i == _END_OF_IMAGE:
            return bytes(out)
    raise ValueError("no end of image")


_END_OF_IMAGE = -1  # where the next segment begins after the end-of-image marker


def _segment(data: bytes, i: int) -> tuple[bytes, int]:
    """What is kept of the segment at `i`, and where the next one begins."""
    end = len(data)
    if data[i] != 0xFF:
        raise ValueError("no marker")
    marker = data[i + 1] if i + 1 < end else -1
    if marker == 0xFF:  # fill byte
        return b"", i + 1
    if marker == 0xD9:  # end of image
        return b"\xff\xd9", _END_OF_IMAGE
    if marker in _STANDALONE:
        return data[i : i + 2], i + 2
    length = _segment_length(data, i, marker)
    if marker == 0xDA:  # start of scan: the entropy-coded data runs to the next marker
        j = _scan_end(data, i + 2 + length)
        return data[i:j], j
    segment = data[i : i + 2 + length]
    return (segment if _kept(marker, segment) else b""), i + 2 + length


def _segment_length(data: bytes, i: int, marker: int) -> int:
    if marker < 0 or i + 4 > len(data):
        raise ValueError("cut off")
    length = int.from_bytes(data[i + 2 : i + 4], "big")
    if length < 2 or len(data[i : i + 2 + length]) < 2 + length:
        raise ValueError("cut off")
    return length


def _scan_end(data: bytes, j: int) -> int:
    """The start of the first marker after entropy-coded data (stuffed bytes and RSTn skipped)."""
    end = len(data)
    while j + 1 < end and not (
        data[j] == 0xFF and data[j + 1] not in (0x00, 0xFF, *range(0xD0, 0xD8))
    ):
        j += 1
    return j


def _kept(marker: int, segment: bytes) -> bool:
    """Every segment but APP1–APP15 and COM; of APP0 only the bare 16-byte JFIF header."""
    bare_jfif = marker == 0xE0 and segment[4:9] == b"JFIF\x00" and len(segment) == 18
    return not (0xE0 <= marker <= 0xEF or marker == 0xFE) or bare_jfif


def verify_jpeg(data: bytes, width: int | None = None, height: int | None = None) -> bytes:
    """Return a photo op's JPEG without metadata; ValidationError unless it is one we made.

    A real JPEG (it decodes to the end), at most MAX_SIDE px a side, of the size the
    op claims: bytes that only begin like a JPEG are refused here, not in the export.
    """
    from PIL import Image

    name = "Foto"
    try:
        clean = strip_jpeg_metadata(data)
        with Image.open(io.BytesIO(clean), formats=["JPEG"]) as image:
            size = image.size
            if max(size) > MAX_SIDE or (width, height) not in ((None, None), size):
                raise ValueError("size")
            image.load()  # a photo that does not decode fails here, before any export
    except (OSError, ValueError, SyntaxError, EOFError, Image.DecompressionBombError):
        raise not_our_jpeg(name) from None
    return clean


def not_our_jpeg(name: str = "Foto") -> ValidationError:
    """The refusal of a photo op whose bytes are not a JPEG of the size it claims."""
    return _refuse(name, lazy("kein gültiges JPEG (bis 2000 px, in der angegebenen Größe)."))

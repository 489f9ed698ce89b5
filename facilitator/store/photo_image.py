"""Provides the preparation of a flipchart photo: upright, at most 2000 px, no EXIF/GPS, JPEG.

Bytes in, bytes out (no files): `facilitator photo add` and the moderators' upload
page both pass what they read. Bad files are refused with one sentence.
"""

import hashlib
import io
import warnings
from dataclasses import dataclass

from facilitator.core.errors import ValidationError

MAX_UPLOAD = 25 * 1024 * 1024  # bytes of the file as it comes from the phone or disk
MAX_SIDE = 2000  # px of the longer side after scaling
MAX_PIXELS = 50_000_000  # more than any phone camera (a 200 MP sensor aside): a bomb otherwise
JPEG_QUALITY = 75  # flipcharts stay legible; 40 photos keep the .docx well under 25 MB


@dataclass(frozen=True)
class PreparedPhoto:
    jpeg: bytes
    width: int
    height: int

    @property
    def digest(self) -> str:
        """The content hash: the photo's id, so the same photo is stored once."""
        return hashlib.sha256(self.jpeg).hexdigest()


def _refuse(name: str, de: str, en: str) -> ValidationError:
    return ValidationError(f"{name}: {de}", en=f"{name}: {en}")


def prepare_photo(data: bytes, name: str = "Foto") -> PreparedPhoto:
    """Return the photo rotated by its EXIF orientation, scaled, stripped and as JPEG."""
    from PIL import Image, ImageOps, UnidentifiedImageError  # only when a photo comes in

    if len(data) > MAX_UPLOAD:
        raise _refuse(name, "größer als 25 MB.", "larger than 25 MB.")
    if not data:
        raise _refuse(name, "die Datei ist leer.", "the file is empty.")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                if image.width * image.height > MAX_PIXELS:
                    raise Image.DecompressionBombError(name)
                image.load()
                upright = ImageOps.exif_transpose(image)
                upright.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
                rgb = upright.convert("RGB")
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _refuse(
            name,
            "das Bild ist unplausibel groß (mehr als 50 Megapixel).",
            "the image is implausibly large (more than 50 megapixels).",
        ) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        raise _refuse(
            name, "kein Bild (erwartet: JPEG oder PNG).", "not an image (expected: JPEG or PNG)."
        ) from None
    out = io.BytesIO()
    # no exif= and no icc_profile=: nothing of the camera's metadata (GPS!) is written
    rgb.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return PreparedPhoto(out.getvalue(), rgb.width, rgb.height)

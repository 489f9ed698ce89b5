"""Provides the join QR code: as text for a terminal, as PNG or SVG for print and slides."""

from pathlib import Path

from facilitator.core.errors import UserError
from facilitator.export.files import write_atomic
from facilitator.locale import lazy


def _code(url: str):  # -> qrcode.QRCode; imported lazily: qrcode pulls in PIL for PNG
    import qrcode

    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=2)
    code.add_data(url)
    code.make(fit=True)
    return code


def qr_scale(url: str, columns: int, lines: int) -> int:
    """Return the largest scale at which the code fits `columns` × `lines` (at least 1)."""
    modules = len(qr_matrix(url))
    return max(1, min(columns // modules, (2 * lines) // modules))


def qr_matrix(url: str) -> list[list[bool]]:
    """Return the QR code's modules (True = dark), quiet zone included."""
    return _code(url).get_matrix()


def qr_text(url: str, scale: int = 1) -> str:
    """Return the QR code drawn with half-block characters (two rows per line).

    Dark modules are drawn as spaces on a light background, so terminals with a
    dark theme still show a code that phones can scan. `scale` draws each module as
    that many columns and half-lines (a projector's terminal has room for 2 or 3).
    """
    scale = max(1, scale)
    matrix = [
        [cell for cell in row for _ in range(scale)] for row in qr_matrix(url) for _ in range(scale)
    ]
    if len(matrix) % 2:
        matrix.append([False] * len(matrix[0]))
    glyphs = {(False, False): "█", (True, False): "▄", (False, True): "▀", (True, True): " "}
    lines = []
    for top, bottom in zip(matrix[::2], matrix[1::2], strict=True):
        lines.append("".join(glyphs[(t, b)] for t, b in zip(top, bottom, strict=True)))
    return "\n".join(lines)


def qr_png(url: str, box_pixels: int = 20) -> bytes:
    """Return the QR code as PNG bytes, `box_pixels` per module (sharp when printed large)."""
    import io

    code = _code(url)
    image = code.make_image(fill_color="black", back_color="white").get_image()
    side = image.width // code.box_size * box_pixels
    image = image.resize((side, side), resample=0)  # nearest neighbour: no grey edges
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def write_qr(url: str, path: Path) -> None:
    """Write the QR code as .png or .svg (by the file's ending)."""
    suffix = Path(path).suffix.lower()
    if suffix not in (".png", ".svg"):
        raise UserError(lazy("{path}: bitte .png oder .svg als Dateiendung angeben.", path=path))
    code = _code(url)
    if suffix == ".svg":
        import qrcode.image.svg

        image = code.make_image(image_factory=qrcode.image.svg.SvgPathImage)
    else:
        image = code.make_image(fill_color="black", back_color="white").get_image()
        image = image.resize((image.width * 2, image.height * 2))  # crisp when printed

    def save(tmp: Path) -> None:
        with open(tmp, "wb") as handle:
            image.save(handle) if suffix == ".svg" else image.save(handle, format="PNG")

    write_atomic(Path(path), save)

"""Provides /favicon.ico: a small icon drawn in code (a dot on blue), so browsers get no 404.

Browsers ask for /favicon.ico on every page load; a 404 there fills the logs and
the developer console. The icon is an uncompressed 32×32 ICO built once with the
standard library, so it needs no image file in the package and no Pillow.
"""

import struct

from aiohttp import web

SIZE = 32
_BLUE = (0xAD, 0x5C, 0x0B, 0xFF)  # BGRA of the phone page's accent colour #0b5cad
_WHITE = (0xFF, 0xFF, 0xFF, 0xFF)
_CLEAR = (0, 0, 0, 0)


def _pixel(x: int, y: int) -> tuple[int, int, int, int]:
    """A rounded blue square with a white dot in the middle: a sticky dot on a board."""
    corner = 6
    cx = min(x, SIZE - 1 - x)
    cy = min(y, SIZE - 1 - y)
    if cx < corner and cy < corner and (corner - cx) ** 2 + (corner - cy) ** 2 > corner**2:
        return _CLEAR
    dx, dy = x - (SIZE - 1) / 2, y - (SIZE - 1) / 2
    return _WHITE if dx * dx + dy * dy <= 7.5**2 else _BLUE


def favicon_bytes() -> bytes:
    """Return the icon as an ICO file (one 32×32, 32-bit BMP image with its AND mask)."""
    rows = bytearray()
    for y in range(SIZE - 1, -1, -1):  # BMP rows run bottom-up
        for x in range(SIZE):
            rows.extend(_pixel(x, y))
    mask = bytes(SIZE * SIZE // 8)  # all visible; alpha does the shaping
    header = struct.pack("<IiiHHIIiiII", 40, SIZE, SIZE * 2, 1, 32, 0, len(rows), 0, 0, 0, 0)
    image = header + bytes(rows) + mask
    directory = struct.pack("<HHH", 0, 1, 1)
    entry = struct.pack("<BBBBHHII", SIZE, SIZE, 0, 0, 1, 32, len(image), 6 + 16)
    return directory + entry + image


_ICON = favicon_bytes()


async def favicon(request: web.Request) -> web.Response:
    """GET /favicon.ico: the icon, cached for a day."""
    return web.Response(
        body=_ICON,
        content_type="image/x-icon",
        headers={"Cache-Control": "public, max-age=86400"},
    )

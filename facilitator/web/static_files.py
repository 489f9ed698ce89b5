"""Provides the phone pages' static files: a fixed list, everything else a short text 404.

aiohttp's generic static route looks every name up on disk, so a 300-character
name became an OSError and a 500; here the names are known at start and nothing
a phone sends ever reaches the file system.
"""

from pathlib import Path

from aiohttp import web

from facilitator.locale import gettext
from facilitator.web.favicon import favicon
from facilitator.web.security import lang_of

STATIC = Path(__file__).resolve().parent / "static"
_FILES = {p.name: p for p in STATIC.iterdir() if p.is_file() and not p.name.startswith(".")}


async def static_file(request: web.Request) -> web.StreamResponse:
    """GET /static/{name}: one of the shipped files, or 404 with a short plain text."""
    path = _FILES.get(request.match_info["name"])
    if path is None:
        return web.Response(status=404, text=gettext("Nicht gefunden.", lang_of(request)))
    return web.FileResponse(path)


def setup(app: web.Application) -> None:
    app.router.add_get("/static/{name:.*}", static_file)
    app.router.add_get("/favicon.ico", favicon)

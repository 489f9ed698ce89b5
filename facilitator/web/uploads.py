"""Provides the moderators' photo upload page: /up/<token>, for photos of flipcharts.

The token is the moderators' own (kept in meta, separate from the join code and the
moderator secret): the app shows its QR code only in a dialog on the Join screen,
never on the projected view. A phone sends photos as a plain form (no JavaScript);
each is prepared (upright, ≤ 2000 px, no EXIF/GPS) off the event loop and stored
as an op, so sync carries it to the other laptop.
"""

import asyncio
import hmac
import secrets
from concurrent.futures import ThreadPoolExecutor

from aiohttp import BodyPartReader, web

from facilitator.core.errors import UserError
from facilitator.locale import Text, gettext, lazy
from facilitator.store.agenda import list_items
from facilitator.store.db import Store
from facilitator.store.photo_image import MAX_UPLOAD
from facilitator.store.photo_worker import prepare_photo_bounded
from facilitator.store.photos import store_photo
from facilitator.store.workshops import resolve_workshop
from facilitator.web.keys import HUB, STORE
from facilitator.web.markup import Markup, join, render
from facilitator.web.security import UPLOAD_MAX_BODY, UPLOAD_PREFIX, lang_of

META_KEY = "photo_upload_token"
MAX_FILES = 10  # per form sent
MAX_FIELD = 2_000  # bytes of a text field (caption, block)
MAX_PARTS = 16  # files and fields of one form; more is no form of ours
READ_SECONDS = 300.0  # 64 MB over a slow venue Wi-Fi; a body trickling slower is cut
PREPARING = 2  # photos prepared at once: each in a worker process of its own
_PHOTO_TOO_LARGE = lazy("Das Foto ist größer als 25 MB.")
_FIELD_TOO_LARGE = lazy("Anfrage zu groß.")
# Waiting for the photo workers happens on threads of this pool, never on the loop's
# default pool, which serves the static files (six slow photos once stalled join.js).
WORKERS: "web.AppKey[ThreadPoolExecutor]" = web.AppKey("photo_workers")


def upload_token(store: Store) -> str:
    """Return this database's upload token, creating a random one on first use."""
    token = store.get_meta(META_KEY)
    if not token:
        token = secrets.token_urlsafe(18)
        store.set_meta(META_KEY, token)
    return token


def _check_token(request: web.Request) -> None:
    given = request.match_info.get("token", "").encode()
    if not hmac.compare_digest(given, upload_token(request.app[STORE]).encode()):
        raise web.HTTPForbidden()


def _workshop(request: web.Request) -> str:
    try:
        return resolve_workshop(request.app[STORE], request.app[HUB].workshop_id).id
    except UserError as err:
        raise web.HTTPNotFound(text=err.text(lang_of(request))) from None


def _page(request: web.Request, workshop_id: str, message: str = "", error: bool = False) -> str:
    lang = lang_of(request)
    options = join(
        render('<option value="{id}">{n}. {title}</option>', id=item.id, n=n, title=item.title)
        for n, item in enumerate(list_items(request.app[STORE], workshop_id), 1)
    )
    note = (
        render(
            '<p class="{cls}" role="status">{text}</p>',
            cls="problem" if error else "ok",
            text=message,
        )
        if message
        else Markup("")
    )
    return render(
        '<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<link rel="stylesheet" href="/static/join.css"><title>{title}</title></head>'
        "<body><main><h1>{title}</h1>{note}"
        '<form method="post" enctype="multipart/form-data" class="card">'
        '<label>{photo_label}<input type="file" name="photo" accept="image/*" multiple required>'
        "</label>"
        '<label>{block_label}<select name="item"><option value="">–</option>{options}</select>'
        "</label>"
        '<label>{caption_label}<input type="text" name="caption" maxlength="300"></label>'
        '<button type="submit">{send}</button></form>'
        '<p class="muted">{hint}</p></main></body></html>',
        lang=lang,
        title=gettext("Fotoprotokoll: Fotos hochladen", lang),
        note=note,
        photo_label=gettext("Fotos (Flipchart, Pinnwand)", lang),
        block_label=gettext("Programmpunkt", lang),
        options=options,
        caption_label=gettext("Bildunterschrift", lang),
        send=gettext("Hochladen", lang),
        hint=gettext(
            "Nur für die Moderation. Fotos werden aufgerichtet, "
            "verkleinert und ohne Standortdaten gespeichert.",
            lang,
        ),
    )


async def upload_page(request: web.Request) -> web.Response:
    """GET /up/<token>: the form."""
    _check_token(request)
    return web.Response(text=_page(request, _workshop(request)), content_type="text/html")


async def _read_part(part: BodyPartReader, limit: int, too_large: Text = _PHOTO_TOO_LARGE) -> bytes:
    """Read one part, refusing it once it passes `limit` (the body may come chunked)."""
    data = bytearray()
    while chunk := await part.read_chunk(64 * 1024):
        data.extend(chunk)
        if len(data) > limit:
            raise UserError(too_large)
    return bytes(data)


async def _read_form(request: web.Request) -> tuple[list[tuple[str, bytes]], dict[str, str]]:
    """Read the form's parts: files to MAX_UPLOAD, every other part to MAX_FIELD, few parts."""
    files: list[tuple[str, bytes]] = []
    fields: dict[str, str] = {}
    reader = await request.multipart()
    parts = 0
    while (part := await reader.next()) is not None:
        parts += 1
        if parts > MAX_PARTS:
            raise UserError(lazy("Höchstens 10 Fotos auf einmal."))
        if not isinstance(part, BodyPartReader):  # a nested multipart: no form of ours
            raise ValueError("nested multipart")
        if part.name == "photo" and part.filename:
            if len(files) >= MAX_FILES:
                raise UserError(lazy("Höchstens 10 Fotos auf einmal."))
            files.append((part.filename, await _read_part(part, MAX_UPLOAD)))
            if sum(len(data) for _, data in files) > UPLOAD_MAX_BODY:
                raise UserError(_PHOTO_TOO_LARGE)
        else:  # read (bounded) rather than skipped: skipping reads an unbounded part
            value = (await _read_part(part, MAX_FIELD, _FIELD_TOO_LARGE)).decode("utf-8", "replace")
            if part.name in ("item", "caption"):
                fields[part.name] = value
    return files, fields


async def upload(request: web.Request) -> web.Response:
    """POST /up/<token>: store the photos sent; all or none."""
    _check_token(request)
    workshop_id = _workshop(request)
    lang = lang_of(request)
    store = request.app[STORE]
    try:
        async with asyncio.timeout(READ_SECONDS):
            files, fields = await _read_form(request)
        if not files:
            raise UserError(lazy("Bitte mindestens ein Foto wählen."))
        # Pillow's work in worker processes (time and memory limits), waited for on the
        # photo pool: the phones' live updates and static files keep flowing
        loop = asyncio.get_running_loop()
        pool = request.app[WORKERS]
        prepared = await asyncio.gather(
            *(loop.run_in_executor(pool, prepare_photo_bounded, data, name) for name, data in files)
        )
        item_id = fields.get("item") or None
        with store.transaction():
            for photo in prepared:
                store_photo(
                    store,
                    workshop_id,
                    photo,
                    caption=fields.get("caption", ""),
                    agenda_item_id=item_id,
                )
    except UserError as err:
        page = _page(request, workshop_id, err.text(lang), error=True)
        return web.Response(text=page, status=400, content_type="text/html")
    except TimeoutError:
        page = _page(
            request,
            workshop_id,
            gettext("Das Senden dauerte zu lange; bitte erneut versuchen.", lang),
            error=True,
        )
        return web.Response(text=page, status=408, content_type="text/html")
    except (ValueError, AssertionError):  # a malformed multipart body
        raise web.HTTPBadRequest() from None
    done = gettext("{n} Foto(s) gespeichert.", lang, n=len(prepared))
    return web.Response(text=_page(request, workshop_id, done), content_type="text/html")


def setup(app: web.Application) -> None:
    app[WORKERS] = ThreadPoolExecutor(max_workers=PREPARING, thread_name_prefix="photo")

    async def stop_workers(app: web.Application) -> None:
        app[WORKERS].shutdown(wait=False, cancel_futures=True)

    app.on_cleanup.append(stop_workers)
    app.router.add_get(UPLOAD_PREFIX + "{token}", upload_page)
    app.router.add_post(UPLOAD_PREFIX + "{token}", upload)

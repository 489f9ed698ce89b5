"""The upload page against hostile files and forms (issue 28.5, 28.6): bounded, timed, no 500."""

import asyncio
import io
import time

from aiohttp import FormData
from PIL import Image

from facilitator.store.photos import list_photos
from facilitator.web.uploads import MAX_PARTS, upload_token

EPS = b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 100 100\n{ } loop\n"


def _form(files: list[tuple[str, bytes]], **extra: bytes | str) -> FormData:
    form = FormData()
    for name, data in files:
        form.add_field("photo", data, filename=name, content_type="image/jpeg")
    for key, value in extra.items():
        form.add_field(key, value)
    return form


async def test_an_eps_is_refused_with_a_sentence(client, store, workshop_id) -> None:
    token = upload_token(store)
    answer = await client.post(f"/up/{token}", data=_form([("loop.eps", EPS)]))
    assert answer.status == 400
    assert "kein Bild im Format JPEG, PNG oder WebP" in await answer.text()
    assert list_photos(store, workshop_id) == []


async def test_non_file_parts_are_bounded(client, store, workshop_id) -> None:
    token = upload_token(store)
    tiny = io.BytesIO()
    Image.new("RGB", (20, 20)).save(tiny, "JPEG")
    big = await client.post(
        f"/up/{token}", data=_form([("a.jpg", tiny.getvalue())], junk="x" * 100_000)
    )
    assert big.status == 400 and "Anfrage zu groß" in await big.text()
    many = _form([("a.jpg", tiny.getvalue())])
    for n in range(MAX_PARTS + 1):
        many.add_field(f"f{n}", "x")
    assert (await client.post(f"/up/{token}", data=many)).status == 400
    assert list_photos(store, workshop_id) == []


async def test_static_files_flow_while_big_photos_are_prepared(client, store, workshop_id) -> None:
    token = upload_token(store)
    big = io.BytesIO()
    Image.new("RGB", (7000, 7000)).save(big, "PNG")  # seconds of work in each worker
    files = [(f"gross{n}.png", big.getvalue()) for n in range(3)]
    upload = asyncio.ensure_future(client.post(f"/up/{token}", data=_form(files)))
    await asyncio.sleep(0.5)
    waits = []
    for _ in range(5):
        started = time.monotonic()
        response = await client.get("/static/join.js")
        assert response.status == 200
        await response.read()
        waits.append(time.monotonic() - started)
    assert max(waits) < 1.0, waits
    assert not upload.done()  # the photos were still being prepared meanwhile
    answer = await upload
    assert answer.status == 200 and "3 Foto(s) gespeichert." in await answer.text()

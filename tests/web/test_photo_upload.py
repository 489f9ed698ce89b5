"""The moderators' photo upload page: its own token, photos stored as ops, bad files refused."""

import io

from aiohttp import FormData
from PIL import Image

from facilitator.store import Store
from facilitator.store.agenda import list_items
from facilitator.store.photos import list_photos
from facilitator.web.uploads import upload_token
from tests.web.conftest import XSS


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (3000, 2000), (10, 120, 200)).save(out, "JPEG")
    return out.getvalue()


def _form(data: bytes, name: str = "flip.jpg", item: str = "", caption: str = "") -> FormData:
    form = FormData()
    form.add_field("photo", data, filename=name, content_type="image/jpeg")
    form.add_field("item", item)
    form.add_field("caption", caption)
    return form


async def test_upload_needs_its_own_token(client, store: Store, workshop_id, code: str) -> None:
    assert (await client.get(f"/up/{code}")).status == 403  # the join code is not enough
    assert (await client.get("/up/wrong")).status == 403
    assert (await client.post("/up/wrong", data=_form(_jpeg()))).status == 403
    assert list_photos(store, workshop_id) == []


async def test_upload_stores_photos_under_a_block(client, store: Store, workshop_id) -> None:
    token = upload_token(store)
    page = await client.get(f"/up/{token}")
    assert page.status == 200
    body = await page.text()
    assert 'type="file"' in body and "Herausforderungen sammeln" in body
    item = list_items(store, workshop_id)[2]
    answer = await client.post(f"/up/{token}", data=_form(_jpeg(), item=item.id, caption=XSS[0]))
    assert answer.status == 200, await answer.text()
    text = await answer.text()
    assert "1 Foto(s) gespeichert." in text
    (photo,) = list_photos(store, workshop_id)
    assert photo.agenda_item_id == item.id and photo.caption == XSS[0]
    assert max(photo.width, photo.height) == 2000


async def test_upload_refuses_what_is_not_a_photo(client, store: Store, workshop_id) -> None:
    token = upload_token(store)
    answer = await client.post(f"/up/{token}", data=_form(b"%PDF-1.4 no image", name="x.pdf"))
    assert answer.status == 400
    assert "kein Bild" in await answer.text()
    answer = await client.post(f"/up/{token}", data=_form(_jpeg(), item="no-such-item"))
    assert answer.status == 400
    assert list_photos(store, workshop_id) == []

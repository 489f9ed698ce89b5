"""The participant server's short answers in the phone's language, the 500 message too."""

from aiohttp import web


async def test_the_internal_error_message_in_the_phone_language(make_client):
    async def broken(request: web.Request) -> web.Response:
        raise RuntimeError("secret detail")

    client = await make_client(extra_setup=[lambda app: app.router.add_get("/api/broken", broken)])
    english = await client.get("/api/broken", headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert english.status == 500
    text = await english.text()
    assert "Internal error" in text and "Interner Fehler" not in text and "secret" not in text
    asked = await client.get("/api/broken?lang=en")
    assert "Internal error" in await asked.text()
    german = await client.get("/api/broken", headers={"Accept-Language": "de-DE"})
    assert "Interner Fehler" in await german.text()

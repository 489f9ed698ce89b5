"""Every text a German moderator meets is German: the palette, the help over the capture line."""

from rich.console import Console
from textual.command import CommandInput, CommandList
from textual.widgets import Static

from facilitator.tui.app import create_app


async def _until_listed(pilot, app, text: str) -> None:
    for _ in range(200):  # the palette searches in a worker: wait for it, at most 10 s
        await pilot.pause(0.05)
        if text in _palette_texts(app):
            return
    raise AssertionError(f"{text!r} never listed")


def _palette_texts(app) -> str:
    return "\n".join(str(option.prompt) for option in app.screen.query_one(CommandList).options)


async def test_palette_is_german(app, type_text):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await _until_listed(pilot, app, "Beenden")
        assert app.screen.query_one(CommandInput).placeholder == "Befehl suchen …"
        texts = _palette_texts(app)
        for english in ("Theme", "Quit", "Keys", "Screenshot", "Maximize"):
            assert english not in texts
        assert "Beenden" in texts and "Farbschema" in texts and "Bildschirmfoto" in texts
        await type_text(pilot, "xyzzy")
        await _until_listed(pilot, app, "Keine Treffer")
        assert "No matches" not in _palette_texts(app)


async def test_palette_is_english_with_lang_en(store, workshop_id):
    app = create_app(store, workshop_id, lang="en", server=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await _until_listed(pilot, app, "Quit")
        assert app.screen.query_one(CommandInput).placeholder == "Search for commands…"


async def test_help_over_the_capture_line_is_german(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c", "f1")
        await pilot.pause()
        console = Console(width=120, record=True)
        for static in app.screen.query(Static):
            console.print(static.content)
        texts = console.export_text()
        assert "Focus Next" not in texts and "Copy selected text" not in texts
        assert "Nächstes Feld" in texts

"""Every text a German moderator meets is German: the palette, the help over the capture line."""

from rich.console import Console
from textual.command import CommandInput, CommandList
from textual.widgets import Static

from facilitator.tui.app import create_app


def _palette_texts(app) -> str:
    return "\n".join(str(option.prompt) for option in app.screen.query_one(CommandList).options)


async def test_palette_is_german(app, type_text):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        assert app.screen.query_one(CommandInput).placeholder == "Befehl suchen …"
        texts = _palette_texts(app)
        for english in ("Theme", "Quit", "Keys", "Screenshot", "Maximize"):
            assert english not in texts
        assert "Beenden" in texts and "Farbschema" in texts and "Bildschirmfoto" in texts
        await type_text(pilot, "xyzzy")
        await pilot.pause(1.5)
        texts = _palette_texts(app)
        assert "Keine Treffer" in texts and "No matches" not in texts


async def test_palette_is_english_with_lang_en(store, workshop_id):
    app = create_app(store, workshop_id, lang="en", server=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        assert app.screen.query_one(CommandInput).placeholder == "Search for commands…"
        assert "Quit" in _palette_texts(app)


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

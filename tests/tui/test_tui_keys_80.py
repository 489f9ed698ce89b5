"""At 80×24 every footer fits, and F1 lists every key of the screen (issue 15)."""

from rich.console import Console
from textual.widgets import Footer, Static

from facilitator.tui.bindings import binding_text, declared_bindings

SCREENS = (("f2",), ("f3",), ("f4",), ("f5",), ("f6",), ("f7",), ("f8",), ("f9",), ("f9", "r"))


async def test_footers_fit_and_f1_lists_every_key(app):
    async with app.run_test(size=(80, 24)) as pilot:
        for keys in SCREENS:
            key = "+".join(keys)
            await pilot.press(*keys)
            await pilot.pause()
            screen = app.screen
            footer = screen.query_one(Footer)
            shown = list(footer.query("FooterKey"))
            assert shown, key
            assert shown[0].region.x == 0 and "F1" in str(shown[0].render())
            for item in shown:
                assert item.region.right <= 80, (key, str(item.render()))
            described = {
                binding_text(b.description) for b in declared_bindings(screen) if b.description
            }
            await pilot.press("f1")
            await pilot.pause()
            console = Console(width=200, record=True)
            for static in app.screen.query(Static):
                console.print(static.content)
            listed = console.export_text()
            for description in described:
                assert description in listed, (key, description)
            await pilot.press("escape")
            await pilot.pause()

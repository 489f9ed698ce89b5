"""Text from people is data: every screen and dialog shows hostile strings literally (issue 12.1).

A submission containing `[/x]` used to crash the app on F5/F6 (Rich read it as
markup); `[link=…]` turned into a link. Here a database holds every such string in
captures, names, organisations, the workshop title and agenda titles, and the app
opens every screen and dialog without an error, showing the strings as typed.
"""

import pytest
from rich.text import Text
from textual.widgets import DataTable, Label, Static

from facilitator.store import Store
from facilitator.store.agenda import add_item, list_items
from facilitator.store.captures import add_capture
from facilitator.store.participants import add_participant
from facilitator.store.timer import start_or_pause
from facilitator.store.workshops import update_workshop
from facilitator.tui.app import create_app

HOSTILE = [
    "[/x]",
    "[link=http://evil.example]Ergebnis[/link]",
    "[reverse blink]Achtung",
    "[bold",
    "Farbe \x1b[31mrot",
    "Sehr lang " + "x" * 180,  # as long as a name or an organisation may be (200)
]


@pytest.fixture
def hostile_workshop(store: Store, workshop_id: str) -> str:
    update_workshop(store, workshop_id, title="Workshop [/x] [link=http://evil.example]E[/link]")
    first = list_items(store, workshop_id)[0].id
    for number, text in enumerate(HOSTILE):
        add_item(store, workshop_id, f"Block {text}", 10, after=first)
        add_participant(store, workshop_id, f"Person {text}", organisation=f"Org {text}")
        add_capture(
            store,
            workshop_id,
            "challenge",
            f"Eintrag {text}",
            organisation=f"Org {text}",
            agenda_item_id=first,
            owner=f"Wer {number} {text[:20]}",
            source="participant",
        )
    start_or_pause(store, workshop_id)
    return workshop_id


def _shown(app) -> str:
    """Everything the current screen (and the screens under a dialog) shows, as plain text."""
    parts: list[str] = []
    for screen in app.screen_stack:
        for table in screen.query(DataTable):
            for row in range(table.row_count):
                for value in table.get_row_at(row):
                    assert isinstance(value, Text), f"a cell of #{table.id} is not Text"
                    parts.append(value.plain)
        for widget in [*screen.query(Label), *screen.query(Static)]:
            parts.append(str(widget.render()))
    return "\n".join(parts)


async def test_every_screen_shows_hostile_text_literally(store: Store, hostile_workshop: str):
    app = create_app(store, hostile_workshop, server=False, join_host="127.0.0.1", join_code="X")
    async with app.run_test(size=(160, 48)) as pilot:
        for key in ("f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9"):
            await pilot.press(key)
            await pilot.pause()
            assert app.return_code is None
        await pilot.press("f2")
        await pilot.pause()
        assert "Workshop [/x] [link=http://evil.example]E[/link]" in _shown(app)

        await pilot.press("f3")
        await pilot.pause()
        shown = _shown(app)
        assert "Block [/x]" in shown and "Block [link=http://evil.example]Ergebnis" in shown

        await pilot.press("f5", "a")
        await pilot.pause()
        shown = _shown(app)
        for text in ("[/x]", "[reverse blink]Achtung", "[bold", "[link=http://evil.example]"):
            assert f"Eintrag {text}" in shown
        # the detail pane shows the whole long entry, wrapped
        table = app.screen.query_one("#captures-table", DataTable)
        long_row = next(
            i for i in range(table.row_count) if "Sehr lang" in table.get_row_at(i)[1].plain
        )
        table.move_cursor(row=long_row)
        await pilot.pause()
        detail = str(app.screen.query_one("#captures-detail", Static).render())
        assert "x" * 100 in detail.replace("\n", "")
        await pilot.press("e")  # the edit line holds the text as typed
        await pilot.pause()
        assert "Sehr lang" in app.screen.query_one("#capture-input").value
        await pilot.press("escape", "c")
        await pilot.pause()
        assert "[/x]" in _shown(app)  # the capture line's title names the running block
        await pilot.press("escape")

        await pilot.press("f6")
        await pilot.pause()
        shown = _shown(app)
        assert "Person [/x]" in shown and "Org [link=http://evil.example]" in shown
        for keys in (("b",), ("m",), ("d",), ("g",), ("f1",)):
            await pilot.press(*keys)
            await pilot.pause()
            assert app.screen.is_modal
            assert app.return_code is None
            await pilot.press("escape")
            await pilot.pause()

        await pilot.press("f3", "e")
        await pilot.pause()
        assert app.screen.is_modal
        await pilot.press("escape", "f4", "r")
        await pilot.pause()
        assert app.return_code is None

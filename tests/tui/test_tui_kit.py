"""Tests the Export screen's preparation kit: r, a, s, b write the four documents."""

from pathlib import Path

from docx import Document
from textual.widgets import Input, Label

from facilitator.store import Store
from facilitator.store.participants import add_participant
from tests.conftest import eventually
from tests.tui.conftest import JOIN_CODE, JOIN_HOST


def _result(app) -> str:
    return str(app.screen.query_one("#export-result", Label).content)


async def test_kit_from_the_export_screen(app, store: Store, workshop_id, tmp_path: Path):
    add_participant(store, workshop_id, "Dr. Anna Zeller", organisation="Stadt Ulm")
    add_participant(store, workshop_id, "Bert Abel", organisation="Stadt Aalen")
    out = tmp_path / "out"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f9")
        app.screen.query_one("#export-folder", Input).value = str(out)
        for key, suffix in (
            ("g", "-Regieplan.docx"),
            ("a", "-Ablauf-Aushang.docx"),
            ("s", "-Teilnahmeliste.docx"),
            ("b", "-Namensschilder.docx"),
        ):
            await pilot.press(key)
            await eventually(
                lambda s=suffix: list(out.glob(f"*{s}")) and s in _result(app), pilot=pilot
            )
        # the poster holds the address the app shows on its join screen
        [poster] = out.glob("*-Ablauf-Aushang.docx")
        text = "\n".join(p.text for p in Document(str(poster)).paragraphs)
        assert f"{JOIN_HOST}" in text and JOIN_CODE in text
        [signin] = out.glob("*-Teilnahmeliste.docx")
        names = [row.cells[1].text for row in Document(str(signin)).tables[0].rows[2:]]
        assert names[:2] == ["Bert Abel", "Dr. Anna Zeller"]

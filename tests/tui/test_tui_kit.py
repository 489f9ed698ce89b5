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


async def test_settings_dialog_sets_the_wifi_the_poster_prints(
    app, store: Store, workshop_id, tmp_path: Path
):
    from facilitator.store.workshops import workshop_row

    out = tmp_path / "out"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f9", "w")
        await pilot.pause()
        labels = " ".join(str(label.content) for label in app.screen.query(Label))
        assert "WLAN-Name" in labels and "WLAN-Passwort" in labels
        password = app.screen.query_one("#settings-wifi_password", Input)
        password.value = "x" * 65
        app.screen.query_one("#settings-wifi_name", Input).value = "Rathaus-Gast"
        await pilot.press("ctrl+s")
        await pilot.pause()
        message = str(app.screen.query_one("#settings-message", Label).content)
        assert "wifi_password" in message and "64" in message  # inline; nothing saved
        assert workshop_row(store, workshop_id)["wifi_name"] != "Rathaus-Gast"
        password.value = "Sommer 2026!"
        await pilot.press("ctrl+s")
        await eventually(
            lambda: workshop_row(store, workshop_id)["wifi_password"] == "Sommer 2026!",
            pilot=pilot,
        )
        assert workshop_row(store, workshop_id)["wifi_name"] == "Rathaus-Gast"
        app.screen.query_one("#export-folder", Input).value = str(out)
        await pilot.press("a")
        await eventually(lambda: list(out.glob("*-Ablauf-Aushang.docx")), pilot=pilot)
    [poster] = out.glob("*-Ablauf-Aushang.docx")
    text = "\n".join(p.text for p in Document(str(poster)).paragraphs)
    assert "Rathaus-Gast" in text and "Sommer 2026!" in text

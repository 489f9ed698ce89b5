"""Pilot tests of the Review screen, the status key and the workshop settings dialog."""

from textual.widgets import DataTable, Input, Label

from facilitator.store import Store
from facilitator.store.captures import add_capture, get_capture, list_captures, set_flipchart_votes
from facilitator.store.review import merge_captures
from facilitator.store.workshops import workshop_row
from tests.conftest import eventually


def _rows(app) -> list[str]:
    table = app.screen.query_one("#review-table", DataTable)
    return [str(table.get_row_at(i)[0]).strip() for i in range(table.row_count)]


def _select(app, text: str) -> None:
    table = app.screen.query_one("#review-table", DataTable)
    table.move_cursor(row=_rows(app).index(text))


async def test_review_groups_edit_status_hide_move_merge(app, store: Store, workshop_id):
    first = add_capture(
        store, workshop_id, "challenge", "Fachkräftemangel in der IT", topic="verwaltung"
    )
    add_capture(store, workshop_id, "challenge", "Fehlende Schnittstellen", topic="verwaltung")
    dup = add_capture(
        store, workshop_id, "challenge", "Fachkräftemangel in der IT-Abteilung", topic="verwaltung"
    )
    set_flipchart_votes(store, first, 4)
    set_flipchart_votes(store, dup, 3)
    measure = add_capture(store, workshop_id, "measure", "Ladesäulenkataster", topic="mobilitaet")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f9", "r")
        await eventually(lambda: "Ladesäulenkataster" in _rows(app), pilot=pilot)
        rows = _rows(app)
        assert rows[0] == "Herausforderungen · Verwaltung"
        assert "Maßnahmen · Mobilität" in rows

        _select(app, "Ladesäulenkataster")
        await pilot.press("s")
        await eventually(lambda: get_capture(store, measure).status == "geplant", pilot=pilot)

        _select(app, "Fehlende Schnittstellen")
        await pilot.press("shift+up")
        await eventually(lambda: _rows(app)[2] == "Fehlende Schnittstellen", pilot=pilot)
        await pilot.press("shift+up")  # the cursor moved along with the entry
        await eventually(
            pilot=pilot,
            condition=lambda: (
                _rows(app).index("Fehlende Schnittstellen")
                < _rows(app).index("Fachkräftemangel in der IT")
            ),
        )

        await pilot.press("m")  # the near-duplicate is suggested; Enter merges it
        await pilot.pause()
        await pilot.press("enter")
        await eventually(lambda: get_capture(store, dup).merged_into == first, pilot=pilot)
        merged = next(c for c in list_captures(store, workshop_id) if c.id == first)
        assert merged.votes == 7  # the dots of both entries
        assert "Fachkräftemangel in der IT (+1)" in _rows(app)
        _select(app, "Fachkräftemangel in der IT (+1)")
        await pilot.press("u")  # taken apart again, then merged once more
        await eventually(lambda: get_capture(store, dup).merged_into is None, pilot=pilot)
        merge_captures(store, first, dup)
        await eventually(lambda: "Fachkräftemangel in der IT (+1)" in _rows(app), pilot=pilot)

        _select(app, "Fehlende Schnittstellen")
        await pilot.press("h")
        await eventually(lambda: "Ausgeblendet (nicht im Protokoll)" in _rows(app), pilot=pilot)
    ops = store.conn.execute("SELECT count(*) FROM op WHERE kind = 'capture.edit'").fetchone()[0]
    assert ops >= 5  # every review change is an op the other laptop receives


async def test_status_key_on_the_protocol_screen(app, store: Store, workshop_id):
    measure = add_capture(store, workshop_id, "measure", "Open-Data-Portal")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5", "a")
        await pilot.press("s", "s")
        await eventually(lambda: get_capture(store, measure).status == "in_umsetzung", pilot=pilot)


async def test_workshop_settings_dialog(app, store: Store, workshop_id):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f9", "w")
        await pilot.pause()
        app.screen.query_one("#settings-venue", Input).value = "Rathaus, Saal 2"
        app.screen.query_one("#settings-next_date", Input).value = "31.02."
        await pilot.press("ctrl+s")
        await pilot.pause()
        message = str(app.screen.query_one("#settings-message", Label).content)
        assert "kein Datum" in message  # inline, the dialog stays open, nothing saved
        assert workshop_row(store, workshop_id)["venue"] != "Rathaus, Saal 2"
        app.screen.query_one("#settings-next_date", Input).value = "15.03."
        app.screen.query_one("#settings-moderation", Input).value = "Jörg Weiß"
        await pilot.press("ctrl+s")
        await eventually(
            lambda: workshop_row(store, workshop_id)["venue"] == "Rathaus, Saal 2", pilot=pilot
        )
    row = workshop_row(store, workshop_id)
    assert row["moderation"] == "Jörg Weiß" and row["next_date"] == "2027-03-15"


async def test_upload_qr_only_in_a_dialog_behind_u(app, store: Store):
    from facilitator.tui.dialogs.upload import UploadDialog, upload_url
    from facilitator.web.uploads import upload_token

    assert upload_url("http://10.0.0.2:8765/j/abc", "TOK") == "http://10.0.0.2:8765/up/TOK"
    token = upload_token(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f8")
        await pilot.pause()
        shown = " ".join(str(label.content) for label in app.screen.query(Label))
        assert token not in shown  # the projected Join view never shows the upload token
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, UploadDialog)
        message = str(app.screen.query_one("#upload-message", Label).content)
        assert "photo add" in message  # no server in this test: says how else to add photos
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, UploadDialog)


async def test_review_suggests_a_topic_and_t_accepts_it(app, store: Store, workshop_id):
    add_capture(store, workshop_id, "challenge", "Fachkräftemangel in der IT", topic="verwaltung")
    parking = add_capture(store, workshop_id, "challenge", "Glasfaser fehlt im Gewerbegebiet")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f9", "r")
        await eventually(lambda: "Glasfaser fehlt im Gewerbegebiet" in _rows(app), pilot=pilot)
        detail = app.screen.query_one("#review-detail", Label)
        _select(app, "Fachkräftemangel in der IT")
        await pilot.pause()
        assert str(detail.render()) == ""  # it has a topic field: nothing suggested
        await pilot.press("t")
        assert get_capture(store, parking).topic is None

        _select(app, "Glasfaser fehlt im Gewerbegebiet")
        # The reasons: its words, and the nearest example once the vectors are in (a worker).
        await eventually(lambda: "ähnlich wie „Glasfaser“" in str(detail.render()), pilot=pilot)
        shown = str(detail.render())
        assert shown.startswith("Themenvorschlag: #Infrastruktur? (Glasfaser, Gewerbegebiet; ")
        await pilot.press("t")
        await eventually(lambda: get_capture(store, parking).topic == "infrastruktur", pilot=pilot)
        await eventually(lambda: "Herausforderungen · Infrastruktur" in _rows(app), pilot=pilot)
    ops = store.conn.execute(
        "SELECT count(*) FROM op WHERE kind = 'capture.edit' AND payload LIKE '%infrastruktur%'"
    ).fetchone()[0]
    assert ops == 1  # an op the other laptop receives


async def test_review_accepts_all_suggested_topics_with_reasons_and_per_row_choice(
    app, store: Store, workshop_id
):
    from facilitator.tui.dialogs.topics import TopicsDialog

    fibre = add_capture(store, workshop_id, "challenge", "Glasfaser fehlt in den Teilorten")
    care = add_capture(store, workshop_id, "need", "Pflegeplatzbörse für den Kreis")
    tagged = add_capture(store, workshop_id, "need", "Tablets", topic="bildung")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f9", "r")
        await eventually(lambda: "Glasfaser fehlt in den Teilorten" in _rows(app), pilot=pilot)
        await pilot.press("T")
        await eventually(lambda: isinstance(app.screen, TopicsDialog), pilot=pilot)
        dialog = app.screen
        prompts = [str(dialog.selection.get_option_at_index(i).prompt) for i in range(2)]
        # Each row shows the entry, the suggested topic field and the words behind it.
        assert prompts[0].startswith(
            "Glasfaser fehlt in den Teilorten → Infrastruktur (Glasfaser, Teilorten; "
            "ähnlich wie „Glasfaser bis ins letzte Gehöft“ 0,"
        )
        assert prompts[1].startswith(
            "Pflegeplatzbörse für den Kreis → Gesundheit und Pflege (Pflegeplatzbörse; "
            "ähnlich wie „Pflegestützpunkt“ 0,"
        )
        await pilot.press("space")  # the first row is kept untagged
        await pilot.press("down", "w")  # the second switches to its next suggestion
        second = dialog.rows[1].suggestions[1].topic
        assert second != "gesundheit_pflege"
        switched = str(dialog.selection.get_option_at_index(1).prompt)
        assert switched.startswith("Pflegeplatzbörse für den Kreis → ") and switched != prompts[1]
        await pilot.press("enter")
        await eventually(lambda: get_capture(store, care).topic == second, pilot=pilot)
    assert get_capture(store, fibre).topic is None
    assert get_capture(store, tagged).topic == "bildung"

"""Pilot tests of the Plan, Start, Participants, Methods, Join and Export screens."""

from pathlib import Path

from rich.console import Console
from textual.widgets import DataTable, Input, Label, OptionList, Static

from facilitator.store import Store
from facilitator.store.agenda import list_items
from facilitator.store.participants import list_participants
from facilitator.store.workshops import list_workshops
from facilitator.tui.app import create_app
from facilitator.tui.dialogs.method_picker import MethodPicker
from tests.conftest import eventually
from tests.tui.conftest import palette_offers


async def test_plan_an_agenda(app, store: Store, workshop_id, type_text):
    before = list_items(store, workshop_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        table = app.screen.query_one("#plan-table", DataTable)
        assert table.row_count == len(before)
        assert str(table.get_row_at(0)[1]) == "09:00"

        await pilot.press("a")
        await type_text(pilot, "Weltcafé")
        await pilot.press("enter")
        await type_text(pilot, "50")
        await pilot.press("enter")
        items = list_items(store, workshop_id)
        assert [it.title for it in items][1] == "Weltcafé"  # after the selected first row
        assert items[1].minutes == 50
        # 09:00 + 15 + 50 + 15 + 45 runs 5 minutes into the lunch pinned at 11:00
        total = str(app.screen.query_one("#plan-total", Label).content)
        assert "⚠ 5 min in „Mittagsimbiss“ (11:00) hinein" in total
        # the total counts the overlap, so total − available is the warning's figure
        assert "Gesamt 185 min · verfügbar 180 min" in total
        lunch = next(i for i, it in enumerate(list_items(store, workshop_id)) if it.at)
        assert str(table.get_row_at(lunch)[5]).startswith("⚠ fest 11:00")

        table.move_cursor(row=1)
        await pilot.press("minus", "minus")
        assert list_items(store, workshop_id)[1].minutes == 40
        assert "⚠" not in str(app.screen.query_one("#plan-total", Label).content)
        await pilot.press("shift+down")
        assert [it.title for it in list_items(store, workshop_id)][2] == "Weltcafé"

        await pilot.press("m")
        assert isinstance(app.screen, MethodPicker)
        cards = app.methods()
        await type_text(pilot, "world")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert "world-cafe" in cards
        assert list_items(store, workshop_id)[2].method == "world-cafe"

        table.move_cursor(row=1)
        await pilot.press("f")
        pinned = list_items(store, workshop_id)[1]
        assert (pinned.kind, pinned.at) == ("pinned", "09:15")
        await pilot.press("f")
        assert list_items(store, workshop_id)[1].kind == "block"

        table.move_cursor(row=2)
        await pilot.press("d", "j")
        assert "Weltcafé" not in [it.title for it in list_items(store, workshop_id)]


async def test_start_create_open_delete(store: Store, type_text):
    app = create_app(store, None, server=False)
    async with app.run_test(size=(80, 24)) as pilot:
        assert type(app.screen).__name__ == "StartScreen"
        await pilot.press("n")
        await type_text(pilot, "Peer-Austausch Nürtingen")
        await pilot.press("enter")
        # no such day: the dialog stays open with the title typed and says why
        app.screen.query_one("#new-date", Input).value = "31.02.2027"
        await pilot.press("enter")
        options = app.screen.query_one("#new-template", OptionList)
        options.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        assert list_workshops(store) == []
        assert "kein Datum" in str(app.screen.query_one("#new-message", Label).content)
        assert app.screen.query_one("#new-title", Input).value == "Peer-Austausch Nürtingen"
        # the same date forms as everywhere: a German date is fine
        app.screen.query_one("#new-date", Input).value = "04.03.2027"
        await pilot.press("enter")
        options.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        [row] = list_workshops(store)
        assert (row["title"], row["date"]) == ("Peer-Austausch Nürtingen", "2027-03-04")
        assert app.workshop_id == row["id"]
        await pilot.press("enter")  # open
        assert type(app.screen).__name__ == "PlanScreen"
        for key in ("f2", "d", "n"):
            await pilot.press(key)
            await pilot.pause()
        assert len(list_workshops(store)) == 1
        for key in ("d", "j"):
            await pilot.press(key)
            await pilot.pause()
        assert list_workshops(store) == []
        assert app.workshop_id is None


async def test_import_participants_presence_consent(app, store: Store, workshop_id, tmp_path):
    csv = tmp_path / "teilnehmende.csv"
    csv.write_text(
        "Name;Organisation;Typ;Kommune;E-Mail;Einwilligung\n"
        "Anna Weber;Stadt Esslingen;kommune;Esslingen;anna@example.org;ja\n"
        "Ben Roth;Hochschule Esslingen;wissenschaft;Esslingen;;nein\n",
        encoding="utf-8",
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f6", "i")
        app.screen.query_one("#prompt", Input).value = str(csv)
        await pilot.press("enter")
        await eventually(
            lambda: "importiert" in str(app.screen.query_one("#message").content), pilot=pilot
        )
        people = list_participants(store, workshop_id)
        assert [p.name for p in people] == ["Ben Roth", "Anna Weber"]  # by surname (issue 25.11)
        assert "2 Teilnehmende importiert" in str(app.screen.query_one("#message").content)
        table = app.screen.query_one("#participants-table", DataTable)
        # sorted by surname: Roth before Weber
        assert [p.name for p in app.screen.people] == ["Ben Roth", "Anna Weber"]
        table.move_cursor(row=0)
        await pilot.press("space", "e", "j")  # "e" shows the consent text first
        ben = next(p for p in list_participants(store, workshop_id) if p.name == "Ben Roth")
        assert ben.present == 1 and ben.consent == 1 and ben.consent_at

        await pilot.press("i")
        app.screen.query_one("#prompt", Input).value = str(tmp_path / "fehlt.csv")
        await pilot.press("enter")
        await eventually(lambda: app.screen.query_one("#message").has_class("error"), pilot=pilot)
        assert len(list_participants(store, workshop_id)) == 2

        excel = tmp_path / "excel.csv"
        excel.write_bytes("Name;Organisation\nJürgen Groß;Gemeinde Aichwald\n".encode("cp1252"))
        await pilot.press("i")
        app.screen.query_one("#prompt", Input).value = str(excel)
        await pilot.press("enter")
        await eventually(lambda: len(list_participants(store, workshop_id)) == 3, pilot=pilot)
        assert "Jürgen Groß" in [p.name for p in list_participants(store, workshop_id)]

        # an .xlsx named .csv decodes neither as UTF-8 nor as Windows-1252 (0x81, 0x8d)
        workbook = tmp_path / "liste.csv"
        workbook.write_bytes(b"PK\x03\x04\x81\x8d\x90 xl/workbook.xml")
        await pilot.press("i")
        app.screen.query_one("#prompt", Input).value = str(workbook)
        await pilot.press("enter")
        message = app.screen.query_one("#message")
        await eventually(lambda: "keine Textdatei" in str(message.content), pilot=pilot)
        assert message.has_class("error")
        assert len(list_participants(store, workshop_id)) == 3


async def test_methods_search_and_use(app, store: Store, workshop_id, type_text):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f7")
        options = app.screen.query_one("#methods-list", OptionList)
        total = options.option_count
        assert total >= 30  # every shipped card
        await pilot.press("slash")
        await type_text(pilot, "pitch")
        await pilot.pause()
        assert 0 < options.option_count < total
        card_id = options.get_option_at_index(0).id
        await pilot.press("enter")  # to the list
        await pilot.press("u")
        await pilot.press("enter")  # first agenda item
        assert list_items(store, workshop_id)[0].method == card_id


async def test_join_shows_qr_url_and_code(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f8")
        url = str(app.screen.query_one("#join-url", Label).content)
        assert url == "http://192.168.1.20:8765/j/TESTCODE42"
        assert "TESTCODE42" in str(app.screen.query_one("#join-code", Label).content)
        qr = str(app.screen.query_one("#join-qr", Static).content)
        assert qr.count("\n") > 10
        assert "--no-server" in str(app.screen.query_one("#join-server", Label).content)


async def test_the_join_qr_code_grows_with_the_terminal_and_fits_80x24(app):
    from facilitator.export.qr import qr_matrix

    modules = len(qr_matrix("http://192.168.1.20:8765/j/TESTCODE42"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f8")
        await pilot.pause()
        qr = app.screen.query_one("#join-qr", Static)
        lines = str(qr.content).split("\n")
        assert len(lines[0]) == modules and qr.region.bottom <= 23  # above the footer
        assert app.screen.query_one("#join-url", Label).region.bottom <= 23
        await pilot.resize_terminal(140, 50)  # the projector's terminal
        await pilot.pause()
        lines = str(qr.content).split("\n")
        assert len(lines[0]) == 2 * modules and len(lines) == modules
        assert qr.region.width == 2 * modules and qr.region.bottom <= 49
        assert app.screen.query_one("#join-server", Label).region.bottom <= 49


async def test_export_json_in_a_worker(app, store: Store, workshop_id, tmp_path: Path):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f9")
        app.screen.query_one("#export-folder", Input).value = str(tmp_path / "out")
        await pilot.press("j")
        await eventually(lambda: list((tmp_path / "out").glob("*.json")), pilot=pilot)
        await eventually(
            lambda: "Geschrieben" in str(app.screen.query_one("#export-result").content),
            pilot=pilot,
        )
        [written] = list((tmp_path / "out").glob("*.json"))
        assert workshop_id in written.read_text(encoding="utf-8")
        assert str(written) in str(app.screen.query_one("#export-result", Label).content)
        await pilot.press("p")
        await eventually(
            lambda: "Schreibe" not in str(app.screen.query_one("#message").content), pilot=pilot
        )
        try:
            import facilitator.export.protocol  # noqa: F401
        except ImportError:
            assert "noch nicht verfügbar" in str(app.screen.query_one("#message").content)
        else:
            assert list((tmp_path / "out").glob("*.docx"))


async def test_help_lists_keys_and_english(store: Store, workshop_id):
    app = create_app(store, workshop_id, lang="en", server=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()  # let the help screen compose, even on a loaded machine
        console = Console(record=True, width=80)
        for static in app.screen.query(Static):
            console.print(static.content)
        texts = console.export_text()
        assert "Start/pause" in texts and "Capture" in texts
        assert "ctrl+q" in texts and "Strg" not in texts
        await pilot.press("escape", "f3")
        await pilot.pause()
        assert app.screen.query_one("#plan-table", DataTable).columns


async def test_command_palette_switches_screens(app, type_text):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "Teilnehmende")
        await eventually(lambda: palette_offers(app, "Teilnehmende"), pilot=pilot)
        await pilot.press("enter")
        await eventually(lambda: type(app.screen).__name__ == "ParticipantsScreen", pilot=pilot)


async def test_join_screen_drops_the_code_of_a_deleted_workshop(app, store: Store, workshop_id):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f8")
        assert str(app.screen.query_one("#join-qr", Static).content).strip()
        assert "TESTCODE42" in str(app.screen.query_one("#join-code", Label).content)
        app.join_code_override = None  # the code now comes from the (deleted) workshop
        await pilot.press("f2", "d", "j")
        await pilot.pause()
        assert list_workshops(store) == []
        await pilot.press("f8")
        await pilot.pause()
        assert not str(app.screen.query_one("#join-qr", Static).content).strip()
        assert "TESTCODE42" not in str(app.screen.query_one("#join-code", Label).content)


async def test_erase_in_the_app_reaches_the_practice_examples(
    app, store: Store, workshop_id, tmp_path, monkeypatch
):
    from facilitator.store.participants import add_participant

    monkeypatch.setenv("FACILITATOR_EXAMPLES", str(tmp_path))
    example = tmp_path / "parken.md"
    example.write_text(
        '+++\ntitle = "Parken"\norganisation = "Stadt Ulm"\ntopic = "mobilitaet"\n'
        'status = "abgeschlossen"\nsummary = "Sensoren."\n'
        'contact = "Anna Weber <anna@example.org>"\n+++\n',
        encoding="utf-8",
    )
    add_participant(store, workshop_id, "Anna Weber", email="anna@example.org", consent=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f6", "E", "j")
        await eventually(
            lambda: "gelöscht" in str(app.screen.query_one("#message").content), pilot=pilot
        )
    text = example.read_text(encoding="utf-8")
    assert "anna@example.org" not in text and "Anna Weber" not in text and "Parken" in text


async def test_erase_key_on_the_participants_screen(app, store: Store, workshop_id):
    from facilitator.store.participants import add_participant

    # the list is sorted by surname: Weber comes after Roth, so she is the second row
    add_participant(store, workshop_id, "Anna Weber", email="anna@example.org", present=True)
    add_participant(store, workshop_id, "Ben Roth")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f6", "E", "n")  # declined: nothing happens
        assert len(list_participants(store, workshop_id)) == 2
        await pilot.press("down", "E", "j")
        await eventually(
            lambda: "gelöscht" in str(app.screen.query_one("#message").content), pilot=pilot
        )
        assert [p.name for p in list_participants(store, workshop_id)] == ["Ben Roth"]
        dump = store.conn.execute("SELECT group_concat(payload) FROM op").fetchone()[0]
        assert "anna@example.org" not in dump


async def test_plan_marks_a_block_cut_below_its_cards_minimum(app, store: Store, workshop_id):
    from facilitator.store.agenda import update_item

    collecting = list_items(store, workshop_id)[2]
    update_item(store, collecting.id, method="brainwriting-635", minutes=20)  # card: 35 at least
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        table = app.screen.query_one("#plan-table", DataTable)
        assert str(table.get_row_at(2)[6]).startswith("⚠ <35")
        total = str(app.screen.query_one("#plan-total", Label).content)
        assert "„Herausforderungen sammeln“ unter der Mindestdauer der Karte (35 min)" in total
        update_item(store, collecting.id, minutes=40)
        await pilot.pause()
        app.screen.refresh_data()
        assert "Mindestdauer" not in str(app.screen.query_one("#plan-total", Label).content)


async def test_methods_typo_finds_the_card_and_the_detail_follows(app, type_text):
    from textual.widgets import Markdown

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f7")
        screen = app.screen
        options = screen.query_one("#methods-list", OptionList)
        await pilot.press("slash")
        await type_text(pilot, "kopfstandmetode")
        await pilot.pause()
        assert options.option_count >= 1 and options.get_option_at_index(0).id == "kopfstand"
        assert screen.shown is not None and screen.shown.id == "kopfstand"
        screen.query_one("#methods-search").value = "zzqxv wqpz"  # nothing is like that
        await pilot.pause()
        assert options.option_count == 0 and screen.shown is None
        assert "Keine Methode passt" in screen.query_one("#methods-text", Markdown).source

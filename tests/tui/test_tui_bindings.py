"""The app speaks the language it was started in: footers, headers, tables and F1."""

from rich.console import Console
from textual.widgets import DataTable, Footer, Label, Static

from facilitator.store import Store
from facilitator.store.captures import add_capture
from facilitator.tui.app import create_app
from facilitator.tui.bindings import binding_text, declared_bindings
from facilitator.tui.text import N_, NP_, translated_in


def _footer(app) -> str:
    return " ".join(str(key.render()) for key in app.screen.query_one(Footer).query("FooterKey"))


def _header(app) -> str:
    return str(app.screen.query_one("#header-workshop", Label).content)


def _columns(app, table_id: str) -> list[str]:
    table = app.screen.query_one(table_id, DataTable)
    return [str(column.label) for column in table.columns.values()]


async def test_english_app_shows_english_footers_headers_and_columns(store: Store, workshop_id):
    add_capture(store, workshop_id, "need", "Schnittstellen")
    app = create_app(store, workshop_id, lang="en", server=False)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        assert _header(app).startswith("Plan · ")
        # "Neu" means "Add" on this key and "New" elsewhere (a gettext context)
        assert "Add" in _footer(app) and "Neu" not in _footer(app)
        assert "Title" in _columns(app, "#plan-table")
        await pilot.press("f5")
        await pilot.pause()
        assert _header(app).startswith("Notes · ")
        assert "Block/all" in _footer(app) and "Block/Alle" not in _footer(app)
        assert str(app.screen.query_one("#captures-scope", Label).content).endswith(" · 1 entry")
        await pilot.press("f6")
        await pilot.pause()
        assert _header(app).startswith("Participants · ")
        assert "Present" in _footer(app)


async def test_german_app_shows_german_footers_without_context_marks(app, store, workshop_id):
    add_capture(store, workshop_id, "need", "Schnittstellen")
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        assert _header(app).startswith("Planen · ")
        footer = _footer(app)
        assert "Neu" in footer and "Add" not in footer and "\x04" not in footer
        await pilot.press("f5")
        await pilot.pause()
        # one entry is "1 Eintrag", not "1 Einträge"
        assert str(app.screen.query_one("#captures-scope", Label).content).endswith(" · 1 Eintrag")
        await pilot.press("f9")
        await pilot.pause()
        assert "Protokoll" in _footer(app) and "\x04" not in _footer(app)


async def test_f1_lists_the_screens_keys_in_english(store: Store, workshop_id):
    app = create_app(store, workshop_id, lang="en", server=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f9", "f1")
        await pilot.pause()
        console = Console(record=True, width=120)
        for static in app.screen.query(Static):
            console.print(static.content)
        listed = console.export_text()
        assert "Protocol" in listed and "Fact sheet" in listed and "Quit" in listed
        assert "Protokoll" not in listed and "\x04" not in listed


async def test_declared_bindings_are_those_textual_dispatches(app):
    # declared_bindings reads Textual's private merged map: this fails when an upgrade moves it
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        declared = {(b.key, b.action) for b in declared_bindings(app.screen)}
        assert ("a", "add") in declared and ("f1", "app.help") in declared
        active = app.screen.active_bindings
        own = {
            (key, found.binding.action) for key, found in active.items() if found.node is app.screen
        }
        assert own and own <= declared
        app_keys = {(b.key, b.action) for b in declared_bindings(app)}
        assert ("c", "capture") in app_keys and ("ctrl+q", "quit") in app_keys


def test_marked_texts_translate_with_and_without_context() -> None:
    assert N_("Punkte") == "Punkte"
    assert translated_in(N_("Punkte"), "en") == "Dots"
    assert translated_in(NP_("column", "Punkte"), "en") == "Items"
    assert translated_in(NP_("column", "Punkte"), "de") == "Punkte"
    assert binding_text("Focus Next") == "Nächstes Feld"  # Textual's own, outside an app: German

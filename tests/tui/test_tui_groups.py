"""Tests of "Gruppen vorschlagen" on the Participants screen: groups, pairs, warnings, bad input."""

from textual.widgets import Input, Label, Static

from facilitator.store import Store
from facilitator.store.captures import add_capture
from facilitator.store.participants import add_participant
from facilitator.tui.dialogs.groups import GroupsDialog
from tests.conftest import eventually

PEOPLE = [
    ("Anna Ulm", "Stadt Ulm", "Ulm"),
    ("Bernd Blau", "Gemeinde Blaustein", "Blaustein"),
    ("Clara Frei", "Stadt Freiburg", "Freiburg im Breisgau"),
    ("Dora Lö", "Stadt Lörrach", "Lörrach"),
    ("Emil Heil", "Stadt Heilbronn", "Heilbronn"),
    ("Fritz Fern", "Gemeinde Nirgendwoheim", "Nirgendwoheim"),
]


def _seed(store: Store, workshop_id: str) -> None:
    for name, org, place in PEOPLE:
        add_participant(store, workshop_id, name, organisation=org, municipality=place)
    add_capture(
        store, workshop_id, "offer", "Erfahrung mit dem Bürgerportal", topic="verwaltung",
        organisation="Stadt Ulm",
    )  # fmt: skip
    add_capture(
        store, workshop_id, "request", "Wer hat schon ein Bürgerportal eingeführt?",
        topic="verwaltung", organisation="Stadt Lörrach",
    )  # fmt: skip


def _result(app) -> str:
    return str(app.screen.query_one("#groups-result", Static).content)


def _message(app) -> str:
    return str(app.screen.query_one("#groups-message", Label).content)


async def test_groups_dialog_shows_groups_pairs_and_warnings(app, store, workshop_id):
    _seed(store, workshop_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f6")
        await pilot.pause()
        await pilot.click("#participants-groups")
        await pilot.pause()
        assert isinstance(app.screen, GroupsDialog)
        count = app.screen.query_one("#groups-count", Input)
        count.value = "3"
        await pilot.press("enter")
        await eventually(
            lambda: "Gruppe 3" in _result(app), pilot=pilot, describe=lambda: _message(app)
        )
        shown = _result(app)
        assert "Gruppe 1" in shown and "Gruppe 4" not in shown
        for _, org, _ in PEOPLE:
            assert org in shown
        # Neighbours end up together (Ulm/Blaustein, Freiburg/Lörrach) with a short span.
        groups = shown.split("Gruppe ")[1:]
        assert any("Stadt Ulm" in g and "Blaustein" in g for g in groups)
        assert any("Freiburg" in g and "Lörrach" in g for g in groups)
        assert "km auseinander" in shown
        assert "Stadt Ulm bietet „Erfahrung mit dem Bürgerportal“ → Stadt Lörrach sucht" in shown
        assert "Warnung" in shown and "Nirgendwoheim" in shown
        # Bad input is a line in the dialog, not a traceback.
        count.value = "0"
        await pilot.press("enter")
        await eventually(lambda: "mindestens 1" in _message(app), pilot=pilot)
        assert _result(app) == ""
        count.value = "9"
        await pilot.press("enter")
        await eventually(lambda: "mehr als die 6 Organisationen" in _message(app), pilot=pilot)
        await pilot.press("escape")
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, GroupsDialog)


async def test_an_unexpected_failure_is_said_not_working_for_ever(
    app, store, workshop_id, monkeypatch
):
    _seed(store, workshop_id)

    def broken(*args, **kwargs):
        raise RuntimeError("numpy fehlt")

    monkeypatch.setattr("facilitator.store.matching.suggest_groups", broken)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f6", "g")
        await pilot.pause()
        await pilot.press("enter")
        await eventually(
            lambda: "numpy fehlt" in _message(app), pilot=pilot, describe=lambda: _message(app)
        )

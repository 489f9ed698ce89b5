"""Provides the Participants screen: the table, CSV import, presence and consent."""

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button, DataTable, Label

from facilitator.core.errors import UserError
from facilitator.core.models import Participant
from facilitator.core.participants_csv import parse_participants_csv
from facilitator.core.taxonomy import ORG_TYPES
from facilitator.store.participant_import import import_participants
from facilitator.store.participants import (
    get_participant,
    list_participants,
    set_consent,
    set_present,
)
from facilitator.tui.dialogs.common import ConfirmDialog, PromptDialog
from facilitator.tui.screens.base import BaseScreen
from facilitator.tui.widgets.cells import cut


class ParticipantsScreen(BaseScreen):
    """Who is there, from where, and who agreed to share contact details."""

    name_key = "screen.participants"
    BINDINGS = [
        Binding("i", "import_csv", "key.import"),
        Binding("space,x", "present", "key.present", key_display="␣"),
        Binding("e", "consent", "key.consent"),
        Binding("g", "groups", "key.groups"),
        Binding("E", "erase", "key.erase", key_display="⇧E"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.people: list[Participant] = []

    @property
    def table(self) -> DataTable:
        """The screen's participants table."""
        return self.query_one("#participants-table", DataTable)

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="participants-bar"):
            yield Label(id="participants-count")
            button = Button(self.t("key.groups") + " (g)", id="participants-groups", compact=True)
            button.can_focus = False  # the table keeps the keys
            yield button
        yield DataTable(id="participants-table", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.table
        for key in (
            "col.name",
            "col.present",
            "col.consent",
            "col.org",
            "col.org_type",
            "col.municipality",
        ):
            table.add_column(self.t(key), key=key)
        super().on_mount()

    def refresh_data(self) -> None:
        table = self.table
        row = table.cursor_row
        table.clear()
        if self.workshop_id is None:
            self.people = []
            self.query_one("#participants-count", Label).update(self.t("no_workshop"))
            return
        self.people = list_participants(self.store, self.workshop_id)
        lang = self.fapp.lang
        for person in self.people:
            org_type = ORG_TYPES.get(person.org_type)
            table.add_row(
                cut(person.name, 24),
                "✓" if person.present else "·",
                "✓" if person.consent else "·",
                cut(person.organisation, 26),
                org_type.get(lang) if org_type else person.org_type,
                cut(person.municipality, 16),
                key=person.id,
            )
        if self.people:
            table.move_cursor(row=min(max(row, 0), len(self.people) - 1))
        self.query_one("#participants-count", Label).update(
            self.t(
                "participants.count",
                count=len(self.people),
                present=sum(p.present for p in self.people),
                consent=sum(1 for p in self.people if p.consent),
            )
        )

    def selected(self) -> Participant | None:
        row = self.table.cursor_row
        return self.people[row] if 0 <= row < len(self.people) else None

    def action_present(self) -> None:
        person = self.selected()
        if person is not None:
            set_present(self.store, person.id, not person.present)

    def action_consent(self) -> None:
        person = self.selected()
        if person is None:
            return
        set_consent(self.store, person.id, not person.consent)
        if person.consent:
            self.say(self.t("participants.consent_off", name=person.name))
        else:
            stored = get_participant(self.store, person.id)
            self.say(self.t("participants.consent_on", name=person.name, at=stored.consent_at))

    def action_erase(self) -> None:
        """Erase the selected person for good (GDPR Art. 17), after a yes."""
        person = self.selected()
        if person is None:
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            from facilitator.store.people import erase_people

            erase_people(self.store, [person])
            self.say(self.t("participants.erased", name=person.name))

        question = self.t("participants.erase_ask", name=person.name)
        self.app.push_screen(ConfirmDialog(question, self.fapp.lang), answered)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "participants-groups":
            event.stop()
            self.action_groups()

    def action_groups(self) -> None:
        if self.workshop_id is None:
            self.say(self.t("no_workshop"), error=True)
            return
        from facilitator.tui.dialogs.groups import GroupsDialog

        self.app.push_screen(GroupsDialog(self.workshop_id))

    def action_import_csv(self) -> None:
        if self.workshop_id is None:
            return

        def entered(path: str | None) -> None:
            if path and path.strip():
                self.read_csv(Path(path.strip()).expanduser())

        self.app.push_screen(PromptDialog(self.t("participants.csv_prompt")), entered)

    @work(thread=True, exclusive=True, group="csv", exit_on_error=False)
    def read_csv(self, path: Path) -> None:
        """Read and check the file off the UI thread; store on the UI thread."""
        try:
            raw = path.read_bytes()
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                text = raw.decode("cp1252")  # Excel on Windows saves CSV this way
            rows = parse_participants_csv(text, str(path))
        except UnicodeDecodeError:  # neither: an .xlsx or a picture named .csv
            self.app.call_from_thread(self.say, self.t("participants.not_text", path=path), True)
            return
        except OSError as err:
            self.app.call_from_thread(
                self.say, self.t("participants.unreadable", error=err.strerror or err), True
            )
            return
        except UserError as err:
            self.app.call_from_thread(self.say, err.text(self.fapp.lang), True)
            return
        self.app.call_from_thread(self.store_rows, rows)

    def store_rows(self, rows: list) -> None:
        try:
            count = import_participants(self.store, self.workshop_id, rows)
        except UserError as err:
            self.say(err.text(self.fapp.lang), error=True)
            return
        self.say(self.t("participants.imported", count=count))

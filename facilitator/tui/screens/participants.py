"""Provides the Participants screen: the table, CSV import, presence, consent, add/edit/merge."""

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button, DataTable, Label

from facilitator.core.errors import UserError
from facilitator.core.models import Participant
from facilitator.core.participants_csv import parse_participants_csv
from facilitator.core.taxonomy import ORG_TYPES
from facilitator.core.timeformat import local_time_text
from facilitator.store.claims import Claim, decide_claim, list_claims
from facilitator.store.consent import CONSENT_TEXTS, consent_text, current_version
from facilitator.store.name_hits import name_hits, redact_hits
from facilitator.store.organisations import list_organisations
from facilitator.store.participant_admin import (
    add_walk_in,
    edit_participant,
    merge_participants,
    participants_by_surname,
)
from facilitator.store.participant_import import import_participants
from facilitator.store.participants import (
    add_participant,
    delete_participant,
    get_participant,
    set_consent,
    set_present,
)
from facilitator.tui.dialogs.common import ConfirmDialog, PickDialog, PromptDialog
from facilitator.tui.dialogs.participant_form import ParticipantForm
from facilitator.tui.dialogs.read_text import ReadDialog
from facilitator.tui.dialogs.walk_in import WalkInDialog
from facilitator.tui.screens.base import BaseScreen
from facilitator.tui.screens.pending_orgs import PendingOrganisations
from facilitator.tui.widgets.cells import Column, cell, fit_columns


class ParticipantsScreen(PendingOrganisations, BaseScreen):
    """Who is there, from where, and who agreed to share contact details."""

    name_key = "screen.participants"
    BINDINGS = [
        Binding("space,x", "present", "key.present", key_display="␣"),
        Binding("w", "walk_in", "key.walk_in"),
        Binding("a", "add", "key.add"),
        Binding("enter,b", "edit", "key.edit", key_display="b"),
        Binding("e", "consent", "key.consent"),
        Binding("delete,d", "delete", "key.delete", key_display="d", show=False),
        Binding("m", "merge", "key.merge", show=False),
        Binding("i", "import_csv", "key.import", show=False),
        Binding("g", "groups", "key.groups", show=False),
        Binding("E", "erase", "key.erase", key_display="⇧E", show=False),
        Binding("o", "claims", "key.claims", show=False),
        Binding("O", "pending_orgs", "key.pending_orgs", key_display="⇧O", show=False),
        Binding("p", "privacy", "key.privacy", show=False),  # the count line says "o" when open
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
            yield Label(id="participants-count", markup=False)
            button = Button(self.t("key.groups") + " (g)", id="participants-groups", compact=True)
            button.can_focus = False  # the table keeps the keys
            yield button
        yield DataTable(id="participants-table", cursor_type="row", zebra_stripes=True)

    def columns(self) -> list[Column]:
        """Name, organisation and municipality share what the marks and the type leave."""
        return [
            Column("col.name", self.t("col.name"), share=3, least=14),
            Column("col.present", self.t("col.present"), width=2),
            Column("col.consent", self.t("col.consent"), width=5),
            Column("col.org", self.t("col.org"), share=3, least=12),
            Column("col.org_type", self.t("col.org_type"), width=10),
            Column("col.municipality", self.t("col.municipality"), share=2, least=8),
        ]

    def on_resize(self) -> None:
        self.refresh_if_stale()

    def refresh_data(self) -> None:
        table = self.table
        row = table.cursor_row
        widths = fit_columns(table, self.columns(), self.view_width())
        table.clear()
        if self.workshop_id is None:
            self.people = []
            self.query_one("#participants-count", Label).update(self.t("no_workshop"))
            return
        self.people = participants_by_surname(self.store, self.workshop_id)
        lang = self.fapp.lang
        for person in self.people:
            org_type = ORG_TYPES.get(person.org_type)
            table.add_row(
                cell(person.name, widths["col.name"]),
                cell("✓" if person.present else "·"),
                cell("✓" if person.consent else "·"),
                cell(person.organisation, widths["col.org"]),
                cell(org_type.get(lang) if org_type else person.org_type, widths["col.org_type"]),
                cell(person.municipality, widths["col.municipality"]),
                key=person.id,
            )
        if self.people:
            table.move_cursor(row=min(max(row, 0), len(self.people) - 1))
        counted = self.t(
            "participants.count",
            count=len(self.people),
            present=sum(p.present for p in self.people),
            consent=sum(1 for p in self.people if p.consent),
        )
        open_claims = len(list_claims(self.store, self.workshop_id))
        if open_claims:  # the moderators see at once that a phone claims someone
            counted += " · " + self.t("participants.claims_open", count=open_claims)
        self.query_one("#participants-count", Label).update(counted)

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
        if not person.consent:  # the person hears or reads the text before it is recorded
            version = current_version(self.store, person.workshop_id, self.fapp.lang)

            def answered(yes: bool | None) -> None:
                if yes:
                    self._record_consent(person, version)

            lines = [consent_text(version), "", self.t("consent.version", version=version)]
            title = self.t("consent.confirm", name=person.name)
            self.app.push_screen(ReadDialog(title, lines, confirm=True), answered)
            return
        self._record_consent(person, None)

    def _record_consent(self, person: Participant, version: str | None) -> None:
        """Record consent with the text shown (`version`), or its withdrawal (None)."""
        set_consent(self.store, person.id, not person.consent, version=version)
        if person.consent:
            from facilitator.practice import forget_people

            # a literal contact in an example goes; a reference (contact_id) hides itself
            try:
                forget_people([person], references=False)
            except UserError as err:
                self.say(err.text(self.fapp.lang), error=True)
                return
            self.say(self.t("participants.consent_off", name=person.name))
        else:
            stored = get_participant(self.store, person.id)
            at = local_time_text(stored.consent_at, self.fapp.lang)
            self.say(self.t("participants.consent_on", name=person.name, at=at))

    def _organisations(self) -> list[str]:
        return [org.name for org in list_organisations(self.store)]

    def action_add(self) -> None:
        if self.workshop_id is None:
            return

        def entered(values: dict | None) -> None:
            if values and self.call_service(add_participant, self.workshop_id, **values):
                self.say(self.t("participants.added", name=values["name"]))

        form = ParticipantForm(self.t("participants.add_title"), None, self._organisations())
        self.app.push_screen(form, entered)

    def action_walk_in(self) -> None:
        """One line, "Name @ Organisation": added and marked present."""
        if self.workshop_id is None:
            return

        def entered(answer: tuple[str, str] | None) -> None:
            if answer is None:
                return
            name, organisation = answer
            if self.call_service(add_walk_in, self.workshop_id, name, organisation):
                self.say(self.t("participants.walked_in", name=name))

        self.app.push_screen(WalkInDialog(self._organisations()), entered)

    def action_edit(self) -> None:
        person = self.selected()
        if person is None:
            return

        def entered(values: dict | None) -> None:
            if values:
                self.call_service(edit_participant, person.id, **values)

        form = ParticipantForm(self.t("participants.edit_title"), person, self._organisations())
        self.app.push_screen(form, entered)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def action_delete(self) -> None:
        person = self.selected()
        if person is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes and self.call_service(delete_participant, person.id):
                self.say(self.t("participants.deleted", name=person.name))

        question = self.t("participants.confirm_delete", name=person.name)
        self.app.push_screen(ConfirmDialog(question, self.fapp.lang), confirmed)

    def action_merge(self) -> None:
        """Fold another entry (a duplicate) into the selected person."""
        person = self.selected()
        if person is None:
            return
        others = [
            (p.id, f"{p.name} · {p.organisation}" if p.organisation else p.name)
            for p in self.people
            if p.id != person.id
        ]
        if not others:
            return

        def picked(other_id: str | None) -> None:
            if other_id and self.call_service(merge_participants, person.id, other_id):
                self.say(self.t("participants.merged", name=person.name))

        question = self.t("participants.merge_prompt", name=person.name)
        self.app.push_screen(PickDialog(question, others), picked)

    def action_erase(self) -> None:
        """Erase the selected person for good (GDPR Art. 17), after a yes.

        If their name stands in free text (issue 23.7), the places are listed first and
        the moderator redacts them all or keeps them, in the same step as the erasure.
        """
        person = self.selected()
        if person is None:
            return
        from facilitator.practice import example_name_hits, forget_people, redact_examples

        hits = name_hits(self.store, [person])
        in_examples = example_name_hits([person])  # the practice examples' files
        places = len(hits) + len(in_examples)

        def answered(choice: bool | str | None) -> None:
            if choice in (None, False, "cancel"):
                return
            from facilitator.store.people import erase_people

            with self.store.transaction():  # both or neither
                redacted = redact_hits(self.store, [person], hits) if choice == "redact" else 0
                erase_people(self.store, [person])
            try:
                if choice == "redact" and in_examples:
                    redact_examples([person])
                    redacted += len(in_examples)
                forget_people([person])  # the practice examples in the user's data folder
            except (UserError, OSError) as err:
                text = err.text(self.fapp.lang) if isinstance(err, UserError) else str(err)
                self.say(text, error=True)
                return
            if places:
                kept = places - redacted
                self.say(self.t("erase.done", name=person.name, redacted=redacted, kept=kept))
            else:
                self.say(self.t("participants.erased", name=person.name))

        if not places:
            question = self.t("participants.erase_ask", name=person.name)
            self.app.push_screen(ConfirmDialog(question, self.fapp.lang), answered)
            return
        options = [
            ("redact", self.t("erase.redact", count=places)),
            ("keep", self.t("erase.keep")),
            ("cancel", self.t("erase.cancel")),
        ]
        question = self.t("erase.decide", name=person.name, count=places)

        def read(_: bool | None) -> None:
            self.app.push_screen(PickDialog(question, options), answered)

        lines = [f"[{hit.place}] {hit.text}" for hit in hits]
        lines += [f"[{path.name}:{number}] {line}" for path, number, line in in_examples]
        title = self.t("erase.hits", name=person.name, count=places)
        self.app.push_screen(ReadDialog(title, lines), read)

    @on(Button.Pressed, "#participants-groups")
    def _groups_pressed(self, event: Button.Pressed) -> None:
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
            rows = parse_participants_csv(text, str(path), CONSENT_TEXTS)
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
        workshop_id = self.workshop_id_or_say()
        if workshop_id is None:  # closed while the file was being read
            return
        try:
            count = import_participants(self.store, workshop_id, rows)
        except UserError as err:
            self.say(err.text(self.fapp.lang), error=True)
            return
        self.say(self.t("participants.imported", count=count))
        if count.left_out:  # one line per person the list names but the import left out
            lines = [left.text(self.fapp.lang) for left in count.left_out]
            self.app.push_screen(ReadDialog(self.t("participants.left_out"), lines))

    def _claim_text(self, claim: Claim) -> str:
        typed = ", ".join(filter(None, [claim.name, claim.organisation, claim.email]))
        if claim.consent:
            typed += f" ({self.t('claims.consent')})"
        return typed

    def action_claims(self) -> None:
        """Review the phones' claims on listed people: accept, add as new, or reject."""
        if self.workshop_id is None:
            return
        claims = {c.id: c for c in list_claims(self.store, self.workshop_id)}
        if not claims:
            self.say(self.t("claims.none"))
            return
        options = [
            (c.id, self.t("claims.line", typed=self._claim_text(c), matches=c.matches))
            for c in claims.values()
        ]

        def picked(claim_id: str | None) -> None:
            if claim_id in claims:
                self._decide(claims[claim_id])

        self.app.push_screen(PickDialog(self.t("claims.pick"), options), picked)

    def _decide(self, claim: Claim) -> None:
        said = {"accepted": "claims.accepted", "separate": "claims.separated"}
        choices = [
            ("accepted", self.t("claims.accept")),
            ("separate", self.t("claims.separate")),
            ("rejected", self.t("claims.reject")),
        ]

        def decided(decision: str | None) -> None:
            if decision and self.call_service(decide_claim, claim.id, decision):
                key = said.get(decision, "claims.rejected")
                self.say(self.t(key, name=claim.name, matches=claim.matches))

        question = self.t("claims.decide", typed=self._claim_text(claim), matches=claim.matches)
        self.app.push_screen(PickDialog(question, choices), decided)

    def action_privacy(self) -> None:
        """Fill in the privacy notice's controller and contact (phones need them)."""
        from facilitator.tui.dialogs.privacy import PrivacyDialog

        def saved(done: bool | None) -> None:
            if done:
                self.say(self.t("privacy.saved"))

        self.app.push_screen(PrivacyDialog(), saved)

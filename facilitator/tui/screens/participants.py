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
from facilitator.tui.screens import SCREEN_TITLES
from facilitator.tui.screens.base import BaseScreen
from facilitator.tui.screens.pending_orgs import PendingOrganisations
from facilitator.tui.text import N_, NP_, _, pgettext, translated
from facilitator.tui.widgets.cells import Column, cell, fit_columns


class ParticipantsScreen(PendingOrganisations, BaseScreen):
    """Who is there, from where, and who agreed to share contact details."""

    heading = SCREEN_TITLES["participants"]
    BINDINGS = [
        Binding("space,x", "present", N_("Anwesend"), key_display="␣"),
        Binding("w", "walk_in", N_("Spontan da")),
        Binding("a", "add", NP_("add key", "Neu")),
        Binding("enter,b", "edit", N_("Ändern"), key_display="b"),
        Binding("e", "consent", N_("Einwilligung")),
        Binding("delete,d", "delete", N_("Löschen"), key_display="d", show=False),
        Binding("m", "merge", N_("Zusammenführen"), show=False),
        Binding("i", "import_csv", N_("CSV importieren"), show=False),
        Binding("g", "groups", N_("Gruppen vorschlagen"), show=False),
        Binding("E", "erase", N_("Endgültig löschen"), key_display="⇧E", show=False),
        Binding("o", "claims", N_("Anmeldungen prüfen"), show=False),
        Binding("O", "pending_orgs", N_("Organisationen von Handys"), key_display="⇧O", show=False),
        Binding(
            "p", "privacy", N_("Datenschutzhinweis"), show=False
        ),  # the count line says "o" when open
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
            button = Button(
                _("Gruppen vorschlagen") + " (g)", id="participants-groups", compact=True
            )
            button.can_focus = False  # the table keeps the keys
            yield button
        yield DataTable(id="participants-table", cursor_type="row", zebra_stripes=True)

    def columns(self) -> list[Column]:
        """Name, organisation and municipality share what the marks and the type leave."""
        return [
            Column("col.name", _("Name"), share=3, least=14),
            Column("col.present", _("Da"), width=2),
            Column("col.consent", _("Einw."), width=5),
            Column("col.org", _("Organisation"), share=3, least=12),
            Column("col.org_type", _("Typ"), width=10),
            Column("col.municipality", _("Kommune"), share=2, least=8),
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
            self.query_one("#participants-count", Label).update(
                _("Kein Workshop gewählt – F2 zeigt alle Workshops.")
            )
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
        counted = _(
            "{count} Teilnehmende · {present} anwesend · {consent} mit Einwilligung",
            count=len(self.people),
            present=sum(p.present for p in self.people),
            consent=sum(1 for p in self.people if p.consent),
        )
        open_claims = len(list_claims(self.store, self.workshop_id))
        if open_claims:  # the moderators see at once that a phone claims someone
            counted += " · " + _("{count} offene Telefon-Anmeldung(en): o prüft", count=open_claims)
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

            lines = [consent_text(version), "", _("(Textversion {version})", version=version)]
            title = _(
                "Einwilligung von {name} erfassen? Sie/er hat diesen Text gelesen oder gehört:",
                name=person.name,
            )
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
            self.say(_("Einwilligung von {name} widerrufen.", name=person.name))
        else:
            stored = get_participant(self.store, person.id)
            at = local_time_text(stored.consent_at, self.fapp.lang)
            self.say(_("Einwilligung von {name} gespeichert ({at}).", name=person.name, at=at))

    def _organisations(self) -> list[str]:
        return [org.name for org in list_organisations(self.store)]

    def action_add(self) -> None:
        if self.workshop_id is None:
            return

        def entered(values: dict | None) -> None:
            if values and self.call_service(add_participant, self.workshop_id, **values):
                self.say(_("{name} hinzugefügt.", name=values["name"]))

        form = ParticipantForm(_("Person hinzufügen"), None, self._organisations())
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
                self.say(_("{name} ist da.", name=name))

        self.app.push_screen(WalkInDialog(self._organisations()), entered)

    def action_edit(self) -> None:
        person = self.selected()
        if person is None:
            return

        def entered(values: dict | None) -> None:
            if values:
                self.call_service(edit_participant, person.id, **values)

        form = ParticipantForm(_("Person bearbeiten"), person, self._organisations())
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
                self.say(_("{name} gelöscht (Strg+Z macht es rückgängig).", name=person.name))

        question = _("{name} von der Liste löschen?", name=person.name)
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
                self.say(_("Einträge in {name} zusammengeführt.", name=person.name))

        question = _(
            "Welcher Eintrag ist dieselbe Person wie {name}? (wird in {name} übernommen)",
            name=person.name,
        )
        self.app.push_screen(PickDialog(question, others), picked)

    def action_erase(self) -> None:
        """Erase the selected person for good (GDPR Art. 17), after a yes.

        If their name stands in free text, the places are listed first and
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
                self.say(
                    _(
                        "{name} wurde gelöscht; {redacted} Stellen geschwärzt, {kept} behalten.",
                        name=person.name,
                        redacted=redacted,
                        kept=kept,
                    )
                )
            else:
                self.say(_("{name} wurde gelöscht.", name=person.name))

        if not places:
            question = _(
                "{name} endgültig löschen (auch aus dem Protokoll der Änderungen und "
                "auf dem anderen Laptop)? Beiträge bleiben ohne Namen.",
                name=person.name,
            )
            self.app.push_screen(ConfirmDialog(question, self.fapp.lang), answered)
            return
        options = [
            (
                "redact",
                _("Löschen und den Namen an {count} Stellen durch „N. N.“ ersetzen", count=places),
            ),
            ("keep", _("Löschen, die Stellen unverändert lassen")),
            ("cancel", _("Abbrechen")),
        ]
        question = _(
            "{name} endgültig löschen (auch auf dem anderen Laptop)? Und die {count} Stellen?",
            name=person.name,
            count=places,
        )

        def read(_: bool | None) -> None:
            self.app.push_screen(PickDialog(question, options), answered)

        lines = [f"[{hit.place}] {hit.text}" for hit in hits]
        lines += [f"[{path.name}:{number}] {line}" for path, number, line in in_examples]
        title = _(
            "Der Name von {name} steht außerdem an {count} Stellen:", name=person.name, count=places
        )
        self.app.push_screen(ReadDialog(title, lines), read)

    @on(Button.Pressed, "#participants-groups")
    def _groups_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_groups()

    def action_groups(self) -> None:
        if self.workshop_id is None:
            self.say(_("Kein Workshop gewählt – F2 zeigt alle Workshops."), error=True)
            return
        from facilitator.tui.dialogs.groups import GroupsDialog

        self.app.push_screen(GroupsDialog(self.workshop_id))

    def action_import_csv(self) -> None:
        if self.workshop_id is None:
            return

        def entered(path: str | None) -> None:
            if path and path.strip():
                self.read_csv(Path(path.strip()).expanduser())

        self.app.push_screen(PromptDialog(_("Pfad der CSV-Datei")), entered)

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
            self.app.call_from_thread(
                self.say,
                _(
                    "{path}: keine Textdatei (UTF-8 oder Windows-1252); bitte in Excel als "
                    "„CSV UTF-8“ speichern.",
                    path=path,
                ),
                True,
            )
            return
        except OSError as err:
            self.app.call_from_thread(
                self.say, _("Datei nicht lesbar: {error}", error=err.strerror or err), True
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
        self.say(_("{count} Teilnehmende importiert.", count=count))
        if count.left_out:  # one line per person the list names but the import left out
            lines = [left.text(self.fapp.lang) for left in count.left_out]
            self.app.push_screen(ReadDialog(_("Aus der Liste nicht übernommen:"), lines))

    def _claim_text(self, claim: Claim) -> str:
        typed = ", ".join(filter(None, [claim.name, claim.organisation, claim.email]))
        if claim.consent:
            typed += " (" + pgettext("claim", "Einwilligung") + ")"
        return typed

    def action_claims(self) -> None:
        """Review the phones' claims on listed people: accept, add as new, or reject."""
        if self.workshop_id is None:
            return
        claims = {c.id: c for c in list_claims(self.store, self.workshop_id)}
        if not claims:
            self.say(_("Keine offenen Anmeldungen vom Telefon."))
            return
        options = [
            (
                c.id,
                _(
                    "{typed}  →  beansprucht: {matches}",
                    typed=self._claim_text(c),
                    matches=c.matches,
                ),
            )
            for c in claims.values()
        ]

        def picked(claim_id: str | None) -> None:
            if claim_id in claims:
                self._decide(claims[claim_id])

        self.app.push_screen(
            PickDialog(_("Offene Anmeldungen vom Telefon – welche prüfen?"), options), picked
        )

    def _decide(self, claim: Claim) -> None:
        said = {
            "accepted": N_("Übernommen für {matches}."),
            "separate": N_("{name} als neue Person angelegt."),
            "rejected": N_("Abgelehnt; {matches} bleibt unverändert."),
        }
        choices = [
            ("accepted", _("Übernehmen: der Eintrag wird so, wie das Telefon ihn angibt")),
            ("separate", _("Als neue Person anlegen")),
            ("rejected", _("Ablehnen: nichts ändert sich")),
        ]

        def decided(decision: str | None) -> None:
            if decision and self.call_service(decide_claim, claim.id, decision):
                text = said.get(decision, said["rejected"])
                self.say(translated(text, name=claim.name, matches=claim.matches))

        question = _(
            "Telefon-Anmeldung „{typed}“ passt zu „{matches}“. Was tun?",
            typed=self._claim_text(claim),
            matches=claim.matches,
        )
        self.app.push_screen(PickDialog(question, choices), decided)

    def action_privacy(self) -> None:
        """Fill in the privacy notice's controller and contact (phones need them)."""
        from facilitator.tui.dialogs.privacy import PrivacyDialog

        def saved(done: bool | None) -> None:
            if done:
                self.say(_("Datenschutzhinweis gespeichert; die Handys sehen jetzt die Anmeldung."))

        self.app.push_screen(PrivacyDialog(), saved)

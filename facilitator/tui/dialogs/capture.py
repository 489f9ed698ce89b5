"""Provides the capture line (c, from every screen) and the capture editor.

The line is parsed by core.capture_line; a capture is stored through the capture
service before the input clears, so what the scribe saw acknowledged is on disk.
"""

import gc
from dataclasses import replace
from datetime import date, datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label

from facilitator.core.capture_line import CaptureLine, format_capture_line, parse_capture_line
from facilitator.core.dates import format_date, reference_day
from facilitator.core.errors import UserError
from facilitator.core.models import Capture
from facilitator.core.name_match import match_organisation, match_person
from facilitator.core.taxonomy import CAPTURE_KINDS, MEASURE_STATUSES, TOPICS
from facilitator.core.topic_model import TopicModel, suggest_topic
from facilitator.store.captures import add_capture, update_capture
from facilitator.store.organisations import list_organisations
from facilitator.store.participants import list_participants
from facilitator.store.timer import current_item
from facilitator.store.workshops import get_workshop
from facilitator.tui.dialogs.common import MessageDialog
from facilitator.tui.heap import settle_heap
from facilitator.tui.roles import Refreshes
from facilitator.tui.text import N_, NP_, _
from facilitator.tui.topic_models import load_topic_model
from facilitator.tui.widgets import TagSuggester


class _LineDialog(MessageDialog[bool]):
    """One input line docked at the bottom with a title and a message."""

    # a modal screen cuts off the app's keys, so the F1 the title promises is bound here
    BINDINGS = [
        Binding("escape", "close", show=False),
        Binding("f1", "app.help", show=False),
        Binding("ctrl+o", "take_suggestion", N_("Vorschlag übernehmen"), show=False),
        # ctrl+t is the app's light/dark switch; g as in "Gebiet"
        Binding(
            "ctrl+g", "take_topic", NP_("capture key", "Themenvorschlag übernehmen"), show=False
        ),
    ]
    MESSAGE_ID = "#capture-message"

    def __init__(self) -> None:
        super().__init__()
        self._names: dict[str, list[str]] = {}
        self._confirmed_new: str | None = None  # the new organisation Enter was pressed for
        self._topics: TopicModel | None = None

    def names(self, sign: str) -> list[str]:
        if sign not in self._names:
            store, workshop_id = self.fapp.store, self.fapp.workshop_id
            if sign == "@":
                self._names[sign] = [org.name for org in list_organisations(store)]
            else:
                people = list_participants(store, workshop_id) if workshop_id else []
                self._names[sign] = [p.name for p in people]
        return self._names[sign]

    def topic_model(self) -> TopicModel:
        """The topic model: the shipped keywords until the series' one is built (once)."""
        if self._topics is None:
            self._topics = load_topic_model(self, self.fapp.workshop_id, self._model_ready)
        return self._topics

    def _model_ready(self, model: TopicModel) -> None:
        self._topics = model
        self.preview(self.line.value)

    def suggested_topic(self, parsed: CaptureLine) -> str | None:
        """The topic field the words of a line without #topic suggest, if any."""
        if parsed.topic:
            return None
        found = suggest_topic(parsed.text, self.topic_model(), limit=1)
        return found[0].topic if found else None

    @property
    def line(self) -> Input:
        """The capture line being typed."""
        return self.query_one("#capture-input", Input)

    def compose(self) -> ComposeResult:
        with Vertical(classes="capture-bar"):
            yield Label(self.title_text(), id="capture-title", markup=False)
            yield Input(
                self.initial_value(),
                placeholder=_("h: Herausforderung #thema @Organisation …"),
                suggester=TagSuggester(self.names),
                id="capture-input",
            )
            yield Label("", id="capture-preview", markup=False)
            yield Label("", id="capture-message", markup=False)

    def on_mount(self) -> None:
        # While the line is open, Python's full garbage collections would walk every
        # object of the app (5,000 table rows …) and stall a key for 50–200 ms: what
        # exists now is set aside (gc.freeze) and handed back when the line closes.
        self.topic_model()
        gc.freeze()
        self.preview(self.line.value)

    def on_unmount(self) -> None:
        gc.unfreeze()
        # the app's long-lived objects were frozen at start (tui.heap); once this line's
        # garbage has been let go, they are set aside again, when idle
        self.app.set_timer(2.0, settle_heap)

    def title_text(self) -> str:
        return ""

    def workshop_day(self) -> date:
        """The day a due date without a year counts from: the workshop's, else today."""
        today = datetime.fromtimestamp(self.fapp.now_ms() / 1000).date()
        workshop_id = self.fapp.workshop_id
        if workshop_id is None:
            return today
        try:
            return reference_day(get_workshop(self.fapp.store, workshop_id).date, today)
        except UserError:
            return today

    def on_input_changed(self, event: Input.Changed) -> None:
        self.preview(event.value)

    def preview(self, value: str) -> None:
        """How the line will be read, before Enter: kind, topic, organisation, owner, due."""
        label = self.query_one("#capture-preview", Label)
        if not value.strip():
            label.update("")
            label.remove_class("error")
            return
        try:
            parsed = parse_capture_line(value, self.workshop_day())
        except UserError as err:
            label.update("⚠ " + err.text(self.fapp.lang))
            label.add_class("error")
            return
        label.remove_class("error")
        lang, parts = self.fapp.lang, []
        parts.append(CAPTURE_KINDS[parsed.kind].get(lang))
        if parsed.topic:
            parts.append("#" + TOPICS[parsed.topic].get(lang))
        elif suggested := self.suggested_topic(parsed):
            parts.append(_("#{topic}? (Vorschlag: Strg+G)", topic=TOPICS[suggested].get(lang)))
        if parsed.organisation:
            match = match_organisation(parsed.organisation, self.names("@"))
            text = "@" + match.name
            if not match.known:
                text += " " + (
                    _("(neu – meinten Sie „{name}“?)", name=match.suggestion)
                    if match.suggestion
                    else _("(neu)")
                )
            parts.append(text)
        if parsed.owner:
            person = match_person(parsed.owner, self.names("!"))
            parts.append("!" + (person or parsed.owner))
        if parsed.due:
            parts.append(">" + format_date(parsed.due, lang))
        if parsed.status:
            parts.append("=" + MEASURE_STATUSES[parsed.status].get(lang))
        label.update(" · ".join(parts))

    def resolve(self, value: str) -> CaptureLine | None:
        """The parsed line with known names filled in.

        None while a new organisation that looks like a typo of a known one waits for
        its confirmation (a second Enter) or the suggestion (ctrl+o).
        """
        parsed = parse_capture_line(value, self.workshop_day())
        if parsed.owner:
            parsed = replace(
                parsed, owner=match_person(parsed.owner, self.names("!")) or parsed.owner
            )
        if parsed.organisation:
            match = match_organisation(parsed.organisation, self.names("@"))
            # a new name close to a known one is most likely a typo: ask once
            if match.suggestion and self._confirmed_new != match.name:
                self._confirmed_new = match.name
                self.say(
                    _(
                        "„{name}“ gibt es nicht – meinten Sie „{near}“? Strg+O übernimmt, Enter "
                        "legt „{name}“ neu an.",
                        name=match.name,
                        near=match.suggestion,
                    ),
                    error=True,
                )
                return None
            parsed = replace(parsed, organisation=match.name)
        self._confirmed_new = None
        return parsed

    def action_take_suggestion(self) -> None:
        """Replace the typed organisation by the near known one."""
        box = self.line
        try:
            parsed = parse_capture_line(box.value, self.workshop_day())
        except UserError:
            return
        if not parsed.organisation:
            return
        match = match_organisation(parsed.organisation, self.names("@"))
        if match.suggestion:
            box.value = format_capture_line(
                parsed.kind,
                parsed.text,
                parsed.topic,
                match.suggestion,
                parsed.owner,
                parsed.due,
                parsed.status,
            )
            box.cursor_position = len(box.value)

    def action_take_topic(self) -> None:
        """Add the suggested topic field to a line that has none (as "#key" at its end)."""
        box = self.line
        try:
            parsed = parse_capture_line(box.value, self.workshop_day())
        except UserError:
            return
        topic = self.suggested_topic(parsed)
        if topic:
            box.value = f"{box.value.rstrip()} #{topic}"
            box.cursor_position = len(box.value)

    def initial_value(self) -> str:
        return ""

    def action_close(self) -> None:
        self.dismiss(False)


class CaptureDialog(_LineDialog, Refreshes):
    """Type "h: Text #thema @Org"; Enter stores it for the running block and clears the line.

    F2–F9 switch screens with the line kept open (and what is typed kept) on top.
    """

    BINDINGS = [
        *[
            Binding(f"f{n}", f"switch('{name}')", show=False)
            for n, name in enumerate(
                ("start", "plan", "run", "captures", "participants", "methods", "join", "export"),
                start=2,
            )
        ],
    ]

    def __init__(self, draft: str = "") -> None:
        super().__init__()
        self.draft = draft

    def initial_value(self) -> str:
        return self.draft

    def action_switch(self, name: str) -> None:
        """A modal screen cuts off the app's F-keys: switch here, then reopen the line."""
        typed = self.line.value
        app = self.fapp
        self.dismiss(False)
        app.action_show(name)
        app.push_screen(CaptureDialog(typed))

    def title_text(self) -> str:
        workshop_id = self.fapp.workshop_id
        item = current_item(self.fapp.store, workshop_id) if workshop_id else None
        block = item.title if item else _("(kein laufender Block)")
        return _("Erfassen für „{block}“ – Enter speichert, Esc schließt, F1 Syntax", block=block)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            self.dismiss(False)
            return
        store, workshop_id = self.fapp.store, self.fapp.workshop_id
        if workshop_id is None:  # closed meanwhile (the line opens only with a workshop)
            self.say(_("Kein Workshop gewählt – F2 zeigt alle Workshops."), error=True)
            return
        try:
            parsed = self.resolve(event.value)
            if parsed is None:
                return
            item = current_item(store, workshop_id)
            add_capture(
                store,
                workshop_id,
                parsed.kind,
                parsed.text,
                topic=parsed.topic,
                organisation=parsed.organisation,
                owner=parsed.owner,
                due=parsed.due,
                status=parsed.status,
                agenda_item_id=item.id if item else None,
            )
        except UserError as err:
            # the line stays as typed, nothing was saved
            self.say(err.text(self.fapp.lang), error=True)
            return
        self._names.clear()
        event.input.value = ""
        self.query_one("#capture-preview", Label).update("")
        kind = CAPTURE_KINDS[parsed.kind].get(self.fapp.lang)
        self.say(_("Gespeichert: {kind} – {text}", kind=kind, text=parsed.text))

    def refresh_data(self) -> None:
        """The running block may change while the line is open (the other moderator)."""
        self.query_one("#capture-title", Label).update(self.title_text())


class EditCaptureDialog(_LineDialog):
    """The capture as a line to change; Enter stores the changes."""

    def __init__(self, capture: Capture) -> None:
        super().__init__()
        self.capture = capture

    def title_text(self) -> str:
        return _("Eintrag bearbeiten – Enter speichert")

    def initial_value(self) -> str:
        c = self.capture
        return format_capture_line(
            c.kind, c.text, c.topic, c.organisation or None, c.owner, c.due, c.status
        )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            parsed = self.resolve(event.value)
            if parsed is None:
                return
            status = parsed.status or ("idee" if parsed.kind == "measure" else None)
            changes = {
                "status": status,
                "kind": parsed.kind,
                "text": parsed.text,
                "topic": parsed.topic,
                "owner": parsed.owner,
                "due": parsed.due,
                "organisation": parsed.organisation or "",
            }
            c = self.capture
            old = {
                "status": c.status,
                "kind": c.kind,
                "text": c.text,
                "topic": c.topic,
                "owner": c.owner,
                "due": c.due,
                "organisation": c.organisation or "",
            }
            changed = {k: v for k, v in changes.items() if v != old[k]}
            if changed:
                update_capture(self.fapp.store, c.id, **changed)
        except UserError as err:
            self.say(err.text(self.fapp.lang), error=True)
            return
        self.dismiss(True)

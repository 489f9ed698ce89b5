"""Provides the capture line (c, from every screen) and the capture editor.

The line is parsed by core.capture_line; a capture is stored through the capture
service before the input clears, so what the scribe saw acknowledged is on disk.
"""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label

from facilitator.core.capture_line import format_capture_line, parse_capture_line
from facilitator.core.errors import UserError
from facilitator.core.models import Capture
from facilitator.core.taxonomy import CAPTURE_KINDS
from facilitator.store.captures import add_capture, update_capture
from facilitator.store.organisations import list_organisations
from facilitator.store.participants import list_participants
from facilitator.store.timer import current_item
from facilitator.tui.dialogs.common import MessageDialog
from facilitator.tui.widgets import TagSuggester


class _LineDialog(MessageDialog[bool]):
    """One input line docked at the bottom with a title and a message."""

    # a modal screen cuts off the app's keys, so the F1 the title promises is bound here
    BINDINGS = [
        Binding("escape", "close", show=False),
        Binding("f1", "app.help", show=False),
    ]
    MESSAGE_ID = "#capture-message"

    def __init__(self) -> None:
        super().__init__()
        self._names: dict[str, list[str]] = {}

    @property
    def fapp(self):  # -> FacilitatorApp
        return self.app

    def names(self, sign: str) -> list[str]:
        if sign not in self._names:
            store, workshop_id = self.fapp.store, self.fapp.workshop_id
            if sign == "@":
                self._names[sign] = [org.name for org in list_organisations(store)]
            else:
                self._names[sign] = [p.name for p in list_participants(store, workshop_id)]
        return self._names[sign]

    def compose(self) -> ComposeResult:
        with Vertical(classes="capture-bar"):
            yield Label(self.title_text(), id="capture-title", markup=False)
            yield Input(
                self.initial_value(),
                placeholder=self.t("capture.placeholder"),
                suggester=TagSuggester(self.names),
                id="capture-input",
            )
            yield Label("", id="capture-message", markup=False)

    def title_text(self) -> str:
        return ""

    def initial_value(self) -> str:
        return ""

    def action_close(self) -> None:
        self.dismiss(False)


class CaptureDialog(_LineDialog):
    """Type "h: Text #thema @Org"; Enter stores it for the running block and clears the line."""

    def title_text(self) -> str:
        item = current_item(self.fapp.store, self.fapp.workshop_id)
        block = item.title if item else self.t("capture.no_block")
        return self.t("capture.prompt", block=block)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            self.dismiss(False)
            return
        store, workshop_id = self.fapp.store, self.fapp.workshop_id
        try:
            parsed = parse_capture_line(event.value)
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
                agenda_item_id=item.id if item else None,
            )
        except UserError as err:
            # the line stays as typed, nothing was saved
            self.say(err.text(self.fapp.lang), error=True)
            return
        self._names.clear()
        event.input.value = ""
        kind = CAPTURE_KINDS[parsed.kind].get(self.fapp.lang)
        self.say(self.t("capture.saved", kind=kind, text=parsed.text))

    def refresh_data(self) -> None:
        """The running block may change while the line is open (the other moderator)."""
        self.query_one("#capture-title", Label).update(self.title_text())


class EditCaptureDialog(_LineDialog):
    """The capture as a line to change; Enter stores the changes."""

    def __init__(self, capture: Capture) -> None:
        super().__init__()
        self.capture = capture

    def title_text(self) -> str:
        return self.t("captures.edit_prompt")

    def initial_value(self) -> str:
        c = self.capture
        return format_capture_line(c.kind, c.text, c.topic, c.organisation or None, c.owner, c.due)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            parsed = parse_capture_line(event.value)
            changes = {
                "kind": parsed.kind,
                "text": parsed.text,
                "topic": parsed.topic,
                "owner": parsed.owner,
                "due": parsed.due,
                "organisation": parsed.organisation or "",
            }
            c = self.capture
            old = {
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

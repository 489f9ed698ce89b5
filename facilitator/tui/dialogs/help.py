"""Provides F1: every key of the app and of the screen underneath, and the capture syntax."""

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from facilitator.tui.host import as_facilitator
from facilitator.tui.palette import binding_text

# Textual's key names as a keyboard labels them ("tab" and "shift+tab" looked English).
_KEY_NAMES = {"tab": "Tab", "enter": "Enter", "escape": "Esc", "up": "↑", "down": "↓"}


def key_text(keys: str, ctrl: str, shift: str) -> str:
    """Return a binding's keys as the help shows them: "shift+tab" → "Umschalt+Tab"."""
    shown = []
    for key in keys.split(","):
        *modifiers, name = key.split("+")
        prefix = "".join({"ctrl": ctrl, "shift": shift}.get(m, m + "+") for m in modifiers)
        shown.append(prefix + _KEY_NAMES.get(name, name))
    return ", ".join(shown)


class HelpDialog(ModalScreen[None]):
    """A scrollable list of keys; any of Esc, F1 or q closes it."""

    BINDINGS = [Binding("escape,f1,q", "close", show=False)]

    def __init__(self, under: Screen) -> None:
        super().__init__()
        self.under = under

    def _table(self, title: str, bindings: list[Binding]) -> Table:
        table = Table(title=title, show_header=False, box=None, title_justify="left", expand=True)
        table.add_column(style="bold", width=14)
        table.add_column()
        seen: set[str] = set()
        ctrl = as_facilitator(self.app).t("help.ctrl")
        shift = as_facilitator(self.app).t("help.shift")
        for binding in bindings:
            if binding.action in seen or not binding.description:
                continue
            seen.add(binding.action)
            keys = binding.key_display or binding.key
            lang = as_facilitator(self.app).lang
            # a dialog's bindings are not translated on creation: Textual's own included
            table.add_row(key_text(keys, ctrl, shift), binding_text(binding.description, lang))
        return table

    def compose(self) -> ComposeResult:
        app = self.app
        t = as_facilitator(app).t
        app_bindings = [b for found in app._bindings.key_to_bindings.values() for b in found]
        screen_bindings = [
            b for found in self.under._bindings.key_to_bindings.values() for b in found
        ]
        with VerticalScroll(classes="dialog", id="help"):
            yield Static(Text(t("help.title"), style="bold"), markup=False)
            yield Static(self._table(t("help.screen"), screen_bindings), markup=False)
            yield Static(self._table(t("help.global"), app_bindings), markup=False)
            yield Static(t("help.syntax"), id="help-syntax", markup=False)

    def action_close(self) -> None:
        self.dismiss(None)

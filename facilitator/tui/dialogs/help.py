"""Provides F1: every key of the app and of the screen underneath, and the capture syntax."""

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from facilitator.tui.bindings import binding_text, declared_bindings
from facilitator.tui.text import _

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
        ctrl = _("Strg+")
        shift = _("Umschalt+")
        for binding in bindings:
            if binding.action in seen or not binding.description:
                continue
            seen.add(binding.action)
            keys = binding.key_display or binding.key
            table.add_row(key_text(keys, ctrl, shift), binding_text(binding.description))
        return table

    def compose(self) -> ComposeResult:
        app_bindings = declared_bindings(self.app)
        screen_bindings = declared_bindings(self.under)
        with VerticalScroll(classes="dialog", id="help"):
            yield Static(Text(_("Tasten"), style="bold"), markup=False)
            yield Static(self._table(_("Dieser Bildschirm"), screen_bindings), markup=False)
            yield Static(self._table(_("Überall"), app_bindings), markup=False)
            yield Static(
                _(
                    "Erfassen (c): Präfix setzt die Art – h: Herausforderung, b: Bedarf, t: "
                    "Treiber, m: Maßnahme, i: Idee, bi: biete, su: suche, to: Aufgabe, e: "
                    "Entscheidung, f: Frage, ns: nächster Schritt, ohne: Notiz.\n#thema – "
                    "Themenfeld (Anfang genügt: #verw); @Organisation – mit Leerzeichen "
                    '@"Stadt Esslingen" oder @Stadt_Esslingen; !Name – verantwortlich; '
                    ">2026-12-31, >31.12.2026 oder >31.12. (nächster 31.12. ab Workshoptag) "
                    "– fällig; =geplant, =umsetzung, =fertig – Status einer Maßnahme. → "
                    "übernimmt den Vorschlag. Ohne #thema schlägt die Vorschau eines vor "
                    "(#Mobilität?); Strg+G übernimmt es."
                ),
                id="help-syntax",
                markup=False,
            )

    def action_close(self) -> None:
        self.dismiss(None)

"""The README's key table and the app's bindings say the same, screen by screen, both ways."""

import re

import pytest

from facilitator.tui.screens.captures import CapturesScreen
from facilitator.tui.screens.export import ExportScreen
from facilitator.tui.screens.join import JoinScreen
from facilitator.tui.screens.methods import MethodsScreen
from facilitator.tui.screens.participants import ParticipantsScreen
from facilitator.tui.screens.plan import PlanScreen
from facilitator.tui.screens.review import ReviewScreen
from facilitator.tui.screens.run import RunScreen
from facilitator.tui.screens.start import StartScreen
from tests.conftest import PROJECT

SCREENS = {
    "F2": StartScreen,
    "F3": PlanScreen,
    "F4": RunScreen,
    "F5": CapturesScreen,
    "F6": ParticipantsScreen,
    "F7": MethodsScreen,
    "F8": JoinScreen,
    "F9": ExportScreen,
    "(F9 r)": ReviewScreen,
}
# every screen has these (help, focus, copy); the README names them once, not per row
EVERYWHERE = {"f1", "tab", "shift+tab", "ctrl+c", "escape"}
NAMES = {"Leertaste": "space", "Enter": "enter", "+": "plus", "−": "minus", "/": "slash"}
NAMES |= {"⇧↑": "shift+up", "⇧↓": "shift+down"}
KEY = re.compile(r"^(?:⇧[A-Z↑↓]|Strg\+[A-Z]|Leertaste|Enter|[a-z+−/])$")


def readme_rows() -> dict[str, list[set[str]]]:
    """Per screen: the keys each entry of its row names ("o/v Sammeln/Abstimmen" → {o, v})."""
    text = (PROJECT / "README.md").read_text(encoding="utf-8")
    table = text.split("| Taste | Bildschirm | wichtigste Tasten |", 1)[1].split("\n\n", 1)[0]
    rows: dict[str, list[set[str]]] = {}
    for line in table.strip().splitlines()[1:]:
        screen, _, keys = (cell.strip() for cell in line.strip("|").split("|"))
        entries = []
        # entries are separated by ", " or "; " outside parentheses
        for entry in re.split(r"[,;] (?![^(]*\))", keys):
            first = entry.split()[0]
            names = first.split("/") if first != "/" else ["/"]
            if all(KEY.match(name) for name in names):
                entries.append({NAMES.get(n, n.lstrip("⇧")) for n in names})
        rows[screen] = entries
    return rows


def bindings(screen: type) -> list[set[str]]:
    """The screen's bindings (its own and its mixins'), each as its set of keys."""
    found = []
    for klass in screen.__mro__:
        for binding in klass.__dict__.get("BINDINGS", []):
            keys = {key.strip() for key in binding.key.split(",")}
            if binding.key_display:
                keys.add(binding.key_display.lstrip("⇧"))
            if not keys & EVERYWHERE and not binding.action.startswith("app.focus"):
                found.append(keys)
    return found


def test_the_table_has_every_screen():
    assert sorted(readme_rows()) == sorted(SCREENS)


@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_every_key_the_readme_names_is_bound_and_every_binding_is_named(screen):
    named = readme_rows()[screen]
    bound = bindings(SCREENS[screen])
    wrong = [keys for keys in named if not any(keys & b for b in bound)]
    silent = [keys for keys in bound if not any(keys & n for n in named)]
    assert wrong == [] and silent == [], (
        f"{screen}: named but not bound {wrong}, not named {silent}"
    )

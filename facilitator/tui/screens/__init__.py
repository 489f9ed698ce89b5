"""Provides the app's main screens by mode name, each imported when first shown.

Importing all eight at start-up costs about a quarter of a second (Markdown,
DataTable …); the first paint only needs the Run or the Start screen.
"""

from collections.abc import Callable
from importlib import import_module

from textual.screen import Screen

from facilitator.tui.text import N_

_WHERE = {
    "start": "start:StartScreen",
    "plan": "plan:PlanScreen",
    "run": "run:RunScreen",
    "captures": "captures:CapturesScreen",
    "participants": "participants:ParticipantsScreen",
    "methods": "methods:MethodsScreen",
    "join": "join:JoinScreen",
    "export": "export:ExportScreen",
    "review": "review:ReviewScreen",
}

# each screen's name, in its header, the F-key bindings and the command palette
SCREEN_TITLES = {
    "start": N_("Workshops"),
    "plan": N_("Planen"),
    "run": N_("Moderation"),
    "captures": N_("Protokoll"),
    "participants": N_("Teilnehmende"),
    "methods": N_("Methoden"),
    "join": N_("Beitreten"),
    "export": N_("Export"),
    "review": N_("Durchsicht"),
}


def _factory(where: str) -> Callable[[], Screen]:
    module, _, name = where.partition(":")

    def make() -> Screen:
        return getattr(import_module(f"facilitator.tui.screens.{module}"), name)()

    return make


SCREENS: dict[str, Callable[[], Screen]] = {name: _factory(w) for name, w in _WHERE.items()}

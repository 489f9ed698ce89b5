"""Provides the command palette (ctrl+p) and Textual's system commands in the app's language.

Textual ships its palette, system commands and a few bindings in English only
("Search for commands…", "Quit", "Focus Next"); a German moderator should not meet
them. The palette is Textual's own, with the placeholder and the "no matches" line
replaced; the system commands are yielded here in the app's language.
"""

from collections.abc import Callable, Iterable

from rich.align import Align
from rich.text import Text
from textual.app import App, SystemCommand
from textual.command import CommandList, CommandPalette
from textual.screen import Screen
from textual.widgets.option_list import Option

from facilitator.locale import gettext


class GermanPalette(CommandPalette):
    """Textual's command palette with its two fixed texts in the app's language."""

    def __init__(self, lang: str) -> None:
        super().__init__(placeholder=gettext("Befehl suchen …", lang), id="--command-palette")
        self.lang = lang

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if not search_value:
                self._list_visible = False
                return
            self.query_one(CommandList).add_option(
                Option(
                    Align.center(Text(gettext("Keine Treffer", self.lang), style="not bold")),
                    disabled=True,
                    id=self._NO_MATCHES,
                )
            )
            self._list_visible = True

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


def system_commands(
    app: App, screen: Screen, lang: str, show_help: Callable[[], None]
) -> Iterable[SystemCommand]:
    """Textual's system commands (theme, quit, maximise, screenshot) in `lang`; F1 for keys."""
    yield SystemCommand(
        gettext("Farbschema", lang),
        gettext("Das Farbschema wechseln", lang),
        app.action_change_theme,
    )
    yield SystemCommand(gettext("Beenden", lang), gettext("Die App beenden", lang), app.action_quit)
    # Textual's key panel lists every widget key in English; F1 is the app's own list
    yield SystemCommand(
        gettext("Tasten (F1)", lang),
        gettext("Alle Tasten dieses Bildschirms zeigen", lang),
        show_help,
    )
    if screen.maximized is not None:
        yield SystemCommand(
            gettext("Verkleinern", lang),
            gettext("Wieder normale Größe", lang),
            screen.action_minimize,
        )
    elif screen.focused is not None and screen.focused.allow_maximize:
        yield SystemCommand(
            gettext("Vergrößern", lang),
            gettext("Das gewählte Element bildschirmfüllend zeigen", lang),
            screen.action_maximize,
        )
    yield SystemCommand(
        gettext("Bildschirmfoto", lang),
        gettext("Ein SVG-Bild des Bildschirms speichern", lang),
        lambda: app.set_timer(0.1, app.deliver_screenshot),
    )

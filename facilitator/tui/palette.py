"""Provides the command palette (ctrl+p) in the app's language, and Textual's own key texts.

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

from facilitator.tui.strings import T


class GermanPalette(CommandPalette):
    """Textual's command palette with its two fixed texts in the app's language."""

    def __init__(self, lang: str) -> None:
        super().__init__(placeholder=T("palette.placeholder", lang), id="--command-palette")
        self.lang = lang

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if not search_value:
                self._list_visible = False
                return
            self.query_one(CommandList).add_option(
                Option(
                    Align.center(Text(T("palette.no_matches", self.lang), style="not bold")),
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
        T("palette.theme", lang), T("palette.theme_help", lang), app.action_change_theme
    )
    yield SystemCommand(T("palette.quit", lang), T("palette.quit_help", lang), app.action_quit)
    # Textual's key panel lists every widget key in English; F1 is the app's own list
    yield SystemCommand(T("palette.keys", lang), T("palette.keys_help", lang), show_help)
    if screen.maximized is not None:
        yield SystemCommand(
            T("palette.minimize", lang), T("palette.minimize_help", lang), screen.action_minimize
        )
    elif screen.focused is not None and screen.focused.allow_maximize:
        yield SystemCommand(
            T("palette.maximize", lang), T("palette.maximize_help", lang), screen.action_maximize
        )
    yield SystemCommand(
        T("palette.screenshot", lang),
        T("palette.screenshot_help", lang),
        lambda: app.set_timer(0.1, app.deliver_screenshot),
    )


def binding_text(description: str, lang: str) -> str:
    """A binding's description in `lang`: catalogue keys and Textual's own English texts."""
    return T(description, lang) if description in T else description

"""Provides the frame every main screen shares: header, body, message line, footer."""

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Static

from facilitator.core.errors import UserError
from facilitator.store.db import Store
from facilitator.tui.bindings import translated_bindings
from facilitator.tui.host import as_facilitator
from facilitator.tui.roles import HasHeader, HasMessageLine, Refreshes
from facilitator.tui.text import N_, _, translated
from facilitator.tui.timing import reading, timer_text
from facilitator.tui.widgets import StatusHeader

if TYPE_CHECKING:
    from facilitator.tui.app import FacilitatorApp


# a message is news: after this long it is no longer about what is on the screen
MESSAGE_SECONDS = 8.0


class BaseScreen(Screen, Refreshes, HasMessageLine, HasHeader):
    """A main screen; subclasses yield their body from `compose_body`."""

    heading = ""  # the screen's name (marked with N_), first in the header
    # first in every footer, so the list of all keys is always one key away (80 columns
    # cannot show every hint); the app's own F1 binding stays out of the footer
    BINDINGS = [Binding("f1", "app.help", N_("Hilfe"), key_display="F1")]

    def __init__(self) -> None:
        super().__init__()
        self._message_timer: Timer | None = None
        self._shown: tuple | None = None  # what refresh_if_stale last built the view for

    @property
    def fapp(self) -> "FacilitatorApp":
        """The app this screen runs in, typed (Textual types `self.app` as any App)."""
        return as_facilitator(self.app)

    @property
    def store(self) -> Store:
        return self.fapp.store

    @property
    def workshop_id(self) -> str | None:
        return self.fapp.workshop_id

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """Textual's active bindings, their descriptions in the app's language (the footer)."""
        return translated_bindings(super().active_bindings)

    def workshop_id_or_say(self) -> str | None:
        """The open workshop's id; None, after saying so on the message line, if none is open."""
        if self.workshop_id is None:
            self.say(_("Kein Workshop gewählt – F2 zeigt alle Workshops."), error=True)
        return self.workshop_id

    def compose(self) -> ComposeResult:
        yield StatusHeader()
        yield from self.compose_body()
        yield Static(id="message", markup=False)
        yield Footer(compact=True, show_command_palette=False)

    def compose_body(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        self.refresh_if_stale()
        self.tick()

    def on_screen_resume(self) -> None:
        self.refresh_if_stale()
        self.tick()

    def view_width(self) -> int:
        """The width the tables lay themselves out for (the app's before the first layout)."""
        return self.size.width or self.app.size.width

    def refresh_if_stale(self) -> None:
        """Re-read only if data, workshop, width or the minute changed since the last time.

        Mount, resume and resize arrive together on a first visit; each full refresh of
        a 300-row table costs tens of milliseconds, so the same view is built once.
        """
        app = self.fapp
        key = (app.data_version, app.workshop_id, self.view_width(), app.now_ms() // 60_000)
        if key != self._shown:
            self._shown = key
            self.refresh_data()

    def say(self, text: str, error: bool = False) -> None:
        """Show one line under the body (errors in the error colour)."""
        if not self.is_mounted:
            self.call_after_refresh(self.say, text, error)
            return
        message = self.query_one("#message", Static)
        message.update(text)
        message.set_class(error, "error")
        if self._message_timer is not None:
            self._message_timer.stop()
        self._message_timer = self.set_timer(MESSAGE_SECONDS, self.clear_message) if text else None

    def clear_message(self) -> None:
        """Empty the message line (a stale message reads as if it were about now)."""
        self._message_timer = None
        if self.is_mounted:
            message = self.query_one("#message", Static)
            message.update("")
            message.remove_class("error")

    def call_service(self, action: Callable[..., object], *args: object, **kwargs: object) -> bool:
        """Run a store service on this screen's store; a UserError becomes the message line.

        Returns whether it went through (the store's listeners refresh the screens).
        """
        try:
            action(self.store, *args, **kwargs)
        except UserError as err:
            self.say(err.text(self.fapp.lang), error=True)
            return False
        return True

    def refresh_data(self) -> None:
        """Re-read what the screen shows after a change in the store."""

    def _header(self) -> StatusHeader | None:
        """The screen's header, or None while the screen is still composing or going away.

        The app's once-a-second tick and a sync change can reach a screen in between
        (on a loaded laptop, seen in tests): that must not crash the app.
        """
        header = next(iter(self.query(StatusHeader)), None)
        return header if header is not None and header.is_mounted else None

    def show_sync(self) -> None:
        """The header's sync status (also called at once when the connection changes)."""
        header = self._header()
        if header is not None:
            header.show_sync(self.fapp.sync_label())

    def tick(self) -> None:
        """Once a second: the header's clock, running block and sync status."""
        app = self.fapp
        header = self._header()
        if header is None:
            return
        header.show_sync(app.sync_label())
        now = app.now_ms()
        from datetime import datetime

        clock = datetime.fromtimestamp(now / 1000).strftime("%H:%M")
        snapshot = app.snapshot()
        screen_name = translated(self.heading) if self.heading else ""
        if snapshot is None:
            header.show(screen_name + " · " + _("kein Workshop"), "", clock)
            return
        current, item = reading(snapshot, now), snapshot.current
        if current is None or item is None:
            block, level = _("Timer steht"), ""
        else:
            mark = "▶" if current.running else "⏸"
            # The time left first: when the line is too narrow the ellipsis cuts the title.
            block = f"{mark} {timer_text(current)} {item.title}"
            level = current.level
        header.show(f"{screen_name} · {snapshot.title}", block, clock, level)

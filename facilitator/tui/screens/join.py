"""Provides the Join screen: the join QR code full-screen for the projector, URL and code."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.widgets import Label, Static

from facilitator.tui.join_corner import JOIN_CORNER_BINDING, JoinCornerKey
from facilitator.tui.screens.base import BaseScreen


class JoinScreen(JoinCornerKey, BaseScreen):
    """Large QR code in dark-on-light, whatever the theme, so phones can read it."""

    name_key = "screen.join"
    # The pairing code is never shown here, and the pairing dialog never opens over this
    # screen (the projector shows it): pair from the Start screen (F2, v) instead.
    BINDINGS = [
        # the photo upload page's QR code opens in a dialog on demand (u), same reason
        Binding("u", "upload", "key.upload"),
        JOIN_CORNER_BINDING,
    ]

    def __init__(self) -> None:
        super().__init__()
        self._url: str | None = None

    def compose_body(self) -> ComposeResult:
        with Vertical(id="join-body"):
            yield Label(self.t("join.scan"), id="join-scan", markup=False)
            with Center():
                yield Static(id="join-qr", markup=False)
            yield Label(id="join-url", markup=False)
            yield Label(id="join-code", markup=False)
            yield Label(id="join-server", markup=False)

    def action_upload(self) -> None:
        from facilitator.tui.dialogs.upload import UploadDialog

        self.app.push_screen(UploadDialog())

    def refresh_data(self) -> None:
        from facilitator.export.qr import qr_text

        url = self.fapp.join_url()
        if url is None:
            # no workshop (deleted) or no server: no QR code that leads nowhere
            self._url = None
            self.query_one("#join-qr", Static).update("")
            self.query_one("#join-code", Label).update("")
            problem = self.fapp.server_problem if self.fapp.workshop_id else None
            self.query_one("#join-url", Label).update(problem or self.t("no_workshop"))
            return
        if url != self._url:
            self._url = url
            self.query_one("#join-qr", Static).update(qr_text(url))
        self.query_one("#join-url", Label).update(url)
        self.query_one("#join-code", Label).update(self.t("join.code", code=self.fapp.join_code()))

    def tick(self) -> None:
        super().tick()
        server = self.fapp.server
        if server is not None:
            text = self.t("join.phones", count=server.phones_connected)
            if server.refused:  # the moderators see that a flood is being held off
                text += self.t("join.refused", count=server.refused)
            if self.fapp.server_note:
                text = f"{self.fapp.server_note} · {text}"
            if self.fapp.join_url() != self._url:
                self.refresh_data()
        else:
            text = "" if self._url is None else (self.fapp.server_problem or "")
            if self._url is None and self.fapp.join_url() is not None:
                self.refresh_data()
        label = self.query_one("#join-server", Label)
        if str(label.content) != text:
            label.update(text)

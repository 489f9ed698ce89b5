"""Provides the photo upload dialog: the QR code of the moderators' upload page.

Opened with u on the Join screen and closed with Esc: the upload token lets a phone
add photos to the protocol, so it is shown on demand for the moderators' phones and
never stays on the projected Join view.
"""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.widgets import Label, Static

from facilitator.tui.dialogs.common import MessageDialog
from facilitator.tui.host import as_facilitator
from facilitator.tui.text import _


def upload_url(join_url: str, token: str) -> str:
    """Return the upload page's address on the same host and port as the join page."""
    base = join_url.split("/j/", 1)[0]
    return f"{base}/up/{token}"


class UploadDialog(MessageDialog[None]):
    """QR code and address of /up/<token>; Esc closes."""

    BINDINGS = [Binding("escape,u,q", "close", show=False)]
    MESSAGE_ID = "#upload-message"

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="upload-dialog"):
            yield Label(
                _("Fotos hochladen (nur Moderation – nicht am Beamer zeigen)"),
                classes="dialog-title",
            )
            with Center():
                yield Static(id="upload-qr")
            yield Label(id="upload-url")
            yield Label(
                _(
                    "Mit dem Handy scannen: Fotos von Flipcharts und Pinnwänden kommen ins "
                    "Fotoprotokoll. Esc schließt."
                ),
                id="upload-hint",
            )
            yield Label("", id="upload-message")

    def on_mount(self) -> None:
        from facilitator.export.qr import qr_text
        from facilitator.web.uploads import upload_token

        join = as_facilitator(self.app).join_url()
        if join is None or as_facilitator(self.app).server is None:
            self.say(
                _(
                    "Der Teilnahme-Server läuft nicht; hochladen geht mit: facilitator "
                    "photo add DATEI"
                ),
                error=True,
            )
            return
        url = upload_url(join, upload_token(as_facilitator(self.app).store))
        self.query_one("#upload-qr", Static).update(qr_text(url))
        self.query_one("#upload-url", Label).update(url)

    def action_close(self) -> None:
        self.dismiss(None)

"""Provides the photos dialog: the workshop's photos, and deleting one to the bytes.

Opened from the Export screen (l), the moderators' screen where the photo protocol is
written; never over the projected Join view, since captions may name people. `d`
asks, then deletes the highlighted photo here and on the other laptop
(`store.photos.erase_photo`).
"""

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Label

from facilitator.core.errors import UserError
from facilitator.store.photos import erase_photo, list_photos
from facilitator.tui.dialogs.common import ConfirmDialog, MessageDialog
from facilitator.tui.host import as_facilitator
from facilitator.tui.text import _


class PhotosDialog(MessageDialog[None]):
    """List the photos (caption, size); d deletes the highlighted one after asking."""

    BINDINGS = [
        Binding("escape", "close", show=False),
        Binding("d,delete", "delete", show=False),
    ]
    MESSAGE_ID = "#photos-message"

    def __init__(self, workshop_id: str) -> None:
        super().__init__()
        self.workshop_id = workshop_id

    @property
    def table(self) -> DataTable:
        """The dialog's table of photos."""
        return self.query_one("#photos-table", DataTable)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="photos-dialog"):
            yield Label(_("Fotos dieses Workshops"), classes="dialog-title", markup=False)
            yield DataTable(id="photos-table", cursor_type="row", zebra_stripes=True)
            yield Label(
                _(
                    "d löscht das markierte Foto endgültig (auch auf dem anderen Laptop) · "
                    "Esc schließt"
                ),
                markup=False,
            )
            yield Label(id="photos-message", markup=False)

    def on_mount(self) -> None:
        table = self.table
        table.add_columns(_("Bildunterschrift"), "KB", "ID")
        self.load()
        table.focus()

    def load(self) -> None:
        table = self.table
        table.clear()
        store = as_facilitator(self.app).store
        for photo in list_photos(store, self.workshop_id):
            # a caption is data, never markup
            table.add_row(
                Text(photo.caption or "–"), str(photo.size // 1024), photo.id[:12], key=photo.id
            )
        if not table.row_count:
            self.say(_("Keine Fotos."))

    def action_delete(self) -> None:
        table = self.table
        if not table.row_count:
            return
        photo_id = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            try:
                erase_photo(as_facilitator(self.app).store, photo_id)
            except UserError as err:
                self.say(err.text(as_facilitator(self.app).lang), error=True)
                return
            self.load()
            self.say(_("Foto gelöscht."))

        self.app.push_screen(
            ConfirmDialog(
                _("Dieses Foto endgültig löschen (Datenbank, Änderungsprotokoll, anderer Laptop)?"),
                as_facilitator(self.app).lang,
            ),
            confirmed,
        )

    def action_close(self) -> None:
        self.dismiss(None)

"""Provides the header line: workshop, running block with time left, and the clock."""

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label


class StatusHeader(Horizontal):
    """One line on top of every screen; the app updates it once a second."""

    def compose(self) -> ComposeResult:
        yield Label(id="header-workshop", markup=False)
        yield Label(id="header-block", markup=False)
        yield Label(id="header-sync", markup=False)
        yield Label(id="header-clock", markup=False)

    def show(self, workshop: str, block: str, clock: str, level: str = "") -> None:
        """Set the three parts; unchanged text is not repainted."""
        for widget_id, text in (
            ("#header-workshop", workshop),
            ("#header-block", block),
            ("#header-clock", clock),
        ):
            label = self.query_one(widget_id, Label)
            if str(label.content) != text:
                label.update(text)
        block_label = self.query_one("#header-block", Label)
        for name in ("ok", "warn", "critical", "over"):
            block_label.set_class(name == level, f"level-{name}")

    def show_sync(self, text: str) -> None:
        """Set the sync part ("Sync: verbunden …"); hidden while never paired."""
        label = self.query_one("#header-sync", Label)
        if str(label.content) != text:
            label.update(text)
        label.display = bool(text)
        label.set_class(text.startswith(("Sync: getrennt", "Sync: disconnected")), "sync-off")

"""Provides the re-plan proposal after an overrun: accept (shorten) or decline (nothing)."""

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from facilitator.core.models import AgendaItem
from facilitator.core.replan import Replan


class ReplanDialog(ModalScreen[bool]):
    """Shows old → new minutes of every block the proposal shortens."""

    BINDINGS = [
        Binding("j,y,enter", "answer(True)", show=False),
        Binding("n,escape", "answer(False)", show=False),
    ]

    def __init__(self, behind_minutes: int, items: Sequence[AgendaItem], plan: Replan) -> None:
        super().__init__()
        self.behind_minutes, self.items, self.plan = behind_minutes, items, plan

    def compose(self) -> ComposeResult:
        t = self.app.t  # type: ignore[attr-defined]
        lines = [
            t("replan.line", title=it.title, old=it.minutes, new=self.plan.minutes[it.id])
            for it in self.items
            if it.id in self.plan.minutes
        ]
        if self.plan.shortfall:
            lines.append(t("replan.shortfall", minutes=self.plan.shortfall))
        with Vertical(classes="dialog", id="replan"):
            yield Label(
                t("replan.title", minutes=self.behind_minutes), classes="dialog-title", markup=False
            )
            yield Static("\n".join(lines), id="replan-lines", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(
                    f"{t('replan.accept')} ({t('yes_key')})", id="accept", variant="primary"
                )
                yield Button(t("replan.decline") + " (n)", id="decline")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "accept")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

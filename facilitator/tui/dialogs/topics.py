"""Provides the dialog "accept suggested topics": every untagged entry with its suggestion.

Each row shows the entry, the suggested topic field and the words behind it, ticked; the
moderator unticks a row to keep it untagged (Space) or switches it to the next suggestion
(w), and Enter sets all ticked rows at once. Dismisses {capture id: topic} or None.
"""

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, SelectionList
from textual.widgets.selection_list import Selection

from facilitator.core.taxonomy import TOPICS
from facilitator.core.topic_model import TopicSuggestion
from facilitator.locale import gettext, ngettext


def topic_reason(found: TopicSuggestion, lang: str) -> str:
    """Return why a field is suggested: its words, and the nearest example with its cosine.

    ("Rufbus, Abend; ähnlich wie „Rufbus per App bestellen“ 0,77"): both are what a
    moderator can check at a glance, never a score alone.
    """
    parts = [", ".join(found.words[:3])] if found.words else []
    if found.like:
        cosine = f"{found.similarity:.2f}"
        like = found.like if len(found.like) <= 40 else found.like[:39] + "…"
        parts.append(
            gettext(
                "ähnlich wie „{like}“ {similarity}",
                lang,
                like=like,
                similarity=cosine.replace(".", ",") if lang == "de" else cosine,
            )
        )
    return "; ".join(parts)


@dataclass
class TopicRow:
    """One untagged entry and the topic fields suggested for it, best first."""

    capture_id: str
    text: str
    suggestions: list[TopicSuggestion]


class TopicsDialog(ModalScreen[dict[str, str] | None]):
    """Tick, untick or switch the suggested topic field of each untagged entry."""

    BINDINGS = [
        Binding("escape", "cancel", show=False),
        Binding("enter", "accept", show=False, priority=True),
        Binding("w", "switch", show=False),
    ]

    def __init__(self, rows: list[TopicRow], lang: str = "de") -> None:
        super().__init__()
        self.rows, self.lang = rows, lang
        self.chosen = {row.capture_id: 0 for row in rows}  # index into its suggestions

    def _prompt(self, row: TopicRow) -> Text:
        found = row.suggestions[self.chosen[row.capture_id]]
        # What a person typed stays text (Text, not markup); the reasons are its own words.
        return Text.assemble(
            Text(row.text[:40]),
            " → ",
            Text(TOPICS[found.topic].get(self.lang), style="bold"),
            Text(f" ({reason})" if (reason := topic_reason(found, self.lang)) else ""),
        )

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            title = ngettext(
                "Themenvorschlag für {n} Eintrag ohne Themenfeld",
                "Themenvorschläge für {n} Einträge ohne Themenfeld",
                len(self.rows),
                self.lang,
            )
            yield Label(title, classes="dialog-title", markup=False)
            yield SelectionList[str](
                *[Selection(self._prompt(r), r.capture_id, True) for r in self.rows],
                id="topic-rows",
            )
            yield Label(
                gettext(
                    "Leertaste: ja/nein · w: nächster Vorschlag · Enter: setzen · Esc: zurück",
                    self.lang,
                ),
                markup=False,
            )

    @property
    def selection(self) -> SelectionList[str]:
        return self.query_one("#topic-rows", SelectionList)

    def action_switch(self) -> None:
        index = self.selection.highlighted
        if index is None:
            return
        row = self.rows[index]
        self.chosen[row.capture_id] = (self.chosen[row.capture_id] + 1) % len(row.suggestions)
        self.selection.replace_option_prompt_at_index(index, self._prompt(row))

    def action_accept(self) -> None:
        ticked = set(self.selection.selected)
        self.dismiss(
            {
                row.capture_id: row.suggestions[self.chosen[row.capture_id]].topic
                for row in self.rows
                if row.capture_id in ticked
            }
        )

    def action_cancel(self) -> None:
        self.dismiss(None)

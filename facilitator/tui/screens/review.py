"""Provides the Review screen: the results as the protocol groups them, checked before export.

Both moderators go through the entries: edit (text, kind, topic, status via the
capture line), cycle a measure's status, hide, move within a group, merge
near-duplicates that rapidfuzz suggests (the moderator confirms each), accept the
topic field suggested for an entry without one (t) or for all of them at once (T, with
the reasons, each row ticked, unticked or switched), then write the protocol. Every
change goes through the store's services, so it is an op the other laptop sees too.
"""

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Label

from facilitator.core.dates import format_date
from facilitator.core.models import Capture
from facilitator.core.taxonomy import CAPTURE_KINDS, MEASURE_STATUSES, TOPICS
from facilitator.core.topic_model import TopicModel, TopicSuggestion, suggest_topic
from facilitator.export.protocol import protocol_model
from facilitator.export.protocol_layout import HIDDEN_TITLE, RESULT_HEADINGS
from facilitator.export.protocol_model import RESULT_KINDS, Entry, ProtocolModel
from facilitator.locale import gettext
from facilitator.store.captures import get_capture, list_captures, update_capture
from facilitator.store.review import (
    cycle_status,
    merge_captures,
    merge_suggestions,
    set_order,
    unmerge_all,
)
from facilitator.store.topics import accept_topics
from facilitator.tui.dialogs.capture import EditCaptureDialog
from facilitator.tui.dialogs.common import PickDialog
from facilitator.tui.dialogs.topics import TopicRow, TopicsDialog, topic_reason
from facilitator.tui.screens import SCREEN_TITLES
from facilitator.tui.screens.base import BaseScreen
from facilitator.tui.screens.export import ExportScreen
from facilitator.tui.text import N_, NP_, _, ngettext
from facilitator.tui.topic_models import load_topic_model
from facilitator.tui.widgets.cells import cut


@dataclass
class ReviewGroup:
    title: str
    entries: list[Entry]
    movable: bool = True  # tasks keep their due-date order


def review_groups(model: ProtocolModel, hidden: list[Capture], lang: str) -> list[ReviewGroup]:
    """Return the entries in the protocol's groups and order, hidden ones last."""

    def topic(key: str | None) -> str:
        return TOPICS[key].get(lang) if key in TOPICS else gettext("Ohne Themenfeld", lang)

    groups: list[ReviewGroup] = []
    for kind in RESULT_KINDS:
        for group in model.results[kind]:
            title = RESULT_HEADINGS[kind].text(lang) + f" · {topic(group.topic)}"
            groups.append(ReviewGroup(title, group.entries))
    for group in model.measures:
        title = gettext("Maßnahmen", lang) + f" · {topic(group.topic)}"
        groups.append(ReviewGroup(title, group.entries))
    for group in model.networking:
        title = gettext("Suche und Biete nach Themenfeld", lang) + f" · {topic(group.topic)}"
        groups.append(ReviewGroup(title, group.entries))
    groups.append(ReviewGroup(gettext("Aufgaben", lang), model.tasks, movable=False))
    groups.append(ReviewGroup(gettext("Entscheidungen", lang), model.decisions))
    groups.append(ReviewGroup(gettext("Offene Fragen", lang), model.questions))
    next_steps = [e for e in model.next_steps if e.id]
    groups.append(ReviewGroup(gettext("Nächste Schritte", lang), next_steps))
    for block in model.record:
        title = block.title or gettext("Ohne Programmpunkt", lang)
        notes = gettext("Notizen und Fotoprotokoll", lang)
        groups.append(ReviewGroup(f"{notes} · {title}", block.notes))
    hidden_entries = [
        Entry(c.text, c.organisation, c.topic, c.votes, c.status, id=c.id, kind=c.kind)
        for c in hidden
    ]
    groups.append(ReviewGroup(HIDDEN_TITLE.text(lang), hidden_entries, movable=False))
    return [g for g in groups if g.entries]


class ReviewScreen(BaseScreen):
    """Entries by protocol group; e edit, s status, h hide, ⇧↑/⇧↓ move, m merge, t topic,
    p protocol."""

    heading = SCREEN_TITLES["review"]
    AUTO_FOCUS = "#review-table"
    BINDINGS = [
        Binding("e,enter", "edit", N_("Ändern")),
        Binding("s", "status", N_("Status")),
        Binding("h", "hide", N_("Ausblenden")),
        # 80 columns hold the keys above; F1 lists these too
        Binding("shift+up,K", "move(-1)", N_("Nach oben"), key_display="⇧↑", show=False),
        Binding("shift+down,J", "move(1)", N_("Nach unten"), key_display="⇧↓", show=False),
        Binding("m", "merge", N_("Zusammenführen")),
        Binding("u", "unmerge", N_("Trennen"), show=False),
        Binding("t", "accept_topic", N_("Themenvorschlag übernehmen"), show=False),
        Binding("T", "accept_topics", N_("Alle Themenvorschläge"), show=False),
        Binding("p", "export", NP_("protocol key", "Protokoll")),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.groups: list[ReviewGroup] = []
        self.rows: list[tuple[int, int] | None] = []  # (group, entry) per table row; None = title
        self._topics: TopicModel | None = None  # built on first need per visit (reads the series)
        self._topics_ready = False  # the series' model has arrived (not the placeholder)
        self._topics_wanted = False  # T was pressed before it arrived: offer them then

    @property
    def table(self) -> DataTable:
        """The screen's review table."""
        return self.query_one("#review-table", DataTable)

    def compose_body(self) -> ComposeResult:
        yield Label(id="review-summary")
        yield DataTable(id="review-table", cursor_type="row", zebra_stripes=False)
        yield Label(id="review-detail", markup=False)

    def on_mount(self) -> None:
        columns = (
            ("col.text", _("Text")),
            ("col.status", _("Status")),
            ("col.dots", _("Pkt.")),
            ("col.org", _("Organisation")),
        )
        for key, label in columns:
            self.table.add_column(label, key=key)
        super().on_mount()

    def on_resize(self) -> None:
        self.refresh_data()

    def on_screen_resume(self) -> None:
        self._topics = None  # the series may have learnt tags since the last visit
        self._topics_ready = False
        super().on_screen_resume()

    def suggestion(self, entry: Entry) -> TopicSuggestion | None:
        """The topic field suggested for an entry without one (None if it has one or none fits)."""
        if entry.topic or not entry.id:
            return None
        if self._topics is None:
            self._topics = load_topic_model(self, self.workshop_id, self._model_ready)
        found = suggest_topic(entry.text, self._topics, limit=1)
        return found[0] if found else None

    def _model_ready(self, model: TopicModel) -> None:
        self._topics, self._topics_ready = model, True
        self.show_detail()
        if self._topics_wanted:
            self._topics_wanted = False
            self.action_accept_topics()

    def on_data_table_row_highlighted(self) -> None:
        self.show_detail()

    def show_detail(self) -> None:
        """Under the table: the suggested topic field of the highlighted entry without one."""
        at = self._row_entry()
        entry = self.groups[at[0]].entries[at[1]] if at is not None else None
        found = self.suggestion(entry) if entry else None
        text = ""
        if found:
            text = _(
                "Themenvorschlag: #{topic}? ({words}) – t übernimmt",
                topic=TOPICS[found.topic].get(self.fapp.lang),
                words=topic_reason(found, self.fapp.lang),
            )
        detail = self.query_one("#review-detail", Label)
        detail.update(text)
        detail.display = bool(text)  # the table keeps the line while there is nothing to say

    def refresh_data(self) -> None:
        table = self.table
        if self.workshop_id is None:
            self.groups, self.rows = [], []
            table.clear()
            self.query_one("#review-summary", Label).update(
                _("Kein Workshop gewählt – F2 zeigt alle Workshops.")
            )
            return
        lang = self.fapp.lang
        model = protocol_model(self.store, self.workshop_id, lang, cards={}, photos=False)
        hidden = [c for c in list_captures(self.store, self.workshop_id) if c.hidden]
        self.groups = review_groups(model, hidden, lang)
        row = table.cursor_row
        table.clear()
        self.rows = []
        # status, dots and organisation are cut; the text takes what the width leaves
        width = max(24, self.size.width - 46)
        count = 0
        for g_index, group in enumerate(self.groups):
            table.add_row(Text(cut(group.title, width), style="bold"), "", "", "")
            self.rows.append(None)
            for e_index, entry in enumerate(group.entries):
                text = entry.text + (f" (+{entry.merged})" if entry.merged else "")
                table.add_row(
                    Text("  " + cut(text, width - 2)),
                    Text(cut(self._status(entry), 16)),
                    Text(str(entry.votes or "")),
                    Text(cut(entry.organisation, 16)),
                    key=entry.id,
                )
                self.rows.append((g_index, e_index))
                count += 1
        self.query_one("#review-summary", Label).update(
            ngettext(
                "{n} Eintrag, gruppiert wie im Protokoll",
                "{n} Einträge, gruppiert wie im Protokoll",
                count,
            )
        )
        if self.rows:
            table.move_cursor(row=min(max(row, 0), len(self.rows) - 1))
        self.show_detail()

    def _status(self, entry: Entry) -> str:
        lang = self.fapp.lang
        if entry.kind == "measure" and entry.status in MEASURE_STATUSES:
            return MEASURE_STATUSES[entry.status].get(lang)
        if entry.kind == "todo" and (entry.owner or entry.due):
            return f"{format_date(entry.due, lang)} {entry.owner}".strip()
        kind = CAPTURE_KINDS.get(entry.kind)
        return kind.get(lang) if kind else ""

    def _row_entry(self) -> tuple[int, int] | None:
        """(group, entry) of the highlighted row; None on a group's title or an empty table."""
        row = self.table.cursor_row
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _selected(self) -> tuple[ReviewGroup, int] | None:
        at = self._row_entry()
        if at is None:
            self.say(_("Bitte einen Eintrag wählen."), error=True)
            return None
        g_index, e_index = at
        return self.groups[g_index], e_index

    def action_edit(self) -> None:
        selected = self._selected()
        if selected is not None:
            group, index = selected
            self.app.push_screen(
                EditCaptureDialog(get_capture(self.store, group.entries[index].id))
            )

    def action_status(self) -> None:
        selected = self._selected()
        if selected is not None:
            self._cycle(selected[0].entries[selected[1]].id)

    def _cycle(self, capture_id: str) -> None:
        status = cycle_status_in(self, capture_id)
        if status:
            self.say(_("Status: {status}", status=status))

    def action_hide(self) -> None:
        selected = self._selected()
        if selected is not None:
            capture = get_capture(self.store, selected[0].entries[selected[1]].id)
            self.call_service(update_capture, capture.id, hidden=0 if capture.hidden else 1)

    def action_move(self, step: int) -> None:
        selected = self._selected()
        if selected is None:
            return
        group, index = selected
        target = index + step
        if not group.movable or not 0 <= target < len(group.entries):
            return
        ids = [e.id for e in group.entries]
        ids[index], ids[target] = ids[target], ids[index]
        if self.call_service(set_order, ids):
            self.table.move_cursor(row=self.table.cursor_row + step)

    def action_merge(self) -> None:
        if self.workshop_id is None:
            return
        captures = list_captures(self.store, self.workshop_id, include_hidden=False)
        suggestions = merge_suggestions(captures)
        if not suggestions:
            self.say(_("Keine ähnlichen Einträge gefunden."))
            return
        options = [
            (
                f"{s.keep.id}|{s.other.id}",
                Text(f"{cut(s.keep.text, 30)} ← {cut(s.other.text, 30)} ({s.score} %)"),
            )
            for s in suggestions
        ]

        def merge(choice: str | None) -> None:
            if choice:
                keep_id, other_id = choice.split("|")
                if self.call_service(merge_captures, keep_id, other_id):
                    self.say(_("Zusammengeführt."))

        self.app.push_screen(
            PickDialog(
                _(
                    "Ähnliche Einträge – Enter führt zusammen (Punkte und Herkunft "
                    "bleiben), Esc bricht ab"
                ),
                options,
            ),
            merge,
        )

    def action_unmerge(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        entry = selected[0].entries[selected[1]]
        if not entry.merged:
            self.say(_("Dieser Eintrag ist nicht zusammengeführt."), error=True)
            return
        if self.call_service(unmerge_all, entry.id):
            self.say(
                ngettext(
                    "{n} Eintrag wieder einzeln.", "{n} Einträge wieder einzeln.", entry.merged
                )
            )

    def action_accept_topic(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        found = self.suggestion(selected[0].entries[selected[1]])
        if found is None:
            self.say(_("Kein Themenvorschlag für diesen Eintrag."), error=True)
            return
        entry_id = selected[0].entries[selected[1]].id
        if self.call_service(update_capture, entry_id, topic=found.topic):
            self.say(_("Themenfeld: {topic}", topic=TOPICS[found.topic].get(self.fapp.lang)))

    def action_accept_topics(self) -> None:
        """Offer every untagged entry's suggested topic field at once."""
        if self.workshop_id is None:
            return
        if self._topics is None:
            self._topics = load_topic_model(self, self.workshop_id, self._model_ready)
        if not self._topics_ready:  # a worker is still building it: offer them when it is done
            self._topics_wanted = True
            self.say(_("Themenvorschläge werden berechnet …"))
            return
        rows = []
        for capture in list_captures(self.store, self.workshop_id, include_hidden=False):
            if capture.topic:
                continue
            if found := suggest_topic(capture.text, self._topics, limit=3):
                rows.append(TopicRow(capture.id, capture.text, found))
        if not rows:
            self.say(_("Kein Eintrag ohne Themenfeld hat einen Vorschlag."))
            return

        def accept(chosen: dict[str, str] | None) -> None:
            if chosen and self.call_service(accept_topics, chosen):
                self.say(
                    ngettext("{n} Themenfeld gesetzt.", "{n} Themenfelder gesetzt.", len(chosen))
                )

        self.app.push_screen(TopicsDialog(rows, self.fapp.lang), accept)

    async def action_export(self) -> None:
        await self.app.switch_mode("export")
        screen = self.app.screen  # the export screen, switched to just above
        if isinstance(screen, ExportScreen):
            screen.action_write("protocol")


def cycle_status_in(screen: BaseScreen, capture_id: str) -> str:
    """Cycle a measure's status from a screen; return the new status's label ("" if refused)."""
    from facilitator.core.errors import UserError

    try:
        status = cycle_status(screen.store, capture_id)
    except UserError as err:
        screen.say(err.text(screen.fapp.lang), error=True)
        return ""
    return MEASURE_STATUSES[status].get(screen.fapp.lang)

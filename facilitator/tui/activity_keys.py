"""Provides the Run screen's activity keys: a starts or stops, v reveals, b opens the beamer.

When a block starts whose method card declares an activity, the screen offers it
on the message line; one key starts it on the phones.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.binding import Binding

from facilitator.core.activities import ACTIVITY_TYPES
from facilitator.core.models import AgendaItem
from facilitator.core.taxonomy import CAPTURE_KINDS
from facilitator.store.activities import (
    get_activity,
    list_activities,
    open_activity,
    results,
    reveal_results,
    stop_activity,
)
from facilitator.store.activity_cards import start_card_activity
from facilitator.tui.text import N_, NP_, _, translated

# what the second prompt asks for, by activity type (the first asks for the question)
ASK_ITEMS = {
    "choice": N_("Optionen, getrennt durch ;"),
    "scale": N_("Aussagen zum Bewerten (1–5), getrennt durch ; (leer: die Frage selbst)"),
    "matrix": N_("Einträge für die 2×2-Matrix (Aufwand/Nutzen), getrennt durch ;"),
}

if TYPE_CHECKING:
    from facilitator.tui.screens.base import BaseScreen

    _Base = BaseScreen
else:
    _Base = object

ACTIVITY_BINDINGS = [
    Binding("a", "activity", N_("Aktivität")),
    Binding("A", "new_activity", N_("Neue Aktivität"), show=False),
    Binding("v", "reveal_activity", NP_("activity key", "Ergebnis zeigen"), show=False),
    Binding("b", "beamer", N_("Beamer"), show=False),  # 80 columns: F1 lists it
    Binding("w", "moderate_words", N_("Wort ausblenden"), show=False),
    Binding("f", "moderate_questions", N_("Frage beantwortet"), show=False),
    Binding("x", "delete_activity", N_("Aktivität löschen"), show=False),
]


class ActivityKeys(_Base):
    """Mixed into the Run screen: the block's activity and the projector, one key each."""

    _offered_for: str | None = None

    def _card_activity(self, item: AgendaItem | None) -> dict[str, Any] | None:
        card = self.fapp.method(item.method) if item and item.method else None
        return card.activity if card else None

    def offer_activity(self, item: AgendaItem | None) -> None:
        """Say once per block that its card's activity is one key away."""
        if item is None or item.id == self._offered_for or self.workshop_id is None:
            return
        self._offered_for = item.id
        spec = self._card_activity(item)
        if spec is None or open_activity(self.store, self.workshop_id) is not None:
            return
        lang = self.fapp.lang
        kind = ACTIVITY_TYPES[spec["type"]].get(lang)
        self.say(
            _(
                "a startet die Aktivität dieses Blocks auf den Telefonen: {kind} – {prompt}",
                kind=kind,
                prompt=spec["prompt"].get(lang, ""),
            )
        )

    def action_activity(self) -> None:
        """Stop the open activity, else start the running block's card activity."""
        workshop_id = self.workshop_id
        if workshop_id is None:
            return
        running = open_activity(self.store, workshop_id)
        if running is not None:
            if self.call_service(lambda store: stop_activity(store, running["id"])):
                found = results(self.store, running["id"])
                self.say(
                    _(
                        "Beendet: {prompt} ({answers} Antworten)",
                        prompt=running["prompt"],
                        answers=found["answers"],
                    )
                )
            return
        snapshot = self.fapp.snapshot()
        item = snapshot.current if snapshot else None
        spec = self._card_activity(item)
        if item is None or spec is None:
            self.say(
                _("Die Methode dieses Blocks hat keine Aktivität (facilitator activity start …)."),
                error=True,
            )
            return
        item_id = item.id
        if spec["type"] == "dots":  # the moderators choose the ballot, not every entry
            self.choose_ballot(
                workshop_id,
                item_id,
                lambda chosen: self._start_card(workshop_id, item_id, {**spec, "entries": chosen}),
            )
            return
        self._start_card(workshop_id, item_id, spec)

    def _start_card(self, workshop_id: str, item_id: str, spec: dict[str, Any]) -> None:
        started: list[str] = []
        ok = self.call_service(
            lambda store: started.append(
                start_card_activity(store, workshop_id, item_id, spec, self.fapp.lang)
            )
        )
        if ok:
            activity = get_activity(self.store, started[0])
            self.say(
                _(
                    "Läuft auf den Telefonen: {prompt} (a beendet, v zeigt die Ergebnisse "
                    "am Beamer)",
                    prompt=activity["prompt"],
                )
            )
            if activity["type"] == "dots":
                self._offer_merges(activity["id"])

    def choose_ballot(
        self, workshop_id: str, item_id: str | None, then: Callable[[list[str]], None]
    ) -> None:
        """Ask what the room votes on (this block, a kind, all, ticked rows); then `then(spec)`."""
        from facilitator.store.captures import list_captures
        from facilitator.tui.dialogs.ballot import BallotDialog

        entries = list_captures(self.store, workshop_id, include_hidden=False)

        def chosen(spec: list[str] | None) -> None:
            if spec:
                then(spec)

        self.app.push_screen(BallotDialog(entries, item_id, self.fapp.lang), chosen)

    def _offer_merges(self, activity_id: str) -> None:
        """Ask, pair by pair, whether near-duplicates on the ballot are one entry (before votes)."""
        from rich.text import Text

        from facilitator.store.activities import ballot_entries
        from facilitator.store.activity_ballot import merge_entries, near_duplicates
        from facilitator.tui.dialogs.common import ConfirmDialog

        activity = get_activity(self.store, activity_id)
        listed = ballot_entries(self.store, activity)
        entries = {e["id"]: e["text"] for e in listed}
        kinds = {e["id"]: e["kind"] for e in listed}
        pairs = near_duplicates([{"id": k, "text": v} for k, v in entries.items()])
        if not pairs:
            return
        keep, duplicate, _similarity = pairs[0]
        question = Text(
            _(
                "Diese zwei Einträge sagen fast dasselbe. Vor der Abstimmung zu einem "
                "zusammenführen?"
            )
            + "\n"
        )
        for entry_id in (keep, duplicate):  # with the kinds: an offer is not a measure
            kind = kinds[entry_id]
            label = CAPTURE_KINDS[kind].get(self.fapp.lang) if kind in CAPTURE_KINDS else kind
            question.append(f"\n{label}: „{entries[entry_id]}“")  # typed text stays text

        def answered(merge: bool | None) -> None:
            if merge:
                self.call_service(lambda store: merge_entries(store, activity_id, keep, duplicate))
                self.say(_("Zusammengeführt in „{text}“.", text=entries[keep]))
                self._offer_merges(activity_id)  # the next pair, on the shortened ballot

        self.app.push_screen(ConfirmDialog(question, self.fapp.lang), answered)

    def action_new_activity(self) -> None:
        """Start any activity: pick its type (or a set), type the prompt and, if needed, options."""
        from facilitator.store.activity_forms import shipped_sets
        from facilitator.tui.dialogs.common import PickDialog

        lang = self.fapp.lang
        options = [(k, label.get(lang)) for k, label in ACTIVITY_TYPES.items() if k != "form"]
        options += [
            (f"set:{name}", f"{ACTIVITY_TYPES['form'].get(lang)}: {name}")
            for name in shipped_sets()
        ]

        def picked(kind: str | None) -> None:
            if kind:
                self._ask_prompt(kind)

        self.app.push_screen(PickDialog(_("Welche Aktivität?"), options), picked)

    def _ask_prompt(self, kind: str) -> None:
        from facilitator.tui.dialogs.common import PromptDialog

        if kind.startswith("set:"):
            self._start_new(kind, "", "")
            return

        def typed(prompt: str | None) -> None:
            if not prompt:
                return
            if kind in ("choice", "scale", "matrix"):
                question = translated(ASK_ITEMS[kind])
                self.app.push_screen(
                    PromptDialog(question, placeholder="A; B; C"),
                    lambda items: self._start_new(kind, prompt, items or ""),
                )
            else:
                self._start_new(kind, prompt, "")

        self.app.push_screen(PromptDialog(_("Die Frage an den Raum:")), typed)

    def _start_new(
        self, kind: str, prompt: str, items: str, ballot: list[str] | None = None
    ) -> None:
        from facilitator.store.activities import start_activity
        from facilitator.store.activity_ballot import choose_ballot
        from facilitator.store.activity_forms import load_activity_set

        workshop_id = self.workshop_id
        if workshop_id is None:
            return
        listed = [x.strip() for x in items.split(";") if x.strip()]
        snapshot = self.fapp.snapshot()
        item_id = snapshot.current.id if snapshot and snapshot.current else None
        if kind == "dots" and ballot is None:
            self.choose_ballot(
                workshop_id, item_id, lambda spec: self._start_new(kind, prompt, items, spec)
            )
            return
        started: list[str] = []

        def start(store: Any) -> None:
            config: dict[str, Any] = {}
            name, text = kind, prompt
            if kind.startswith("set:"):
                name, config = "form", load_activity_set(kind[4:])
                text = config["prompt"].get(self.fapp.lang) or config["prompt"]["de"]
            elif kind == "scale":
                config["statements"] = listed
            elif kind in ("choice", "matrix"):
                config["options"] = listed
            elif kind == "dots":
                config["ballot"] = choose_ballot(store, workshop_id, ballot or [], item_id)
            started.append(
                start_activity(store, workshop_id, name, text, config, agenda_item_id=item_id)
            )

        if self.call_service(start):
            activity = get_activity(self.store, started[0])
            self.say(
                _(
                    "Läuft auf den Telefonen: {prompt} (a beendet, v zeigt die Ergebnisse "
                    "am Beamer)",
                    prompt=activity["prompt"],
                )
            )
            if activity["type"] == "dots":
                self._offer_merges(activity["id"])

    def action_reveal_activity(self) -> None:
        """Show (or hide again) the latest activity's results on the projector."""
        if self.workshop_id is None:
            return
        every = list_activities(self.store, self.workshop_id)
        if not every:
            self.say(_("Keine Aktivität."), error=True)
            return
        latest = open_activity(self.store, self.workshop_id) or every[-1]
        show = not latest["results_revealed"]
        if self.call_service(lambda store: reveal_results(store, latest["id"], show)):
            self.say(
                (
                    _("Ergebnisse am Beamer sichtbar.")
                    if show
                    else _("Ergebnisse am Beamer verborgen.")
                )
            )

    def _latest(self, kind: str) -> dict[str, Any] | None:
        every = list_activities(self.store, self.workshop_id) if self.workshop_id else []
        latest = [a for a in every if a["type"] == kind]
        if not latest:
            self.say(_("Keine Aktivität."), error=True)
            return None
        return latest[-1]

    def action_moderate_words(self) -> None:
        """Pick a word of the latest word cloud to hide from the projector (or show again)."""
        from rich.text import Text

        from facilitator.store.activities import hide_word
        from facilitator.tui.dialogs.common import PickDialog

        cloud = self._latest("wordcloud")
        if cloud is None:
            return
        found = results(self.store, cloud["id"])
        hidden = _("ausgeblendet")
        words = [(w, False) for w in found["words"]] + [(w, True) for w in found["hidden"]]
        options = [
            (w["key"], Text(f"{w['count']:>3}  {w['word']}" + (f"  ({hidden})" if off else "")))
            for w, off in words
        ]
        hidden_keys = {w["key"] for w in found["hidden"]}

        def picked(key: str | None) -> None:
            if key:
                show = key in hidden_keys
                self.call_service(lambda store: hide_word(store, cloud["id"], key, not show))

        self.app.push_screen(
            PickDialog(_("Welches Wort am Beamer aus- (oder wieder ein)blenden?"), options), picked
        )

    def action_moderate_questions(self) -> None:
        """Pick a question of the latest Q&A to mark answered (or open again)."""
        from rich.text import Text

        from facilitator.store.activities import mark_question
        from facilitator.tui.dialogs.common import PickDialog

        qa = self._latest("questions")
        if qa is None:
            return
        listed = results(self.store, qa["id"])["questions"]
        done = _("beantwortet")
        options = [
            (
                q["id"],
                Text(f"{q['votes']:>3}  {q['text']}" + (f"  ({done})" if q["answered"] else "")),
            )
            for q in listed
        ]
        answered = {q["id"] for q in listed if q["answered"]}

        def picked(question_id: str | None) -> None:
            if question_id:
                flag = question_id not in answered
                self.call_service(lambda store: mark_question(store, question_id, answered=flag))

        self.app.push_screen(
            PickDialog(_("Welche Frage ist beantwortet (oder wieder offen)?"), options), picked
        )

    def action_delete_activity(self) -> None:
        """x: delete the latest activity if nobody answered it (the store refuses otherwise)."""
        from facilitator.store.activities import delete_activity
        from facilitator.tui.dialogs.common import ConfirmDialog

        workshop_id = self.workshop_id
        every = list_activities(self.store, workshop_id) if workshop_id else []
        if workshop_id is None or not every:
            self.say(_("Keine Aktivität."), error=True)
            return
        latest = open_activity(self.store, workshop_id) or every[-1]

        def answered(yes: bool | None) -> None:
            if yes and self.call_service(lambda store: delete_activity(store, latest["id"])):
                self.say(_("Gelöscht: {prompt}", prompt=latest["prompt"]))

        question = _("Die Aktivität „{prompt}“ ohne Antworten löschen?", prompt=latest["prompt"])
        self.app.push_screen(ConfirmDialog(question, self.fapp.lang), answered)

    def action_beamer(self) -> None:
        """Open the projector view in this laptop's browser (the view-only token, no secret)."""
        server = self.fapp.server
        if server is None:
            self.say(
                _("Der Teilnahme-Server läuft nicht; ohne ihn gibt es keine Beamer-Ansicht."),
                error=True,
            )
            return
        from facilitator.web.projector import projector_path

        url = f"http://127.0.0.1:{server.port}{projector_path(self.store)}"
        self.run_worker(lambda: _open_browser(url), thread=True, exit_on_error=False)
        self.say(_("Beamer-Ansicht geöffnet: {url}", url=url))


def _open_browser(url: str) -> None:
    import webbrowser  # lazily: only this key needs it

    webbrowser.open(url)

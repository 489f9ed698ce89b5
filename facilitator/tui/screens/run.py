"""Provides the Run screen: the big timer, the method's steps, the next block, ahead/behind."""

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Digits, Label, Static

from facilitator.core.models import AgendaItem
from facilitator.core.replan import floor_minutes, lateness, propose_replan
from facilitator.core.schedule import format_clock
from facilitator.core.step_fit import fit_minutes
from facilitator.store import timer as timer_service
from facilitator.store.agenda import set_minutes, update_item
from facilitator.tui.activity_keys import ACTIVITY_BINDINGS, ActivityKeys
from facilitator.tui.join_corner import JOIN_CORNER_BINDING, JoinCornerKey
from facilitator.tui.screens import SCREEN_TITLES
from facilitator.tui.screens.base import BaseScreen
from facilitator.tui.text import N_, _, ngettext, pgettext
from facilitator.tui.timing import (
    open_item_after,
    reading,
    rest_of_day,
    timer_text,
    workshop_delay_ms,
)
from facilitator.tui.widgets.big_timer import BigTimer

# from this terminal size on (a projector) the block-letter timer replaces Digits
BIG_WIDTH, BIG_HEIGHT = 100, 36

EXTEND_MINUTES = 5
MINIMUM_MINUTES = 5  # `−` never takes the running block below this
LEVELS = ("ok", "warn", "critical", "over")


class RunScreen(JoinCornerKey, ActivityKeys, BaseScreen):
    """Moderation: what the lead moderator looks at while the workshop runs."""

    heading = SCREEN_TITLES["run"]
    BINDINGS = [
        Binding("space", "start_pause", N_("Start/Pause"), key_display="␣"),
        Binding("n", "next", N_("Nächster")),
        Binding("plus,equals_sign", "extend", N_("+5"), key_display="+"),
        Binding("minus", "shorten", N_("−5"), key_display="-"),
        Binding("s", "skip", N_("Überspr.")),
        Binding("r", "replan", N_("Neu planen"), show=False),
        Binding("o", "collection", N_("Sammeln an/aus"), show=False),
        *ACTIVITY_BINDINGS,  # a activity, v reveal, b projector
        JOIN_CORNER_BINDING,
    ]

    def __init__(self) -> None:
        super().__init__()
        self._last_level: tuple[str | None, str] = (None, "ok")
        self._steps_key: tuple = ()

    def compose_body(self) -> ComposeResult:
        with Vertical(id="run-body"):
            yield Label(id="run-title", markup=False)
            yield Label(id="run-status", markup=False)
            yield Digits("--:--", id="timer")
            yield BigTimer(id="big-timer")
            with Horizontal(id="run-lower"):
                with Vertical(id="run-steps-box"):
                    yield Label(id="run-method", markup=False)
                    yield Static(id="run-steps", markup=False)
                with Vertical(id="run-side"):
                    yield Static(id="run-next", markup=False)
                    yield Static(id="run-collect", markup=False)
                    yield Static(id="run-delay", markup=False)

    def refresh_data(self) -> None:
        self._steps_key = ()
        self.tick()

    def on_resize(self) -> None:
        big = self.size.width >= BIG_WIDTH and self.size.height >= BIG_HEIGHT
        self.query_one("#run-body").set_class(big, "big")
        if big:
            # about a third of the height for the time, the rest for steps and next block
            self.query_one(BigTimer).fit(self.size.width - 4, self.size.height // 3)

    def _show_time(self, text: str) -> None:
        digits = self.query_one("#timer", Digits)
        if digits.value != text:
            digits.update(text)
        self.query_one(BigTimer).show(text)

    def tick(self) -> None:
        super().tick()
        snapshot = self.fapp.snapshot()
        title = self.query_one("#run-title", Label)
        if snapshot is None:
            title.update(_("Kein Workshop gewählt – F2 zeigt alle Workshops."))
            return
        now = self.fapp.now_ms()
        item, current = snapshot.current, reading(snapshot, now)
        self._show_next(snapshot, current is None)
        self._show_collection(item if current is not None else None)
        if item is None or current is None:
            self._show_ready(snapshot.upcoming)
        else:
            self._show_running(snapshot, item, current, now)

    def _show_next(self, snapshot, stopped: bool) -> None:
        """The block after this one; while the timer stands, the one after `upcoming`."""
        upcoming = snapshot.upcoming
        # while the timer stands, space starts `upcoming`: "next" is the block after it
        following = open_item_after(snapshot, upcoming) if stopped and upcoming else upcoming
        next_text = (
            _("Danach: {title} ({minutes} min)", title=following.title, minutes=following.minutes)
            if following
            else _("Danach: Ende")
        )
        self._set(self.query_one("#run-next", Static), next_text)

    def _show_ready(self, upcoming) -> None:
        """No block runs: what space starts, or that everything is done."""
        ready = (
            _("Bereit: Leertaste startet „{title}“.", title=upcoming.title)
            if upcoming
            else _("Alle Agendapunkte sind erledigt.")
        )
        self._set(self.query_one("#run-title", Label), ready)
        self._set(self.query_one("#run-status", Label), "")
        self._show_time(f"{upcoming.minutes:02d}:00" if upcoming else "--:--")
        self._set_level("ok")
        if upcoming:
            self._show_steps(upcoming, upcoming.minutes, 0)
        self._set(self.query_one("#run-delay", Static), "")

    def _show_running(self, snapshot, item, current, now: int) -> None:
        """A block runs (or is paused): its title, state, time left, steps and the delay."""
        self._set(self.query_one("#run-title", Label), item.title)
        self.offer_activity(item)
        state = _("läuft") if current.running else _("pausiert")
        if current.level == "over":
            state += " · " + _("Überzogen")
        self._set(self.query_one("#run-status", Label), state)
        self._show_time(timer_text(current))
        self._set_level(current.level)
        last_id, last_level = self._last_level
        if current.level == "over" and last_id == item.id and last_level != "over":
            self.app.bell()  # once, when the time is up (not when opening an overrun block)
        self._last_level = (item.id, current.level)
        self._show_steps(item, current.planned_ms // 60_000, current.elapsed_ms)
        delay = workshop_delay_ms(snapshot, now)
        self._set(self.query_one("#run-delay", Static), self._delay_text(snapshot, delay, now))

    def _delay_text(self, snapshot, delay: int | None, now: int) -> str:
        """Ahead/behind, measured where it matters: at the next fixed point.

        Right after a re-plan the running block still ends late, but the plan reaches
        the next fixed point in time again; saying "21 min behind" then would be wrong.
        """
        if delay is None:
            return ""
        minutes = round(delay / 60_000)
        rest = rest_of_day(snapshot, now)
        stretch = None
        if rest is not None:
            stretch = next(
                (s for s in lateness(rest.items, rest.start, rest.end) if s.fixed_at is not None),
                None,
            )
        if stretch is None or stretch.fixed_at is None:  # no fixed point ahead: own delay only
            if minutes > 0:
                return _("{minutes} min hinter dem Plan", minutes=minutes)
            if minutes < 0:
                return _("{minutes} min vor dem Plan", minutes=-minutes)
            return _("im Plan")
        titles = {it.id: it.title for it in snapshot.items}
        at = format_clock(stretch.fixed_at)
        target = (
            _("Bis zum Ende ({at})", at=at)
            if stretch.fixed_id is None
            else _("Bis „{title}“ ({at})", title=titles.get(stretch.fixed_id, ""), at=at)
        )
        if stretch.over > 0:
            return _(
                "{minutes} min hinter dem Plan · {target} · r: neu planen",
                minutes=stretch.over,
                target=target,
            )
        if minutes > 0:
            return _(
                "Block endet {minutes} min später · {target} wird gehalten",
                minutes=minutes,
                target=target,
            )
        if minutes < 0:
            return _("{minutes} min vor dem Plan", minutes=-minutes)
        return _("im Plan")

    def _show_collection(self, item: AgendaItem | None) -> None:
        """Whether the phones may send entries to the running block, and the key to change it."""
        line = ""
        if item is not None:
            line = (
                _("Telefone: Sammeln offen · o schließt")
                if item.collection_open
                else _("Telefone: Sammeln geschlossen · o öffnet")
            )
        self._set(self.query_one("#run-collect", Static), line)

    def action_collection(self) -> None:
        """o: open or close the phone form of the running block (as o on F5 does)."""
        snapshot = self.fapp.snapshot()
        item = snapshot.current if snapshot else None
        if snapshot is None or item is None or reading(snapshot, self.fapp.now_ms()) is None:
            self.say(_("Es läuft kein Block; Sammeln öffnet sich mit dem Block."), error=True)
            return
        self.call_service(update_item, item.id, collection_open=0 if item.collection_open else 1)

    @staticmethod
    def _set(widget: Label | Static, text: str) -> None:
        if str(widget.content) != text:
            widget.update(text)

    def _set_level(self, level: str) -> None:
        body = self.query_one("#run-body")
        for name in LEVELS:
            body.set_class(name == level, f"level-{name}")

    def _show_steps(self, item: AgendaItem, planned_min: int, elapsed_ms: int) -> None:
        method_id = item.method
        card = self.fapp.method(method_id) if method_id else None
        if card is None or not card.steps:
            key: tuple = (item.id, None)
            if key != self._steps_key:
                self._steps_key = key
                self.query_one("#run-method", Label).update(pgettext("Methode", "Ablauf"))
                self.query_one("#run-steps", Static).update(
                    item.notes or _("Keine Methode hinterlegt.")
                )
            return
        lang = self.fapp.lang
        # the same fitted minutes as the run sheet: the last step ends with the block
        fitted = fit_minutes([step.minutes for step in card.steps], planned_min)
        bounds, elapsed_min, current_step = 0.0, elapsed_ms / 60_000, len(card.steps) - 1
        for index, minutes in enumerate(fitted):
            bounds += minutes
            if elapsed_min < bounds:
                current_step = index
                break
        key = (method_id, current_step, planned_min)
        if key == self._steps_key:
            return
        self._steps_key = key
        self.query_one("#run-method", Label).update(
            pgettext("Methode", "Ablauf") + ": " + card.name.get(lang)
        )
        text = Text()
        for index, (step, minutes) in enumerate(zip(card.steps, fitted, strict=True)):
            line = _("{minutes:>3} min  {text}", minutes=minutes, text=step.text.get(lang))
            style = "bold reverse" if index == current_step else ""
            text.append(("▶ " if index == current_step else "  ") + line + "\n", style=style)
        self.query_one("#run-steps", Static).update(text)

    # -- keys ----------------------------------------------------------------
    def _run(self, action: Callable[..., object], *args: object) -> None:
        if self.workshop_id is None:
            self.say(_("Kein Workshop gewählt – F2 zeigt alle Workshops."), error=True)
            return
        self.call_service(action, self.workshop_id, *args)

    def _was_over(self) -> bool:
        snapshot = self.fapp.snapshot()
        current = reading(snapshot, self.fapp.now_ms()) if snapshot else None
        return current is not None and current.level == "over"

    def action_start_pause(self) -> None:
        self._run(timer_service.start_or_pause)

    def action_next(self) -> None:
        over = self._was_over()
        self._run(timer_service.advance)
        if over:
            self.propose_replan(quiet=True)

    def action_skip(self) -> None:
        over = self._was_over()
        self._run(timer_service.skip)
        if over:
            self.propose_replan(quiet=True)

    def action_extend(self) -> None:
        self._run(timer_service.extend, EXTEND_MINUTES)

    def action_shorten(self) -> None:
        """−5, but never below five minutes (nor to zero, nor under what already ran)."""
        snapshot = self.fapp.snapshot()
        current = reading(snapshot, self.fapp.now_ms()) if snapshot else None
        if current is None:
            self._run(timer_service.extend, -EXTEND_MINUTES)  # the service says why not
            return
        planned = current.planned_ms // 60_000
        elapsed = -(-current.elapsed_ms // 60_000)
        least = max(MINIMUM_MINUTES, elapsed)
        step = min(EXTEND_MINUTES, planned - least)
        if step <= 0:
            self.say(
                _(
                    "Kürzer geht nicht: der Block hat {minutes} min (mindestens 5 min, "
                    "nicht unter die schon gelaufene Zeit).",
                    minutes=planned,
                ),
                error=True,
            )
            return
        self._run(timer_service.extend, -step)

    def action_replan(self) -> None:
        self.propose_replan(quiet=False)

    def floor(self, item: AgendaItem) -> int:
        """The shortest a block may become: its method card's minimum, at least 5 min."""
        card = self.fapp.method(item.method)
        return floor_minutes(card.duration_min if card else None)

    def propose_replan(self, quiet: bool) -> None:
        """Offer to catch up before each fixed point (pinned items, the end)."""
        from facilitator.tui.dialogs.replan import ReplanDialog

        self.fapp.data_version += 1  # the timer just changed: read it afresh
        snapshot = self.fapp.snapshot()
        if snapshot is None:
            return
        rest = rest_of_day(snapshot, self.fapp.now_ms())
        if rest is None:
            if not quiet:
                self.say(
                    _(
                        "Kein Neuplanen nötig: der nächste feste Termin und das Ende werden "
                        "gehalten."
                    )
                )
            return
        plan = propose_replan(rest.items, rest.start, rest.end, self.floor)
        # the same delay reaches every later fixed point: the largest is how late we are
        behind = max((s.over for s in plan.stretches), default=0)
        if behind <= 0:
            if not quiet:
                self.say(
                    _(
                        "Kein Neuplanen nötig: der nächste feste Termin und das Ende werden "
                        "gehalten."
                    )
                )
            return
        if not plan.possible:
            self.say(
                _("Nichts zu kürzen: alle Blöcke sind schon bei der Mindestdauer."), error=True
            )
            return

        def decided(minutes: dict | None) -> None:
            if not minutes:
                return
            set_minutes(self.store, minutes)  # one batch: one ctrl+z takes the re-plan back
            self.say(
                ngettext(
                    "Plan angepasst: {n} Block gekürzt.",
                    "Plan angepasst: {n} Blöcke gekürzt.",
                    len(minutes),
                )
            )

        dialog = ReplanDialog(behind, rest.items, plan, rest.start, rest.end, self.floor)
        self.app.push_screen(dialog, decided)

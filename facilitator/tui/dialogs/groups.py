"""Provides "Gruppen vorschlagen": peer groups of the organisations by topic and/or distance.

The matching runs in a worker on a connection of its own (it loads numpy and reads
every capture of the series); bad input is a line in the dialog, never a traceback.
"""

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from facilitator.core.errors import UserError
from facilitator.locale import gettext, ngettext
from facilitator.tui.dialogs.common import MessageDialog
from facilitator.tui.host import as_facilitator
from facilitator.tui.reader import own_connection
from facilitator.tui.text import N_, _, pgettext, translated

# what the groups are formed by (core.matching.BY_CHOICES), as the radio buttons say it
BY_CHOICES = {"topic": N_("Themen"), "distance": N_("Entfernung"), "both": N_("beidem")}


class GroupsDialog(MessageDialog[None]):
    """Number of groups, by what; then the groups, the offer/request pairs and warnings."""

    BINDINGS = [Binding("escape", "close", show=False)]
    MESSAGE_ID = "#groups-message"

    def __init__(self, workshop_id: str, groups: int = 4) -> None:
        super().__init__()
        self.workshop_id, self.groups = workshop_id, groups

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="groups-dialog"):
            yield Label(
                pgettext("dialog title", "Gruppen vorschlagen"),
                classes="dialog-title",
                markup=False,
            )
            with Horizontal(id="groups-form"):
                yield Label(_("Zahl der Gruppen"), markup=False)
                yield Input(str(self.groups), id="groups-count", type="integer")
                yield Label(_("Gruppieren nach"), markup=False)
                with RadioSet(id="groups-by"):
                    for by, label in BY_CHOICES.items():
                        yield RadioButton(translated(label), value=by == "both", id=by)
                yield Button(_("Vorschlagen"), id="groups-run", variant="primary")
            yield Label(id="groups-message", markup=False)
            with VerticalScroll(id="groups-scroll"):
                yield Static(id="groups-result", markup=False)

    def on_mount(self) -> None:
        self.query_one("#groups-count", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_suggest()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_suggest()

    def action_suggest(self) -> None:
        text = self.query_one("#groups-count", Input).value.strip()
        try:
            groups = int(text)
        except ValueError:
            self.say(_("Die Zahl der Gruppen muss eine ganze Zahl sein."), error=True)
            return
        pressed = self.query_one("#groups-by", RadioSet).pressed_button
        by = str(pressed.id) if pressed is not None else "both"
        self.say(_("Rechne …"))
        self.suggest(groups, by)

    @work(thread=True, exclusive=True, group="groups", exit_on_error=False)
    def suggest(self, groups: int, by: str) -> None:
        from facilitator.store.matching import suggest_groups

        try:
            with own_connection(as_facilitator(self.app).store) as reader:
                result = suggest_groups(reader, groups, by, None, workshop_id=self.workshop_id)
        except UserError as err:  # zero groups, more groups than organisations …
            as_facilitator(self.app).call_from_thread(
                self.show_error, err.text(as_facilitator(self.app).lang)
            )
            return
        except Exception as err:
            self.app.call_from_thread(
                self.show_error, _("Gruppen konnten nicht berechnet werden: {error}", error=err)
            )
            return
        self.app.call_from_thread(self.show, result)

    def show_error(self, text: str) -> None:
        self.say(text, error=True)
        self.query_one("#groups-result", Static).update("")

    def show(self, result) -> None:
        self.say("")
        self.query_one("#groups-result", Static).update(
            render_result(result, as_facilitator(self.app).lang)
        )

    def action_close(self) -> None:
        self.dismiss(None)


def render_result(result, lang: str) -> Text:
    """The groups, the offer/request pairs and the warnings as one text."""
    from facilitator.core.pairing import pair_reason

    out = Text()
    for number, members in enumerate(result.groups, start=1):
        _append_group(out, number, members, lang)
    out.append(gettext("Biete/Suche-Paare", lang) + "\n", style="bold")
    if not result.pairs:
        out.append("  " + gettext("Keine Biete/Suche-Paare gefunden.", lang) + "\n")
    for pair in result.pairs:
        reason = pair_reason(pair, lang, _topic(pair.topic, lang))
        line = gettext(
            "{offer_org} bietet „{offer}“ → {request_org} sucht „{request}“ ({reason})",
            lang,
            offer_org=pair.offer_org,
            offer=pair.offer_text,
            request_org=pair.request_org,
            request=pair.request_text,
            reason=reason,
        )
        out.append(f"  • {line}\n")
    for warning in result.warnings:
        out.append("\n" + gettext("Warnung: {text}", lang, text=warning), style="yellow")
    return out


def _topic(key: str | None, lang: str) -> str:
    from facilitator.core.taxonomy import TOPICS

    return TOPICS[key].get(lang) if key in TOPICS else (key or "")


def _append_group(out: Text, number: int, members: list, lang: str) -> None:
    """One group: its size and spread, the topics its members share, and the members."""
    from facilitator.core.matching import shared_topics, span_km

    facts = [
        ngettext("{n} Organisation", "{n} Organisationen", len(members), lang),
    ]
    span = span_km(members)
    if span is not None and span < 1:
        facts.append(gettext("alle am selben Ort", lang))
    elif span is not None:
        km = f"{span:.0f}"
        facts.append(gettext("höchstens {km} km auseinander", lang, km=km))
    out.append(gettext("Gruppe {number}", lang, number=number), style="bold")
    out.append(f" – {' · '.join(facts)}\n")
    topics = ", ".join(_topic(t, lang) for t in shared_topics(members))
    if topics:
        shared = gettext("Gemeinsame Themen: {topics}", lang, topics=topics)
        out.append(f"  {shared}\n", style="italic")
    for org in members:
        place = org.municipality
        shown = place and place.casefold() not in org.name.casefold()
        out.append(f"  • {org.name}{f' – {place}' if shown else ''}\n")
    out.append("\n")

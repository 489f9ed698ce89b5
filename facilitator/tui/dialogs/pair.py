"""Provides the pairing dialog: this laptop's sync address and code, and connecting to the other.

The pairing code holds a secret (it lets a laptop read and change the workshop or
series it was made for) and the fingerprint of this laptop's certificate, so it is
shown here, on the moderators' screen, once, right after "Code: Workshop/Reihe" made
it; the dialog never opens over the projector's Join view. "Widerrufen" revokes every
code this laptop offers.
"""

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label

from facilitator.core.errors import UserError
from facilitator.tui.dialogs.common import MessageDialog
from facilitator.tui.text import _

if TYPE_CHECKING:
    from facilitator.sync.server import SyncServer


class PairDialog(MessageDialog[None]):
    """Show this laptop's sync URL and code; connect to the other laptop's."""

    BINDINGS = [Binding("escape", "close", show=False)]
    MESSAGE_ID = "#pair-message"

    @property
    def url_box(self) -> Input:
        """The other laptop's address."""
        return self.query_one("#pair-url", Input)

    @property
    def code_box(self) -> Input:
        """The other laptop's pairing code."""
        return self.query_one("#pair-code", Input)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="pair-dialog"):
            yield Label(_("Zweiten Laptop verbinden"), classes="dialog-title", markup=False)
            yield Label(
                _("Dieser Laptop – auf dem anderen eingeben (nicht an den Beamer):"), markup=False
            )
            yield Label(id="pair-this-url", markup=False)
            yield Label(id="pair-this-code", markup=False)
            yield Label(id="pair-offers", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Code: Workshop"), id="pair-offer-workshop", compact=True)
                yield Button(_("Code: Reihe"), id="pair-offer-series", compact=True)
                yield Button(_("Kurzcode"), id="pair-offer-short", compact=True)
                yield Button(_("Widerrufen"), id="pair-revoke", compact=True)
            yield Label(_("Mit dem anderen Laptop verbinden:"), id="pair-other", markup=False)
            # compact: the dialog must fit at 80×24 with a two-line message
            yield Input(
                placeholder=_("Adresse, z. B. https://192.168.1.20:8766"),
                id="pair-url",
                compact=True,
            )
            yield Input(
                placeholder=_("Pairing-Code oder Kurzcode des anderen Laptops"),
                id="pair-code",
                compact=True,
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Verbinden"), id="pair-connect", variant="primary", compact=True)
                yield Button(_("Schließen"), id="pair-close", compact=True)
            yield Label(id="pair-status", markup=False)
            yield Label(id="pair-message", markup=False)

    def on_mount(self) -> None:
        self.show_this_laptop()
        self.show_status()
        self.url_box.focus()
        self.load_remembered()

    def show_this_laptop(self, code: str | None = None) -> None:
        """This laptop's address, the code just made (shown only now) and what is offered."""
        from facilitator.store.sync_pairing import list_offers

        store = self.fapp.store
        offers = list_offers(store)
        scopes = "; ".join(offer.scope.describe(store) for offer in offers)
        self.query_one("#pair-offers", Label).update(
            _("Angeboten: {scopes}", scopes=scopes)
            if offers
            else _(
                "Noch kein Code angeboten: „Code: Workshop“ oder „Code: Reihe“ öffnet "
                "den Sync-Port."
            )
        )
        server = self.fapp.sync_server
        if server is None:  # the port opens with the first code (or it is taken)
            self._this(
                _(
                    "Dieser Laptop bietet keinen Sync an (Sync-Port belegt oder aus); er "
                    "kann sich aber mit dem anderen verbinden."
                )
                if offers
                else "",
                "",
            )
            return
        if code is None:
            self._this("", "")
        else:
            groups = code.split("-")  # 16 groups of four: two lines of eight fit 80 columns
            lines = "-".join(groups[:8]) + "\n" + "-".join(groups[8:])
            self._this("", _("Pairing-Code: {code}", code="\n" + lines))
        self.find_url(server)

    @work(thread=True, group="pair-info", exit_on_error=False)
    def find_url(self, server: "SyncServer") -> None:
        """The address off the UI thread: finding the LAN address asks the resolver."""
        url = server.url
        if url:
            self.app.call_from_thread(self._this, _("Adresse: {url}", url=url), None)

    def _this(self, url_line: str | None, code_line: str | None) -> None:
        if url_line is not None:
            self.query_one("#pair-this-url", Label).update(url_line)
        if code_line is not None:
            code = self.query_one("#pair-this-code", Label)
            code.update(code_line)
            code.display = bool(code_line)

    def load_remembered(self) -> None:
        from facilitator.store.sync_pairing import PAIRING_KEY

        raw = self.fapp.store.get_meta(PAIRING_KEY)
        if raw:
            import json

            try:
                self.url_box.value = str(json.loads(raw)["url"])
            except (ValueError, KeyError, TypeError):
                pass

    def show_status(self) -> None:
        label = self.fapp.sync_label()
        status = self.fapp.sync_status()
        text = (
            _("Stand: {status}", status=label) if label else _("Noch mit keinem Laptop verbunden.")
        )
        if status is not None and not status.connected and status.message:
            text += f" – {status.message}"
        self.query_one("#pair-status", Label).update(text)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "pair-url":
            self.code_box.focus()
        else:
            self.action_connect()

    @on(Button.Pressed, "#pair-connect")
    def _connect_pressed(self) -> None:
        self.action_connect()

    @on(Button.Pressed, "#pair-offer-workshop")
    def _offer_workshop_pressed(self) -> None:
        self.offer(False)

    @on(Button.Pressed, "#pair-offer-series")
    def _offer_series_pressed(self) -> None:
        self.offer(True)

    @on(Button.Pressed, "#pair-offer-short")
    def _offer_short_pressed(self) -> None:
        self.offer_short()

    @on(Button.Pressed, "#pair-revoke")
    def _revoke_pressed(self) -> None:
        self.revoke()

    @on(Button.Pressed, "#pair-close")
    def _close_pressed(self) -> None:
        self.action_close()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()  # handled above, by the button's id; the screen below never sees it

    @work(exclusive=True, group="pair-offer", exit_on_error=False)
    async def revoke(self) -> None:
        """Revoke every code this laptop offers; the sync port closes."""
        count = await self.fapp.revoke_pairings()
        self.show_this_laptop()
        self.say(_("{count} Kopplung(en) widerrufen: ihre Codes öffnen nichts mehr.", count=count))

    @work(exclusive=True, group="pair-offer", exit_on_error=False)
    async def offer(self, series: bool) -> None:
        """A new code for this workshop or its series; the sync port opens with the first."""
        try:
            code, offer = await self.fapp.offer_pairing(series)
        except ImportError:
            self.say(_("Sync ist in dieser Version nicht verfügbar."), error=True)
            return
        except UserError as err:
            self.say(err.text(self.fapp.lang), error=True)
            return
        self.show_this_laptop(code)
        store = self.fapp.store
        self.say(
            _(
                "Neuer Code – nur jetzt sichtbar; gespeichert wird nur ein Hash.",
                scope=offer.scope.describe(store),
            )
        )

    @work(exclusive=True, group="pair-offer", exit_on_error=False)
    async def offer_short(self) -> None:
        """A short code for this workshop: typed on the other laptop within ten minutes."""
        from datetime import datetime, timedelta

        from facilitator.sync.short_code import LIFETIME_S, MAX_FAILURES, grouped_short

        try:
            short = await self.fapp.offer_short_pairing()
        except ImportError:
            self.say(_("Sync ist in dieser Version nicht verfügbar."), error=True)
            return
        except UserError as err:
            self.say(err.text(self.fapp.lang), error=True)
            return
        self.show_this_laptop()
        until = (datetime.now() + timedelta(seconds=LIFETIME_S)).strftime("%H:%M")  # just made
        code = grouped_short(short.code)
        self._this(
            None,
            _(
                "Kurzcode: {code}  (bis {until}, eine Kopplung, {tries} Versuche)",
                code=code,
                until=until,
                tries=MAX_FAILURES,
            ),
        )
        store = self.fapp.store
        self.say(
            _(
                "Kurzcode für {scope}: auf dem anderen Laptop mit Adresse eintippen.",
                scope=short.scope.describe(store),
            )
        )

    def action_connect(self) -> None:
        url = self.url_box.value.strip()
        code = self.code_box.value.strip()
        if not url or not code:
            self.say(_("Bitte Adresse und Sync-Code eingeben."), error=True)
            return
        self.say(_("Verbinde mit {url} …", url=url))
        self.connect(url, code)

    @work(exclusive=True, group="pair", exit_on_error=False)
    async def connect(self, url: str, code: str) -> None:
        """One round with the other laptop, then sync in the background (app's loop)."""
        try:
            status = await self.fapp.pair(url, code)
        except ImportError:
            self.say(_("Sync ist in dieser Version nicht verfügbar."), error=True)
            return
        except UserError as err:  # wrong code, or an address that is no URL
            self.say(err.text(self.fapp.lang), error=True)
            return
        self.show_status()
        if status.connected:
            self.fapp.say(self.fapp.sync_label())
            self.dismiss(None)
        else:
            # Remembered anyway: the app keeps trying in the background.
            self.say(status.message, error=True)

    def action_close(self) -> None:
        self.dismiss(None)

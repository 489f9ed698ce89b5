"""Provides the Join screen: the join QR code full-screen for the projector, URL and code."""

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.widgets import Label, Static

from facilitator.tui.join_corner import JOIN_CORNER_BINDING, JoinCornerKey
from facilitator.tui.screens import SCREEN_TITLES
from facilitator.tui.screens.base import BaseScreen
from facilitator.tui.text import N_, _, ngettext, translated

if TYPE_CHECKING:  # aiohttp loads with the server, not with this screen
    from facilitator.web.runner import ParticipantServer


# lines the Join screen needs besides the QR code: header, title, URL, code, status (2),
# footer and a margin
JOIN_LINES = 8


# refusals by the participant server's caps, grouped by why
WHY = {
    "address": N_("je Adresse {count}"),
    "rate": N_("zu schnell {count}"),
    "phone": N_("je Handy {count}"),
    "full": N_("voll {count}"),
    "other": N_("sonstige {count}"),
}


def _most(group: tuple[str, int]) -> tuple[int, str]:
    return (-group[1], group[0])


class JoinScreen(JoinCornerKey, BaseScreen):
    """Large QR code in dark-on-light, whatever the theme, so phones can read it."""

    heading = SCREEN_TITLES["join"]
    # The pairing code is never shown here, and the pairing dialog never opens over this
    # screen (the projector shows it): pair from the Start screen (F2, v) instead.
    BINDINGS = [
        # the photo upload page's QR code opens in a dialog on demand (u), same reason
        Binding("u", "upload", N_("Foto-Upload")),
        # phones behind one router (NAT): only the moderators can tell a room from a flood
        Binding("a", "shared_address", N_("Geteilte Adresse"), show=False),
        JOIN_CORNER_BINDING,
    ]

    def __init__(self) -> None:
        super().__init__()
        self._url: str | None = None
        self._scale = 1
        self._hinted: str | None = None  # the address the NAT hint was last shown for

    def on_resize(self) -> None:
        self.refresh_data()  # the QR code's scale follows the terminal's size

    def compose_body(self) -> ComposeResult:
        with Vertical(id="join-body"):
            yield Label(_("Mit dem Handy scannen und mitmachen"), id="join-scan", markup=False)
            with Center():
                yield Static(id="join-qr", markup=False)
            yield Label(id="join-url", markup=False)
            yield Label(id="join-code", markup=False)
            yield Label(id="join-server", markup=False)

    def action_upload(self) -> None:
        from facilitator.tui.dialogs.upload import UploadDialog

        self.app.push_screen(UploadDialog())

    def action_shared_address(self) -> None:
        from facilitator.store.room import phones_share_address, set_phones_share_address
        from facilitator.web.caps import SHARED_FACTOR, Caps

        workshop_id = self.fapp.workshop_id
        if workshop_id is None:
            return
        shared = not phones_share_address(self.fapp.store, workshop_id)
        set_phones_share_address(self.fapp.store, workshop_id, shared)
        voters = Caps().voters_per_address * (SHARED_FACTOR if shared else 1)
        if shared:
            said = _(
                "Geteilte Adresse an: je Adresse zählen jetzt bis zu {voters} Abstimmende.",
                voters=voters,
            )
        else:
            said = _(
                "Geteilte Adresse aus: je Adresse zählen wieder höchstens {voters} Abstimmende.",
                voters=voters,
            )
        self.fapp.say(said)

    def _why(self, reasons: dict[str, int]) -> str:
        """Return the refusals grouped by why (per address, too fast, per phone, full)."""
        groups: dict[str, int] = {}
        for reason, count in reasons.items():
            if reason.endswith("_address") or reason == "connections":
                group = "address"
            elif reason == "rate":
                group = "rate"
            elif reason.endswith("_phone"):
                group = "phone"
            elif reason.endswith(("_item", "_workshop", "_total")):
                group = "full"
            else:
                group = "other"
            groups[group] = groups.get(group, 0) + count
        shown = [translated(WHY[g], count=n) for g, n in sorted(groups.items(), key=_most)]
        return _(": {reasons}", reasons=", ".join(shown))

    def _room_line(self, server: "ParticipantServer") -> str:
        if server.phones_share_address:
            return _("Geteilte Adresse (NAT) an: höhere Obergrenzen je Adresse (a schaltet aus)")
        crowded = server.crowded_address()
        if crowded is None:
            return ""
        return _(
            "{phones} Handys kommen von {address}: teilen sie sich eine Adresse "
            "(NAT)? a hebt die Obergrenzen je Adresse an.",
            address=crowded[0],
            phones=crowded[1],
        )

    def refresh_data(self) -> None:
        from facilitator.export.qr import qr_scale, qr_text

        url = self.fapp.join_url()
        if url is None:
            # no workshop (deleted) or no server: no QR code that leads nowhere
            self._url = None
            self.query_one("#join-qr", Static).update("")
            self.query_one("#join-code", Label).update("")
            problem = self.fapp.server_problem if self.fapp.workshop_id else None
            if problem is None and self.fapp.workshop_id and self.fapp.server_wanted:
                problem = _("Teilnehmer-Server startet …")  # the QR code follows once it serves
            self.query_one("#join-url", Label).update(
                problem or _("Kein Workshop gewählt – F2 zeigt alle Workshops.")
            )
            return
        # the code grows with the terminal (a projector's is large): lines for the rest
        width, height = self.app.size
        scale = qr_scale(url, width - 2, height - JOIN_LINES)
        if (url, scale) != (self._url, self._scale):
            self._url, self._scale = url, scale
            self.query_one("#join-qr", Static).update(qr_text(url, scale))
        self.query_one("#join-url", Label).update(url)
        self.query_one("#join-code", Label).update(_("Code: {code}", code=self.fapp.join_code()))

    def tick(self) -> None:
        super().tick()
        server = self.fapp.server
        if server is not None:
            text = self._server_text(server)
            if self.fapp.join_url() != self._url:
                self.refresh_data()
        else:
            text = "" if self._url is None else (self.fapp.server_problem or "")
            if self._url is None and self.fapp.join_url() is not None:
                self.refresh_data()
        label = self.query_one("#join-server", Label)
        if str(label.content) != text:
            label.update(text)

    def _server_text(self, server: "ParticipantServer") -> str:
        """Phones connected, requests refused and why, and a crowded address (once said)."""
        text = ngettext("{n} Handy verbunden", "{n} Handys verbunden", server.phones_connected)
        if server.refused:  # the moderators see that a flood is being held off, and why
            text += ngettext(
                " · {n} Anfrage abgewiesen (Obergrenzen)",
                " · {n} Anfragen abgewiesen (Obergrenzen)",
                server.refused,
            )
            text += self._why(server.refused_by_reason())
        room = self._room_line(server)
        if room:
            text += "\n" + room  # below the QR code where the terminal has room
            crowded = server.crowded_address()
            if crowded and not server.phones_share_address and crowded[0] != self._hinted:
                self._hinted = crowded[0]  # and once as a notice, seen at 80×24 too
                self.fapp.say(room)
        if self.fapp.server_note:
            text = f"{self.fapp.server_note} · {text}"
        return text

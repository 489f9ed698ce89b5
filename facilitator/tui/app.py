"""Provides the moderators' app and `create_app`, the one factory for CLI, demo and tests."""

import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, TypedDict, Unpack

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.css.query import NoMatches
from textual.screen import Screen

from facilitator.core.errors import UserError
from facilitator.locale import gettext
from facilitator.net import DEFAULT_PORT, lan_addresses, phone_ports
from facilitator.privacy import PrivacySettingsError, missing_fields
from facilitator.store.db import Store
from facilitator.store.session import remember_workshop
from facilitator.store.undo import undo_last
from facilitator.tui.heap import settle_heap
from facilitator.tui.roles import HasHeader, HasMessageLine, Refreshes
from facilitator.tui.screens import SCREEN_TITLES, SCREENS
from facilitator.tui.sync_link import SyncLink
from facilitator.tui.text import N_, NP_, _, translated
from facilitator.tui.timing import Snapshot, load_snapshot

if TYPE_CHECKING:  # the web server is imported when it starts (aiohttp: start-up time)
    from facilitator.web.runner import ParticipantServer

SERVER_PORT = DEFAULT_PORT
PORT_TRIES = 10  # 8765 … 8774, less the sync port 8766
SCREEN_KEYS = {
    "start": "f2",
    "plan": "f3",
    "run": "f4",
    "captures": "f5",
    "participants": "f6",
    "methods": "f7",
    "join": "f8",
    "export": "f9",
}

# an undone op named by its table and verb ("capture.delete" -> "Eintrag gelöscht")
UNDONE = {
    "capture": N_("Eintrag"),
    "agenda_item": N_("Agendapunkt"),
    "participant": NP_("undone change", "Teilnehmende"),
    "add": N_("angelegt"),
    "edit": N_("geändert"),
    "update": N_("geändert"),
    "delete": N_("gelöscht"),
    "remove": N_("entfernt"),
    "restore": N_("wiederhergestellt"),
    "move": N_("verschoben"),
    "consent": N_("Einwilligung geändert"),
}


class FacilitatorApp(SyncLink, App):
    """Plan, run and capture a workshop; every change goes through the store's services."""

    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "facilitator"
    ENABLE_COMMAND_PALETTE = True
    MODES: ClassVar[dict[str, str | Callable[[], Screen]]] = {**SCREENS}  # Textual's own type
    BINDINGS = [
        Binding("f1", "help", N_("Hilfe"), key_display="F1", show=False),
        Binding("c", "capture", N_("Erfassen")),
        Binding("ctrl+z", "undo", N_("Rückgängig"), show=False),
        Binding("ctrl+t", "toggle_dark", N_("Hell/Dunkel"), show=False),
        *[
            Binding(
                key, f"show('{name}')", SCREEN_TITLES[name], show=False, key_display=key.upper()
            )
            for name, key in SCREEN_KEYS.items()
        ],
    ]

    def __init__(
        self,
        store: Store,
        workshop_id: str | None = None,
        *,
        lang: str = "de",
        now_ms: Callable[[], int] | None = None,
        server: bool = True,
        join_host: str | None = None,
        join_code: str | None = None,
        server_host: str = "0.0.0.0",
        theme: str = "textual-dark",
        first_screen: str | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.workshop_id = workshop_id
        self.lang = lang
        self.now_ms = now_ms or store.now_ms
        self.server_wanted = server
        self.server: ParticipantServer | None = None
        self.server_problem: str | None = (
            None if server else gettext("Teilnehmer-Server ausgeschaltet (--no-server)", lang)
        )
        self.server_note: str | None = None  # "8765 was busy, serving on 8766"
        self.poster_note: str | None = None  # the printed poster leads elsewhere
        self.server_port = SERVER_PORT
        self.server_host = server_host  # where phones (and the other laptop) reach us
        self.join_host = join_host
        self.join_code_override = join_code
        self.first_screen = first_screen or ("run" if workshop_id else "start")
        self.data_version = 0
        self._snapshot: tuple[int, str | None, Snapshot | None] = (-1, None, None)
        self._refresh_pending = False
        self._methods: dict | None = None
        self.methods_problem: str | None = None
        self.theme = theme
        store.subscribe(self._on_ops)

    # -- data -------------------------------------------------------------
    def snapshot(self) -> Snapshot | None:
        """The agenda and timer of the open workshop, re-read only after a change."""
        version, workshop_id, cached = self._snapshot
        if self.workshop_id is None:
            return None
        if version != self.data_version or workshop_id != self.workshop_id or cached is None:
            try:
                cached = load_snapshot(self.store, self.workshop_id)
            except UserError:
                self.workshop_id, cached = None, None
            self._snapshot = (self.data_version, self.workshop_id, cached)
        return cached

    def methods(self) -> dict:
        """The method cards by id, loaded on first use (a broken card is reported, not fatal)."""
        if self._methods is None:
            from facilitator.library import load_methods

            try:
                self._methods = load_methods()
            except UserError as err:
                self._methods, self.methods_problem = {}, err.text(self.lang)
        return self._methods

    def method(self, method_id: str | None):  # -> MethodCard | None
        return self.methods().get(method_id) if method_id else None

    def _on_ops(self, ops: list) -> None:
        self.data_version += 1
        if self._refresh_pending or not self.is_running:
            return
        self._refresh_pending = True
        if threading.get_ident() == self._thread_id:
            self.call_later(self._refresh_screens)
        else:
            self.call_from_thread(self._refresh_screens)

    def _refresh_screens(self) -> None:
        self._refresh_pending = False
        for screen in self.screen_stack:
            if isinstance(screen, Refreshes) and screen.is_mounted:
                screen.refresh_data()

    def open_workshop(self, workshop_id: str | None) -> None:
        """Make `workshop_id` the workshop every screen, the phones and the projector show."""
        self.workshop_id = workshop_id
        self.data_version += 1
        if workshop_id is not None:
            # the phone server and projector follow only this explicit choice, never a
            # workshop that was just created or synced; the next start returns to it
            if self.server is not None:
                self.server.follow(workshop_id)
            self._remember_workshop()
        self._refresh_screens()

    def _remember_workshop(self) -> None:
        try:
            remember_workshop(self.store, self.workshop_id)
        except Exception:  # a read-only or busy database must not stop the room
            pass

    def join_code(self) -> str | None:
        if self.join_code_override:
            return self.join_code_override
        if self.workshop_id is None:
            return None
        from facilitator.store.workshops import get_workshop

        return get_workshop(self.store, self.workshop_id).join_code

    def join_url(self) -> str | None:
        code = self.join_code()
        if code is None:
            return None
        if self.server is not None and self.join_host is None:
            urls = self.server.join_urls(code)
            if urls:
                return urls[0]
        if self.server_wanted and self.server is None:
            # not (yet) serving: a QR code would lead nowhere (or to another server)
            return None
        return f"http://{self.join_host or lan_addresses()[0]}:{self.server_port}/j/{code}"

    # -- life cycle ----------------------------------------------------------
    def on_mount(self) -> None:
        if self.workshop_id is not None:
            self._remember_workshop()
        self.switch_mode(self.first_screen)
        self.set_interval(1.0, self._tick)
        if self.server_wanted:
            self.run_worker(self._start_server(), name="participant-server", exit_on_error=False)
        self.run_worker(self._resume_sync(), name="sync", exit_on_error=False)
        self._check_privacy_notice()
        self.call_after_refresh(self._tell_retention)
        self.call_after_refresh(settle_heap)

    def _check_privacy_notice(self) -> None:
        """Tell the moderators at start if phones will see no registration."""
        try:
            missing = missing_fields()
        except PrivacySettingsError as err:  # a broken privacy.toml: say where, not guess
            self.notify(err.text(self.lang), severity="error", markup=False, timeout=30)
            return
        if missing:
            text = _(
                "Der Datenschutzhinweis nennt noch keine verantwortliche Stelle: die "
                "Handys sehen keine Anmeldung. Eintragen: F6, Taste p."
            )
            self.notify(text, severity="warning", markup=False, timeout=30)

    def _tell_retention(self) -> None:
        """One line at start when workshops are past retention_days (privacy.toml)."""
        from datetime import datetime

        from facilitator.privacy import privacy_notice
        from facilitator.store.people import past_retention

        days = privacy_notice().retention_days
        today = datetime.fromtimestamp(self.store.now_ms() / 1000).date().isoformat()
        count = past_retention(self.store, days, today) if days else 0
        if count:
            self.say(
                _(
                    "{count} Workshop(s) älter als die Speicherdauer ({days} Tage): "
                    "facilitator purge löscht ihre Personendaten.",
                    count=count,
                    days=days,
                )
            )

    async def _start_server(self) -> None:
        try:
            from facilitator.web.runner import start_participant_server
        except ImportError:
            self.server_problem = _("Teilnehmer-Server nicht verfügbar")
            self._refresh_screens()
            return
        except Exception as err:  # a broken install (e.g. no web/static): say so, no QR code
            self.server_problem = _(
                "Kein QR-Code: Der Teilnehmer-Server startet nicht ({error}); bitte "
                "facilitator neu installieren.",
                error=_reason(err),
            )
            self._refresh_screens()
            return
        # another app (or a second facilitator) on 8765: take the next free port and say
        # so, rather than showing a QR code that leads to someone else's server
        last_error: object = None
        for port in phone_ports(SERVER_PORT, SERVER_PORT + PORT_TRIES - 1):
            try:
                self.server = await start_participant_server(
                    self.store, host=self.server_host, port=port, workshop_id=self.workshop_id
                )
            except UserError as err:
                last_error = err.text(self.lang)
                continue
            except OSError as err:
                last_error = err.strerror or err
                continue
            except Exception as err:  # the app must keep working without phones
                self.server_problem = _(
                    "Kein QR-Code: Der Teilnehmer-Server startet nicht ({error}); bitte "
                    "facilitator neu installieren.",
                    error=_reason(err),
                )
                break
            self.server_port = port
            if port != SERVER_PORT:
                self.server_note = _(
                    "Port {busy} ist belegt – der Teilnehmer-Server läuft auf Port {port}.",
                    busy=SERVER_PORT,
                    port=port,
                )
                self.say(self.server_note)
            break
        if self.server is None and self.server_problem is None:
            self.server_problem = _(
                "Kein QR-Code: Die Ports {first}–{last} sind belegt ({error}); bitte "
                "das andere Programm beenden und die App neu starten.",
                first=SERVER_PORT,
                last=SERVER_PORT + PORT_TRIES - 1,
                error=last_error,
            )
        else:
            self.check_poster()
            settle_heap()  # the phone server's objects live as long as the app
        self._refresh_screens()
        await self._offer_sync_at_start()

    def check_poster(self) -> None:
        """Say so when the printed poster's QR code leads to an address this laptop lost."""
        if self.server is None or self.workshop_id is None:
            return
        from urllib.parse import urlsplit

        from facilitator.store.join_address import poster_elsewhere

        serving = [urlsplit(url).hostname or "" for url in self.server.join_urls("x")]
        printed = poster_elsewhere(self.store, self.workshop_id, [*serving, self.join_host or ""])
        self.poster_note = (
            _(
                "Der Aushang führt zu {printed}, dieser Laptop ist {here}: QR am Beamer "
                "zeigen (F8) oder feste Adresse setzen (facilitator join-host).",
                printed=printed,
                here=serving[0] if serving else "?",
            )
            if printed
            else None
        )
        if self.poster_note:
            self.say(self.poster_note, error=True)

    async def on_unmount(self) -> None:
        self.store.unsubscribe(self._on_ops)
        if self.sync is not None:
            await self.sync.stop()
        if self.sync_server is not None:
            await self.sync_server.cleanup()
            self.sync_server = None
        if self.server is not None:
            await self.server.stop()
            self.server = None

    def _tick(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, HasHeader) and screen.is_mounted:
                try:
                    screen.tick()
                except NoMatches:
                    # a screen still composing or already going away has no widgets to
                    # update this second (seen on loaded laptops): the next tick will
                    pass

    # -- actions -------------------------------------------------------------
    def say(self, text: str, error: bool = False) -> None:
        """Show a one-line message on the current screen."""
        for screen in reversed(self.screen_stack):
            if isinstance(screen, HasMessageLine):
                screen.say(text, error)
                return
        self.notify(text, severity="error" if error else "information", markup=False)

    def action_show(self, name: str) -> None:
        while len(self.screen_stack) > 1 and self.screen.is_modal:
            self.pop_screen()
        self.switch_mode(name)

    def action_help(self) -> None:
        from facilitator.tui.dialogs.help import HelpDialog

        if not isinstance(self.screen, HelpDialog):
            self.push_screen(HelpDialog(self.screen))

    def action_capture(self) -> None:
        from facilitator.tui.dialogs.capture import CaptureDialog

        if self.workshop_id is None:
            self.say(_("Kein Workshop gewählt – F2 zeigt alle Workshops."), error=True)
        elif not isinstance(self.screen, CaptureDialog):
            self.push_screen(CaptureDialog())

    def action_undo(self) -> None:
        if self.workshop_id is None:
            return
        try:
            undone = undo_last(self.store, self.workshop_id)
        except UserError as err:
            self.say(err.text(self.lang), error=True)
            return
        if undone is None:
            self.say(_("Nichts rückgängig zu machen."))
        else:
            table, _dot, verb = undone.kind.partition(".")
            what = " ".join(
                translated(UNDONE[part]) if part in UNDONE else part for part in (table, verb)
            )
            self.say(_("Rückgängig gemacht: {what}", what=what))

    def action_pair(self) -> None:
        from facilitator.tui.dialogs.pair import PairDialog

        if isinstance(self.screen, PairDialog):
            return
        if self.current_mode == "join":  # projected: the secret code must not appear there
            self.say(
                _("Die Kopplung zeigt einen geheimen Code: erst den QR-Bildschirm verlassen."),
                error=True,
            )
            return
        self.push_screen(PairDialog())

    async def action_quit(self) -> None:
        """Ctrl+Q (and the palette's Quit): ask first while a timer or the phone server runs.

        Quitting stops the phones' server and leaves the room's timer without a screen;
        one stray key must not do that in the middle of a block.
        """
        from facilitator.tui.dialogs.common import ConfirmDialog

        snapshot = self.snapshot()
        running = snapshot is not None and snapshot.state.running
        if not running and self.server is None:
            self.exit()
            return
        if isinstance(self.screen, ConfirmDialog):
            return
        question = (
            _("Der Timer läuft und die Telefone hängen an diesem Laptop. Wirklich beenden?")
            if running
            else _("Die Telefone hängen an diesem Laptop (Teilnahme-Server). Wirklich beenden?")
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self.exit()

        self.push_screen(ConfirmDialog(question, self.lang), answered)

    def action_toggle_dark(self) -> None:
        self.theme = "textual-light" if self.theme == "textual-dark" else "textual-dark"

    def action_command_palette(self) -> None:
        """ctrl+p: Textual's palette, with its texts in the app's language."""
        from textual.command import CommandPalette

        from facilitator.tui.palette import GermanPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(GermanPalette(self.lang))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        from facilitator.tui.palette import system_commands

        yield from system_commands(self, screen, self.lang, self.action_help)
        for name, key in SCREEN_KEYS.items():
            title = translated(SCREEN_TITLES[name])
            yield SystemCommand(title, key.upper(), lambda name=name: self.action_show(name))
        yield SystemCommand(
            _("Zweiten Laptop verbinden"),
            _("Sync-Adresse und -Code dieses Laptops zeigen, mit dem anderen verbinden"),
            self.action_pair,
        )


class AppOptions(TypedDict, total=False):
    """The keyword options of FacilitatorApp that `create_app` passes on."""

    server: bool
    join_host: str | None
    join_code: str | None
    server_host: str
    theme: str
    first_screen: str | None


def create_app(
    store: Store,
    workshop_id: str | None = None,
    lang: str = "de",
    now_ms: Callable[[], int] | None = None,
    **options: Unpack[AppOptions],
) -> FacilitatorApp:
    """Build the app on `store` (options: server, join_host, join_code, theme, first_screen,
    server_host)."""
    return FacilitatorApp(store, workshop_id, lang=lang, now_ms=now_ms, **options)


def _reason(err: BaseException) -> str:
    """Return why the server did not start, in words (an OSError names its file)."""
    if isinstance(err, OSError) and err.strerror:
        return f"{err.strerror}: {err.filename}" if err.filename else err.strerror
    return str(err) or type(err).__name__

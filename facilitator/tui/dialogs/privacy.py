"""Provides the privacy settings dialog: controller and contact in both languages, retention.

What is typed goes to `privacy.save_controller`, the same service as `facilitator
privacy set`: German is required, an empty English line falls back to the German one.
Until saved, phones see no registration form (web/pages.py).
"""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.widgets import Input, Label

from facilitator.core.errors import UserError
from facilitator.privacy import (
    DEFAULT_RETENTION_DAYS,
    PrivacySettingsError,
    own_settings,
    save_controller,
)
from facilitator.tui.dialogs.common import FormDialog
from facilitator.tui.host import as_facilitator
from facilitator.tui.text import N_, _, translated

# (input id, label, language, privacy.toml key)
_FIELDS = (
    ("privacy-controller-de", N_("Verantwortlich (de)"), "de", "controller"),
    ("privacy-contact-de", N_("Kontakt (de)"), "de", "contact"),
    ("privacy-controller-en", N_("Verantwortlich (en)"), "en", "controller"),
    ("privacy-contact-en", N_("Kontakt (en)"), "en", "contact"),
)


class PrivacyDialog(FormDialog[bool]):
    """One input per line of the notice the organisers fill in; Ctrl+S saves, Esc cancels."""

    BINDINGS = [
        Binding("escape", "cancel", show=False),
        Binding("ctrl+s", "save", N_("Speichern")),
    ]
    MESSAGE_ID = "#privacy-message"

    def compose(self) -> ComposeResult:
        try:
            own, problem = own_settings(), ""
        except PrivacySettingsError as err:  # shown, and saving writes a sound file
            own, problem = {}, err.text(as_facilitator(self.app).lang)
        with Vertical(classes="dialog", id="privacy-dialog"):
            yield Label(
                _("Datenschutzhinweis: wer verantwortlich ist (Art. 13 DSGVO)"),
                classes="dialog-title",
            )
            with Grid(id="privacy-grid"):
                for input_id, label, lang, key in _FIELDS:
                    yield Label(translated(label))
                    value = own.get(lang, {}).get(key, "")
                    yield Input(value, id=input_id, compact=True)
                yield Label(_("Speicherdauer (Tage)"))
                days = own.get("retention_days") or DEFAULT_RETENTION_DAYS
                yield Input(str(days), id="privacy-retention", type="integer", compact=True)
            yield Label(
                _(
                    "Deutsch ist nötig; leeres Englisch zeigt den deutschen Text (so "
                    "gekennzeichnet). Strg+S speichert, Esc bricht ab."
                ),
                id="privacy-hint",
            )
            yield Label(problem, id="privacy-message", classes="error" if problem else "")

    def action_save(self) -> None:
        typed = {input_id: self.query_one(f"#{input_id}", Input).value for input_id, *_ in _FIELDS}
        values: dict[str, dict[str, str]] = {"controller": {}, "contact": {}}
        for input_id, _label, lang, key in _FIELDS:
            values[key][lang] = typed[input_id]
        days_text = self.query_one("#privacy-retention", Input).value.strip()
        try:
            days = int(days_text) if days_text else None
            save_controller(values["controller"], values["contact"], days)
        except ValueError:
            self.say(_("Speicherdauer: bitte eine ganze Zahl von Tagen."), error=True)
            return
        except UserError as err:  # nothing was saved; what was typed stays for correcting
            self.say(err.text(as_facilitator(self.app).lang), error=True)
            return
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)

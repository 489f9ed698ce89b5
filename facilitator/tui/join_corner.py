"""Provides the key that shows or hides the projector's join corner (remembered per workshop)."""

from typing import TYPE_CHECKING

from textual.binding import Binding

from facilitator.store.workshops import update_workshop, workshop_row
from facilitator.tui.text import N_, _

if TYPE_CHECKING:
    from facilitator.tui.screens.base import BaseScreen

    _Base = BaseScreen
else:
    _Base = object  # a mixin: the screen it is mixed into is the BaseScreen

# 80 columns: the footer has no room; F1 lists it
JOIN_CORNER_BINDING = Binding("j", "toggle_join_corner", N_("Beamer-QR ein/aus"), show=False)


class JoinCornerKey(_Base):
    """`j` switches the small QR code and link on every projector view, per workshop."""

    def action_toggle_join_corner(self) -> None:
        workshop_id = self.workshop_id
        if workshop_id is None:
            self.say(_("Kein Workshop gewählt – F2 zeigt alle Workshops."), error=True)
            return
        hide = not workshop_row(self.store, workshop_id).get("beamer_join_hidden")
        if self.call_service(update_workshop, workshop_id, beamer_join_hidden=int(hide)):
            self.say(
                (
                    _("QR-Code und Link sind vom Beamer ausgeblendet (j zeigt sie wieder).")
                    if hide
                    else _(
                        "Der Beamer zeigt jetzt in jedem Block klein QR-Code und Link (j "
                        "blendet aus)."
                    )
                )
            )

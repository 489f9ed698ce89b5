"""Provides the Participants screen's review of organisations typed on phones (⇧O).

What a phone sends as an organisation waits (`pending`) until a moderator takes it into
the shared list or merges it into the known one it is a slip of; the command line has
done this since `orgs accept`, the app does it here, with the capture line's matching
(a slip is offered, another organisation such as the city's utility is not).
"""

from typing import TYPE_CHECKING

from facilitator.core.models import Organisation
from facilitator.core.name_match import match_organisation
from facilitator.store.organisations import (
    accept_organisation,
    list_organisations,
    list_pending,
    merge_organisations,
)
from facilitator.tui.dialogs.common import PickDialog
from facilitator.tui.text import _

if TYPE_CHECKING:  # the checker sees the screen this is mixed into; at run time a plain mixin
    from facilitator.tui.screens.base import BaseScreen

    _Base = BaseScreen
else:
    _Base = object


class PendingOrganisations(_Base):
    """Mixed into ParticipantsScreen: pick a waiting organisation, then accept or merge it."""

    def action_pending_orgs(self) -> None:
        waiting = {org.id: org for org in list_pending(self.store)}
        if not waiting:
            self.say(_("Keine Organisation von Handys wartet."))
            return
        known = [org.name for org in list_organisations(self.store)]
        options = []
        for org in waiting.values():
            near = match_organisation(org.name, known).suggestion
            line = (
                _("{name}  (meinten Sie „{near}“?)", name=org.name, near=near) if near else org.name
            )
            options.append((org.id, line))

        def picked(org_id: str | None) -> None:
            if org_id in waiting:
                self._decide_org(waiting[org_id], known)

        self.app.push_screen(
            PickDialog(_("Von Handys eingegeben – welche prüfen?"), options), picked
        )

    def _decide_org(self, org: Organisation, known: list[str]) -> None:
        near = match_organisation(org.name, known).suggestion
        choices = [("accept", _("„{name}“ in die Liste aufnehmen", name=org.name))]
        if near:
            choices.insert(0, ("merge", _("Zu „{near}“ zusammenführen", near=near)))

        def chosen(choice: str | None) -> None:
            if choice == "accept":
                if self.call_service(accept_organisation, org.id):
                    self.say(_("Aufgenommen: „{name}“.", name=org.name))
            elif choice == "merge" and near:
                target = next(o for o in list_organisations(self.store) if o.name == near)
                if self.call_service(merge_organisations, org.id, target.id):
                    self.say(_("„{name}“ zählt jetzt als „{near}“.", name=org.name, near=near))

        self.app.push_screen(PickDialog(org.name, choices), chosen)

"""Provides the typed way from a screen, dialog or widget to the app it runs in."""

from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from facilitator.tui.app import FacilitatorApp


def as_facilitator(app: Any) -> "FacilitatorApp":
    """Return `app` (a node's `self.app`) as the FacilitatorApp this package's screens run in.

    Textual types `self.app` as any App; every screen and dialog here is only ever
    pushed by FacilitatorApp, whose store, workshop, language and texts they use.
    """
    return cast("FacilitatorApp", app)

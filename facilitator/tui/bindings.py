"""Provides key bindings in the app's language: the footer's, F1's and Textual's own.

Bindings are declared once per class with a German description marked by `N_`; they are
translated where they are shown (the footer reads `Screen.active_bindings`, F1 reads
:func:`declared_bindings`), so the declarations stay shared by every app in the process.
"""

from dataclasses import replace

from textual.binding import ActiveBinding, Binding
from textual.dom import DOMNode

from facilitator.tui.text import N_, translated

# Textual's own bindings are described in English; a German moderator should not meet them
TEXTUAL_OWN = {
    "Quit": N_("Beenden"),
    "palette": N_("Befehle"),
    "Focus Next": N_("Nächstes Feld"),
    "Focus Previous": N_("Vorheriges Feld"),
    "Copy selected text": N_("Markierten Text kopieren"),
}


def binding_text(description: str) -> str:
    """A binding's description in the app's language (ours marked with N_, or Textual's)."""
    return translated(TEXTUAL_OWN.get(description, description))


def translated_bindings(active: dict[str, ActiveBinding]) -> dict[str, ActiveBinding]:
    """`Screen.active_bindings` with each description in the app's language."""
    return {
        key: found._replace(binding=replace(found.binding, description=binding_text(desc)))
        if (desc := found.binding.description)
        else found
        for key, found in active.items()
    }


def declared_bindings(node: DOMNode) -> list[Binding]:
    """Every binding `node` declares (its class's and inherited), whether active or not.

    F1 lists all of them, also those hidden from the footer and those of the screen
    underneath the help. Textual offers only the *active* bindings publicly
    (`Screen.active_bindings`: the focused widget's chain, filtered by `check_action`);
    the merged declarations live in the private `_bindings`, read here and nowhere else.
    tests/tui/test_tui_bindings.py fails if a Textual upgrade moves them.
    """
    return [b for found in node._bindings.key_to_bindings.values() for b in found]

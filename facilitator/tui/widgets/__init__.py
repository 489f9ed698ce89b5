"""Provides the app's reusable widgets."""

from facilitator.tui.widgets.header import StatusHeader
from facilitator.tui.widgets.suggest import TagSuggester

__all__ = ["StatusHeader", "TagSuggester"]

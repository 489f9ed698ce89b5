"""Provides facilitator: plan, run, capture and follow up networking workshops."""

__version__ = "0.1.0"

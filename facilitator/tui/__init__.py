"""Provides the tui package."""

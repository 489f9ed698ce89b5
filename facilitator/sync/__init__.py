"""Provides the sync package."""

"""Provides the web package."""

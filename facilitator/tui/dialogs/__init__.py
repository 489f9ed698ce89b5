"""Provides the app's modal dialogs; each dismisses with the value it asked for."""

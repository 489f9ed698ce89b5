"""Provides what the app calls on the screens in its stack; a screen takes a role by subclassing.

The app re-reads the screens after a change in the store, ticks their header once a
second and puts a message on the topmost screen that has a message line. Each is a
small base class (not a duck-typed attribute), so the checker sees every call and a
screen that should answer one cannot miss it by a typo. Plain classes rather than
`typing.Protocol`: a Protocol's metaclass does not mix with Textual's screens.
"""


class Refreshes:
    """Re-reads what it shows after a change in the store (a main screen, the capture line)."""

    def refresh_data(self) -> None:
        """Re-read what is shown (by default nothing)."""


class HasMessageLine:
    """Shows a one-line message: the app's `say` goes to the topmost screen with one."""

    def say(self, text: str, error: bool = False) -> None:
        raise NotImplementedError


class HasHeader:
    """Shows the header line: the clock and the running block each second, the sync status."""

    def tick(self) -> None:
        """Once a second: the header's clock, running block and sync status."""

    def show_sync(self) -> None:
        """The header's sync status, at once when the connection changes."""

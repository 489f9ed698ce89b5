"""Provides the errors that carry a message meant for the moderator, not a traceback."""


class UserError(Exception):
    """A problem the user can fix; front ends show `str(err)` and exit with status 2."""


class ValidationError(UserError):
    """Input that breaks a rule: a bad kind, a bad file, a bad CSV row."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or [message]


class NotFound(UserError):
    """A workshop, item, capture or file that does not exist."""


class DatabaseProblem(UserError):
    """The database is missing, locked, corrupt or from a newer version."""

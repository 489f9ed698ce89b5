"""Provides the errors that carry a message meant for the moderator, not a traceback."""

from collections.abc import Sequence

from facilitator.locale import SOURCE_LANG, Translatable, translates


def _german(message: str | Translatable) -> str:
    return message.text(SOURCE_LANG) if translates(message) else str(message)


class UserError(Exception):
    """A problem the user can fix; front ends show `err.text(lang)` and exit with status 2.

    `str(err)` is the German message. The message is a lazy gettext text
    (`UserError(lazy("Datei {path} fehlt.", path=p))`), translated from the catalogue
    when shown, or anything else that can show itself in a language (a data `Label`, the
    text of another error); a plain string is shown as it is in every language.
    """

    def __init__(self, message: str | Translatable = "") -> None:
        super().__init__(_german(message))
        self.translatable = message

    def text(self, lang: str) -> str:
        """Return the message in `lang`."""
        if translates(self.translatable):
            return self.translatable.text(lang)
        return str(self)


class ValidationError(UserError):
    """Input that breaks a rule: a bad kind, a bad file, a bad CSV row."""

    def __init__(
        self,
        message: str | Translatable,
        problems: Sequence[str | Translatable] | None = None,
    ) -> None:
        super().__init__(message)
        self.lazy_problems: list[str | Translatable] = list(problems or [message])
        self.problems = [_german(problem) for problem in self.lazy_problems]

    def problem_texts(self, lang: str) -> list[str]:
        """Return the problems in `lang`."""
        return [
            problem.text(lang) if translates(problem) else str(problem)
            for problem in self.lazy_problems
        ]


class NotFound(UserError):
    """A workshop, item, capture or file that does not exist."""


class DatabaseProblem(UserError):
    """The database is missing, locked, corrupt or from a newer version."""

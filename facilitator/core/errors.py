"""Provides the errors that carry a message meant for the moderator, not a traceback."""


class UserError(Exception):
    """A problem the user can fix; front ends show `err.text(lang)` and exit with status 2.

    `str(err)` is the German message; `en` is the optional English text of the same message.
    """

    def __init__(self, message: str = "", *, en: str | None = None) -> None:
        super().__init__(message)
        self.en = en

    def text(self, lang: str) -> str:
        """Return the message in `lang`: English when asked and there is one, else German."""
        if lang == "en" and self.en:
            return self.en
        return str(self)


class ValidationError(UserError):
    """Input that breaks a rule: a bad kind, a bad file, a bad CSV row."""

    def __init__(
        self,
        message: str,
        problems: list[str] | None = None,
        *,
        en: str | None = None,
        problems_en: list[str] | None = None,
    ) -> None:
        super().__init__(message, en=en)
        self.problems = problems or [message]
        if problems_en is None and not problems and en is not None:
            problems_en = [en]
        if problems_en is not None and len(problems_en) != len(self.problems):
            problems_en = None
        self.problems_en = problems_en

    def problem_texts(self, lang: str) -> list[str]:
        """Return the problems in `lang`: English when asked and there are any, else German."""
        if lang == "en" and self.problems_en:
            return list(self.problems_en)
        return list(self.problems)


class NotFound(UserError):
    """A workshop, item, capture or file that does not exist."""


class DatabaseProblem(UserError):
    """The database is missing, locked, corrupt or from a newer version."""

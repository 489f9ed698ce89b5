"""Provides the errors that carry a message meant for the moderator, not a traceback."""

from facilitator.locale import Text


class UserError(Exception):
    """A problem the user can fix; front ends show `err.text(lang)` and exit with status 2.

    `str(err)` is the German message. The message is either a lazy :class:`Text`
    (`UserError(lazy("…"))`, translated from the catalogue when shown) or German text with
    `en`, the optional English text of the same message (the older way, still in use).
    """

    def __init__(self, message: str | Text = "", *, en: str | None = None) -> None:
        super().__init__(str(message))
        self.translatable = message
        self.en = en

    def text(self, lang: str) -> str:
        """Return the message in `lang`: English when asked and there is one, else German."""
        if isinstance(self.translatable, Text):
            return self.translatable.text(lang)
        if lang == "en" and self.en:
            return self.en
        return str(self)


class ValidationError(UserError):
    """Input that breaks a rule: a bad kind, a bad file, a bad CSV row."""

    def __init__(
        self,
        message: str | Text,
        problems: list[str] | list[Text] | None = None,
        *,
        en: str | None = None,
        problems_en: list[str] | None = None,
    ) -> None:
        super().__init__(message, en=en)
        self.lazy_problems: list[str | Text] = list(problems or [message])
        self.problems = [str(problem) for problem in self.lazy_problems]
        if problems_en is None and not problems and en is not None:
            problems_en = [en]
        if problems_en is not None and len(problems_en) != len(self.problems):
            problems_en = None
        self.problems_en = problems_en

    def problem_texts(self, lang: str) -> list[str]:
        """Return the problems in `lang`: English when asked and there are any, else German."""
        if lang == "en" and self.problems_en:
            return list(self.problems_en)
        return [
            problem.text(lang) if isinstance(problem, Text) else problem
            for problem in self.lazy_problems
        ]


class NotFound(UserError):
    """A workshop, item, capture or file that does not exist."""


class DatabaseProblem(UserError):
    """The database is missing, locked, corrupt or from a newer version."""

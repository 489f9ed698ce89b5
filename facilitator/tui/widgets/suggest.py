"""Provides completion of #topic, @organisation and !owner while typing a capture."""

from collections.abc import Callable

from textual.suggester import Suggester

from facilitator.core.capture_line import current_tag
from facilitator.core.taxonomy import TOPICS


class TagSuggester(Suggester):
    """Suggests the rest of the tag being typed at the end of the line."""

    def __init__(self, names: Callable[[str], list[str]]) -> None:
        # names(sign) returns the candidates for "@" (organisations) and "!" (people)
        super().__init__(use_cache=False, case_sensitive=True)
        self._names = names

    async def get_suggestion(self, value: str) -> str | None:
        tag = current_tag(value)
        if tag is None:
            return None
        sign, partial = tag
        quoted = value.endswith(f'{sign}"{partial}')
        candidates = list(TOPICS) if sign == "#" else self._names(sign)
        folded = partial.replace("_", " ").lower()
        for candidate in candidates:
            if candidate.lower().startswith(folded) and candidate.lower() != folded:
                if sign == "#":
                    completed = candidate
                elif quoted:
                    completed = candidate + '"'
                else:
                    completed = candidate.replace(" ", "_")
                return value[: len(value) - len(partial)] + completed
        return None

"""Provides fitting table cells into narrow terminals."""


def cut(text: str, width: int) -> str:
    """Return `text` shortened to `width` characters with an ellipsis, if longer."""
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"

"""Provides the fact sheet's building block, shared by its text and its activities part."""

from dataclasses import dataclass, field


@dataclass
class Block:
    """One piece of the document: kind is title|para|h1|h2|table|chart."""

    kind: str
    text: str = ""
    headers: list[str] = field(default_factory=list)
    rows: list[list[object]] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)  # relative column widths, if not even

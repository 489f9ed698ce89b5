"""Provides checks of a rendered PDF's layout from pdftotext's word positions.

A reader notices two faults no schema check finds: a heading alone at the bottom of a
page (its text starts on the next), and a word broken inside a narrow table column
("Verwaltun" / "g"). Both are found from `pdftotext -bbox-layout`: its blocks are
paragraphs and table cells, its lines carry their words with positions.
"""

import html
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

_TAG = re.compile(r"<(page|block|line|word)\b([^>]*)>(?:(.*?)</word>)?")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
# characters that end or start a word without belonging to it
_PUNCT = "„“”‚‘’\"'()[]{}.,;:!?…–—·•☐/"


@dataclass
class Line:
    """One rendered line: its words, vertical position and the block (paragraph, cell) it is in."""

    page: int
    block: int
    top: float
    bottom: float
    left: float
    words: list[str]

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass
class Page:
    """One page's size and lines, top to bottom."""

    number: int
    height: float
    lines: list[Line]


def pdf_layout(pdf: Path) -> list[Page]:
    """Read the pages, blocks, lines and words of `pdf` (positions in points)."""
    out = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pages: list[Page] = []
    block = 0
    line: Line | None = None
    for tag, attributes, word in _TAG.findall(out):
        values = dict(_ATTR.findall(attributes))
        if tag == "page":
            pages.append(Page(len(pages) + 1, float(values["height"]), []))
        elif tag == "block":
            block += 1
        elif tag == "line":
            line = Line(
                len(pages),
                block,
                float(values["yMin"]),
                float(values["yMax"]),
                float(values["xMin"]),
                [],
            )
            pages[-1].lines.append(line)
        elif tag == "word" and line is not None:
            line.words.append(html.unescape(word))
    for page in pages:
        page.lines = [x for x in page.lines if x.words]
    return pages


def _bare(word: str) -> str:
    return word.strip(_PUNCT)


def vocabulary(texts: list[str]) -> set[str]:
    """The words of the document's source text (what a PDF word must be, unless broken)."""
    found: set[str] = set()
    for text in texts:
        for word in re.split(r"[\s\u00a0\u202f]+", text):
            bare = _bare(word)
            if bare:
                found.add(bare)
                found.update(part for part in re.split(r"[-/]", bare) if part)
    return found


def broken_words(pages: list[Page], words: set[str]) -> list[str]:
    """Words split across lines of one block without a hyphen ("Verwaltun|g").

    A word may be split over several lines of a very narrow column ("Herausf|orderun|gen").
    A break after a hyphen ("Verwal-|tung", "E-|Akte") is proper hyphenation and passes.
    """
    found = []
    for page in pages:
        lines = page.lines
        for index, line in enumerate(lines):
            head = line.words[-1]
            if head.endswith("-") or _bare(head) in words:
                continue
            pieces = [_bare(head)]
            for after in lines[index + 1 : index + 4]:
                if after.block != line.block or not pieces[-1]:
                    break
                pieces.append(_bare(after.words[0]))
                if "".join(pieces) in words:
                    found.append(f"S. {page.number}: {'|'.join(pieces)}")
                    break
                if len(after.words) > 1:
                    break
    return found


_PAGE_NUMBER = re.compile(r"^(Seite|Page) \d+ (von|of) \d+$")


def _running(pages: list[Page]) -> set[str]:
    """Texts every page repeats (running header and footer), page numbers aside."""
    if len(pages) < 2:
        return set()
    counts: dict[str, int] = {}
    for page in pages:
        for text in {x.text for x in page.lines}:
            counts[text] = counts.get(text, 0) + 1
    return {text for text, n in counts.items() if n >= len(pages) * 0.8}


def orphan_headings(pages: list[Page], headings: list[str]) -> list[str]:
    """Headings whose line is the last of its page's body (what it heads starts a page later)."""
    wanted = {" ".join(h.split()) for h in headings if h.strip()}
    running = _running(pages)
    found = []
    for page in pages[:-1]:
        body = [x for x in page.lines if x.text not in running and not _PAGE_NUMBER.match(x.text)]
        if body and " ".join(body[-1].text.replace("\u00a0", " ").split()) in wanted:
            found.append(f"S. {page.number}: {body[-1].text}")
    return found

"""Provides the printable method kit: every card (or one) as a Word document.

A title page, a contents list by phase, then one card per page: name, summary,
phase, duration, group size, materials, steps with minutes, what participants see,
what it produces, tips, pitfalls, variations and source.
"""

from datetime import datetime
from pathlib import Path

from facilitator.core.method_format import MethodCard
from facilitator.core.taxonomy import CAPTURE_KINDS, METHOD_PHASES
from facilitator.export.blocks import (
    Block,
    Bullets,
    Fields,
    Heading,
    PageBreak,
    Para,
    Table,
    Title,
)
from facilitator.export.files import write_atomic
from facilitator.locale import gettext, pgettext


def kit_order(cards: list[MethodCard]) -> list[MethodCard]:
    """Return cards in workshop order: by phase (arriving → closing), then by name."""
    phases = list(METHOD_PHASES)
    return sorted(
        cards,
        key=lambda c: (phases.index(c.phase) if c.phase in phases else 99, c.name.de.lower()),
    )


_LANGUAGE_HEADINGS = {"english": "en", "deutsch": "de"}


def body_blocks(body: str, lang: str) -> list[Block]:
    """Return the card's Markdown text in `lang` as headings and paragraphs.

    Cards write German first and the English text under a heading "## English";
    only the part in the kit's language is printed.
    """
    parts: dict[str, list[Block]] = {"de": [], "en": []}
    part = "de"
    current: list[str] = []

    def flush() -> None:
        if current:
            parts[part].append(Para(" ".join(current)))
            current.clear()

    for raw in body.splitlines():
        line = raw.strip()
        if line.startswith("#"):
            flush()
            text = line.lstrip("#").strip()
            if text.lower() in _LANGUAGE_HEADINGS:
                part = _LANGUAGE_HEADINGS[text.lower()]
            elif text:
                parts[part].append(Heading(3, text))
        elif line:
            current.append(line.lstrip("-* ").strip() if line[:2] in ("- ", "* ") else line)
        else:
            flush()
    flush()
    return parts[lang] or parts["de"]


def card_blocks(card: MethodCard, lang: str) -> list[Block]:
    """Return one card as blocks (it starts with its name as Heading 1)."""
    phase = METHOD_PHASES[card.phase].get(lang) if card.phase in METHOD_PHASES else card.phase
    blocks: list[Block] = [
        Heading(1, card.name.get(lang)),
        Para(card.summary.get(lang), note=True),
        Fields(
            (
                (gettext("Phase", lang), phase),
                (
                    gettext("Dauer", lang),
                    gettext(
                        "{min}–{max} Minuten", lang, min=card.duration_min, max=card.duration_max
                    ),
                ),
                (
                    gettext("Gruppengröße", lang),
                    gettext(
                        "{min}–{max} Personen",
                        lang,
                        min=card.group_size_min,
                        max=card.group_size_max,
                    ),
                ),
            )
        ),
    ]

    def listed(heading: str, items: list[str]) -> None:
        if items:
            # short lists stay on one page with their heading (never "Varianten" alone)
            short = len(items) <= 8 and sum(map(len, items)) <= 900
            blocks.extend([Heading(2, heading), Bullets(tuple(items), together=short)])

    listed(gettext("Material", lang), card.materials.get(lang, []))
    blocks.append(Heading(2, gettext("Schritte", lang)))
    blocks.append(
        Table(
            ("#", pgettext("Dokument", "Min.", lang), gettext("Schritt", lang)),
            tuple(
                (str(number), str(step.minutes), step.text.get(lang))
                for number, step in enumerate(card.steps, 1)
            ),
            (1, 2, 14),
        )
    )
    blocks.extend(
        [Heading(2, gettext("Für die Teilnehmenden", lang)), Para(card.participants.get(lang))]
    )
    captures = [CAPTURE_KINDS[k].get(lang) for k in card.captures if k in CAPTURE_KINDS]
    blocks.extend([Heading(2, gettext("Ergebnisse (Erfassung)", lang)), Para(", ".join(captures))])
    listed(gettext("Tipps", lang), card.tips.get(lang, []))
    listed(gettext("Stolpersteine", lang), card.traps.get(lang, []))
    listed(gettext("Varianten", lang), card.variations.get(lang, []))
    background = body_blocks(card.body, lang)
    if background:
        blocks.append(Heading(2, gettext("Hintergrund", lang)))
        blocks.extend(background)
    blocks.extend([Heading(2, gettext("Quelle", lang)), Para(card.source_in(lang))])
    return blocks


def kit_blocks(cards: list[MethodCard], lang: str) -> list[Block]:
    """Return the whole kit: title page, contents, one card per page."""
    ordered = kit_order(cards)
    blocks: list[Block] = [
        Title(gettext("Methodenkoffer", lang)),
        Para(gettext("Ko-kreative Methoden für Vernetzungsworkshops", lang)),
        Para(gettext("{n} Methodenkarten", lang, n=len(ordered)), note=True),
        PageBreak(),
        Heading(1, gettext("Inhalt", lang)),
    ]
    for phase, label in METHOD_PHASES.items():
        in_phase = [c for c in ordered if c.phase == phase]
        if in_phase:
            blocks.append(Heading(2, label.get(lang)))
            blocks.append(
                Bullets(
                    tuple(
                        gettext(
                            "{name} ({min}–{max} Min.)",
                            lang,
                            name=c.name.get(lang),
                            min=c.duration_min,
                            max=c.duration_max,
                        )
                        for c in in_phase
                    )
                )
            )
    for card in ordered:
        blocks.append(PageBreak())
        blocks.extend(card_blocks(card, lang))
    return blocks


def write_method_kit(
    cards: list[MethodCard],
    path: Path,
    *,
    lang: str = "de",
    created: datetime | None = None,
) -> Path:
    """Write the cards as a printable .docx (one card: no title page), atomically."""
    from facilitator.export.protocol_docx import write_docx  # python-docx only when printing

    if len(cards) == 1:
        blocks, title = card_blocks(cards[0], lang), cards[0].name.get(lang)
    else:
        blocks, title = kit_blocks(cards, lang), gettext("Methodenkoffer", lang)
    header = gettext("Methodenkoffer", lang)
    write_atomic(
        Path(path),
        lambda tmp: write_docx(
            blocks, tmp, title=header, lang=lang, created=created, doc_title=title
        ),
    )
    return Path(path)

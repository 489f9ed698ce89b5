"""Provides the protocol section "Lösungen aus der Reihe" as blocks, Word and Markdown.

`solutions_section` is one of the protocol's extra sections (protocol_model.EXTRA_SECTIONS):
the protocol numbers it and puts it before the appendix (and into the contents list). The section
is also rendered alone (`solutions_markdown`, `add_solutions_docx`) for tests and other
documents.
"""

from pathlib import Path

from facilitator.core.errors import ValidationError
from facilitator.core.taxonomy import CAPTURE_KINDS, MEASURE_STATUSES
from facilitator.core.textsim import german_decimal
from facilitator.export.blocks import Block, Bullets, ExtraSection, Heading, Para
from facilitator.export.solutions_model import SolutionsSection, build_solutions
from facilitator.locale import gettext
from facilitator.store.db import Store


def _who(solution) -> str:
    """The organisation, with its municipality unless the name already says it."""
    place = solution.municipality
    if place and place not in solution.organisation:
        return f"{solution.organisation} ({place})"
    return solution.organisation


def _origin(solution, lang: str) -> str:
    """Where the solution comes from: another workshop of the series or the library."""
    if solution.source == "series" and solution.where:
        return gettext("aus „{where}“", lang, where=solution.where)
    return gettext("Praxisbeispiel", lang) if solution.source == "library" else ""


def _reason(solution, lang: str) -> str:
    """Why it matches: "Ähnlichkeit 0,71: Glasfaser ↔ Breitband"."""
    value = german_decimal(solution.similarity) if lang == "de" else f"{solution.similarity:.2f}"
    reason = gettext("Ähnlichkeit {value}", lang, value=value)
    return reason + (": " + ", ".join(solution.shared_words) if solution.shared_words else "")


def _solution_line(solution, lang: str) -> str:
    """Return one solution as a line: what, who, where, status, why, contact."""
    status = (
        MEASURE_STATUSES[solution.status].get(lang) if solution.status in MEASURE_STATUSES else ""
    )
    facts = [f for f in (status, _origin(solution, lang)) if f]
    line = f"{solution.title} – {_who(solution)}"
    if facts:
        line += f" ({', '.join(facts)})"
    parts = [line + f"; {_reason(solution, lang)}"]
    if solution.contact:
        parts.append(gettext("Kontakt: {contact}", lang, contact=solution.contact))
    if solution.link:
        parts.append(gettext("Mehr: {link}", lang, link=solution.link))
    return ". ".join(parts)


def solutions_blocks(section: SolutionsSection, lang: str = "de") -> list[Block]:
    """Return the section as blocks (heading level 1, then one level-2 part per problem)."""
    blocks: list[Block] = [Heading(1, gettext("Lösungen aus der Reihe", lang))]
    if not section.items:
        return [
            *blocks,
            Para(
                gettext(
                    "Zu den Herausforderungen und Bedarfen dieses Workshops gibt es in der "
                    "Reihe noch keine passende Maßnahme und kein Praxisbeispiel.",
                    lang,
                )
            ),
        ]
    blocks.append(
        Para(
            gettext(
                "Wer hat das schon gelöst? Zu {n} Herausforderungen und Bedarfen dieses "
                "Workshops passen Maßnahmen anderer Organisationen der Reihe (in "
                "Umsetzung oder abgeschlossen) oder Praxisbeispiele. Kontaktdaten nur "
                "mit Einwilligung.",
                lang,
                n=len(section.items),
            )
        )
    )
    for item in section.items:
        kind = CAPTURE_KINDS[item.kind].get(lang)
        who = f" ({item.organisation})" if item.organisation else ""
        blocks.append(Heading(2, f"{kind}: {item.text}{who}"))
        blocks.append(Bullets(tuple(_solution_line(s, lang) for s in item.solutions)))
    return blocks


def solutions_section(
    store: Store, workshop_id: str, lang: str = "de", examples_dir: Path | None = None
) -> ExtraSection | None:
    """Return "Lösungen aus der Reihe" for the protocol (EXTRA_SECTIONS), or None.

    A workshop of no series, with an empty library, has no such section. Library files
    that do not parse are left out here (`facilitator check` names them).
    """
    from facilitator.practice import load_examples

    try:
        examples, _ = load_examples(examples_dir)
    except ValidationError:
        examples = []
    found = build_solutions(store, workshop_id, examples)
    if not found.in_series and not examples:
        return None  # nothing to learn from: a single workshop and an empty library
    heading, *blocks = solutions_blocks(found, lang)
    assert isinstance(heading, Heading)  # solutions_blocks begins with its heading
    return ExtraSection(heading.text, blocks)


def solutions_markdown(section: SolutionsSection, lang: str = "de") -> str:
    """Return the section alone as Markdown."""
    from facilitator.export.protocol_md import render_markdown

    return render_markdown(solutions_blocks(section, lang))


def add_solutions_docx(document, section: SolutionsSection, lang: str = "de") -> None:
    """Append the section to a Word document."""
    from facilitator.export.protocol_docx import render_blocks

    render_blocks(document, solutions_blocks(section, lang))

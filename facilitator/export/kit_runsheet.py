"""Provides the run sheet (Regieplan): one landscape row per block, then a materials checklist.

Columns: clock times, the item's title, the method with its steps (each with its
start time and minutes, from the card), who leads and who writes, the card's
materials, the room set-up and the moderators' notes.
"""

from docx.document import Document as DocumentType
from docx.shared import Emu, Mm, Pt

from facilitator.export.docx_common import (
    add_header_footer,
    fit_columns,
    repeat_header_row,
    text_width,
)
from facilitator.export.kit_docx import add_run, fixed_table, shade
from facilitator.export.kit_model import KitBlock, KitModel
from facilitator.export.text_fit import text_width as measured_width
from facilitator.locale import gettext, lazy, lazy_context

# relative widths: time, item, method and steps, who, materials, set-up, notes
_WIDTHS = (6, 11, 32, 9, 13, 12, 17)
_COLUMNS = (
    lazy("Zeit"),
    lazy_context("Dokument", "Programmpunkt"),
    lazy("Methode und Ablauf"),
    lazy("Wer"),
    lazy("Material"),
    lazy("Raum"),
    lazy("Notizen"),
)
_SIZE = 8  # points: a landscape run sheet is read at arm's length, on a clipboard
BOX = "☐"  # U+2610 BALLOT BOX: Word and LibreOffice fall back to a symbol font


def _lines(cell, lines: list[tuple[str, bool]], size: float = _SIZE) -> None:
    """Fill a cell with paragraphs: (text, bold) each; an empty cell stays empty."""
    paragraph = cell.paragraphs[0]
    first = True
    for text, bold in lines:
        if not text:
            continue
        if not first:
            paragraph = cell.add_paragraph()
        add_run(paragraph, text, size, bold=bold)
        paragraph.paragraph_format.space_after = Pt(2)
        first = False


def _longest_words(rows: list[list[list[tuple[str, bool]]]]) -> list[float]:
    """Per column, the width in points of its widest word (bold where the line is)."""
    widest = [0.0] * len(rows[0])
    for row in rows:
        for column, lines in enumerate(row):
            for text, bold in lines:
                for word in (text or "").split():
                    width = measured_width(word, _SIZE, bold=bold)
                    widest[column] = max(widest[column], width)
    return widest


def _who(model: KitModel, block: KitBlock) -> list[tuple[str, bool]]:
    if block.kind == "break":
        return []
    lang = model.lang
    return [
        (
            gettext("Leitung: {name}", lang, name=model.moderation) if model.moderation else "",
            False,
        ),
        (
            gettext("Protokoll: {name}", lang, name=model.minute_taker)
            if model.minute_taker
            else "",
            False,
        ),
    ]


def _method(model: KitModel, block: KitBlock) -> list[tuple[str, bool]]:
    lang = model.lang
    lines = [(block.method, True)]
    lines += [
        (gettext("{start} ({n} Min.) {text}", lang, start=s.start, n=s.minutes, text=s.text), False)
        for s in block.steps
    ]
    card_minutes = block.card_minutes  # the steps above are fitted to the block
    if block.steps and card_minutes != block.minutes:
        lines.append(
            (
                gettext(
                    "Karte: {card} Min., geplant: {planned} Min.",
                    lang,
                    card=card_minutes,
                    planned=block.minutes,
                ),
                False,
            )
        )
    return lines


def _time(model: KitModel, block: KitBlock) -> list[tuple[str, bool]]:
    lang = model.lang
    marks = {"break": gettext("Pause", lang), "pinned": gettext("feste Zeit", lang)}
    return [(f"{block.start}–{block.end}", True), (marks.get(block.kind, ""), False)]


def _head(document: DocumentType, model: KitModel) -> None:
    """The heading, the day, time and place, and who leads and who writes the minutes."""
    lang = model.lang
    heading = document.add_paragraph()
    add_run(heading, gettext("Regieplan", lang) + f": {model.title}", 16, bold=True)
    facts = [model.day, f"{model.start}–{model.end}", model.venue]
    info = document.add_paragraph()
    add_run(info, " · ".join(f for f in facts if f), 10)
    if model.moderation or model.minute_taker:
        roles = document.add_paragraph()
        add_run(
            roles,
            gettext(
                "Moderation: {lead} · Protokoll: {writer}",
                lang,
                lead=model.moderation or "–",
                writer=model.minute_taker or "–",
            ),
            10,
        )


def _row(model: KitModel, block: KitBlock) -> list[list[tuple[str, bool]]]:
    """One agenda block's cells, in the order of _COLUMNS."""
    return [
        _time(model, block),
        [(block.title, True)],
        _method(model, block),
        _who(model, block),
        [(f"• {m}", False) for m in block.materials],
        [(block.setup, False)],
        [(block.notes, False)],
    ]


def render_runsheet(document: DocumentType, model: KitModel) -> None:
    """Append the run sheet's heading, table and checklist to a landscape document."""
    _head(document, model)
    heads = [[(column.text(model.lang), True)] for column in _COLUMNS]
    rows = [_row(model, block) for block in model.blocks]
    widths = fit_columns(text_width(document), list(_WIDTHS), _longest_words([heads, *rows]))
    table = fixed_table(document, 1 + len(model.blocks), widths, "Table Grid")
    for cell, lines in zip(table.rows[0].cells, heads, strict=True):
        _lines(cell, lines)
        shade(cell, "D9E2F3")
    repeat_header_row(table)
    for row, block, contents in zip(table.rows[1:], model.blocks, rows, strict=True):
        for cell, lines in zip(row.cells, contents, strict=True):
            _lines(cell, lines)
        if block.kind == "break":
            for cell in row.cells:
                shade(cell, "F2F2F2")
    _checklist(document, model)


def _checklist(document: DocumentType, model: KitModel) -> None:
    lang = model.lang
    document.add_page_break()
    heading = document.add_paragraph()
    add_run(heading, gettext("Material-Checkliste", lang), 16, bold=True)
    note = document.add_paragraph()
    add_run(
        note,
        gettext(
            "Alles Material aus den Methodenkarten dieses Ablaufs, je einmal. Abhaken beim Packen.",
            lang,
        ),
        10,
        italic=True,
    )
    materials = model.materials
    if not materials:
        add_run(
            document.add_paragraph(), gettext("Die Methodenkarten nennen kein Material.", lang), 11
        )
        return
    # two columns of boxes: a long list still fits on one landscape page
    half = (len(materials) + 1) // 2
    total = text_width(document)
    table = fixed_table(document, half, [Emu(int(total / 2))] * 2)
    for index, material in enumerate(materials):
        cell = table.rows[index % half].cells[index // half]
        paragraph = cell.paragraphs[0]
        add_run(paragraph, BOX + " ", 14)
        add_run(paragraph, material, 11)
        paragraph.paragraph_format.space_after = Pt(4)
        # a wrapped line starts under the text, not under the box
        paragraph.paragraph_format.left_indent = Pt(16)
        paragraph.paragraph_format.first_line_indent = Pt(-16)


def build_runsheet(document: DocumentType, model: KitModel, keep_template: bool) -> None:
    """Header, page numbers and content of the run sheet."""
    header = f"{model.title} – " + gettext("Regieplan", model.lang)
    add_header_footer(document, header, model.lang, keep_template=keep_template)
    for section in document.sections:
        section.header_distance = section.footer_distance = Mm(8)
    render_runsheet(document, model)

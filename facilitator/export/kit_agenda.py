"""Provides the wall agenda (A4 portrait, large type) and the QR poster for the door.

The agenda page lists the blocks with their times, breaks in grey and fixed
points marked; the poster carries the join QR code 13 cm wide (a phone reads a
code from about ten times its width: 3 m need at least 12 cm), the join address
as text, and the Wi-Fi name and password when the workshop has them.
"""

import io

from docx.document import Document as DocumentType
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Emu, Length, Mm, Pt

from facilitator.export.docx_common import text_height, text_width
from facilitator.export.kit_docx import add_run, fixed_table, shade
from facilitator.export.kit_model import KitModel
from facilitator.export.qr import qr_png
from facilitator.locale import gettext

QR_WIDTH = Cm(13)
QR_MAX_WIDTH = Cm(17)  # the A4 poster's text width
# a module of at least 4 px when the poster is printed (or scanned) at 72 dpi
MIN_MODULE = Mm(4 * 25.4 / 72)


def poster_qr_width(join_url: str) -> Length:
    """The poster's QR width: 13 cm, wider for a long address so a module stays ≥ 4 px at 72 dpi."""
    from facilitator.export.qr import qr_matrix

    needed = len(qr_matrix(join_url)) * MIN_MODULE
    return Emu(min(QR_MAX_WIDTH, max(QR_WIDTH, needed)))


_FIXED = "●"  # marks a fixed point (a pinned time) beside its clock time


def render_agenda(document: DocumentType, model: KitModel) -> None:
    """Append the agenda page: title, date and venue, then one row per block."""
    lang = model.lang
    title = document.add_paragraph()
    add_run(title, model.title, 26, bold=True)
    title.paragraph_format.space_after = Pt(6)
    when = [model.day, gettext("{start}–{end} Uhr", lang, start=model.start, end=model.end)]
    for text in (" · ".join(w for w in when if w), model.venue):
        if text:
            paragraph = document.add_paragraph()
            add_run(paragraph, text, 16, grey=True)
            paragraph.paragraph_format.space_after = Pt(2)
    heading = document.add_paragraph()
    add_run(heading, gettext("Ablauf", lang), 20, bold=True)
    heading.paragraph_format.space_before = Pt(14)
    total = text_width(document)
    size, gap = _row_type(document, model, total * 0.7 / 12700)
    table = fixed_table(document, len(model.blocks), [Emu(int(total * 0.3)), Emu(int(total * 0.7))])
    for row, block in zip(table.rows, model.blocks, strict=True):
        time_cell, title_cell = row.cells
        pinned = block.kind == "pinned"
        add_run(time_cell.paragraphs[0], f"{block.start}–{block.end}", size, bold=pinned)
        is_break = block.kind == "break" or (pinned and not block.method)
        add_run(title_cell.paragraphs[0], block.title, size, grey=is_break, italic=is_break)
        if pinned:
            add_run(title_cell.paragraphs[0], f"  {_FIXED} " + gettext("feste Zeit", lang), 11)
        for cell in row.cells:
            cell.paragraphs[0].paragraph_format.space_after = Pt(gap)
            cell.paragraphs[0].paragraph_format.space_before = Pt(gap)
            if is_break:
                shade(cell, "F2F2F2")


# (point size, space above and below) of the agenda's rows, largest first: a long
# agenda gets smaller type rather than a second page with one or two rows on it
_ROW_TYPES = ((18, 6), (16, 5), (15, 4), (14, 3), (13, 2), (12, 2))
_HEAD_PT = 150  # title, date, venue and "Ablauf" above the table, with their spacing
_LINE = 1.2  # line height per point of type


def _row_type(document: DocumentType, model: KitModel, title_pt: float) -> tuple[int, int]:
    """The largest row type with which every block fits on the agenda's one page."""
    from facilitator.export.text_fit import text_width as measured

    room = text_height(document) / 12700
    room = room * 0.94 - _HEAD_PT  # LibreOffice and Word differ a little in line height
    for size, gap in _ROW_TYPES:
        height = 0.0
        for block in model.blocks:
            width = measured(block.title, size) * 1.1  # DejaVu Serif, a tenth wider
            lines = max(1, -(-int(width) // max(1, int(title_pt - 11))))
            height += lines * size * _LINE + 2 * gap + 4
        if height <= room:
            return size, gap
    return _ROW_TYPES[-1]


def render_poster(
    document: DocumentType, model: KitModel, join_url: str, new_page: bool = True
) -> None:
    """Append the poster: heading, the QR code 14 cm wide, the address, the Wi-Fi."""
    lang = model.lang

    def centred(text: str, size: float, *, bold: bool = False, grey: bool = False):
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        add_run(paragraph, text, size, bold=bold, grey=grey)
        return paragraph

    # "page break before" on the heading, not a break paragraph: after an agenda that
    # fills its page, a break paragraph would spill over and leave a blank page
    centred(
        gettext("Mitmachen mit dem Handy", lang), 30, bold=True
    ).paragraph_format.page_break_before = True
    centred(model.title, 14, grey=True).paragraph_format.space_after = Pt(10)
    picture = document.add_paragraph()
    picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
    picture.add_run().add_picture(io.BytesIO(qr_png(join_url)), width=poster_qr_width(join_url))
    centred(gettext("QR-Code mit der Handykamera scannen – oder die Adresse eingeben:", lang), 12)
    centred(join_url, 18, bold=True)
    if model.wifi_name or model.wifi_password:
        parts = [model.wifi_name] if model.wifi_name else []
        if model.wifi_password:
            parts.append(gettext("Passwort: {password}", lang, password=model.wifi_password))
        wifi = centred(gettext("WLAN", lang) + ": " + "  ·  ".join(parts), 18, bold=True)
        wifi.paragraph_format.space_before = Pt(14)
        centred(gettext("Zuerst mit dem WLAN verbinden, dann scannen.", lang), 11, grey=True)


def build_agenda(
    document: DocumentType, model: KitModel, join_url: str, poster_only: bool = False
) -> None:
    """The agenda page and the poster (or the poster alone)."""
    if not poster_only:
        render_agenda(document, model)
    render_poster(document, model, join_url, new_page=not poster_only)

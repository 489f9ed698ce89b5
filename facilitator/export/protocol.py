"""Provides `write_protocol`: one workshop's protocol as .docx or Markdown, written atomically.

The command line and the app's Export screen both call this; it reads the store,
builds the protocol model and hands it to the chosen renderer.
"""

import zipfile
from datetime import datetime
from pathlib import Path

from facilitator.core.errors import UserError, ValidationError
from facilitator.core.i18n import normalise_lang
from facilitator.core.method_format import MethodCard
from facilitator.export.files import write_atomic, write_text_atomic
from facilitator.export.protocol_layout import layout
from facilitator.export.protocol_model import ProtocolModel, build_protocol
from facilitator.locale import lazy
from facilitator.store.db import Store

FORMATS = ("docx", "md")


def check_template(template: Path) -> Path:
    """Return the template path if it is a readable Word document; UserError otherwise."""
    template = Path(template)
    if not template.is_file():
        raise UserError(lazy("Die Vorlage {template} gibt es nicht.", template=template))
    if template.suffix.lower() != ".docx":
        raise UserError(
            lazy("Die Vorlage {template} ist keine Word-Datei (.docx).", template=template)
        )
    try:
        with zipfile.ZipFile(template) as package:
            if "word/document.xml" not in package.namelist():
                raise zipfile.BadZipFile
        from docx import Document  # only when a template is given

        Document(str(template))
    except Exception:
        raise UserError(
            lazy("Die Vorlage {template} ist kein lesbares Word-Dokument.", template=template)
        ) from None
    return template


def _method_cards() -> dict[str, MethodCard]:
    """Return the method cards for names and the appendix; broken user cards do not block."""
    from facilitator.library import load_methods

    try:
        return load_methods()
    except ValidationError:
        try:
            return load_methods(include_user=False)
        except ValidationError:
            return {}


def protocol_model(
    store: Store,
    workshop_id: str,
    lang: str = "de",
    cards: dict[str, MethodCard] | None = None,
    *,
    photos: bool = True,
) -> ProtocolModel:
    """Return the protocol model of a workshop (for previews in the app, and the renderers)."""
    return build_protocol(
        store,
        workshop_id,
        _method_cards() if cards is None else cards,
        normalise_lang(lang),
        photos=photos,
    )


def write_protocol(
    store: Store,
    workshop_id: str,
    path: Path,
    *,
    lang: str = "de",
    template: Path | None = None,
    fmt: str = "docx",
    cards: dict[str, MethodCard] | None = None,
    photos: bool = True,
) -> Path:
    """Write the protocol of a workshop to `path` as .docx (default) or Markdown.

    A bad template or format raises UserError before anything is written;
    `photos=False` leaves the photo protocol out (captions and all).
    """
    if fmt not in FORMATS:
        raise UserError(
            lazy(
                "Unbekanntes Format {fmt}; möglich: {formats}.",
                fmt=repr(fmt),
                formats=", ".join(FORMATS),
            )
        )
    if template is not None:
        if fmt != "docx":
            raise UserError(lazy("Eine Word-Vorlage passt nur zum Format docx."))
        template = check_template(template)
    path = Path(path)
    model = protocol_model(store, workshop_id, lang, cards, photos=photos and fmt == "docx")
    blocks = layout(model)
    if fmt == "md":
        from facilitator.export.protocol_md import render_markdown

        write_text_atomic(path, render_markdown(blocks))
        return path

    # python-docx is imported only when a Word file is written.
    from facilitator.export.protocol_docx import write_docx

    created = datetime.fromtimestamp(store.now_ms() / 1000)
    write_atomic(
        path,
        lambda tmp: write_docx(
            blocks, tmp, title=model.title, lang=model.lang, template=template, created=created
        ),
    )
    return path

"""Provides the preparation kit's steps: run sheet, wall agenda + QR poster, sign-in list, badges.

One set of steps for `facilitator export runsheet|agenda|signin|badges` and the
app's Export screen (whose worker calls them on its own connection). Each reads
the store, builds the kit model and writes one .docx atomically; a bad template
or layout raises UserError before anything is written.
"""

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from facilitator.core.i18n import normalise_lang
from facilitator.core.method_format import MethodCard
from facilitator.export.kit_model import KitModel, build_kit
from facilitator.export.protocol import _method_cards, check_template
from facilitator.store.db import Store

KINDS = ("runsheet", "agenda", "signin", "badges")


def kit_model(
    store: Store, workshop_id: str, lang: str = "de", cards: dict[str, MethodCard] | None = None
) -> KitModel:
    """Return the kit's model (cards: the shipped and the user's, unless given)."""
    return build_kit(
        store, workshop_id, _method_cards() if cards is None else cards, normalise_lang(lang)
    )


def _created(store: Store) -> datetime:
    return datetime.fromtimestamp(store.now_ms() / 1000)


def _write(
    store: Store,
    workshop_id: str,
    path: Path,
    lang: str,
    template: Path | None,
    kind: str,
    build: Callable[[Any, KitModel, bool], None],
    **page: Any,
) -> Path:
    """The steps every kit document shares: template, model, page, content, atomic save.

    `build(document, model, keep_template)` writes the content; `page` goes to kit_document.
    """
    from facilitator.export.kit_docx import kit_document, save_kit

    template = check_template(template) if template else None
    model = kit_model(store, workshop_id, lang)
    document = kit_document(template, model.lang, **page)
    build(document, model, template is not None)
    return save_kit(
        document, path, title=model.title, kind=kind, lang=model.lang, created=_created(store)
    )


def write_runsheet(
    store: Store, workshop_id: str, path: Path, *, lang: str = "de", template: Path | None = None
) -> Path:
    """The run sheet (Regieplan), landscape."""
    from docx.shared import Mm

    from facilitator.export.kit_runsheet import build_runsheet

    return _write(
        store,
        workshop_id,
        path,
        lang,
        template,
        "runsheet",
        lambda document, model, keep: build_runsheet(document, model, keep_template=keep),
        landscape=True,
        margins=(Mm(12), Mm(15)),
    )


def write_agenda(
    store: Store,
    workshop_id: str,
    path: Path,
    join_url: str,
    *,
    lang: str = "de",
    template: Path | None = None,
    poster_only: bool = False,
) -> Path:
    """The wall agenda and the QR poster (or the poster alone), A4 portrait."""
    from facilitator.export.kit_agenda import build_agenda
    from facilitator.store.join_address import remember_poster

    written = _write(
        store,
        workshop_id,
        path,
        lang,
        template,
        "agenda_title",
        lambda document, model, _keep: build_agenda(document, model, join_url, poster_only),
    )
    # the app checks at start whether this poster still leads to this laptop
    remember_poster(store, workshop_id, join_url)
    return written


def write_signin(
    store: Store, workshop_id: str, path: Path, *, lang: str = "de", template: Path | None = None
) -> Path:
    """The sign-in list, sorted by surname, with empty rows for walk-ins."""
    from facilitator.export.kit_signin import build_signin

    return _write(
        store,
        workshop_id,
        path,
        lang,
        template,
        "signin",
        lambda document, model, keep: build_signin(document, model, keep_template=keep),
    )


def write_badges(
    store: Store,
    workshop_id: str,
    path: Path,
    *,
    lang: str = "de",
    template: Path | None = None,
    layout: str = "2x4",
    blank: int = 0,
) -> Path:
    """Name badges: one per registered person plus `blank` empty ones."""
    from facilitator.export.kit_badges import badge_layout, build_badges

    grid = badge_layout(layout)  # an unknown layout is refused before anything is read
    return _write(
        store,
        workshop_id,
        path,
        lang,
        template,
        "badges",
        lambda document, model, _keep: build_badges(document, model, grid, max(0, blank)),
        force_page=True,
    )

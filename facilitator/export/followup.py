"""Provides the follow-up files: fact sheet of a workshop's series, invitation, contacts.

One set of steps for `facilitator export ics|contacts` and the app's Export screen
(whose worker calls them on its own connection); each returns what to report.
"""

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from facilitator.core.errors import UserError
from facilitator.export.files import write_atomic
from facilitator.locale import lazy
from facilitator.store.db import Store
from facilitator.store.workshops import get_workshop, workshop_row


class NoNextDate(UserError):
    """The workshop has no next date yet, so there is nothing to invite to."""

    def __init__(self, title: str) -> None:
        super().__init__(
            lazy(
                "„{title}“ hat noch keinen nächsten Termin. Festlegen mit: facilitator "
                "next-date JJJJ-MM-TT [--start HH:MM] [--venue ORT]",
                title=title,
            )
        )
        self.title = title


@dataclass(frozen=True)
class Written:
    """Where a file went, and what the screen says about it."""

    path: Path
    day: date | None = None
    start: str = ""
    shared: int = 0
    total: int = 0


def write_factsheet(store: Store, workshop_id: str, path: Path, lang: str) -> Written:
    """The fact sheet of the workshop's series, or of all workshops when it has none."""
    from facilitator.export.factsheet_docx import write_factsheet_docx
    from facilitator.export.factsheet_model import build_factsheet

    series = get_workshop(store, workshop_id).series_id
    write_factsheet_docx(build_factsheet(store, series), path, lang)
    return Written(path)


def write_invitation(
    store: Store, workshop_id: str, path: Path, reminder_minutes: int | None = None
) -> Written:
    """The .ics invitation to the next date (NoNextDate when none is set).

    `reminder_minutes` before the start the calendar reminds (default: one day; 0: none).
    """
    from facilitator.core.schedule import parse_clock
    from facilitator.export.ics import DEFAULT_REMINDER_MINUTES, Invitation, invitation_ics

    workshop = get_workshop(store, workshop_id)
    row = workshop_row(store, workshop_id)
    if not row.get("next_date"):
        raise NoNextDate(workshop.title)
    day = date.fromisoformat(str(row["next_date"])[:10])
    start = row.get("next_start") or workshop.start or "09:00"
    minutes = 240  # the next date lasts as long as this one (a half day if the end is unknown)
    if workshop.end and workshop.start:
        minutes = max(30, parse_clock(workshop.end) - parse_clock(workshop.start))
    series = ""
    if workshop.series_id:
        from facilitator.store.series import list_series

        series = next((s.name for s in list_series(store) if s.id == workshop.series_id), "")
    invitation = Invitation(
        uid=f"{workshop.id}-{day:%Y%m%d}@facilitator",
        title=workshop.title,
        day=day,
        start=start,
        minutes=minutes,
        location=row.get("next_venue") or workshop.venue or "",
        description="Folgetermin zu „{}“{}.".format(
            workshop.title, f" (Reihe {series})" if series else ""
        ),
        reminder_minutes=(
            DEFAULT_REMINDER_MINUTES if reminder_minutes is None else reminder_minutes or None
        ),
    )
    text = invitation_ics(invitation, datetime.fromtimestamp(store.now_ms() / 1000).astimezone())
    write_atomic(path, lambda tmp: tmp.write_bytes(text.encode("utf-8")))
    return Written(path, day=day, start=start)


def write_contacts(
    store: Store, workshop_id: str | None, path: Path, lang: str, series: str | None = None
) -> Written:
    """The contact list of a workshop (or of a whole series): only those who consented."""
    from facilitator.export.contacts import consenting, contacts_csv
    from facilitator.store.rollup import Scope, load_scope, resolve_scope

    if series:
        scope = resolve_scope(store, series)
    else:
        workshop = get_workshop(store, workshop_id or "")
        scope = Scope(workshop.title, None, [workshop])
    people = load_scope(store, scope).participants
    total = len(people)
    if series:
        # Across a series only consents whose text named the series count (DESIGN: names
        # leave the software only as the consent text says).
        from facilitator.store.consent import covers_series

        people = covers_series(store, people)
    text = contacts_csv(people, lang)
    write_atomic(path, lambda tmp: tmp.write_bytes(text.encode("utf-8")))
    return Written(path, shared=len(consenting(people)), total=total)

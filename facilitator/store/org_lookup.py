"""Provides finding one organisation by what a moderator types: id, id prefix or name."""

from typing import Any

from facilitator.core.clean import name_key
from facilitator.core.errors import NotFound
from facilitator.core.models import Organisation
from facilitator.locale import lazy
from facilitator.store.db import Store
from facilitator.store.organisations import list_organisations, list_pending
from facilitator.store.queries import rows


def lookup_organisation(store: Store, text: str, *, pending: bool = False) -> Organisation:
    """Return the (not merged) organisation with this id, id prefix or unique name.

    A name may be a case-insensitive part of the name if only one organisation fits.
    `pending=True` looks among the names typed on phones that wait for a moderator.
    """
    key = " ".join(text.casefold().split())
    if not key:
        raise NotFound(lazy("Bitte eine Organisation angeben (ID oder Name)."))
    # The usual cases by primary key and the indexed name key; the scan below is for
    # prefixes and parts of names (and says which ones fit when several do).
    where = "deleted = 0 AND name IS NOT NULL AND merged_into IS NULL AND coalesce(pending, 0) = ?"
    for column, value in (("id", text), ("name_key", name_key(text))):
        found: list[Any] = rows(  # rows here, organisations in the scan below
            store,
            f"SELECT * FROM organisation WHERE {column} = ? AND {where}",
            [value, int(pending)],
        )
        if len(found) == 1:
            return Organisation.from_row(found[0])
    candidates: list[Organisation] = list_pending(store) if pending else list_organisations(store)
    for test in (
        lambda o: o.id == text,
        lambda o: " ".join(o.name.casefold().split()) == key,
        lambda o: o.id.startswith(text),
        lambda o: key in o.name.casefold(),
    ):
        found = [o for o in candidates if test(o)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            names = "; ".join(f"{o.name} ({o.id[:8]})" for o in found[:6])
            raise NotFound(
                lazy(
                    "„{text}“ passt auf mehrere Organisationen: {names}. Bitte die ID angeben.",
                    text=text,
                    names=names,
                )
            )
    raise NotFound(
        lazy(
            "Eine Organisation „{text}“ gibt es nicht (oder sie ist schon "
            "zusammengeführt); facilitator orgs list zeigt alle.",
            text=text,
        )
    )

"""Provides dot voting from phones: each voter's dots per capture, budgets, and the ranking.

A vote row is keyed by capture and voter (id "<capture_id>:<voter>"), so casting
again replaces the voter's dots, a retry changes nothing, and the two laptops
converge last-writer-wins per row.
"""

from dataclasses import dataclass
from typing import Any

from facilitator.core.errors import NotFound, ValidationError
from facilitator.core.rules import readable
from facilitator.core.taxonomy import ROOM_KINDS
from facilitator.locale import lazy
from facilitator.store.columns import DEFAULTS
from facilitator.store.db import Store
from facilitator.store.oplog import record
from facilitator.store.queries import one, rows

DEFAULT_BUDGET = 3


@dataclass(frozen=True)
class VoteRules:
    """How many dots a voter may place on one block, and at most per capture."""

    budget: int
    per_item_max: int


def per_item_max(budget: int) -> int:
    """Return the most dots one capture may get from one voter: half the budget, rounded up.

    Half keeps one loud voter from putting everything on a single card while a
    budget of 1 or 2 stays usable.
    """
    return max(1, (budget + 1) // 2)


def voting_item(store: Store, item_id: str) -> dict[str, Any]:
    """Return the agenda item's row (with voting_open, dot_budget, results_revealed)."""
    row = one(store, "SELECT * FROM agenda_item WHERE id = ? AND deleted = 0", [item_id])
    if row is None:
        raise NotFound(lazy("Einen Agendapunkt {item_id} gibt es nicht.", item_id=repr(item_id)))
    return readable("agenda_item", row, DEFAULTS)  # a broken stored budget reads as 3


def rules_for(item: dict[str, Any]) -> VoteRules:
    """Return the voting rules of an agenda item row."""
    budget = int(item.get("dot_budget") or DEFAULT_BUDGET)
    return VoteRules(budget, per_item_max(budget))


# the ballot and the results phones see hold only what the room contributes (23.6)
_ROOM = "kind IN (" + ", ".join(f"'{k}'" for k in ROOM_KINDS) + ")"


def ballot_captures(store: Store, item_id: str) -> list[dict[str, Any]]:
    """Return the block's visible captures that can receive dots, oldest first."""
    return rows(
        store,
        "SELECT id, kind, text, source FROM capture WHERE agenda_item_id = ? AND deleted = 0 "
        f"AND hidden = 0 AND text IS NOT NULL AND {_ROOM} ORDER BY hlc, id",
        [item_id],
    )


def voter_dots(store: Store, item_id: str, voter: str) -> dict[str, int]:
    """Return the dots a voter has placed on the block's captures."""
    found = rows(
        store,
        "SELECT capture_id, dots FROM vote WHERE agenda_item_id = ? AND voter = ? AND dots > 0",
        [item_id, voter],
    )
    return {r["capture_id"]: r["dots"] for r in found}


def voters_of_block(store: Store, item_id: str) -> int:
    """Return how many voters placed dots in the block's vote."""
    return int(
        store.conn.execute(
            "SELECT count(DISTINCT voter) FROM vote WHERE agenda_item_id = ? AND dots > 0",
            [item_id],
        ).fetchone()[0]
    )


def _write_votes(
    store: Store, workshop_id: str, item_id: str, voter: str, wanted: dict[str, int]
) -> None:
    """One op per entry whose dots change; all of them or none."""
    with store.transaction():
        before = voter_dots(store, item_id, voter)
        for capture_id in sorted(set(before) | set(wanted)):
            count = wanted.get(capture_id, 0)
            if before.get(capture_id, 0) == count:
                continue
            record(
                store,
                "vote.set",
                {
                    "id": f"{capture_id}:{voter}",
                    "workshop_id": workshop_id,
                    "capture_id": capture_id,
                    "agenda_item_id": item_id,
                    "voter": voter,
                    "dots": count,
                },
                workshop_id,
            )


def _checked_count(capture_id: str, count: Any, ballot: set[str], most: int) -> int:
    """The dots for one entry (0 is allowed); ValidationError off the ballot or over a limit."""
    if not isinstance(count, int) or isinstance(count, bool) or count < 0:
        raise ValidationError(lazy("Punkte müssen ganze Zahlen ab 0 sein."))
    if capture_id not in ballot:
        raise ValidationError(lazy("Ein Eintrag steht nicht zur Abstimmung."))
    if count > most:
        raise ValidationError(lazy("Höchstens {most} Punkte pro Eintrag.", most=most))
    return count


def cast_votes(
    store: Store, workshop_id: str, item_id: str, voter: str, dots: dict[str, int]
) -> dict[str, int]:
    """Replace a voter's dots on an open vote; the budget and per-capture maximum are enforced.

    Returns the dots now stored. Raises ValidationError (nothing written) when the
    vote is closed, a capture is not on the ballot, or a limit is exceeded.
    """
    voter = str(voter).strip()
    if not voter or len(voter) > 64:
        raise ValidationError(lazy("Die Kennung der abstimmenden Person fehlt."))
    item = voting_item(store, item_id)
    if item["workshop_id"] != workshop_id or not item["voting_open"]:
        raise ValidationError(lazy("Für diesen Block ist keine Abstimmung offen."))
    rules = rules_for(item)
    ballot = {c["id"] for c in ballot_captures(store, item_id)}
    wanted = {
        capture_id: count
        for capture_id, count in dots.items()
        if _checked_count(capture_id, count, ballot, rules.per_item_max)
    }
    if sum(wanted.values()) > rules.budget:
        raise ValidationError(lazy("Sie haben nur {budget} Punkte.", budget=rules.budget))
    _write_votes(store, workshop_id, item_id, voter, wanted)
    return wanted


def vote_results(store: Store, item_id: str) -> list[dict[str, Any]]:
    """Return the block's visible captures ranked by dots (phone votes plus flipchart dots)."""
    return rows(
        store,
        """SELECT c.id, c.kind, c.text,
             c.votes + coalesce((SELECT sum(v.dots) FROM vote v WHERE v.capture_id = c.id), 0)
               AS dots,
             (SELECT count(*) FROM vote v WHERE v.capture_id = c.id AND v.dots > 0) AS voters
           FROM capture c
           WHERE c.agenda_item_id = ? AND c.deleted = 0 AND c.hidden = 0 AND c.text IS NOT NULL
             AND c.{room}
           ORDER BY dots DESC, c.hlc, c.id""".format(room=_ROOM),
        [item_id],
    )


def voter_count(store: Store, item_id: str) -> int:
    """Return how many phones have placed at least one dot on the block."""
    row = one(
        store,
        "SELECT count(DISTINCT voter) AS n FROM vote WHERE agenda_item_id = ? AND dots > 0",
        [item_id],
    )
    return int(row["n"]) if row else 0

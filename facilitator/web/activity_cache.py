"""Provides the Q&A's section rendered once per change and shared by every phone.

A full Q&A is a few hundred questions: rendering it took ~35 ms and 260 KB, and
every upvote changed it, so a room of phones refetching it froze the app's event
loop. Here it is rendered once per activity key (questions, votes, answered marks),
and under a flood of changes at most RENDER_BURST at once and RENDER_PER_SECOND after
that (phones see the previous rendering meanwhile); every phone gets the same bytes
(gzipped once as well). What is the phone's own — which questions it
upvoted, a fresh client id for its next question — is a few string replacements on
the shared text (the join page) or a header activity.js applies (the fragment).
"""

import gzip
import json
import secrets
import time
from dataclasses import dataclass
from typing import Any

from facilitator.store.activities import get_activity
from facilitator.store.db import Store
from facilitator.store.queries import rows
from facilitator.web.activity_view import activity_section
from facilitator.web.markup import Markup, escape

# A quiet room sees every change at once; a flood of upvotes costs at most this many
# renders a second (another activity is rendered at once, whatever the budget).
RENDER_BURST = 3.0
RENDER_PER_SECOND = 2.0
# Stands where the phone's next question id goes; user text is escaped, so it cannot
# contain this (a raw "<" never survives escaping).
QCLIENT_SLOT = Markup("<!--qclient-" + secrets.token_hex(8) + "-->")
_OFF = 'class="secondary" aria-pressed="false"'
_ON = 'class="secondary on" aria-pressed="true"'
_MAX_ENTRIES = 16  # (workshop, language, code): a handful in practice
# Stands for the phone's identity in a form rendered for every phone with that answer.
VOTER_SLOT = "voter-" + secrets.token_hex(8)
_MAX_FORMS = 256  # distinct answers rendered per version; a phone past that renders alone


@dataclass(frozen=True)
class SharedSection:
    """One rendering of the open Q&A, for everyone."""

    key: str
    made: float
    html: str
    gzipped: bytes


class SectionCache:
    """The shared Q&A sections, one per (workshop, language, join code)."""

    def __init__(self) -> None:
        self._entries: dict[tuple[str, str, str], SharedSection] = {}
        self.renders = 0  # how often it really rendered (tests and the benchmark read it)
        self._tokens = RENDER_BURST
        self._last = time.monotonic()

    def _may_render(self, now: float) -> bool:
        self._tokens = min(RENDER_BURST, self._tokens + (now - self._last) * RENDER_PER_SECOND)
        self._last = now
        if self._tokens < 1:
            return False
        self._tokens -= 1
        return True

    def section(
        self, store: Store, workshop_id: str, *, code: str, lang: str, key: str
    ) -> SharedSection:
        """Return the shared section for the activity `key` the snapshot announces."""
        slot = (workshop_id, lang, code)
        found = self._entries.get(slot)
        now = time.monotonic()
        if found is not None and (
            found.key == key or (_same_activity(found.key, key) and not self._may_render(now))
        ):
            return found
        html = activity_section(
            store, workshop_id, code=code, lang=lang, voter="", client=QCLIENT_SLOT
        )
        made = SharedSection(key, now, str(html), gzip.compress(html.encode(), compresslevel=6))
        if len(self._entries) >= _MAX_ENTRIES:
            self._entries.clear()
        self._entries[slot] = made
        self.renders += 1
        return made


def _same_activity(old: str, new: str) -> bool:
    return bool(old) and old.split(":")[0] == new.split(":")[0]


def personal(shared: str, upvoted: list[str], qclient: str) -> Markup:
    """Return the shared section with this phone's upvotes marked and its next question id."""
    html = shared.replace(str(QCLIENT_SLOT), qclient)
    for question_id in upvoted:
        # ids are hex (or a peer's uuid): anything else cannot be a button of ours
        if question_id.replace("-", "").isalnum() and question_id.isascii():
            html = html.replace(f'value="{question_id}" {_OFF}', f'value="{question_id}" {_ON}')
    return Markup(html)


def shared_qa(store: Store, shown: dict | None) -> bool:
    """Whether the open activity is a Q&A every phone sees alike: a revealed one.

    Before the moderators reveal it, each phone sees only its own questions,
    so its section is its own; there is nothing of others to upvote, nothing to amplify.
    """
    if not shown or shown.get("type") != "questions":
        return False
    return bool(get_activity(store, shown["id"]).get("results_revealed"))


class PhoneForms:
    """The open activity as each phone sees it, read from the database once per version.

    Every phone polls or refetches its form when the activity changes: per request that
    was several reads and a rendering. Here the answers are read in one query per
    version, and a form is rendered once per distinct answer (most phones: none yet),
    with the phone's identity put in afterwards. The hub clears it with each version.
    """

    def __init__(self) -> None:
        self._shared: dict[str, bool] = {}
        self._answers: dict[str, dict[str, dict[str, Any]]] = {}
        self._forms: dict[tuple[str, str, str, str], str] = {}
        self.renders = 0  # tests and the benchmark read it

    def clear(self) -> None:
        self._shared.clear()
        self._answers.clear()
        self._forms.clear()

    def shared_qa(self, store: Store, shown: dict | None) -> bool:
        """`shared_qa`, asked once per version."""
        if not shown or shown.get("type") != "questions":
            return False
        if shown["id"] not in self._shared:
            self._shared[shown["id"]] = shared_qa(store, shown)
        return self._shared[shown["id"]]

    def answer(self, store: Store, activity_id: str, voter: str) -> dict[str, Any]:
        """Return what `voter` answered (empty if nothing)."""
        if activity_id not in self._answers:
            found = rows(
                store,
                "SELECT voter, answer_value FROM activity_answer WHERE activity_id = ?",
                [activity_id],
            )
            self._answers[activity_id] = {
                r["voter"]: r["answer_value"] for r in found if isinstance(r["answer_value"], dict)
            }
        return self._answers[activity_id].get(voter) or {}

    def upvotes(self, store: Store, activity_id: str, voter: str) -> list[str]:
        """Return the questions this phone upvoted."""
        upvotes = self.answer(store, activity_id, voter).get("upvotes") or []
        return [q for q in upvotes if isinstance(q, str)]

    def form(
        self,
        store: Store,
        workshop_id: str,
        shown: dict | None,
        *,
        code: str,
        lang: str,
        voter: str,
        client: str,
    ) -> Markup:
        """Return the open activity's form for this phone (not a shared Q&A's section)."""
        if shown and shown.get("type") == "questions":
            # unrevealed: a phone sees its own questions, so its section is its own
            return activity_section(
                store, workshop_id, code=code, lang=lang, voter=voter, client=client
            )
        mine = self.answer(store, shown["id"], voter) if shown else {}
        key = (workshop_id, lang, code, json.dumps(mine, sort_keys=True))
        html = self._forms.get(key)
        if html is None:
            html = activity_section(
                store, workshop_id, code=code, lang=lang, voter=VOTER_SLOT, client="", mine=mine
            )
            self.renders += 1
            if len(self._forms) < _MAX_FORMS:
                self._forms[key] = html
        return Markup(html.replace(VOTER_SLOT, escape(voter)))

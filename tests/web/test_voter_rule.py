"""Tests the one voter rule (issue 28.3, 25.9) on a real server with source addresses 127.0.x.y.

A phone that reloads for a fresh cookie is a new voter; with the default settings one
address counts at most `voters_per_address` of them for every kind of vote and answer.
The moderators' NAT setting raises the per-address caps: 60 phones behind one address
then join, stream and vote, while a flood from that address stays bounded.
"""

import asyncio
import re

import aiohttp
import pytest

from facilitator.store.activities import list_questions, start_activity
from facilitator.store.agenda import update_item
from facilitator.store.captures import add_capture
from facilitator.store.queries import scalar
from facilitator.store.room import phones_share_address, set_phones_share_address
from facilitator.web.caps import SHARED_FACTOR, Caps
from tests.web.test_web_hostile import (  # noqa: F401 - served is a fixture
    _loopback_aliases_work,
    address,
    phone,
    served,
)

pytestmark = pytest.mark.skipif(
    not _loopback_aliases_work(), reason="needs 127.0.x.y source addresses"
)
CEILING = Caps().voters_per_address


async def _join(session: aiohttp.ClientSession, base: str, code: str) -> str:
    """Load the join page as a phone does (it issues the cookie); return the page."""
    response = await session.get(f"{base}/j/{code}")
    assert response.status == 200
    return await response.text()


def _answers(store, activity_id: str) -> int:
    sql = "SELECT count(*) FROM activity_answer WHERE activity_id = ?"
    return int(scalar(store, sql, [activity_id]))


def _kinds(store, workshop_id: str) -> list[tuple[str, dict, dict]]:
    entry = add_capture(store, workshop_id, "need", "Schnittstellen")
    return [
        ("wordcloud", {}, {"w0": "Mut"}),
        ("scale", {"statements": ["Inhalt"]}, {"s0": "4"}),
        ("choice", {"options": ["Ulm", "Heilbronn"]}, {"choice": "1"}),
        ("matrix", {"options": ["E-Akte"]}, {"x0": "2", "y0": "5"}),
        ("dots", {"ballot": [entry]}, {f"d.{entry}": "2"}),
    ]


async def _stuff(base: str, code: str, ip: str, fields: dict, phones: int) -> list[int]:
    """Answer once from each of `phones` fresh cookies on one address; return the statuses."""
    statuses = []
    for _ in range(phones):
        async with phone(ip) as session:
            await _join(session, base, code)
            answer = await session.post(
                f"{base}/api/activity?code={code}", data=fields, allow_redirects=False
            )
            statuses.append(answer.status)
    return statuses


async def test_fresh_cookie_stuffing_is_capped_for_every_activity(
    served,  # noqa: F811 - the fixture
    store,
    workshop_id,
    code,
) -> None:
    server, base = await served()
    for n, (kind, config, fields) in enumerate(_kinds(store, workshop_id)):
        activity = start_activity(store, workshop_id, kind, "Frage", config)
        statuses = await _stuff(base, code, address(n), {"activity": activity, **fields}, 8)
        assert statuses == [303] * CEILING + [429] * (8 - CEILING), kind
        assert _answers(store, activity) == CEILING, kind
        # another address is another room corner: it counts its own voters
        other = await _stuff(base, code, address(50 + n), {"activity": activity, **fields}, 1)
        assert other == [303]
    assert server.refused_by_reason()["ballot_address"] == 5 * (8 - CEILING)


async def test_questions_and_upvotes_follow_the_same_rule(
    served,  # noqa: F811
    store,
    workshop_id,
    code,
) -> None:
    _, base = await served()
    qa = start_activity(store, workshop_id, "questions", "Ihre Fragen")
    statuses = []
    for n in range(8):
        async with phone(address(0)) as session:
            page = await _join(session, base, code)
            qclient = re.search(r'name="qclient" value="([^"]+)"', page).group(1)
            fields = {"activity": qa, "question": f"Frage {n}?", "qclient": qclient}
            answer = await session.post(
                f"{base}/api/activity?code={code}", data=fields, allow_redirects=False
            )
            statuses.append(answer.status)
    assert statuses == [303] * CEILING + [429] * (8 - CEILING)
    questions = list_questions(store, qa)
    assert len(questions) == CEILING
    upvote = {"activity": qa, "upvote": questions[0]["id"]}
    # the askers upvote as known voters; new cookies from the same address are refused
    assert await _stuff(base, code, address(0), upvote, 3) == [429, 429, 429]
    assert await _stuff(base, code, address(1), upvote, 7) == [303] * CEILING + [429] * 2
    votes = scalar(store, "SELECT count(*) FROM activity_answer WHERE activity_id = ?", [qa])
    assert votes == CEILING


async def test_the_shared_address_setting_lets_a_nat_room_of_60_phones_in(
    served,  # noqa: F811
    store,
    workshop_id,
    code,
) -> None:
    server, base = await served()
    set_phones_share_address(store, workshop_id, True)
    assert phones_share_address(store, workshop_id)
    activity = start_activity(store, workshop_id, "wordcloud", "Ein Wort")
    nat = address(7)
    sessions = [phone(nat) for _ in range(60)]
    streams: list[aiohttp.ClientResponse] = []
    try:
        pages = await asyncio.gather(*(_join(s, base, code) for s in sessions))
        assert all('id="activity-form"' in p for p in pages)
        for session in sessions:  # every phone holds its live stream open
            stream = await session.get(f"{base}/events?code={code}")
            assert stream.status == 200
            assert (await stream.content.readline()).startswith(b"retry:")
            streams.append(stream)
        assert server.phones_connected == 60
        answers = await asyncio.gather(
            *(
                s.post(
                    f"{base}/api/activity?code={code}",
                    data={"activity": activity, "w0": f"Wort{i}"},
                    allow_redirects=False,
                )
                for i, s in enumerate(sessions)
            )
        )
        assert [a.status for a in answers] == [303] * 60
        assert _answers(store, activity) == 60
    finally:
        for stream in streams:
            stream.close()
        for session in sessions:
            await session.close()
    # a flood from that address (fresh cookies) stays bounded by the raised ceiling
    flood = await _stuff(base, code, nat, {"activity": activity, "w0": "Spam"}, 50)
    assert flood.count(303) == CEILING * SHARED_FACTOR - 60
    assert _answers(store, activity) == CEILING * SHARED_FACTOR


async def test_the_dot_vote_counts_the_same_ceiling_and_the_setting_raises_it(
    served,  # noqa: F811
    store,
    workshop_id,
    code,
    collecting,
) -> None:
    _, base = await served()
    entry = add_capture(store, workshop_id, "need", "Schnittstellen", agenda_item_id=collecting)
    update_item(store, collecting, voting_open=1)

    async def ballots(ip: str, phones: int) -> list[int]:
        statuses = []
        for _ in range(phones):
            async with phone(ip) as session:
                await _join(session, base, code)
                answer = await session.post(
                    f"{base}/api/vote?code={code}", json={"item": collecting, "dots": {entry: 1}}
                )
                statuses.append(answer.status)
        return statuses

    assert await ballots(address(3), CEILING + 2) == [200] * CEILING + [429, 429]
    set_phones_share_address(store, workshop_id, True)
    await asyncio.sleep(0)  # the hub reads the setting with the next version
    assert await ballots(address(3), 3) == [200, 200, 200]


def test_the_setting_from_the_command_line(tmp_path) -> None:
    from click.testing import CliRunner

    from facilitator.cli import main

    db = str(tmp_path / "w.db")
    runner = CliRunner()
    made = runner.invoke(main, ["--db", db, "new", "Test", "--agenda", "vernetzungsworkshop"])
    assert made.exit_code == 0, made.output
    changed = runner.invoke(main, ["--db", db, "workshop", "edit", "--shared-address", "ja"])
    assert changed.exit_code == 0 and "shared_address" in changed.output
    from facilitator.store import open_store

    assert phones_share_address(open_store(db), made.output.strip())
    wrong = runner.invoke(main, ["--db", db, "workshop", "edit", "--shared-address", "vielleicht"])
    assert wrong.exit_code == 2


async def test_the_steckbrief_form_follows_the_same_rule(
    served,  # noqa: F811
    store,
    workshop_id,
    code,
) -> None:
    from facilitator.store.activity_forms import load_activity_set

    server, base = await served()
    config = load_activity_set("projektsteckbrief")
    activity = start_activity(store, workshop_id, "form", config["prompt"]["de"], config)
    statuses = []
    for n in range(CEILING + 3):
        async with phone(address(4)) as session:
            await _join(session, base, code)
            answer = await session.post(
                f"{base}/api/activity?code={code}",
                data={
                    "activity": activity,
                    "org": f"Gemeinde Nummer {n}",
                    "f.project": f"Projekt {n}",
                    "f.topic": "verwaltung",
                    "f.status": "geplant",
                    "f.hurdle": "Schnittstelle zum Fachverfahren",
                },
                allow_redirects=False,
            )
            statuses.append(answer.status)
    assert statuses == [303] * CEILING + [429] * 3
    assert _answers(store, activity) == CEILING
    assert server.refused_by_reason()["ballot_address"] == 3


async def test_a_restarted_server_still_counts_the_voters_an_address_had(
    served,  # noqa: F811
    store,
    workshop_id,
    code,
) -> None:
    server, base = await served()
    activity = start_activity(store, workshop_id, "wordcloud", "Ein Wort")
    fields = {"activity": activity, "w0": "Mut"}
    first = phone(address(9))  # a voter from before the restart keeps its cookie
    try:
        await _join(first, base, code)
        answer = await first.post(
            f"{base}/api/activity?code={code}", data=fields, allow_redirects=False
        )
        assert answer.status == 303
        assert await _stuff(base, code, address(9), fields, CEILING - 1) == [303] * (CEILING - 1)
        await server.stop()
        _, base = await served()  # the laptop restarted the phone server: memory is gone
        assert await _stuff(base, code, address(9), fields, 2) == [429, 429]
        assert _answers(store, activity) == CEILING
        # the voter it had may still change its answer (cookies do not depend on the port)
        again = await first.post(
            f"{base}/api/activity?code={code}",
            data={**fields, "w0": "Geduld"},
            allow_redirects=False,
        )
        assert again.status == 303
    finally:
        await first.close()


async def test_a_restarted_server_still_counts_the_voters_of_an_activity(
    served,  # noqa: F811
    store,
    workshop_id,
    code,
) -> None:
    caps = Caps(voters_per_item=3)
    server, base = await served(caps=caps)
    activity = start_activity(store, workshop_id, "wordcloud", "Ein Wort")
    fields = {"activity": activity, "w0": "Mut"}
    voter = phone(address(20))  # one of the three keeps its cookie across the restart
    try:
        await _join(voter, base, code)
        answer = await voter.post(f"{base}/api/activity?code={code}", data=fields)
        assert answer.status == 200
        for n in (21, 22):
            assert await _stuff(base, code, address(n), fields, 1) == [303]
        assert await _stuff(base, code, address(23), fields, 1) == [409]
        await server.stop()
        _, base = await served(caps=caps)
        assert await _stuff(base, code, address(24), fields, 1) == [409]
        assert _answers(store, activity) == 3
        again = await voter.post(
            f"{base}/api/activity?code={code}",
            data={**fields, "w0": "Geduld"},
            allow_redirects=False,
        )
        assert again.status == 303
    finally:
        await voter.close()

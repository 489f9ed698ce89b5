"""Tests the Q&A's shared rendering and caps (issue 28.2): one rendering per change for everyone."""

import re
import time

import pytest

from facilitator.core.activities import MAX_QUESTIONS, QUESTIONS_PER_PHONE, UPVOTES_PER_PHONE
from facilitator.core.errors import ValidationError
from facilitator.store.activities import (
    ask_question,
    list_questions,
    start_activity,
    upvote_question,
)
from facilitator.web.activity_cache import RENDER_BURST, RENDER_PER_SECOND
from facilitator.web.caps import Caps
from facilitator.web.identity import COOKIE
from facilitator.web.keys import HUB


def _full_qa(store, workshop_id: str, questions: int) -> str:
    qa = start_activity(store, workshop_id, "questions", "Ihre Fragen", reveal=True)
    for n in range(questions):
        text = f"Frage {n}: wer finanziert die Schnittstelle zwischen Fachverfahren und Portal?"
        ask_question(store, workshop_id, qa, f"asker-{n // 5}", text, f"q{n:04d}")
    return qa


async def _phone(make_client, code: str):
    client = await make_client()
    await client.get(f"/j/{code}")
    assert any(c.key == COOKIE for c in client.session.cookie_jar)
    return client


async def test_every_phone_gets_the_same_bytes_rendered_once(
    make_client, store, workshop_id, code
) -> None:
    qa = _full_qa(store, workshop_id, 150)
    first = await _phone(make_client, code)
    hub = first.server.app[HUB]
    renders = hub.sections.renders
    question = list_questions(store, qa)[3]["id"]
    upvote_question(store, workshop_id, qa, "asker-0", question)  # someone else's vote
    bodies, marks = set(), []
    for _ in range(20):
        response = await first.get(f"/j/{code}/activity", headers={"Accept-Encoding": "identity"})
        assert response.status == 200
        bodies.add(await response.read())
        marks.append(response.headers["X-Upvoted"])
    assert len(bodies) == 1 and marks == [""] * 20
    assert hub.sections.renders == renders + 1  # one rendering for all twenty
    html = bodies.pop().decode()
    assert html.count('<li class="question') == 150 and "1 Stimme<" in html
    assert 'aria-pressed="true"' not in html  # nobody's own marks in the shared bytes
    zipped = await first.get(f"/j/{code}/activity", headers={"Accept-Encoding": "gzip"})
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert hub.sections.renders == renders + 1
    assert (await zipped.read()).decode() == html  # the client unzipped the bytes zipped once


async def test_own_upvotes_are_marked_for_that_phone_only(
    make_client, store, workshop_id, code
) -> None:
    qa = _full_qa(store, workshop_id, 3)
    voter, other = await _phone(make_client, code), await _phone(make_client, code)
    target = list_questions(store, qa)[1]["id"]
    posted = await voter.post(
        f"/api/activity?code={code}", data={"activity": qa, "upvote": target}, allow_redirects=False
    )
    assert posted.status == 303
    fragment = await voter.get(f"/j/{code}/activity")
    assert fragment.headers["X-Upvoted"] == target
    page = await (await voter.get(f"/j/{code}")).text()
    assert f'value="{target}" class="secondary on" aria-pressed="true"' in page
    assert page.count('aria-pressed="true"') == 1 and "1 Stimme<" in page
    theirs = await (await other.get(f"/j/{code}")).text()
    assert 'aria-pressed="true"' not in theirs and "1 Stimme<" in theirs
    # each page load carries its own next-question id (two phones never share one)
    ids = [re.search(r'name="qclient" value="([^"]+)"', p).group(1) for p in (page, theirs)]
    assert ids[0] != ids[1] and all(re.fullmatch(r"[0-9a-f-]{36}", i) for i in ids)


async def test_a_flood_of_upvotes_costs_a_bounded_number_of_renders(
    make_client, store, workshop_id, code, monkeypatch
) -> None:
    from facilitator.web import activity_view

    rendered = []
    form = activity_view._questions_form
    monkeypatch.setattr(
        activity_view, "_questions_form", lambda *a, **k: rendered.append(1) or form(*a, **k)
    )
    qa = _full_qa(store, workshop_id, 40)
    questions = [q["id"] for q in list_questions(store, qa)]
    reader = await _phone(make_client, code)
    hub = reader.server.app[HUB]
    before = len(rendered)
    started = time.monotonic()
    for n in range(60):  # 60 upvotes, a refetch after each: the amplification of issue 28
        upvote_question(store, workshop_id, qa, f"flood-{n}", questions[n % 40])
        assert (await reader.get(f"/j/{code}/activity")).status == 200
    elapsed = time.monotonic() - started
    renders = len(rendered) - before
    assert renders <= RENDER_BURST + RENDER_PER_SECOND * elapsed + 1
    assert renders < 60
    # when the flood ends the newest counts are rendered (the budget refills)
    time.sleep(1 / RENDER_PER_SECOND)
    html = await (await reader.get(f"/j/{code}/activity")).text()
    assert f'data-key="{hub.snapshot(workshop_id, "de")["activity"]["key"]}"' in html


def test_questions_and_upvotes_are_capped_per_phone_and_activity(store, workshop_id) -> None:
    qa = start_activity(store, workshop_id, "questions", "Ihre Fragen")
    for n in range(QUESTIONS_PER_PHONE):
        ask_question(store, workshop_id, qa, "one-phone", f"Frage {n}?", f"mine{n}")
    with pytest.raises(ValidationError, match="Fragen je Telefon"):
        ask_question(store, workshop_id, qa, "one-phone", "Noch eine?", "mine-extra")
    for n in range(QUESTIONS_PER_PHONE, MAX_QUESTIONS):
        ask_question(store, workshop_id, qa, f"p{n // 5}", f"Frage {n}?", f"q{n}")
    with pytest.raises(ValidationError, match=f"schon {MAX_QUESTIONS} Fragen"):
        ask_question(store, workshop_id, qa, "fresh-phone", "Und ich?", "late")
    ids = [q["id"] for q in list_questions(store, qa)]
    for question in ids[:UPVOTES_PER_PHONE]:
        upvote_question(store, workshop_id, qa, "fan", question)
    with pytest.raises(ValidationError, match=f"{UPVOTES_PER_PHONE} Stimmen je Telefon"):
        upvote_question(store, workshop_id, qa, "fan", ids[UPVOTES_PER_PHONE])
    assert len(upvote_question(store, workshop_id, qa, "fan", ids[0])) == UPVOTES_PER_PHONE - 1


async def test_answer_changes_per_phone_are_capped(make_client, store, workshop_id, code) -> None:
    qa = _full_qa(store, workshop_id, 1)
    (question,) = list_questions(store, qa)
    client = await _phone_with_caps(make_client, code, Caps(changes_per_phone=4))
    fields = {"activity": qa, "upvote": question["id"]}
    statuses = [
        (await client.post(f"/api/activity?code={code}", data=fields, allow_redirects=False)).status
        for _ in range(6)
    ]
    assert statuses == [303, 303, 303, 303, 429, 429]
    refused = await client.post(
        f"/api/activity?code={code}", data=fields, headers={"Accept": "application/json"}
    )
    assert "schon 4-mal geändert" in (await refused.json())["error"]


async def _phone_with_caps(make_client, code: str, caps: Caps):
    client = await make_client(caps=caps)
    await client.get(f"/j/{code}")
    return client


async def test_another_phone_cannot_claim_a_question_by_its_client_id(
    make_client, store, workshop_id, code
) -> None:
    qa = start_activity(store, workshop_id, "questions", "Ihre Fragen")
    first, second = await _phone(make_client, code), await _phone(make_client, code)
    same = "0f0f0f0f-0000-4000-8000-000000000001"
    for client, text in ((first, "Wer zahlt?"), (second, "Wer betreibt?")):
        posted = await client.post(
            f"/api/activity?code={code}",
            data={"activity": qa, "question": text, "qclient": same},
            allow_redirects=False,
        )
        assert posted.status == 303
    assert sorted(q["text"] for q in list_questions(store, qa)) == ["Wer betreibt?", "Wer zahlt?"]

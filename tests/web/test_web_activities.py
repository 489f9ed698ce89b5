"""Activities through the participant server: plain forms (no JavaScript), refusals, escaping."""

import re

import pytest

from facilitator.store.activities import list_questions, results, start_activity, stop_activity
from facilitator.store.captures import add_capture
from facilitator.store.queries import scalar
from facilitator.web.identity import COOKIE
from tests.web.conftest import XSS

PHONE = "phone-0123456789"


def stored(store) -> int:
    return scalar(store, "SELECT count(*) FROM activity_answer") + scalar(
        store, "SELECT count(*) FROM activity_question"
    )


async def phone(client, code: str) -> None:
    """Open the join page once, as a phone does: it issues the phone's identity cookie."""
    if not any(c.key == COOKIE for c in client.session.cookie_jar):
        await client.get(f"/j/{code}")


async def post(client, code: str, fields: dict, lang: str = "de"):
    await phone(client, code)
    return await client.post(
        f"/api/activity?code={code}&lang={lang}",
        data={"client": PHONE, **fields},
        allow_redirects=False,
    )


async def test_scale_form_without_javascript(client, store, workshop_id, code) -> None:
    activity = start_activity(
        store, workshop_id, "scale", "Wie war's?", {"statements": ["Inhalt", "Ort"]}
    )
    page = await (await client.get(f"/j/{code}")).text()
    assert 'id="activity-form"' in page and "Wie war&#x27;s?" in page
    assert page.count('type="radio" name="s0"') == 6  # 1–5 and "keine Angabe"
    answer = await post(client, code, {"activity": activity, "s0": "4", "s1": ""})
    assert answer.status == 303 and "done=answered" in answer.headers["Location"]
    back = await (await client.get(answer.headers["Location"].split("#")[0])).text()
    assert "Danke, Ihre Antwort ist angekommen." in back
    assert results(store, activity)["statements"][0]["counts"] == [0, 0, 0, 1, 0]


async def test_choice_wordcloud_matrix_dots_by_form(client, store, workshop_id, code) -> None:
    pick = start_activity(store, workshop_id, "choice", "Wohin?", {"options": ["Ulm", "Heilbronn"]})
    assert (await post(client, code, {"activity": pick, "choice": "1"})).status == 303
    assert [o["count"] for o in results(store, pick)["options"]] == [0, 1]
    cloud = start_activity(store, workshop_id, "wordcloud", "Ein Wort")
    assert (await post(client, code, {"activity": cloud, "w0": "Mut", "w1": "mut!"})).status == 303
    assert [(w["word"], w["count"]) for w in results(store, cloud)["words"]] == [("Mut", 1)]
    grid = start_activity(store, workshop_id, "matrix", "Einordnen", {"options": ["E-Akte"]})
    assert (await post(client, code, {"activity": grid, "x0": "2", "y0": "5"})).status == 303
    assert results(store, grid)["entries"][0]["y"] == 5.0
    entry = add_capture(store, workshop_id, "need", "Schnittstellen")
    vote = start_activity(store, workshop_id, "dots", "Was zuerst?", {"ballot": [entry]})
    page = await (await client.get(f"/j/{code}")).text()
    section = page.split('<section id="activity"')[1].split("</section>")[0]
    assert f'name="d.{entry}"' in section and "Schnittstellen" in section
    assert (await post(client, code, {"activity": vote, f"d.{entry}": "2"})).status == 303
    assert results(store, vote)["entries"][0]["dots"] == 2


async def test_questions_ask_and_upvote_by_form(client, store, workshop_id, code) -> None:
    qa = start_activity(store, workshop_id, "questions", "Ihre Fragen")
    page = await (await client.get(f"/j/{code}")).text()
    qclient = re.search(r'name="qclient" value="([^"]+)"', page).group(1)
    fields = {"activity": qa, "question": "Wer zahlt das?", "qclient": qclient}
    assert (await post(client, code, fields)).status == 303
    assert (await post(client, code, fields)).status == 303  # a retry: still one question
    (question,) = list_questions(store, qa)
    assert (await post(client, code, {"activity": qa, "upvote": question["id"]})).status == 303
    page = await (await client.get(f"/j/{code}")).text()
    assert "Wer zahlt das?" in page and "1 Stimme<" in page


@pytest.mark.parametrize(
    ("kind", "config", "fields", "status", "message"),
    [
        ("scale", {}, {"s0": "7"}, 400, "Werte von 1 bis 5."),
        ("choice", {"options": ["A", "B"]}, {"choice": "5"}, 400, "Diese Option gibt es nicht."),
        ("wordcloud", {}, {"w0": "W" * 41}, 400, "höchstens 40 Zeichen"),
        ("questions", {}, {"question": "?" * 281, "qclient": PHONE}, 400, "höchstens 280"),
    ],
)
async def test_bad_answers_get_a_short_4xx_and_nothing_is_stored(
    client,
    store,
    workshop_id,
    code,
    kind,
    config,
    fields,
    status,
    message,
) -> None:
    activity = start_activity(store, workshop_id, kind, "Frage", config)
    answer = await post(client, code, {"activity": activity, **fields})
    assert answer.status == status
    # a form without JavaScript: the message on a page with a way back (issue 25.10)
    assert answer.content_type == "text/html" and message in await answer.text()
    assert stored(store) == 0


async def test_closed_activity_answers_409_in_the_phones_language(
    client,
    store,
    workshop_id,
    code,
) -> None:
    activity = start_activity(store, workshop_id, "choice", "A?", {"options": ["A", "B"]})
    stop_activity(store, activity)
    await phone(client, code)
    answer = await client.post(
        f"/api/activity?code={code}&lang=en",
        json={"client": PHONE, "activity": activity, "choice": 0},
    )
    assert answer.status == 409
    assert (await answer.json())["error"] == "This activity is not open (any more)."
    assert stored(store) == 0
    page = await (await client.get(f"/j/{code}")).text()
    assert 'id="activity-form"' not in page


async def test_what_people_typed_is_escaped(client, store, workshop_id, code) -> None:
    qa = start_activity(store, workshop_id, "questions", XSS[0])
    await post(client, code, {"activity": qa, "question": XSS[1], "qclient": PHONE})
    pick = await client.get(f"/j/{code}/activity")
    html = await pick.text()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x" in html


async def test_snapshot_names_the_open_activity_but_not_its_results(
    client,
    store,
    workshop_id,
    code,
) -> None:
    activity = start_activity(store, workshop_id, "wordcloud", "Ein Wort")
    await post(client, code, {"activity": activity, "w0": "Geheimnis"})
    state = await (await client.get(f"/api/state?code={code}")).json()
    assert state["activity"]["id"] == activity and state["activity"]["type"] == "wordcloud"
    assert "Geheimnis" not in str(state)


async def test_digital_check_by_form_and_on_the_projector(client, store, workshop_id, code) -> None:
    from facilitator.store.activity_forms import load_activity_set
    from facilitator.web.projector import projector_path

    config = load_activity_set("digital-check")
    activity = start_activity(store, workshop_id, "form", "Digital-Check", config, reveal=True)
    page = await (await client.get(f"/j/{code}")).text()
    assert 'name="org"' in page and 'name="f.strategie"' in page
    fields = {"activity": activity, "org": "Gemeinde Aichwald", "f.strategie": "4", "f.daten": "2"}
    assert (await post(client, code, fields)).status == 303
    bad = await post(client, code, {**fields, "f.daten": "9"})
    assert bad.status == 400
    found = results(store, activity)
    assert found["rows"][0]["values"] == {"strategie": 4, "daten": 2}
    beamer = await (await client.get(projector_path(store))).text()
    assert '<svg class="chart scale"' in beamer and "Strategie" in beamer


async def test_moderators_hide_a_word_and_mark_a_question_with_the_secret(
    client,
    store,
    workshop_id,
    code,
) -> None:
    from facilitator.store.activities import list_questions
    from tests.web.conftest import MOD_SECRET

    cloud = start_activity(store, workshop_id, "wordcloud", "Ein Wort")
    await post(client, code, {"activity": cloud, "w0": "Mist", "w1": "Mut"})
    body = {"action": "hide_word", "activity": cloud, "word": "mist"}
    assert (
        await client.post("/mod/activity", json=body)
    ).status == 403  # the join code is not enough
    answer = await client.post(
        "/mod/activity", json=body, headers={"X-Moderator-Secret": MOD_SECRET}
    )
    assert [w["word"] for w in (await answer.json())["results"]["words"]] == ["Mut"]
    qa = start_activity(store, workshop_id, "questions", "Fragen")
    await post(client, code, {"activity": qa, "question": "Wer zahlt?", "qclient": PHONE})
    (question,) = list_questions(store, qa)
    body = {"action": "question", "activity": qa, "question": question["id"], "hidden": True}
    await client.post("/mod/activity", json=body, headers={"X-Moderator-Secret": MOD_SECRET})
    assert list_questions(store, qa) == []


async def test_a_hidden_word_leaves_the_projector_in_every_form(
    client, store, workshop_id, code
) -> None:
    """Issue 25.3: hide-word 'Kaffee'; what a phone typed as 'Kaffees!' stays away."""
    from facilitator.store.activities import hide_word, reveal_results
    from facilitator.web.projector import projector_path

    cloud = start_activity(store, workshop_id, "wordcloud", "Was nehmen Sie mit?")
    await post(client, code, {"activity": cloud, "w0": "Kaffees!", "w1": "Impulse"})
    hide_word(store, cloud, "Kaffee")
    reveal_results(store, cloud)
    beamer = await (await client.get(projector_path(store))).text()
    assert "Impulse" in beamer and "affee" not in beamer

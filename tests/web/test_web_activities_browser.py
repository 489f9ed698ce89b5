"""Activities in a real browser: the live phone page for every type, no-JS forms, the projector.

Screenshots go to FACILITATOR_SCREENSHOTS (a folder) when it is set, for a person to look at.
"""

import re

import pytest

from facilitator.store.activities import (
    answer_activity,
    list_questions,
    results,
    reveal_results,
    start_activity,
)
from facilitator.store.captures import add_capture
from facilitator.store.timer import start_or_pause
from facilitator.web.projector import projector_path
from facilitator.web.secrets import moderator_secret
from tests.web.test_web_browser import browser, phone, served, shoot  # noqa: F401

pytestmark = pytest.mark.slow
BEAMER = {"width": 1920, "height": 1080}


def test_live_phone_wordcloud_scale_choice(phone, served, store, workshop_id):  # noqa: F811
    from playwright.sync_api import expect

    expect(phone.locator("#status")).to_have_text("Live verbunden")
    expect(phone.locator("#activity")).to_be_hidden()
    cloud = served.run(start_activity, store, workshop_id, "wordcloud", "Ein Wort zum Tag")
    expect(phone.locator("#activity .prompt")).to_have_text("Ein Wort zum Tag")  # no reload
    phone.locator("#w0").fill("Vernetzung")
    phone.locator("#w1").fill("Mut!")
    phone.get_by_role("button", name="Antwort senden").click()
    expect(phone.locator("#notice")).to_have_text("Danke, Ihre Antwort ist angekommen.")
    shoot(phone, "activity-wordcloud")
    words = served.run(results, store, cloud)["words"]
    assert [w["word"] for w in words] == ["Mut", "Vernetzung"]

    scale = served.run(
        start_activity, store, workshop_id, "scale", "Wie war's?", {"statements": ["Inhalt", "Ort"]}
    )
    expect(phone.locator("#activity .prompt")).to_have_text("Wie war's?")
    phone.locator("input[name=s0][value='5']").check()
    phone.locator("input[name=s1][value='']").check()
    phone.get_by_role("button", name="Antwort senden").click()
    expect(phone.locator("#notice")).to_have_text("Danke, Ihre Antwort ist angekommen.")
    shoot(phone, "activity-scale")
    assert served.run(results, store, scale)["statements"][0]["counts"] == [0, 0, 0, 0, 1]

    choice = served.run(
        start_activity,
        store,
        workshop_id,
        "choice",
        "Wo treffen wir uns?",
        {"options": ["Esslingen", "Ulm"], "multiple": True},
    )
    expect(phone.locator("#activity .prompt")).to_have_text("Wo treffen wir uns?")
    phone.get_by_label("Esslingen").check()
    phone.get_by_label("Ulm").check()
    phone.get_by_role("button", name="Antwort senden").click()
    expect(phone.locator("#notice")).to_have_text("Danke, Ihre Antwort ist angekommen.")
    assert [o["count"] for o in served.run(results, store, choice)["options"]] == [1, 1]


def test_live_phone_matrix_dots_questions(phone, served, store, workshop_id):  # noqa: F811
    from playwright.sync_api import expect

    expect(phone.locator("#status")).to_have_text("Live verbunden")
    grid = served.run(
        start_activity, store, workshop_id, "matrix", "Einordnen", {"options": ["E-Akte"]}
    )
    expect(phone.locator("#activity .prompt")).to_have_text("Einordnen")
    phone.locator("select[name=x0]").select_option("2")
    phone.locator("select[name=y0]").select_option("5")
    phone.get_by_role("button", name="Antwort senden").click()
    expect(phone.locator("#notice")).to_have_text("Danke, Ihre Antwort ist angekommen.")
    assert served.run(results, store, grid)["entries"][0]["x"] == 2.0

    entry = served.run(add_capture, store, workshop_id, "need", "Schnittstellen")
    vote = served.run(
        start_activity, store, workshop_id, "dots", "Was zuerst?", {"ballot": [entry]}
    )
    expect(phone.locator("#activity .prompt")).to_have_text("Was zuerst?")
    add = phone.get_by_role("button", name="Punkt setzen: Schnittstellen")
    add.click()
    add.click()  # 2 of 3: the most one entry may get
    expect(add).to_be_disabled()
    expect(phone.locator("#activity .dots-left")).to_have_text("noch 1 von 3 Punkten")
    phone.get_by_role("button", name="Antwort senden").click()
    expect(phone.locator("#notice")).to_have_text("Danke, Ihre Antwort ist angekommen.")
    shoot(phone, "activity-dots")
    assert served.run(results, store, vote)["entries"][0]["dots"] == 2

    qa = served.run(start_activity, store, workshop_id, "questions", "Ihre Fragen")
    expect(phone.locator("#activity .prompt")).to_have_text("Ihre Fragen")
    phone.locator("#q-text").fill("Wer zahlt die Schnittstelle?")
    phone.get_by_role("button", name="Frage stellen").click()
    expect(phone.locator("#activity li.question")).to_contain_text("Wer zahlt die Schnittstelle?")
    phone.get_by_role("button", name="+1").click()
    expect(phone.locator("#activity li.question .votes")).to_have_text("1 Stimme")
    shoot(phone, "activity-questions")
    (question,) = served.run(list_questions, store, qa)
    assert served.run(results, store, qa)["questions"][0]["votes"] == 1 and question["text"]


def test_answer_without_javascript(browser, served, store, workshop_id, code):  # noqa: F811
    from playwright.sync_api import expect

    activity = served.run(
        start_activity, store, workshop_id, "choice", "A oder B?", {"options": ["A", "B"]}
    )
    context = browser.new_context(java_script_enabled=False, locale="de-DE")
    page = context.new_page()
    page.set_default_timeout(8000)
    page.goto(served.server.join_urls(code)[0])
    page.get_by_label("B", exact=True).check()
    page.get_by_role("button", name="Antwort senden").click()
    expect(page.locator("#notice")).to_have_text("Danke, Ihre Antwort ist angekommen.")
    expect(page.get_by_label("B", exact=True)).to_be_checked()  # the page shows the answer
    context.close()
    assert [o["count"] for o in served.run(results, store, activity)["options"]] == [0, 1]


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_projector_at_1920x1080(browser, served, store, workshop_id, code, theme):  # noqa: F811
    from playwright.sync_api import expect

    path = served.run(projector_path, store)
    context = browser.new_context(viewport=BEAMER)
    page = context.new_page()
    page.set_default_timeout(8000)
    page.goto(f"http://127.0.0.1:{served.server.port}{path}?theme={theme}")
    expect(page.locator("svg.qr")).to_be_visible()
    box = page.locator(".qr-box").bounding_box()
    assert box["height"] > 700  # big enough to scan from the back of the room
    shoot(page, f"beamer-idle-{theme}")
    served.run(start_or_pause, store, workshop_id)
    # swapped in live (no reload), then ticking down in the browser
    expect(page.locator("#timer")).to_have_text(re.compile(r"^1[45]:\d\d$"))
    expect(page.locator(".next")).to_contain_text("Danach:")
    shoot(page, f"beamer-block-{theme}")
    scale = served.run(
        start_activity,
        store,
        workshop_id,
        "scale",
        "Wie zufrieden sind Sie?",
        {"statements": ["Inhalte", "Austausch", "Organisation"]},
    )
    expect(page.locator(".hidden-results")).to_have_text("Ergebnisse folgen gleich")
    for n, (a, b, c) in enumerate([(5, 4, 3), (4, 4, 2), (5, 3, 4), (2, 5, 5)]):
        served.run(
            answer_activity,
            store,
            workshop_id,
            scale,
            f"phone-{n:04d}",
            {"s0": a, "s1": b, "s2": c},
        )
    expect(page.locator(".activity .kind")).to_contain_text("4 Antworten")
    served.run(reveal_results, store, scale)
    expect(page.locator("svg.chart.scale")).to_be_visible()
    expect(page.locator("svg.chart.scale")).to_contain_text("Ø 4,0")
    shoot(page, f"beamer-scale-{theme}")
    html = page.content()
    # the join code only in the small join corner (issue 25.7), never a secret
    expect(page.locator(".join-corner")).to_contain_text(code)
    corner = page.locator(".join-corner").evaluate("e => e.outerHTML")
    assert moderator_secret(store) not in html and code not in html.replace(corner, "")
    context.close()


def test_projector_charts_of_every_type(browser, served, store, workshop_id):  # noqa: F811
    """Word cloud, 2×2, choice, Q&A and the Digital-Check on the beamer (screenshots to look at)."""
    from playwright.sync_api import expect

    from facilitator.store.activities import ask_question, upvote_question
    from facilitator.store.activity_forms import load_activity_set

    path = served.run(projector_path, store)
    context = browser.new_context(viewport=BEAMER)
    page = context.new_page()
    page.set_default_timeout(8000)
    page.goto(f"http://127.0.0.1:{served.server.port}{path}")
    words = ["Vernetzung", "Austausch", "Mut", "Kaffee", "Zusammenarbeit", "Open Data", "KI"]
    cloud = served.run(start_activity, store, workshop_id, "wordcloud", "Ein Wort", {}, reveal=True)
    for n in range(12):
        picks = {f"w{i}": words[(n * (i + 1)) % len(words)] for i in range(3)}
        served.run(answer_activity, store, workshop_id, cloud, f"phone-{n:04d}", picks)
    expect(page.locator("svg.chart.cloud")).to_contain_text("Vernetzung")
    shoot(page, "beamer-wordcloud")
    grid = served.run(
        start_activity, store, workshop_id, "matrix", "Aufwand und Nutzen",
        {"options": ["E-Akte", "Bürgerportal", "KI-Chatbot", "Open-Data-Portal"]}, reveal=True,
    )  # fmt: skip
    for n in range(8):
        raw = {
            f"{axis}{i}": str(1 + (n + i * 2 + (axis == "y")) % 5)
            for i in range(4)
            for axis in "xy"
        }
        served.run(answer_activity, store, workshop_id, grid, f"phone-{n:04d}", raw)
    expect(page.locator("svg.chart.matrix")).to_contain_text("Bürgerportal")
    shoot(page, "beamer-matrix")
    qa = served.run(start_activity, store, workshop_id, "questions", "Ihre Fragen", {}, reveal=True)
    for n, text in enumerate(["Wer zahlt?", "Wann startet das Portal?", "Gibt es Vorlagen?"]):
        served.run(ask_question, store, workshop_id, qa, f"phone-{n:04d}", text, f"q{n}")
    served.run(upvote_question, store, workshop_id, qa, "phone-0009", "q1")
    expect(page.locator("ol.questions li").first).to_contain_text("Wann startet das Portal?")
    shoot(page, "beamer-questions")
    config = served.run(load_activity_set, "digital-check")
    check = served.run(
        start_activity, store, workshop_id, "form", "Digital-Check", config, reveal=True
    )
    for n, org in enumerate(["Stadt Ulm", "Gemeinde Aichwald", "Landkreis Esslingen"]):
        raw = {
            "org": org,
            **{f"f.{f['key']}": str(1 + (n + i) % 5) for i, f in enumerate(config["fields"])},
        }
        served.run(answer_activity, store, workshop_id, check, f"phone-{n:04d}", raw)
    expect(page.locator("svg.chart.scale")).to_contain_text("Kompetenzen")
    shoot(page, "beamer-digital-check")
    context.close()

"""The shared Q&A in Chromium: activity.js marks this phone's upvotes and fills its question id."""

import pytest

from facilitator.store.activities import (
    ask_question,
    list_questions,
    start_activity,
    upvote_question,
)
from tests.web.test_web_browser import browser, phone, served, shoot  # noqa: F401

pytestmark = pytest.mark.slow


def test_shared_qa_is_personal_on_the_phone(phone, served, store, workshop_id):  # noqa: F811
    from playwright.sync_api import expect

    expect(phone.locator("#status")).to_have_text("Live verbunden")
    qa = served.run(start_activity, store, workshop_id, "questions", "Ihre Fragen", reveal=True)
    served.run(ask_question, store, workshop_id, qa, "other-phone", "Wer zahlt?", "q-other-1")
    expect(phone.locator("#activity li.question")).to_have_count(1)
    phone.locator("#q-text").fill("Wer betreibt das Portal?")
    phone.get_by_role("button", name="Frage stellen").click()
    expect(phone.locator("#activity li.question")).to_have_count(2)  # its own id was filled in
    first = phone.locator("#activity li.question").first.get_by_role("button", name="+1")
    first.click()
    expect(first).to_have_attribute("aria-pressed", "true")
    expect(phone.locator("#activity li.question .votes").first).to_have_text("1 Stimme")
    target = served.run(list_questions, store, qa)[0]["id"]
    served.run(upvote_question, store, workshop_id, qa, "other-phone", target)
    # only the counts moved: the phone refetches within 1–3 s and keeps its own mark
    expect(phone.locator("#activity li.question .votes").first).to_have_text(
        "2 Stimmen", timeout=6000
    )
    expect(first).to_have_attribute("aria-pressed", "true")
    shoot(phone, "activity-questions-shared")

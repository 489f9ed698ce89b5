"""Tests the phone page in a real browser (Debian's Chromium via Playwright) at 390×844.

The server runs in its own thread and loop, as in the moderators' app; the test makes
the moderators' moves on that loop, so the store's listeners fire where they would.
"""

import asyncio
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from facilitator.store.agenda import list_items, update_item
from facilitator.store.captures import add_capture, list_captures
from facilitator.store.timer import advance, start_or_pause
from facilitator.web.runner import start_participant_server
from facilitator.web.security import RateLimits
from tests.conftest import require_programs

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
PHONE = {"width": 390, "height": 844}
pytestmark = pytest.mark.slow


class ServerThread:
    """The participant server on 127.0.0.1 (free port) in a thread with its own loop."""

    def __init__(self, store, workshop_id: str) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.server = self.wait(
            start_participant_server(
                store, "127.0.0.1", 0, workshop_id, rate_limits=RateLimits(enabled=False)
            )
        )

    def wait(self, coro):
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(10)

    def run(self, fn, *args, **kwargs):
        """Call a store service on the server's loop, as the moderators' app would."""

        async def call():
            return fn(*args, **kwargs)

        return self.wait(call())

    def stop(self) -> None:
        self.wait(self.server.stop())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        self.loop.close()


def shoot(page, name: str) -> None:
    """Save a screenshot to FACILITATOR_SCREENSHOTS (a folder) for a human to look at."""
    if folder := os.environ.get("FACILITATOR_SCREENSHOTS"):
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


@pytest.fixture
def browser() -> Iterator:
    require_programs(CHROMIUM)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def served(store, workshop_id) -> Iterator[ServerThread]:
    server = ServerThread(store, workshop_id)
    yield server
    server.stop()


@pytest.fixture
def phone(browser, served, code):
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, locale="de-DE"
    )
    page = context.new_page()
    page.set_default_timeout(8000)
    page.goto(served.server.join_urls(code)[0])
    yield page
    context.close()


def test_running_block_follows_the_moderator(phone, served, store, workshop_id, tmp_path):
    from playwright.sync_api import expect

    expect(phone.locator("#status")).to_have_text("Live verbunden")
    expect(phone.locator("#now-title")).to_have_text("Gerade läuft kein Programmpunkt.")
    served.run(start_or_pause, store, workshop_id)
    expect(phone.locator("#now-title")).to_have_text("Ankommen und Kaffee")
    expect(phone.locator("#countdown")).to_have_text("noch 15 Min.")
    served.run(advance, store, workshop_id)
    expect(phone.locator("#now-title")).to_have_text("Begrüßung und Ziele")
    running = phone.locator("#agenda-list li[aria-current=step]")
    expect(running).to_have_count(1)
    expect(running).to_contain_text("Begrüßung und Ziele")
    # drawn by the script: titles stay marked as the workshop's language (hyphenation)
    expect(phone.locator("#now-title")).to_have_attribute("lang", "de")
    expect(running.locator(".item-title")).to_have_attribute("lang", "de")
    expect(phone.locator("#agenda-list li.state-done")).to_contain_text("Ankommen und Kaffee")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]  # nothing sticks out sideways
    phone.screenshot(path=str(tmp_path / "phone.png"), full_page=True)
    shoot(phone, "running")


def test_submission_from_the_form_lands_in_the_database(phone, served, store, workshop_id):
    from playwright.sync_api import expect

    served.run(start_or_pause, store, workshop_id)
    served.run(advance, store, workshop_id)
    served.run(advance, store, workshop_id)
    item = served.run(list_items, store, workshop_id)[2]
    # a block that collects from the room opens the phone form when it starts
    expect(phone.locator("#collect")).to_be_visible()
    served.run(update_item, store, item.id, collection_open=0)
    expect(phone.locator("#collect")).to_be_hidden()
    served.run(update_item, store, item.id, collection_open=1)
    expect(phone.locator("#collect")).to_be_visible()
    phone.get_by_label("Bedarf").check()
    phone.locator("#c-text").fill("Offene Schnittstellen zwischen Fachverfahren")
    phone.locator("#c-author").fill("Erika Muster")
    phone.locator("#c-org").fill("Landratsamt Esslingen")
    phone.get_by_role("button", name="Absenden").click()
    expect(phone.locator("#notice")).to_have_text("Danke! Ihr Beitrag ist angekommen.")
    expect(phone.locator("#c-text")).to_have_value("")
    shoot(phone, "submitted")
    found = served.run(list_captures, store, workshop_id)
    assert [(c.kind, c.text, c.author, c.source, c.agenda_item_id) for c in found] == [
        (
            "need",
            "Offene Schnittstellen zwischen Fachverfahren",
            "Erika Muster",
            "participant",
            item.id,
        )
    ]
    served.run(update_item, store, item.id, collection_open=0)
    expect(phone.locator("#collect")).to_be_hidden()


def test_a_vote_counts(phone, served, store, workshop_id):
    from playwright.sync_api import expect

    served.run(start_or_pause, store, workshop_id)
    served.run(advance, store, workshop_id)
    served.run(advance, store, workshop_id)
    item = served.run(list_items, store, workshop_id)[2]
    first = served.run(
        add_capture, store, workshop_id, "challenge", "Breitband", agenda_item_id=item.id
    )
    second = served.run(add_capture, store, workshop_id, "need", "Personal", agenda_item_id=item.id)
    served.run(update_item, store, item.id, voting_open=1, dot_budget=3)
    expect(phone.locator("#vote")).to_be_visible()
    plus_first = (
        phone.get_by_role("listitem").filter(has_text="Breitband").get_by_label("Einen Punkt mehr")
    )
    plus_second = (
        phone.get_by_role("listitem").filter(has_text="Personal").get_by_label("Einen Punkt mehr")
    )
    for _ in range(3):  # the third press is refused: at most 2 on one entry
        plus_first.click()
    expect(phone.locator(f"#d-{first}")).to_have_value("2")
    plus_second.click()
    plus_second.click()  # refused: the budget of 3 is used up
    expect(phone.locator(f"#d-{second}")).to_have_value("1")
    expect(phone.locator("#dots-left")).to_have_text("Noch 0 von 3 Punkten frei.")
    phone.get_by_role("button", name="Punkte abgeben").click()
    expect(phone.locator("#notice")).to_contain_text("Ihre Punkte sind gezählt")
    shoot(phone, "voted")
    totals = {c.id: c.votes for c in served.run(list_captures, store, workshop_id)}
    assert totals == {first: 2, second: 1}
    served.run(update_item, store, item.id, voting_open=0, results_revealed=1)
    expect(phone.locator("#result-list li")).to_have_text(
        ["2 Punkte Breitband", "1 Punkt Personal"]
    )
    phone.emulate_media(color_scheme="dark")
    shoot(phone, "results-dark")


def test_page_works_without_javascript(browser, served, store, workshop_id, code):
    from playwright.sync_api import expect

    served.run(start_or_pause, store, workshop_id)
    served.run(advance, store, workshop_id)
    served.run(advance, store, workshop_id)
    item = served.run(list_items, store, workshop_id)[2]
    served.run(update_item, store, item.id, collection_open=1)
    context = browser.new_context(
        viewport={"width": 320, "height": 700}, java_script_enabled=False, locale="de-DE"
    )
    page = context.new_page()
    page.goto(served.server.join_urls(code)[0])
    expect(page.locator("#now-title")).to_have_text("Herausforderungen sammeln")
    page.locator("#c-text").fill("Ohne JavaScript geschickt")
    page.get_by_role("button", name="Absenden").click()
    expect(page.locator("#notice")).to_have_text("Danke! Ihr Beitrag ist angekommen.")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert [c.text for c in served.run(list_captures, store, workshop_id)] == [
        "Ohne JavaScript geschickt"
    ]
    context.close()


def test_polling_when_the_stream_is_blocked(browser, served, store, workshop_id, code):
    from playwright.sync_api import expect

    context = browser.new_context(viewport=PHONE, locale="de-DE")
    page = context.new_page()
    # A proxy that refuses the event stream: the page must fall back to polling.
    page.route("**/events?*", lambda route: route.fulfill(status=503, body="nein"))
    page.goto(served.server.join_urls(code)[0])
    expect(page.locator("#status")).to_have_text("Aktualisierung alle paar Sekunden")
    served.run(start_or_pause, store, workshop_id)
    expect(page.locator("#now-title")).to_have_text("Ankommen und Kaffee", timeout=10_000)
    context.close()


def test_long_ballot_is_loaded_whole_by_the_page(browser, served, store, workshop_id, code):
    from playwright.sync_api import expect

    served.run(start_or_pause, store, workshop_id)
    item = served.run(list_items, store, workshop_id)[0]
    for n in range(60):
        served.run(
            add_capture, store, workshop_id, "challenge", f"Eintrag {n}", agenda_item_id=item.id
        )
    served.run(update_item, store, item.id, voting_open=1, dot_budget=4)
    context = browser.new_context(viewport=PHONE, locale="de-DE")
    phone = context.new_page()
    phone.goto(served.server.join_urls(code)[0])
    expect(phone.locator("#ballot input")).to_have_count(60)  # 50 in the HTML, all via JS
    expect(phone.locator("#ballot-pages")).to_be_hidden()
    phone.locator("#ballot li").nth(59).get_by_role("button", name="Einen Punkt mehr").click()
    phone.get_by_role("button", name="Punkte abgeben").click()
    expect(phone.locator("#notice")).to_contain_text("Ihre Punkte sind gezählt")
    totals = {c.text: c.votes for c in served.run(list_captures, store, workshop_id)}
    assert totals["Eintrag 59"] == 1
    context.close()

"""Phones at 200 % text and the projector in a real browser (issue 25.10).

Screenshots go to FACILITATOR_SCREENSHOTS (a folder) when it is set, for a person to look at.
"""

import pytest

from facilitator.store.activities import start_activity
from facilitator.store.captures import add_capture
from facilitator.store.timer import advance, start_or_pause
from tests.web.test_web_browser import PHONE, browser, served, shoot  # noqa: F401

pytestmark = pytest.mark.slow
WIDE = (  # every visible element whose right edge lies beyond the phone's width
    "() => [...document.querySelectorAll('body *')].filter(e => e.offsetParent !== null"
    " && e.getBoundingClientRect().right > window.innerWidth + 1)"
    ".map(e => e.tagName + '.' + e.className)"
)


@pytest.fixture
def big_text(browser, served, code):  # noqa: F811
    """A phone whose reader set 200 % text (the root font size, as the OS setting does)."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, locale="de-DE", bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(8000)

    def open_page(path: str) -> None:
        page.goto(served.server.join_urls(code)[0].split("/j/")[0] + path)
        page.add_style_tag(content="html { font-size: 200% !important; }")

    page.open = open_page
    yield page
    context.close()


def test_at_200_percent_agenda_consent_and_kinds_fit(big_text, served, store, workshop_id, code):  # noqa: F811
    served.run(start_or_pause, store, workshop_id)
    served.run(advance, store, workshop_id)
    served.run(advance, store, workshop_id)  # "Herausforderungen sammeln": the form is open
    big_text.open(f"/j/{code}")
    big_text.wait_for_selector("#collect:not([hidden])")
    assert big_text.evaluate(WIDE) == []
    widths = big_text.evaluate(
        "() => [...document.querySelectorAll('li.state-done .item-title')]"
        ".map(e => e.getBoundingClientRect().width)"
    )
    assert len(widths) == 2 and min(widths) > 200  # finished items: a readable line, not a letter
    shoot(big_text, "phone-200-join")
    big_text.open(f"/j/{code}/register")
    assert big_text.evaluate(WIDE) == []
    shoot(big_text, "phone-200-register")


def test_dots_tap_to_add_never_over_budget_and_thanks_in_view(
    browser,  # noqa: F811
    served,  # noqa: F811
    store,
    workshop_id,
    code,
):
    from playwright.sync_api import expect

    texts = ["Schnittstellen", "Fachkräfte", "Breitband"] + [f"Thema {n}" for n in range(12)]
    entries = [served.run(add_capture, store, workshop_id, "need", text) for text in texts]
    # fifteen entries: the answer button sits far below the notice at the top
    served.run(start_activity, store, workshop_id, "dots", "Was zuerst?", {"ballot": entries})
    context = browser.new_context(viewport=PHONE, is_mobile=True, locale="de-DE")
    phone = context.new_page()
    phone.set_default_timeout(8000)
    phone.goto(served.server.join_urls(code)[0])
    left = phone.locator("#activity .dots-left")
    expect(left).to_have_text("noch 3 von 3 Punkten")
    phone.get_by_role("button", name="Punkt setzen: Schnittstellen").click()
    phone.get_by_role("button", name="Punkt setzen: Fachkräfte").click()
    phone.get_by_role("button", name="Punkt setzen: Breitband").click()
    expect(left).to_have_text("noch 0 von 3 Punkten")
    expect(phone.get_by_role("button", name="Punkt setzen: Schnittstellen")).to_be_disabled()
    # while the answer travels, the button is disabled (a second tap would send twice)
    held = []
    phone.route("**/api/activity*", lambda route: held.append(route))
    send = phone.get_by_role("button", name="Antwort senden")
    send.click()
    expect(send).to_be_disabled()
    held[0].continue_()
    notice = phone.locator("#notice")
    expect(notice).to_have_text("Danke, Ihre Antwort ist angekommen.")
    expect(send).to_be_enabled()
    box = notice.bounding_box()
    assert box is not None and 0 <= box["y"] and box["y"] + box["height"] <= PHONE["height"]
    shoot(phone, "phone-dots-tap")
    phone.unroute("**/api/activity*")
    # a refusal is styled as the error the stylesheet knows
    phone.route(
        "**/api/activity*",
        lambda route: route.fulfill(status=409, json={"error": "Diese Aktivität ist beendet."}),
    )
    send.click()
    expect(notice).to_have_text("Diese Aktivität ist beendet.")
    expect(notice).to_have_class("notice error")
    context.close()


def test_projector_names_quadrants_at_1920(browser, served, store, workshop_id):  # noqa: F811
    from facilitator.store.activities import answer_activity, reveal_results
    from facilitator.web.projector import projector_path

    grid = served.run(
        start_activity,
        store,
        workshop_id,
        "matrix",
        "Aufwand und Nutzen",
        {
            "options": ["Digitale Antragsstrecke für Baugenehmigungen", "E-Akte"],
            "axes": ["Aufwand", "Nutzen"],
        },
    )
    served.run(
        answer_activity,
        store,
        workshop_id,
        grid,
        "p1",
        {"x0": "2", "y0": "5", "x1": "4", "y1": "2"},
    )
    served.run(reveal_results, store, grid, True)
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="de-DE")
    page = context.new_page()
    page.goto(served.server.join_urls("x")[0].split("/j/")[0] + served.run(projector_path, store))
    page.wait_for_selector("svg.matrix")
    names = page.locator("svg.matrix text.quadrant").all_text_contents()
    assert names[0] == "Aufwand niedrigNutzen hoch" and len(names) == 4
    label = page.locator("svg.matrix text.point").first.bounding_box()
    assert label is not None and label["x"] + label["width"] <= 1920
    assert page.evaluate("getComputedStyle(document.querySelector('h1')).hyphens") == "auto"
    shoot(page, "projector-matrix-1920")
    context.close()

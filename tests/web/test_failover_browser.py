"""The phone page, its laptop silent, does not keep knocking at another that is dead too."""

import time

import pytest

from facilitator.store.phone_servers import announce
from tests.web.test_web_browser import PHONE, browser, served  # noqa: F401 (fixtures)

pytestmark = pytest.mark.slow
DEAD = "http://127.0.0.9:9"  # nothing listens there: every probe fails at once


def test_a_page_whose_laptops_are_both_gone_backs_off(browser, served, store, workshop_id, code):  # noqa: F811
    own = f"http://127.0.0.1:{served.server.port}"
    served.run(announce, store, workshop_id, [own, DEAD])
    context = browser.new_context(viewport=PHONE, is_mobile=True, locale="de-DE")
    page = context.new_page()
    page.set_default_timeout(8000)
    page.goto(f"{own}/j/{code}")
    page.wait_for_function("() => document.getElementById('status').textContent !== ''")
    probes: list[float] = []
    page.on("request", lambda r: r.url.startswith(DEAD) and probes.append(time.monotonic()))
    page.route(f"{own}/api/ping", lambda route: route.abort())  # this laptop falls silent
    # The heartbeat's patience grows with its round trips (a busy machine: several
    # seconds), so wait for the first probe of B, then watch 14 s from there.
    deadline = time.monotonic() + 40
    while not probes and time.monotonic() < deadline:
        page.wait_for_timeout(250)
    assert probes, "the page never looked for the other laptop"
    page.wait_for_timeout(max(0.0, probes[0] + 14 - time.monotonic()) * 1000)
    notice = page.evaluate("() => document.getElementById('notice').textContent")
    where = page.url
    context.close()
    assert notice.startswith("Laptop antwortet nicht")  # it did look for B
    # without a pause it probed every 1.5 s (9 or 10 times here); with one: 2, 4, 8 s …
    window = [t for t in probes if t - probes[0] <= 14]
    assert len(window) <= 4, [round(t - probes[0], 1) for t in probes]
    assert where.startswith(f"{own}/j/")  # and it stayed put

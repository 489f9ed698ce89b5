"""The projector view: its token, the idle QR code, the block, hidden and revealed results, SSE."""

import asyncio
import json
import re
import signal
import subprocess
import sys
import time
import urllib.request

import pytest

from facilitator.store.activities import answer_activity, reveal_results, start_activity
from facilitator.store.timer import start_or_pause
from facilitator.web.projector import projector_path
from facilitator.web.secrets import moderator_secret
from tests.conftest import POSIX_ONLY, cli_env
from tests.web.conftest import MOD_SECRET, XSS


async def test_only_the_projector_token_opens_it(client, store, code) -> None:
    assert (await client.get(f"/beamer/{code}")).status == 403
    assert (await client.get(f"/beamer/{MOD_SECRET}")).status == 403
    assert (await client.get("/beamer/x" + projector_path(store)[8:])).status == 403
    page = await client.get(projector_path(store))
    assert page.status == 200
    # and the token opens nothing else
    token = projector_path(store).rsplit("/", 1)[1]
    assert (await client.get(f"/j/{token}")).status == 403
    assert (await client.get(f"/api/state?code={token}")).status == 403


async def test_idle_shows_qr_and_join_url_and_no_secret(client, store, code) -> None:
    html = await (await client.get(projector_path(store))).text()
    assert '<svg class="qr"' in html and f"/j/{code}" in html
    assert "Mitmachen: QR-Code scannen" in html
    assert MOD_SECRET not in html and moderator_secret(store) not in html
    assert "sync" not in html.lower()


async def test_block_shows_title_timer_and_next(client, store, workshop_id) -> None:
    start_or_pause(store, workshop_id)
    html = await (await client.get(projector_path(store))).text()
    assert 'id="timer"' in html and "Danach:" in html
    assert re.search(r'class="timer"[^>]*>\d+:\d\d<', html)


async def test_results_hidden_until_revealed_then_svg(client, store, workshop_id) -> None:
    activity = start_activity(store, workshop_id, "choice", XSS[0], {"options": ["Ulm", XSS[1]]})
    answer_activity(store, workshop_id, activity, "phone-aaaa", {"choice": "1"})
    html = await (await client.get(projector_path(store))).text()
    assert "Ergebnisse folgen gleich" in html and "1 Antworten" in html
    assert '<svg class="chart' not in html
    reveal_results(store, activity)
    html = await (await client.get(projector_path(store) + "?theme=light")).text()
    assert '<svg class="chart bars"' in html and 'class="light"' in html
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize(
    ("kind", "config", "answer", "svg_class"),
    [
        ("scale", {"statements": ["Inhalt"]}, {"s0": "4"}, "chart scale"),
        ("wordcloud", {}, {"w0": "Vernetzung"}, "chart cloud"),
        ("matrix", {"options": ["E-Akte"]}, {"x0": "2", "y0": "4"}, "chart matrix"),
    ],
)
async def test_each_chart_is_server_rendered_svg(
    client,
    store,
    workshop_id,
    kind,
    config,
    answer,
    svg_class,
) -> None:
    activity = start_activity(store, workshop_id, kind, "Frage", config, reveal=True)
    answer_activity(store, workshop_id, activity, "phone-aaaa", answer)
    html = await (await client.get(projector_path(store))).text()
    assert f'<svg class="{svg_class}"' in html


async def test_stream_sends_the_new_stage_after_an_answer(client, store, workshop_id) -> None:
    activity = start_activity(store, workshop_id, "wordcloud", "Ein Wort", {}, reveal=True)
    response = await client.get(projector_path(store) + "/events")
    assert response.status == 200

    async def next_stage() -> str:
        while True:
            line = (await response.content.readline()).decode()
            if line.startswith("data: "):
                return json.loads(line[6:])["html"]

    first = await asyncio.wait_for(next_stage(), 5)
    assert "Noch keine Antworten." in first
    answer_activity(store, workshop_id, activity, "phone-aaaa", {"w0": "Zusammenarbeit"})
    started = time.monotonic()
    second = await asyncio.wait_for(next_stage(), 5)
    assert "Zusammenarbeit" in second and time.monotonic() - started < 0.5
    response.close()


@POSIX_ONLY  # Ctrl+C as SIGINT
@pytest.mark.slow
def test_serve_prints_the_beamer_url(store, workshop_id, db_path) -> None:
    from tests.web.test_web_cli import free_port

    path = projector_path(store)
    store.close()
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "facilitator", "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=cli_env(db_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline, beamer = time.monotonic() + 30, ""
        while time.monotonic() < deadline and not beamer:
            line = process.stdout.readline()
            if line.startswith("Beamer: "):
                beamer = line.split(" ", 1)[1].strip()
        assert beamer == f"http://127.0.0.1:{port}{path}"
        page = urllib.request.urlopen(beamer, timeout=10).read().decode()
        assert '<svg class="qr"' in page
        process.send_signal(signal.SIGINT)
        assert process.wait(10) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()

"""Join at any time: a small QR code and link on every projector view, hideable per workshop."""

import re

from click.testing import CliRunner

from facilitator.cli import main
from facilitator.store.activities import start_activity
from facilitator.store.timer import start_or_pause
from facilitator.store.workshops import create_workshop, get_workshop, workshop_row
from facilitator.web.projector import projector_path


def _corner(html: str) -> str:
    found = re.search(r'<aside class="join-corner">.*?</aside>', html, re.S)
    return found[0] if found else ""


async def test_every_block_and_activity_shows_the_join_corner(client, store, workshop_id) -> None:
    code = get_workshop(store, workshop_id).join_code
    idle = await (await client.get(projector_path(store))).text()
    assert _corner(idle) == ""  # the idle view is one big QR code already
    start_or_pause(store, workshop_id)
    block = await (await client.get(projector_path(store))).text()
    corner = _corner(block)
    assert 'id="timer"' in block and '<svg class="qr"' in corner and f"/j/{code}" in corner
    assert "Mitmachen" in corner
    start_activity(store, workshop_id, "wordcloud", "Ein Wort", {}, reveal=True)
    shown = await (await client.get(projector_path(store) + "?lang=en")).text()
    assert "cloud" in shown and f"/j/{code}" in _corner(shown) and "Join" in _corner(shown)


async def test_hidden_per_workshop_and_shown_again(client, store, workshop_id, db_path) -> None:
    other = create_workshop(store, "Zweiter Workshop", None)
    start_or_pause(store, workshop_id)
    runner = CliRunner()
    result = runner.invoke(
        main, ["--db", str(db_path), "workshop", "join-corner", "aus", "-w", workshop_id]
    )
    assert result.exit_code == 0, result.output
    assert workshop_row(store, workshop_id)["beamer_join_hidden"] == 1
    assert not workshop_row(store, other)["beamer_join_hidden"]  # per workshop
    html = await (await client.get(projector_path(store))).text()
    assert 'id="timer"' in html and _corner(html) == ""
    code = get_workshop(store, workshop_id).join_code
    assert f"/j/{code}" not in html
    result = runner.invoke(
        main, ["--db", str(db_path), "workshop", "join-corner", "an", "-w", workshop_id]
    )
    assert result.exit_code == 0
    assert f"/j/{code}" in _corner(await (await client.get(projector_path(store))).text())
    bad = runner.invoke(main, ["--db", str(db_path), "workshop", "join-corner", "vielleicht"])
    assert bad.exit_code == 2

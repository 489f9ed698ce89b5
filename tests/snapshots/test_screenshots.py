"""Tests scripts/screenshots.py: every picture in docs/ is a scene it can draw, and it draws."""

import subprocess

import pytest

from tests.conftest import PROJECT, PYTHON
from tests.snapshots.scenes import JOIN_CODE, SCENES


def test_every_docs_picture_has_a_scene() -> None:
    pictures = {path.stem.removeprefix("tui-") for path in (PROJECT / "docs").glob("tui-*.svg")}
    assert pictures == set(SCENES)


@pytest.mark.slow  # a child process drawing the app
def test_the_script_draws_a_scene(tmp_path) -> None:
    done = subprocess.run(
        [PYTHON, str(PROJECT / "scripts" / "screenshots.py"), "--out", str(tmp_path), "join"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    svg = (tmp_path / "tui-join.svg").read_text(encoding="utf-8")
    assert svg.startswith("<svg") and JOIN_CODE in svg
    assert [path.name for path in tmp_path.iterdir()] == ["tui-join.svg"]

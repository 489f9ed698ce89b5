"""Tests each face of the installed wheel alone: phone pages, projector, sets, demo, exports."""

import os
import re
import shlex
import subprocess
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest

from tests.conftest import PROJECT, require_programs

pytestmark = pytest.mark.slow

STATIC_REF = re.compile(r"""(?:src|href)=["'](/static/[^"'?#]+)""")
EXPORTS = {
    "agenda": "docx",
    "badges": "docx",
    "contacts": "csv",
    "factsheet": "docx",
    "ics": "ics",
    "json": "json",
    "protocol": "docx",
    "runsheet": "docx",
    "signin": "docx",
}


def _get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=10) as answer:  # loopback only
        return answer.status, answer.read().decode("utf-8", "replace")


def _wait_for_line(path: Path, prefix: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith(prefix):
                return line[len(prefix) :].strip()
        time.sleep(0.1)
    raise AssertionError(f"no {prefix!r} in:\n{path.read_text(errors='replace')}")


def _new_workshop(venv: Path, run) -> None:
    run(venv / "facilitator", "new", "Vernetzungsworkshop Tübingen", "--agenda",
        "vernetzungsworkshop", "--date", "2027-03-04")  # fmt: skip


def test_the_wheel_holds_every_shipped_file(wheel: Path) -> None:
    """Every file the package folders hold in git is in the wheel (static, sets, data, locale)."""
    tracked = subprocess.run(
        ["git", "ls-files", "facilitator", "methods", "agendas"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    if not tracked:
        pytest.skip("not a git checkout")
    mapped = {"methods/": "facilitator/methods/", "agendas/": "facilitator/agendas/"}
    wanted = set()
    for name in tracked:
        for source, target in mapped.items():
            if name.startswith(source):
                name = target + name[len(source) :]
        wanted.add(name)
    shipped = set(zipfile.ZipFile(wheel).namelist())
    assert not sorted(wanted - shipped)
    assert "facilitator/web/static/join.js" in shipped


def test_the_build_gives_no_deprecation_warning(build_log: str, wheel: Path) -> None:
    lowered = build_log.lower()
    assert "running bdist_wheel" in lowered  # the backend's own output is there to check
    assert "deprecat" not in lowered, build_log[-4000:]
    assert "would be ignored" not in lowered  # a data folder setuptools would drop
    metadata = zipfile.ZipFile(wheel).read("facilitator-0.1.0.dist-info/METADATA").decode()
    assert "License-Expression: MIT" in metadata and "License-File: LICENSE" in metadata


def test_serve_answers_the_join_page_its_files_and_the_projector(
    venv: Path, run, tmp_path: Path
) -> None:
    _new_workshop(venv, run)
    log = tmp_path / "serve.log"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["FACILITATOR_DB"] = str(tmp_path / "facilitator.db")
    with log.open("w") as out:
        server = subprocess.Popen(
            [venv / "facilitator", "serve", "--host", "127.0.0.1", "--port", "0"],
            cwd=tmp_path,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        join = _wait_for_line(log, "Link:")
        projector = _wait_for_line(log, "Beamer:")
        status, page = _get(join)
        assert status == 200 and "Vernetzungsworkshop Tübingen" in page
        base = join.split("/j/")[0]
        status, beamer = _get(projector)
        assert status == 200
        files = set(STATIC_REF.findall(page)) | set(STATIC_REF.findall(beamer))
        assert {"/static/join.css", "/static/join.js", "/static/projector.js"} <= files
        for path in sorted(files):
            status, body = _get(base + path)
            assert status == 200 and body.strip(), path
    finally:
        server.terminate()
        server.wait(timeout=20)
    assert server.returncode == 0, log.read_text()


def test_an_activity_set_starts_from_the_wheel(venv: Path, run) -> None:
    _new_workshop(venv, run)
    activity = run(venv / "facilitator", "activity", "start", "--set", "digital-check").strip()
    assert activity
    listed = run(venv / "facilitator", "activity", "list")
    assert activity[:8] in listed


def test_every_export_kind_from_the_wheel(venv: Path, run, tmp_path: Path) -> None:
    _new_workshop(venv, run)
    run(venv / "facilitator", "next-date", "2027-06-10", "--start", "09:00")
    run(
        venv / "facilitator",
        "capture",
        "-k",
        "challenge",
        "-t",
        "Fehlende Schnittstellen zum Landratsamt",
    )
    for kind, suffix in EXPORTS.items():
        out = tmp_path / f"out-{kind}.{suffix}"
        run(venv / "facilitator", "export", kind, "-o", str(out))
        assert out.stat().st_size > 0, kind
    from docx import Document

    text = "\n".join(p.text for p in Document(str(tmp_path / "out-protocol.docx")).paragraphs)
    assert "Fehlende Schnittstellen zum Landratsamt" in text


def test_demo_in_a_terminal_serves_phones(venv: Path, tmp_path: Path) -> None:
    require_programs("tmux")
    from tests.e2e.test_demo_tmux import Terminal

    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    command = " ".join(
        [
            "env",
            "-u",
            "PYTHONPATH",
            f"HOME={shlex.quote(env.get('HOME', str(tmp_path)))}",
            "TERM=xterm-256color",
            shlex.quote(str(venv / "facilitator")),
            "demo",
            "--host",
            "127.0.0.1",
            "--db",
            shlex.quote(str(tmp_path / "demo.db")),
            "; echo EXITED $?; sleep 30",
        ]
    )
    term = Terminal(f"facilitator-wheel-{os.getpid()}")
    term.tmux("new-session", "-d", "-s", "app", "-x", "80", "-y", "24", command)
    try:
        term.wait_for("Leertaste", seconds=60)
        term.tmux("send-keys", "-t", "app", "F8")
        screen = term.wait_for("/j/", seconds=30)
        url = re.search(r"http://127\.0\.0\.1:\d+/j/\w+", screen)
        assert url, screen
        status, page = _get(url.group(0))
        assert status == 200 and "<html" in page.lower()
        term.tmux("send-keys", "-t", "app", "C-q")
        # the phones and the timer depend on this laptop: the app asks first (issue 25.11)
        term.wait_for("Ja (j)")  # the question wraps at 80 columns
        term.tmux("send-keys", "-t", "app", "j")
        assert "EXITED 0" in term.wait_for("EXITED")
    finally:
        term.tmux("kill-server")

"""Tests output under a Windows code page: redirected to a file as cp1252, no command fails.

`match` prints "→", which cp1252 lacks; before, the work was done and the last line
ended in "Interner Fehler" with exit status 1.
"""

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT, cli_env

pytestmark = pytest.mark.slow  # a dozen child processes


def _run(db: Path, out: Path, *args: str) -> int:
    env = dict(cli_env(db), PYTHONIOENCODING="cp1252")
    with out.open("wb") as stdout:
        done = subprocess.run(
            [sys.executable, "-m", "facilitator", *args],
            cwd=PROJECT,
            env=env,
            stdout=stdout,
            stderr=subprocess.PIPE,
            timeout=120,
        )
    assert not done.stderr.strip() or b"Traceback" not in done.stderr, done.stderr
    return done.returncode


@pytest.fixture
def workshop(tmp_path: Path) -> Path:
    db = tmp_path / "f.db"
    out = tmp_path / "setup.txt"
    steps = [
        ("new", "Workshop Ulm", "--agenda", "vernetzungsworkshop", "--date", "2027-03-04"),
        ("capture", "-k", "offer", "-t", "Erfahrung mit LoRaWAN-Sensorik",
         "--org", "Stadtwerke Ulm"),
        ("capture", "-k", "request", "-t", "Austausch zu LoRaWAN-Sensorik",
         "--org", "Gemeinde Blaustein"),
        ("capture", "-k", "need", "-t", "Schnittstelle → Landratsamt", "--org", "Stadtwerk Ulm"),
    ]  # fmt: skip
    for step in steps:
        assert _run(db, out, *step) == 0, out.read_bytes()
    return db


def test_match_redirected_under_cp1252_exits_0(workshop: Path, tmp_path: Path) -> None:
    out = tmp_path / "f"
    assert _run(workshop, out, "match", "-g", "1") == 0
    text = out.read_bytes().decode("cp1252")
    assert "Stadtwerke Ulm bietet „Erfahrung mit LoRaWAN-Sensorik“ ? Gemeinde Blaustein" in text


def test_orgs_merge_redirected_under_cp1252_exits_0(workshop: Path, tmp_path: Path) -> None:
    out = tmp_path / "f"
    assert _run(workshop, out, "orgs", "merge", "Stadtwerk Ulm", "Stadtwerke Ulm") == 0
    assert "Zusammengeführt: „Stadtwerk Ulm“ ? „Stadtwerke Ulm“" in out.read_bytes().decode(
        "cp1252"
    )


@pytest.mark.parametrize(
    "args", [("list",), ("orgs", "list"), ("methods",), ("export", "json", "-o", "-")]
)
def test_other_commands_redirected_under_cp1252_exit_0(
    workshop: Path, tmp_path: Path, args: tuple[str, ...]
) -> None:
    out = tmp_path / "f"
    assert _run(workshop, out, *args) == 0, out.read_bytes()
    assert out.read_bytes().decode("cp1252").strip()


def test_an_error_under_cp1252_is_one_sentence(tmp_path: Path) -> None:
    env = dict(cli_env(tmp_path / "none.db"), PYTHONIOENCODING="cp1252")
    done = subprocess.run(
        [sys.executable, "-m", "facilitator", "list"],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert "gibt es nicht" in done.stderr.decode("cp1252")

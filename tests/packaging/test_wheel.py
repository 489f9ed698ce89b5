"""Tests the built wheel in a fresh virtual environment: cards, agendas and exports ship with it."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT

pytestmark = pytest.mark.slow

# What a build reads: the package, the folders setup.py maps into it, the metadata.
SOURCES = ["facilitator", "methods", "agendas", "setup.py", "pyproject.toml", "README.md"]


def _run(args: list, cwd: Path, env: dict[str, str]) -> str:
    result = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=240
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the wheel installed (dependencies from the system)."""
    root = tmp_path_factory.mktemp("wheel")
    # A copy of the sources, so the build sees no stale build/ folder and leaves none behind.
    source = root / "source"
    source.mkdir()
    for name in SOURCES:
        if (PROJECT / name).is_dir():
            ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
            shutil.copytree(PROJECT / name, source / name, ignore=ignore)
        else:
            shutil.copy(PROJECT / name, source / name)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    wheels = root / "dist"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    _run([*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", wheels, source], root, env)
    (wheel,) = wheels.glob("facilitator-*.whl")
    venv = root / "venv"
    # --system-site-packages: the dependencies come from this machine, nothing is downloaded.
    _run([sys.executable, "-m", "venv", "--system-site-packages", venv], root, env)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    # --force-reinstall: an editable facilitator of the system must not count as installed.
    _run(
        [
            bin_dir / "python",
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--no-index",
            "--force-reinstall",
            wheel,
        ],
        root,
        env,
    )
    return bin_dir


@pytest.fixture
def run(venv: Path, tmp_path: Path):
    """Run a command of the installed package, from a folder that holds no sources."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["FACILITATOR_DB"] = str(tmp_path / "facilitator.db")
    env["FACILITATOR_METHODS"] = str(tmp_path / "no-own-cards")

    def run(*args: str) -> str:
        return _run(list(args), tmp_path, env)

    return run


def test_the_installed_package_is_the_wheel(venv: Path, run) -> None:
    where = run(venv / "python", "-c", "import facilitator; print(facilitator.__file__)")
    assert Path(where.strip()).is_relative_to(venv.parent)


def test_methods_agendas_and_protocol_from_the_wheel(venv: Path, run, tmp_path: Path) -> None:
    cards = json.loads(run(venv / "facilitator", "methods", "--json"))
    assert len(cards) >= 30 and "world-cafe" in {card["id"] for card in cards}

    workshop = run(
        venv / "facilitator",
        "new",
        "Vernetzungsworkshop Tübingen",
        "--agenda",
        "vernetzungsworkshop",
        "--date",
        "2027-03-04",
    ).strip()
    assert workshop

    out = tmp_path / "protokoll.docx"
    run(venv / "facilitator", "export", "protocol", "-o", str(out))
    from docx import Document

    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "Vernetzungsworkshop Tübingen" in text
    assert "Elevator Pitch" in text  # an item of the shipped template


def test_demo_seeds_from_the_wheel(venv: Path, run) -> None:
    script = (
        "from facilitator.demo import seed_demo\n"
        "from facilitator.store import open_store\n"
        "from facilitator.store.agenda import list_items\n"
        "import os\n"
        "store = open_store(os.environ['FACILITATOR_DB'])\n"
        "print(len(list_items(store, seed_demo(store))))\n"
    )
    assert int(run(venv / "python", "-c", script)) >= 5


def test_both_languages_from_the_wheel(venv: Path, run) -> None:
    # the gettext catalogues are package data: without them --lang en would print German
    # and click's help English
    run(venv / "facilitator", "new", "Nord", "--agenda", "vernetzungsworkshop")
    assert "(10 items, 0 participants, 0 entries)" in run(
        venv / "facilitator", "--lang", "en", "list"
    )
    german_help = run(venv / "facilitator", "list", "--help")
    assert "Aufruf:" in german_help and "Diese Hilfe zeigen und beenden." in german_help
    english_help = run(venv / "facilitator", "--lang", "en", "list", "--help")
    assert "List the workshops in the database, the newest first." in english_help

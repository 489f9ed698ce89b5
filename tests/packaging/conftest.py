"""Provides the built wheel, installed into a fresh virtual environment, to the packaging tests."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT

# What a build reads: the package, the folders setup.py maps into it, the metadata.
SOURCES = [
    "facilitator",
    "methods",
    "agendas",
    "setup.py",
    "pyproject.toml",
    "README.md",
    "LICENSE",
]


def run_checked(args: list, cwd: Path, env: dict[str, str], *, stderr: bool = False) -> str:
    """Run a command that must succeed; return its output (and its errors, if asked)."""
    result = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=240
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr if stderr else result.stdout


@pytest.fixture(scope="session")
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
    # -v: the build backend's own output, where setuptools prints its warnings
    build = [*pip, "wheel", "-v", "--no-deps", "--no-build-isolation", "-w", wheels, source]
    (root / "build.log").write_text(run_checked(build, root, env, stderr=True))
    (wheel,) = wheels.glob("facilitator-*.whl")
    (root / "wheel-path").write_text(str(wheel))
    venv = root / "venv"
    # --system-site-packages: the dependencies come from this machine, nothing is downloaded.
    run_checked([sys.executable, "-m", "venv", "--system-site-packages", venv], root, env)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    # --force-reinstall: an editable facilitator of the system must not count as installed.
    run_checked(
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
        return run_checked(list(args), tmp_path, env)

    return run


@pytest.fixture(scope="session")
def wheel(venv: Path) -> Path:
    """The wheel file the virtual environment was installed from."""
    return Path((venv.parent.parent / "wheel-path").read_text())


@pytest.fixture(scope="session")
def build_log(venv: Path) -> str:
    """What `pip wheel -v` printed while building the wheel (the backend's output too)."""
    return (venv.parent.parent / "build.log").read_text()

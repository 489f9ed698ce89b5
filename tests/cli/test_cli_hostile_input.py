"""Hostile and careless input on the command line (issue 12, items 6 and 8).

`import json` of a file with a forged op: exit 2, one sentence naming the op, nothing
written. Control characters never reach the store; `capture --text -` splits lines
only at \\n and \\r\\n.
"""

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from facilitator.cli import main
from facilitator.store import open_store
from tests.conftest import AGENDA, cli_env
from tests.sync.hostile_ops import FORGED


def _run(db: Path, *args: str, stdin: str | None = None):
    return CliRunner().invoke(main, ["--db", str(db), *args], input=stdin)


@pytest.fixture
def exported(tmp_path: Path) -> tuple[Path, dict]:
    """A workshop made on the command line, exported as JSON."""
    source = tmp_path / "source.db"
    assert _run(source, "new", "Esslingen", "--agenda", str(AGENDA)).exit_code == 0
    path = tmp_path / "export.json"
    assert _run(source, "export", "json", "-o", str(path)).exit_code == 0
    return path, json.loads(path.read_text(encoding="utf-8"))


def _op_count(db: Path) -> int:
    store = open_store(db)
    try:
        return store.version
    finally:
        store.close()


@pytest.mark.parametrize("case", sorted(FORGED))
def test_import_of_a_forged_op_exits_2_and_writes_nothing(case, exported, tmp_path) -> None:
    path, data = exported
    workshop_id = data["workshop"]["id"]
    forged = FORGED[case](workshop_id, data["agenda"][0]["id"], time.time_ns() // 1_000_000)
    data["ops"].append(forged)
    # escaped as JSON text (parses back the same): a lone surrogate has no UTF-8 form
    path.write_text(json.dumps(data), encoding="utf-8")
    target = tmp_path / "target.db"
    assert _run(target, "new", "Schon da", "--agenda", str(AGENDA)).exit_code == 0
    before = _op_count(target)
    result = _run(target, "import", "json", str(path))
    assert result.exit_code == 2, result.output
    assert forged["uuid"] in result.output and "Nichts importiert" in result.output
    assert "Traceback" not in result.output
    assert _op_count(target) == before


@pytest.mark.slow
def test_import_of_a_forged_clock_as_a_process(exported, tmp_path) -> None:
    path, data = exported
    forged = FORGED["arabic-indic digits in the clock"](data["workshop"]["id"], "x", 0)
    data["ops"].append(forged)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    target = tmp_path / "target.db"
    done = subprocess.run(
        [sys.executable, "-m", "facilitator", "--lang", "en", "import", "json", str(path)],
        env=cli_env(target),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2, done.stderr
    assert f"Op {forged['uuid']} (capture.add) refused" in done.stderr + done.stdout
    assert "Traceback" not in done.stderr
    assert _op_count(target) == 0


def test_control_characters_never_reach_the_store_from_the_cli(tmp_path: Path) -> None:
    db = tmp_path / "f.db"
    assert _run(db, "new", "Work\x1bshop\x00", "--agenda", str(AGENDA)).exit_code == 0
    csv = tmp_path / "people.csv"
    csv.write_text(
        "name,organisation,email,consent\n"
        "Anna\x01 Berger,Stadt\x1b[2J Esslingen,anna@example.org,ja\n",
        encoding="utf-8",
    )
    assert _run(db, "participants", "import", str(csv)).exit_code == 0
    result = _run(db, "capture", "-k", "idea", "-t", "Ampel\x07schaltung\x9b", "--org", "Ei\x7fne")
    assert result.exit_code == 0, result.output
    exported = json.loads(_run(db, "export", "json", "-o", "-").output)
    assert exported["workshop"]["title"] == "Workshop"
    assert [p["name"] for p in exported["participants"]] == ["Anna Berger"]
    assert sorted(o["name"] for o in exported["organisations"]) == ["Eine", "Stadt[2J Esslingen"]
    assert [c["text"] for c in exported["captures"]] == ["Ampelschaltung"]
    text = json.dumps(exported, ensure_ascii=False)
    assert not any(ch in text for ch in "\x00\x01\x07\x1b\x7f\x9b")


def test_capture_from_stdin_splits_only_at_line_feeds(tmp_path: Path) -> None:
    db = tmp_path / "f.db"
    assert _run(db, "new", "Esslingen", "--agenda", str(AGENDA)).exit_code == 0
    typed = "eins\x0bnoch eins\r\nzwei\x0cweiter\x1cund\u2028so\ndrei\n\n"
    result = _run(db, "capture", "-k", "idea", "-t", "-", stdin=typed)
    assert result.exit_code == 0, result.output
    exported = json.loads(_run(db, "export", "json", "-o", "-").output)
    assert sorted(c["text"] for c in exported["captures"]) == [
        "drei",
        "eins noch eins",
        "zwei weiter und\u2028so",
    ]


def test_import_of_5000_deep_json_is_one_sentence(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 5000 + "]" * 5000, encoding="utf-8")
    result = _run(tmp_path / "f.db", "import", "json", str(path))
    assert result.exit_code == 2
    assert result.output.strip() == f"{path}: zu tief verschachteltes JSON."


@pytest.mark.parametrize("depth", [100, 900])
def test_the_depth_limit_is_ours_on_every_python(tmp_path: Path, depth: int) -> None:
    """Within every interpreter's recursion limit, yet deeper than any export: refused."""
    path = tmp_path / "deep.json"
    path.write_text('{"a": ' * depth + "1" + "}" * depth, encoding="utf-8")
    result = _run(tmp_path / "f.db", "import", "json", str(path))
    assert result.exit_code == 2
    assert result.output.strip() == f"{path}: zu tief verschachteltes JSON."

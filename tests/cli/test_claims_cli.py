"""`participants claims` / `participants claim accept|reject|separate` (issue 23.1)."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from facilitator.cli import main
from facilitator.store import open_store
from facilitator.store.registrations import register_participant
from facilitator.store.workshops import resolve_workshop
from tests.conftest import AGENDA

CSV = "Name;Organisation;E-Mail;Einwilligung\nOla Opfer;Stadt Ulm;ola@ulm.example;nein\n"


@pytest.fixture
def cli(db_path: Path, tmp_path: Path):
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(main, ["--db", str(db_path), *args])

    assert run("new", "Workshop A", "--agenda", str(AGENDA)).exit_code == 0
    (tmp_path / "p.csv").write_text(CSV, encoding="utf-8")
    assert run("participants", "import", str(tmp_path / "p.csv")).exit_code == 0
    return run


def _phone_claims(db_path: Path, phone: str, **fields) -> None:
    store = open_store(str(db_path))
    workshop = resolve_workshop(store, None)
    outcome = register_participant(
        store, workshop.id, f"id-{phone}", client_id=phone, consent=True, **fields
    )
    assert outcome == "claim"
    store.close()


def test_claims_are_listed_and_decided(cli, db_path: Path) -> None:
    _phone_claims(db_path, "phone-a", name="Ola Opfer", email="ola@ulm.example")
    _phone_claims(db_path, "phone-b", name="Ola Opfer", organisation="Fake Org")
    listed = cli("participants", "claims")
    assert listed.exit_code == 0, listed.output
    lines = listed.output.splitlines()
    assert len(lines) == 2 and all("beansprucht: Ola Opfer, Stadt Ulm" in line for line in lines)
    assert "Fake Org" in lines[1] and "(Einwilligung)" in lines[0]
    first, second = (line.split()[0] for line in lines)

    rejected = cli("participants", "claim", "reject", second)
    assert rejected.exit_code == 0 and "nichts geändert" in rejected.output
    accepted = cli("participants", "claim", "accept", first)
    assert accepted.exit_code == 0, accepted.output
    shown = cli("participants", "show", "ola@ulm.example").output
    assert "organisation: Stadt Ulm" in shown  # the rejected claim moved nobody
    assert f"Anmeldung {first} von der Moderation bestätigt" in shown
    assert cli("participants", "claims").output.strip() == "Keine offenen Anmeldungen."

    again = cli("participants", "claim", "accept", first)
    assert again.exit_code == 2 and "Keine offene Anmeldung" in again.output
    wrong = cli("participants", "claim", "merge", first)
    assert wrong.exit_code == 2

"""Practice examples and GDPR: erasure, purge and withdrawal reach the contact (Art. 17, 7(3))."""

import subprocess
from pathlib import Path

import pytest

from facilitator.practice import load_examples
from facilitator.store import open_store
from tests.conftest import PYTHON, cli_env
from tests.series.scenario import build_scenario

LEGACY = """+++
# written by hand, before examples referred to people by id
title = "Parksensoren mit LoRaWAN"
organisation = "Stadt Heidelberg"
topic = "mobilitaet"
status = "abgeschlossen"
summary = "LoRaWAN-Sensoren zeigen freie Parkplätze in der App."
contact = "Petra Heil, heil@example.org"
+++
Seit 2025 in der Altstadt.
"""


@pytest.fixture
def reihe(db_path: Path, tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    """A database with the three-workshop series, and an empty example library."""
    opened = open_store(db_path, create=True)
    ids = build_scenario(opened)
    opened.close()
    return db_path, tmp_path / "beispiele", ids


def cli(db: Path, library: Path, *args: str) -> str:
    env = dict(cli_env(db), FACILITATOR_EXAMPLES=str(library))
    done = subprocess.run(
        [PYTHON, "-m", "facilitator", *args], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def protocol(db: Path, library: Path, workshop: str, out: Path) -> str:
    cli(db, library, "export", "protocol", "--workshop", workshop, "-o", str(out))
    return out.read_text(encoding="utf-8")


def parking_measure(db: Path) -> str:
    opened = open_store(db)
    try:
        found = opened.conn.execute("SELECT id FROM capture WHERE text LIKE 'LoRaWAN-Netz%'")
        return found.fetchone()[0]
    finally:
        opened.close()


@pytest.mark.slow
def test_erasing_a_person_takes_them_out_of_examples_and_protocol(reihe, tmp_path):
    db, library, ids = reihe
    cli(db, library, "examples", "add", "--from-capture", parking_measure(db))
    library.joinpath("alt.md").write_text(LEGACY, encoding="utf-8")
    files = sorted(library.glob("*.md"))
    made = next(p for p in files if p.name != "alt.md").read_text(encoding="utf-8")
    assert "contact_id = " in made and "heil@" not in made and "Petra" not in made
    before = protocol(db, library, ids["alb"], tmp_path / "vorher.md")
    assert "Kontakt: Petra Heil, heil@example.org" in before
    said = cli(db, library, "participants", "erase", "heil@example.org", "--yes")
    assert "alt.md" in said  # the literal contact was taken out of the old file
    for path in library.glob("*.md"):
        text = path.read_text(encoding="utf-8")
        assert "heil@example.org" not in text and "Petra Heil" not in text
        assert "contact" not in text  # neither the copy nor the reference is left
    assert "# written by hand" in library.joinpath("alt.md").read_text(encoding="utf-8")
    examples, problems = load_examples(library)
    assert problems == [] and len(examples) == 2  # the examples stay, checked and valid
    cli(db, library, "check", str(library))
    after = protocol(db, library, ids["alb"], tmp_path / "nachher.md")
    assert "heil@example.org" not in after and "Petra Heil" not in after
    assert "Parksensoren mit LoRaWAN – Stadt Heidelberg" in after  # the solution still shows


@pytest.mark.slow
def test_withdrawn_consent_hides_the_contact_in_the_protocol(reihe, tmp_path):
    db, library, ids = reihe
    cli(db, library, "examples", "add", "--from-capture", parking_measure(db))
    library.joinpath("alt.md").write_text(LEGACY, encoding="utf-8")
    cli(db, library, "participants", "edit", "heil@example.org", "--consent", "nein")
    assert "heil@" not in library.joinpath("alt.md").read_text(encoding="utf-8")
    after = protocol(db, library, ids["alb"], tmp_path / "ohne.md")
    assert "heil@example.org" not in after and "Petra Heil" not in after
    # consent given again: the reference shows her again (the copy was gone for good)
    cli(db, library, "participants", "edit", "heil@example.org", "--consent", "ja")
    again = protocol(db, library, ids["alb"], tmp_path / "wieder.md")
    assert "Kontakt: Petra Heil, heil@example.org" in again


@pytest.mark.slow
def test_purge_takes_old_workshops_people_out_of_examples(reihe):
    db, library, _ = reihe
    library.mkdir()
    library.joinpath("alt.md").write_text(LEGACY, encoding="utf-8")
    cli(db, library, "purge", "--before", "2027-03-01", "--yes")  # the Heidelberg workshop
    assert "Petra Heil" not in library.joinpath("alt.md").read_text(encoding="utf-8")


def test_contact_shows_only_with_consent_now_wherever_it_was_withdrawn(store, tmp_path):
    """Consent withdrawn on a phone or in the app, with no examples folder at hand."""
    from facilitator.core.example_format import PracticeExample
    from facilitator.export.solutions_model import build_solutions
    from facilitator.store.participants import list_participants, set_consent

    ids = build_scenario(store)
    petra = next(p for p in list_participants(store, ids["nordwest"]) if p.name == "Petra Heil")
    fields = ("Parksensoren mit LoRaWAN", "Stadt Heidelberg", "mobilitaet", "abgeschlossen")
    summary = "LoRaWAN-Sensoren zeigen freie Parkplätze in der App."
    by_id = PracticeExample(*fields, summary, contact_id=petra.id)
    copied = PracticeExample(*fields, summary, contact="Petra Heil <heil@example.org>")

    def contacts() -> set[str]:
        section = build_solutions(store, ids["alb"], [by_id, copied])
        found = [s for item in section.items for s in item.solutions]
        return {s.contact for s in found if s.organisation == "Stadt Heidelberg"}

    assert "Petra Heil, heil@example.org" in contacts()
    assert "Petra Heil <heil@example.org>" in contacts()
    set_consent(store, petra.id, False, source="phone")
    assert contacts() == {""}  # the library's two and the series' own measure

"""Practice-example library: ships empty, checked like method cards, grows from measures."""

import json

from facilitator.core.example_format import PracticeExample, parse_example, render_example
from facilitator.practice import load_examples
from tests.series.conftest import run_cli

GOOD = """+++
title = "Smart Parking mit LoRaWAN"
organisation = "Stadt Heidelberg"
municipality = "Heidelberg"
topic = "mobilitaet"
status = "abgeschlossen"
summary = "Sensoren melden freie Parkplätze an die App."
link = "https://example.org/parking"
+++
Läuft seit 2025 in der Altstadt.
"""


def test_library_ships_empty(tmp_path):
    assert load_examples(tmp_path / "nirgends") == ([], [])


def test_example_round_trips_through_its_file_text():
    example = parse_example(GOOD, "x.md")
    assert example.title == "Smart Parking mit LoRaWAN" and example.body.startswith("Läuft")
    tricky = PracticeExample('Zitat "A" \\ B', "Org", "verwaltung", "geplant", "Zeile\nzwei")
    assert parse_example(render_example(tricky), "y.md").title == 'Zitat "A" \\ B'


def test_check_names_path_and_line_of_each_problem(series_db, tmp_path):
    (tmp_path / "gut.md").write_text(GOOD, encoding="utf-8")
    assert run_cli(series_db, "check", str(tmp_path)).returncode == 0
    bad = GOOD.replace('status = "abgeschlossen"', 'status = "fertig"').replace(
        'link = "https://example.org/parking"', 'link = "example.org"'
    )
    (tmp_path / "kaputt.md").write_text(bad, encoding="utf-8")
    result = run_cli(series_db, "check", str(tmp_path), check=False)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert f"{tmp_path / 'kaputt.md'}:6: „status“ muss einer von" in lines[0]
    assert any(line.startswith(f"{tmp_path / 'kaputt.md'}:8: „link“") for line in lines)
    (tmp_path / "kaputt.md").write_text('+++\norganisation = "X\n+++\n', encoding="utf-8")
    syntax = run_cli(series_db, "check", str(tmp_path / "kaputt.md"), check=False)
    assert (
        syntax.returncode == 2 and f"{tmp_path / 'kaputt.md'}:2: TOML-Syntaxfehler" in syntax.stderr
    )


def test_examples_add_from_a_measure_with_contact_only_by_consent(store, db_path, tmp_path):
    from facilitator.store.captures import add_capture
    from facilitator.store.participants import add_participant
    from facilitator.store.workshops import create_workshop

    workshop = create_workshop(store, "Workshop", date="2027-01-01")
    add_participant(store, workshop, "Petra Heil", organisation="Stadt Heidelberg",
                    municipality="Heidelberg", email="heil@example.org", consent=True)  # fmt: skip
    add_participant(store, workshop, "Jonas Mann", organisation="Stadt Mannheim",
                    municipality="Mannheim", email="mann@example.org", consent=False)  # fmt: skip
    parking = add_capture(store, workshop, "measure", "LoRaWAN-Parksensoren in der Altstadt",
                          organisation="Stadt Heidelberg", status="abgeschlossen")  # fmt: skip
    akte = add_capture(store, workshop, "measure", "E-Akte eingeführt", topic="verwaltung",
                       organisation="Stadt Mannheim", status="in_umsetzung")  # fmt: skip
    note = add_capture(store, workshop, "note", "Kaffee war gut")
    library = tmp_path / "beispiele"
    for capture in (parking, akte):
        run_cli(db_path, "examples", "add", "--from-capture", capture, "--examples", str(library))
    found, problems = load_examples(library)
    assert problems == []
    by_org = {e.organisation: e for e in found}
    heidelberg, mannheim = by_org["Stadt Heidelberg"], by_org["Stadt Mannheim"]
    assert heidelberg.contact == "" and heidelberg.contact_id  # a reference, not a copy
    assert heidelberg.topic == "infrastruktur"  # suggested: the capture had no topic field
    assert heidelberg.status == "abgeschlossen" and heidelberg.municipality == "Heidelberg"
    assert mannheim.contact_id == "" and mannheim.topic == "verwaltung"
    assert run_cli(db_path, "check", str(library)).returncode == 0
    listed = json.loads(
        run_cli(db_path, "examples", "list", "--json", "--examples", str(library)).stdout
    )
    assert {e["organisation"] for e in listed} == {"Stadt Heidelberg", "Stadt Mannheim"}
    refused = run_cli(
        db_path, "examples", "add", "--from-capture", note, "--examples", str(library), check=False
    )
    assert refused.returncode == 2 and "keine Maßnahme" in refused.stderr
    bad_link = run_cli(
        db_path, "examples", "add", "--from-capture", akte, "--examples", str(library),
        "--link", "example.org", check=False,
    )  # fmt: skip
    assert bad_link.returncode == 2 and "http://" in bad_link.stderr
    assert len(list(library.glob("*.md"))) == 2

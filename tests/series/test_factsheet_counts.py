"""Tests the fact sheet's counts against a scenario counted by hand (issue 24.3)."""

from datetime import date

from facilitator.export.factsheet_model import build_factsheet
from facilitator.export.factsheet_text import blocks
from facilitator.store.captures import add_capture
from facilitator.store.participants import add_participant
from facilitator.store.series import ensure_series
from facilitator.store.workshops import create_workshop


def test_counts_match_a_hand_count(store):
    series = ensure_series(store, "Handzählung")
    first = create_workshop(store, "Ulm", date="2027-01-10", series_id=series)
    second = create_workshop(store, "Aalen", date="2027-02-10", series_id=series)
    # First workshop: attendance taken; Cara (Stadt C) registered but stayed away.
    add_participant(store, first, "Anna Alt", organisation="Stadt A", email="a@a.de", present=True)
    add_participant(store, first, "Ben Bau", organisation="Stadt B", present=True)
    add_participant(store, first, "Cara Cis", organisation="Stadt C", present=False)
    # Second workshop: no attendance taken, so the registered count; Anna comes again.
    add_participant(store, second, "Anna Alt", organisation="Stadt A", email="a@a.de")
    add_participant(store, second, "Dora Dorn", organisation="Gemeinde D")
    add_capture(store, first, "challenge", "Uns fehlt Personal für die Digitalisierung",
                organisation="Stadt A")  # fmt: skip
    add_capture(store, second, "challenge", "Fehlendes Personal für Digitalisierung",
                organisation="Gemeinde D")  # fmt: skip
    add_capture(store, second, "challenge", "Kein Budget im Haushalt", organisation="Kreis E")
    add_capture(store, first, "need", "Glasfaser in den Teilorten", organisation="Stadt B")
    sheet = build_factsheet(store, "Handzählung")
    # By hand: Anna, Ben, Dora; 2 + 2 attendances; A, B, D present (C stayed away);
    # Kreis E only named; 3 challenges, 1 need.
    assert (sheet.participants, sheet.attendances) == (3, 4)
    assert (sheet.organisations, sheet.organisations_named) == (3, 1)
    assert sheet.mentions == {"need": 1, "driver": 0, "challenge": 3}
    (personal,) = sheet.frequent["challenge"]  # the two Personal statements, one cluster
    assert personal.count == 2 and personal.organisations == ["Stadt A", "Gemeinde D"]
    assert personal.workshops == ["Ulm", "Aalen"]
    assert sheet.frequent_rest == {"need": 1, "driver": 0, "challenge": 1}
    text = [b.text for b in blocks(sheet, "de", today=date(2027, 3, 1)) if b.kind == "para"]
    assert text[0] == (
        "Stand 01.03.2027. Zusammenfassung aus 2 Workshops mit 3 anwesenden Personen und "
        "3 Organisationen mit Anwesenden."
    )
    assert "Dazu eine weitere Nennung, die nur einmal vorkam." in text
    rows = [r for b in blocks(sheet, "de") if b.kind == "table" for r in b.rows]
    who = "2 Org. in 2 Workshop(s): Stadt A, Gemeinde D"
    assert [personal.text, 2, 0, who] in [[r[0], *r[2:]] for r in rows]

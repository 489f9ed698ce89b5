"""Steps fitted to a shortened block, and the packing checklist without near-duplicates (25.6)."""

from facilitator.core.materials import checklist
from facilitator.core.step_fit import fit_minutes


def test_steps_fit_a_shortened_block_and_end_with_it():
    assert fit_minutes([5, 15, 20, 5], 30) == [3, 10, 14, 3]
    assert sum(fit_minutes([5, 15, 20, 5], 30)) == 30
    assert fit_minutes([5, 15, 20, 5], 45) == [5, 15, 20, 5]  # as planned: unchanged
    assert fit_minutes([1, 30, 1], 10) == [1, 8, 1]  # a short step keeps a minute
    assert fit_minutes([], 10) == [] and fit_minutes([5, 5], 0) == [5, 5]


def test_checklist_merges_near_duplicates_and_keeps_prepared_things():
    found = checklist(
        [
            "Filzstifte",
            "dicke Filzstifte",
            "Filzstifte in zwei Farben (bestehend/gewünscht)",
            "Klebepunkte",
            "Klebepunkte (Anzahl pro Person etwa ein Drittel der Optionen)",
            "Klebepunkte für die Auswahl",
            "Klebepunkte in Grün, Gelb und Rot",
            "Moderationskarten und Filzstifte",
            "Plakat mit Zielscheibe",
            "Plakat mit gezeichneter Hand",
            "Flipchart oder Pinnwand",
            "optional: Kaffee, Getränke, Tischdeko",
        ]
    )
    assert found == [
        "Filzstifte (dicke; in zwei Farben)",
        "Klebepunkte (in Grün, Gelb und Rot)",
        "Moderationskarten",
        "Plakat mit Zielscheibe",
        "Plakat mit gezeichneter Hand",
        "Flipchart oder Pinnwand",
        "optional: Kaffee, Getränke, Tischdeko",
    ]


def test_a_thing_one_card_names_keeps_its_words():
    assert checklist(["6-3-5-Vordrucke (A3, 3 Spalten × 6 Zeilen)", "Stifte", "stifte"]) == [
        "6-3-5-Vordrucke (A3, 3 Spalten × 6 Zeilen)",
        "Stifte",
    ]

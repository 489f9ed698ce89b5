"""Agenda templates and method cards: parsing, and problems as path:line: message."""

import pytest

from facilitator.core.agenda_format import parse_agenda
from facilitator.core.errors import ValidationError
from facilitator.core.method_format import parse_method_card
from tests.conftest import AGENDA

GOOD_AGENDA = AGENDA.read_text(encoding="utf-8")


def problems_of(func, *args) -> list[str]:
    with pytest.raises(ValidationError) as info:
        func(*args)
    return info.value.problems


def test_the_test_agenda_parses() -> None:
    template = parse_agenda(GOOD_AGENDA, "a.toml", None)
    assert template.title == "Testagenda"
    assert [i.kind for i in template.items][:2] == ["break", "block"]
    assert template.items[3].at == "11:00"


def test_syntax_error_reports_the_line() -> None:
    text = 'title = "x"\n[[item]]\ntitle = "a"\nminutes = = 5\n'
    assert problems_of(parse_agenda, text, "a.toml", None)[0].startswith("a.toml:4: ")


def test_bad_value_reports_the_line_of_its_key() -> None:
    text = GOOD_AGENDA.replace("minutes = 45", "minutes = 0")
    line = GOOD_AGENDA.splitlines().index("minutes = 45") + 1
    problems = problems_of(parse_agenda, text, "a.toml", None)
    assert problems == [
        f"a.toml:{line}: Punkt 3: „minutes“ muss eine ganze Zahl von 1 bis 600 sein, nicht 0"
    ]


def test_unknown_method_and_unknown_kind_are_both_reported() -> None:
    text = GOOD_AGENDA.replace(
        'capture = ["challenge", "need"]', 'method = "gibtsnicht"\nkind = "x"'
    )
    problems = problems_of(parse_agenda, text, "a.toml", {"blitzlicht"})
    assert any("Methode 'gibtsnicht' gibt es nicht" in p for p in problems)
    assert any("„kind“ 'x' ist unbekannt" in p for p in problems)


def test_pinned_item_without_time_is_refused() -> None:
    text = GOOD_AGENDA.replace('at = "11:00"\n', "")
    assert any("braucht „at“" in p for p in problems_of(parse_agenda, text, "a.toml", None))


def test_agenda_that_does_not_fit_is_refused() -> None:
    text = GOOD_AGENDA.replace('end = "12:00"', 'end = "11:30"')
    assert any("passt nicht" in p for p in problems_of(parse_agenda, text, "a.toml", None))


CARD = """+++
id = "blitzlicht"
phase = "ankommen"
duration_min = 5
duration_max = 15
group_size_min = 3
group_size_max = 40
captures = ["note"]
source = "verbreitete Moderationsmethode"

[name]
de = "Blitzlicht"
en = "Flash round"

[summary]
de = "Jede Person sagt einen Satz."
en = "Everyone says one sentence."

[participants]
de = "Sagen Sie in einem Satz, wie Sie ankommen."
en = "Say in one sentence how you arrive."

[materials]
de = ["keine"]
en = ["none"]

[[steps]]
minutes = 1
de = "Frage stellen."
en = "Ask the question."

[[steps]]
minutes = 6
de = "Reihum antworten."
en = "Answer in turn."

[[steps]]
minutes = 1
de = "Zusammenfassen."
en = "Sum up."

[tips]
de = ["Zeit begrenzen."]
en = ["Limit the time."]

[traps]
de = ["Diskussion beginnt."]
en = ["A discussion starts."]

[variations]
de = ["Mit Daumen."]
en = ["With thumbs."]
+++

## Ablauf

Text.
"""


def test_a_valid_card_parses() -> None:
    card = parse_method_card(CARD, "blitzlicht.md", "blitzlicht")
    assert card.name.de == "Blitzlicht" and card.step_minutes == 8
    assert card.steps[1].text.en == "Answer in turn."
    assert card.body.startswith("## Ablauf")


def test_step_minutes_must_fit_the_duration_range() -> None:
    text = CARD.replace("minutes = 6", "minutes = 60")
    problems = problems_of(parse_method_card, text, "b.md", "blitzlicht")
    assert any("die Schritte dauern 62 Minuten" in p for p in problems)


def test_card_problem_lines_count_the_front_matter_opener() -> None:
    text = CARD.replace('phase = "ankommen"', 'phase = "irgendwann"')
    line = CARD.splitlines().index('phase = "ankommen"') + 1
    problems = problems_of(parse_method_card, text, "b.md", "blitzlicht")
    assert problems[0].startswith(f"b.md:{line}: „phase“")


def test_missing_english_translation_is_reported() -> None:
    text = CARD.replace('en = "Flash round"\n', "")
    assert any("„name.en“ fehlt" in p for p in problems_of(parse_method_card, text, "b.md", None))


def test_id_must_match_the_file_name() -> None:
    assert any(
        "passt nicht zum Dateinamen" in p
        for p in problems_of(parse_method_card, CARD, "x.md", "anders")
    )


def test_every_fit_problem_is_reported_with_its_figure() -> None:
    text = """title = "Zu voll"
start = "09:00"
end = "11:00"

[[item]]
title = "Einstieg"
minutes = 80
method = "gibtsnicht"

[[item]]
title = "Mittagspause"
minutes = 30
kind = "pinned"
at = "10:00"

[[item]]
title = "Vertiefung"
minutes = 60
"""
    problems = problems_of(parse_agenda, text, "a.toml", {"blitzlicht"})
    assert any("Methode 'gibtsnicht'" in p for p in problems)
    assert any("„Mittagspause“" in p and "20 Minuten hinein" in p for p in problems)
    assert any("30 Minuten zu spät" in p and "um 11:30" in p for p in problems)
    assert len(problems) == 3

"""Tests of the one-line capture syntax."""

from datetime import date

import pytest

from facilitator.core.capture_line import (
    current_tag,
    format_capture_line,
    parse_capture_line,
    resolve_topic,
)
from facilitator.core.errors import ValidationError


@pytest.mark.parametrize(
    ("prefix", "kind"),
    [
        ("h", "challenge"),
        ("b", "need"),
        ("t", "driver"),
        ("m", "measure"),
        ("i", "idea"),
        ("bi", "offer"),
        ("su", "request"),
        ("to", "todo"),
        ("e", "decision"),
        ("f", "question"),
        ("H", "challenge"),
        ("Frage", "question"),
    ],
)
def test_prefix_sets_kind(prefix: str, kind: str) -> None:
    parsed = parse_capture_line(f"{prefix}: Breitband im ländlichen Raum")
    assert parsed.kind == kind
    assert parsed.text == "Breitband im ländlichen Raum"


def test_no_prefix_is_a_note_and_unknown_prefix_stays_in_text() -> None:
    assert parse_capture_line("Beamer geht nicht").kind == "note"
    parsed = parse_capture_line("Achtung: Raum wechselt")
    assert (parsed.kind, parsed.text) == ("note", "Achtung: Raum wechselt")


def test_tags_are_taken_out_of_the_text() -> None:
    parsed = parse_capture_line(
        'h: Fehlende Schnittstellen #verwaltung @"Stadt Esslingen" zum Landratsamt'
    )
    assert parsed.text == "Fehlende Schnittstellen zum Landratsamt"
    assert parsed.topic == "verwaltung"
    assert parsed.organisation == "Stadt Esslingen"


def test_underscores_in_organisation_are_spaces() -> None:
    assert parse_capture_line("b: Schulung @Stadtwerke_Esslingen").organisation == (
        "Stadtwerke Esslingen"
    )


def test_topic_by_unambiguous_beginning_or_label() -> None:
    assert resolve_topic("verw") == "verwaltung"
    assert resolve_topic("Mobilität") == "mobilitaet"
    assert resolve_topic("energie") == "energie_umwelt"


def test_unknown_and_ambiguous_topics_are_errors() -> None:
    with pytest.raises(ValidationError, match="Unbekanntes Themenfeld #weltraum"):
        parse_capture_line("h: Satelliten #weltraum")
    with pytest.raises(ValidationError, match="mehrdeutig"):
        parse_capture_line("h: Zu kurz #g")


def test_todo_owner_and_due_date() -> None:
    parsed = parse_capture_line('to: Protokoll verschicken !"Anna Weber" >2026-12-31')
    assert (parsed.kind, parsed.owner, parsed.due) == ("todo", "Anna Weber", "2026-12-31")
    german = parse_capture_line("to: Termin finden !Kim >15.1.", today=date(2026, 12, 1))
    assert german.due == "2027-01-15"
    assert parse_capture_line("to: x >15.01.2027").due == "2027-01-15"


def test_bad_date_and_empty_text_are_errors() -> None:
    with pytest.raises(ValidationError, match="kein Datum"):
        parse_capture_line("to: x >morgen")
    with pytest.raises(ValidationError, match="Text fehlt"):
        parse_capture_line("h: #verwaltung")
    with pytest.raises(ValidationError, match="nur einmal"):
        parse_capture_line("h: x #verwaltung #bildung")


def test_exclamation_inside_words_is_text() -> None:
    assert parse_capture_line("Wichtig! 3>2").text == "Wichtig! 3>2"


def test_format_round_trips() -> None:
    fields = dict(
        kind="todo",
        text="Rahmenvertrag prüfen",
        topic="verwaltung",
        organisation="Landratsamt Esslingen",
        owner="Kim",
        due="2027-02-01",
    )
    parsed = parse_capture_line(format_capture_line(**fields))
    assert parsed.__dict__ == {**fields, "status": None}
    note = parse_capture_line(format_capture_line("note", "Achtung: Raum"))
    assert (note.kind, note.text) == ("note", "Achtung: Raum")


def test_current_tag_for_completion() -> None:
    assert current_tag("h: Text #verw") == ("#", "verw")
    assert current_tag('h: Text @"Stadt') == ("@", "Stadt")
    assert current_tag("h: Text") is None


def test_filter_line() -> None:
    from facilitator.core.capture_line import parse_capture_filter

    wanted = parse_capture_filter("h: #verw @Esslingen Schnittstelle")
    assert (wanted.kind, wanted.topic, wanted.organisation, wanted.text) == (
        "challenge",
        "verwaltung",
        "Esslingen",
        "Schnittstelle",
    )
    assert parse_capture_filter("#bildung").kind is None
    assert parse_capture_filter("") == parse_capture_filter("   ")

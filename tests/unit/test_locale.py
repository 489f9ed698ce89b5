"""The gettext mechanism: the language per call, plural forms, lazy messages in errors."""

from facilitator.core.errors import NotFound, UserError, ValidationError
from facilitator.core.i18n import Label
from facilitator.locale import gettext, lazy, lazy_plural, ngettext


def test_both_languages_in_one_process_chosen_per_call() -> None:
    assert gettext("Geschrieben: {path}", "en", path="a.docx") == "Written: a.docx"
    assert gettext("Geschrieben: {path}", "de", path="a.docx") == "Geschrieben: a.docx"
    assert gettext("Geschrieben: {path}", "en", path="b") == "Written: b"  # no global switch


def test_plural_forms_in_german_and_english() -> None:
    forms = [
        ngettext("{n} Eintrag", "{n} Einträge", n, lang) for lang in ("de", "en") for n in (0, 1, 2)
    ]
    assert forms == ["0 Einträge", "1 Eintrag", "2 Einträge", "0 entries", "1 entry", "2 entries"]


def test_an_unknown_language_or_text_shows_the_german_source() -> None:
    assert gettext("Beendet.", "fr") == "Beendet."
    assert gettext("Nie übersetzter Text {x}", "en", x=1) == "Nie übersetzter Text 1"


def test_errors_carry_lazy_messages_translated_when_shown() -> None:
    err = NotFound(lazy("Die Datei {path} gibt es nicht.", path="x.csv"))
    assert str(err) == "Die Datei x.csv gibt es nicht."
    assert err.text("en") == "The file x.csv does not exist."
    assert err.text("de") == "Die Datei x.csv gibt es nicht."
    several = UserError(
        lazy_plural(
            "{person!r} steht in {n} Workshop; bitte die Id angeben "
            "(facilitator participants show).",
            "{person!r} steht in {n} Workshops; bitte die Id angeben "
            "(facilitator participants show).",
            2,
            person="Ada",
        )
    )
    assert several.text("en").startswith("'Ada' is in 2 workshops;")


def test_validation_problems_may_be_lazy_and_a_data_pair_works_too() -> None:
    err = ValidationError(lazy("{source}: zu tief verschachteltes JSON.", source="f.json"))
    assert err.problems == ["f.json: zu tief verschachteltes JSON."]
    assert err.problem_texts("en") == ["f.json: JSON nested too deeply."]
    old = UserError(Label("Nicht gefunden.", "Not found."))  # text that is data, not program
    assert (old.text("de"), old.text("en")) == ("Nicht gefunden.", "Not found.")


def test_a_value_that_translates_itself_is_shown_in_the_same_language() -> None:
    class Record:  # a row with a `text` column is a value like any other
        text = "Stadtwerke"

        def __str__(self) -> str:
            return self.text

    message = lazy(
        "{path}:{line}: {problem}", path=Record(), line=3, problem=lazy("der Name fehlt")
    )
    assert message.text("de") == "Stadtwerke:3: der Name fehlt"
    assert message.text("en") == "Stadtwerke:3: the name is missing"

"""UserError carries an optional English text; German stays the default and `str(err)`."""

from facilitator.core.errors import NotFound, UserError, ValidationError


def test_text_picks_english_only_when_there_is_one():
    err = UserError("Der Text fehlt.", en="The text is missing.")
    assert str(err) == "Der Text fehlt."
    assert err.text("de") == "Der Text fehlt."
    assert err.text("en") == "The text is missing."
    german_only = NotFound("Einen Eintrag 'x' gibt es nicht.")
    assert german_only.text("en") == "Einen Eintrag 'x' gibt es nicht."
    assert isinstance(german_only, UserError)


def test_problem_texts_in_either_language():
    err = ValidationError(
        "Zeile 2: der Name fehlt",
        ["Zeile 2: der Name fehlt", "Zeile 3: keine E-Mail"],
        problems_en=["line 2: the name is missing", "line 3: no email"],
    )
    assert (
        err.problem_texts("de")
        == err.problems
        == ["Zeile 2: der Name fehlt", "Zeile 3: keine E-Mail"]
    )
    assert err.problem_texts("en") == ["line 2: the name is missing", "line 3: no email"]
    single = ValidationError("Der Text fehlt.", en="The text is missing.")
    assert single.problems == ["Der Text fehlt."]
    assert single.problem_texts("en") == ["The text is missing."]
    assert ValidationError("Nur deutsch.").problem_texts("en") == ["Nur deutsch."]

"""UserError carries a lazy message shown in the reader's language; `str(err)` is German."""

from facilitator.core.errors import NotFound, UserError, ValidationError
from facilitator.core.i18n import Label
from facilitator.locale import lazy


def test_text_picks_english_only_when_there_is_one():
    err = UserError(lazy("Der Text fehlt."))
    assert str(err) == "Der Text fehlt."
    assert err.text("de") == "Der Text fehlt."
    assert err.text("en") == "The text is missing."
    german_only = NotFound("Einen Eintrag 'x' gibt es nicht.")
    assert german_only.text("en") == "Einen Eintrag 'x' gibt es nicht."
    assert isinstance(german_only, UserError)


def test_problem_texts_in_either_language():
    name = lazy("{path}:{line}: {problem}", path="x.csv", line=2, problem=lazy("der Name fehlt"))
    email = lazy("{email} ist keine E-Mail-Adresse", email=repr("ada"))
    err = ValidationError(name, [name, email])
    assert (
        err.problem_texts("de")
        == err.problems
        == ["x.csv:2: der Name fehlt", "'ada' ist keine E-Mail-Adresse"]
    )
    assert err.problem_texts("en") == [
        "x.csv:2: the name is missing",
        "'ada' is not an email address",
    ]
    single = ValidationError(lazy("Der Text fehlt."))
    assert single.problems == ["Der Text fehlt."]
    assert single.problem_texts("en") == ["The text is missing."]
    assert ValidationError("Nur deutsch.").problem_texts("en") == ["Nur deutsch."]
    pair = ValidationError(Label("Vom Kindprozess.", "From the child process."))
    assert (str(pair), pair.problem_texts("en")) == (
        "Vom Kindprozess.",
        ["From the child process."],
    )

"""Provides the activities' rules: the six types, their settings and the answers phones may give.

Everything here is pure: the store validates a moderator's settings and a phone's
answer with these functions once, before anything becomes an op, and the same
functions check ops that arrive from the other laptop.
"""

from typing import Any

from facilitator.core.errors import ValidationError
from facilitator.core.i18n import Label
from facilitator.locale import Text, lazy, lazy_context

ACTIVITY_TYPES: dict[str, Label] = {
    "dots": Label("Punktabfrage", "Dot vote"),
    "wordcloud": Label("Wortwolke", "Word cloud"),
    "scale": Label("Skala", "Scale"),
    "choice": Label("Auswahl", "Choice"),
    "matrix": Label("2×2-Matrix", "2×2 matrix"),
    "questions": Label("Fragen", "Questions"),
    "form": Label("Erhebung", "Survey"),  # an activity set: Projektsteckbrief, Digital-Check
}
DEFAULT_LABELS = ["trifft nicht zu", "eher nicht", "teils, teils", "eher ja", "trifft voll zu"]
DEFAULT_AXES = ["Aufwand", "Nutzen"]
MAX_PROMPT = 200
MAX_OPTION = 120
MAX_OPTIONS = 12
MAX_STATEMENTS = 10
MAX_BALLOT = 60
MAX_QUESTION = 280
QUESTIONS_PER_PHONE = 5
# per activity: a plenary's worth (every phone renders the list: 500 were 260 KB)
MAX_QUESTIONS = 200
UPVOTES_PER_PHONE = 20  # questions one phone may back at a time
MAX_ANSWERS = 5_000  # phones answering one activity
SCALE_MIN, SCALE_MAX = 1, 5


def _texts(values: Any, what: Text, most: int) -> list[str]:
    if values is None:
        return []
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ValidationError(lazy("{what}: Liste von Texten erwartet.", what=what))
    found = [" ".join(v.split()) for v in values if v.strip()]
    if len(found) > most:
        raise ValidationError(lazy("Höchstens {most} {what}.", most=most, what=what))
    for text in found:
        if len(text) > MAX_OPTION:
            raise ValidationError(
                lazy(
                    "{what}: höchstens {max_option} Zeichen je Eintrag.",
                    what=what,
                    max_option=MAX_OPTION,
                )
            )
    return found


def check_type(kind: str) -> str:
    """Return the activity type, or a ValidationError that lists the types."""
    key = (kind or "").strip().lower()
    for name, label in ACTIVITY_TYPES.items():
        if key in (name, label.de.lower(), label.en.lower()):
            return name
    allowed = ", ".join(ACTIVITY_TYPES)
    raise ValidationError(
        lazy("Unbekannte Aktivität {kind}; erlaubt: {allowed}.", kind=repr(kind), allowed=allowed)
    )


def check_config(kind: str, prompt: str, config: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """Return the cleaned prompt and settings of an activity of type `kind`; ValidationError."""
    prompt = " ".join(str(prompt or "").split())
    if not prompt:
        raise ValidationError(lazy("Die Frage an den Raum fehlt."))
    if len(prompt) > MAX_PROMPT:
        raise ValidationError(
            lazy("Die Frage: höchstens {max_prompt} Zeichen.", max_prompt=MAX_PROMPT)
        )
    check = _CONFIG_CHECKS.get(kind)
    return prompt, check(prompt, config) if check else {}


def _choice_config(prompt: str, config: dict[str, Any]) -> dict[str, Any]:
    options = _texts(config.get("options"), lazy_context("Aktivität", "Optionen"), MAX_OPTIONS)
    if len(options) < 2:
        raise ValidationError(lazy("Eine Auswahl braucht mindestens 2 Optionen."))
    return {"options": options, "multiple": bool(config.get("multiple"))}


def _scale_config(prompt: str, config: dict[str, Any]) -> dict[str, Any]:
    statements = _texts(
        config.get("statements"), lazy_context("Aktivität", "Aussagen"), MAX_STATEMENTS
    )
    labels = _texts(config.get("labels"), lazy_context("Aktivität", "Beschriftungen"), SCALE_MAX)
    if labels and len(labels) != SCALE_MAX:
        raise ValidationError(lazy("Eine Skala hat 5 Beschriftungen."))
    return {"statements": statements or [prompt], "labels": labels or list(DEFAULT_LABELS)}


def _matrix_config(prompt: str, config: dict[str, Any]) -> dict[str, Any]:
    options = _texts(config.get("options"), lazy_context("Aktivität", "Einträge"), MAX_OPTIONS)
    if not options:
        raise ValidationError(lazy("Die Matrix braucht Einträge (--option)."))
    axes = _texts(config.get("axes"), lazy_context("Aktivität", "Achsen"), 2)
    return {"options": options, "axes": axes if len(axes) == 2 else list(DEFAULT_AXES)}


def _form_config(prompt: str, config: dict[str, Any]) -> dict[str, Any]:
    if not isinstance(config.get("fields"), list) or not config["fields"]:
        raise ValidationError(lazy("Eine Erhebung braucht ein Set (--set)."))
    return {k: config[k] for k in ("set", "name", "prompt", "feeds", "fields") if k in config}


def _dots_config(prompt: str, config: dict[str, Any]) -> dict[str, Any]:
    ballot = config.get("ballot") or []
    if not isinstance(ballot, list) or not all(isinstance(b, str) for b in ballot):
        raise ValidationError(lazy("Die Auswahl der Einträge ist ungültig."))
    if not ballot:
        raise ValidationError(lazy("Keine Einträge zur Abstimmung."))
    if len(ballot) > MAX_BALLOT:
        raise ValidationError(
            lazy("Höchstens {max_ballot} Einträge zur Abstimmung.", max_ballot=MAX_BALLOT)
        )
    budget = config.get("budget", 3)
    if not isinstance(budget, int) or isinstance(budget, bool) or not 1 <= budget <= 20:
        raise ValidationError(lazy("Punkte je Person: 1 bis 20."))
    return {
        "ballot": list(dict.fromkeys(ballot)),
        "budget": budget,
        "per_item_max": max(1, (budget + 1) // 2),
    }


_CONFIG_CHECKS = {
    "choice": _choice_config,
    "scale": _scale_config,
    "matrix": _matrix_config,
    "form": _form_config,
    "dots": _dots_config,
}


def _scale_value(value: Any) -> int | None:
    if value in (None, "", "skip"):
        return None  # skipping a statement is allowed
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = 0
    if isinstance(value, bool) or not SCALE_MIN <= number <= SCALE_MAX:
        raise ValidationError(lazy("Werte von 1 bis 5."))
    return number


def check_answer(kind: str, config: dict[str, Any], raw: dict[str, Any]) -> dict[str, Any]:
    """Return a phone's answer to an activity, cleaned; ValidationError if it breaks a rule.

    `raw` holds the fields the phone posted (form or JSON alike): words / w0…,
    ratings s0…, choices c0… or choice, matrix x0/y0…, dots d.<id>.
    """
    check = _ANSWER_CHECKS.get(kind)
    if check is None:
        raise ValidationError(lazy("Diese Aktivität nimmt keine Antworten an."))
    return check(config, raw)


def _wordcloud_answer(config: dict[str, Any], raw: dict[str, Any]) -> dict[str, Any]:
    # the word rules bring simplemma and the meaning engine (numpy): loaded when words
    # arrive, not by every command that validates a field (core.rules imports this module)
    from facilitator.core.activity_words import MAX_WORD, WORDS_PER_PHONE, clean_word

    given = [raw.get(f"w{i}") for i in range(WORDS_PER_PHONE + 3)]
    typed = [w for w in given if isinstance(w, str)]
    words = [clean_word(w) for w in typed if w.strip()]
    if len(words) > WORDS_PER_PHONE:
        raise ValidationError(
            lazy("Höchstens {words_per_phone} Wörter.", words_per_phone=WORDS_PER_PHONE)
        )
    _check_word_length(words, typed, MAX_WORD)
    kept = [w for w in words if w]
    if not kept:
        raise ValidationError(lazy("Bitte mindestens ein Wort."))
    return {"words": kept}


def _check_word_length(words: list[str], typed: list[str], most: int) -> None:
    """Each cleaned word at most `most` characters, and what was typed not far over it."""
    if max(map(len, words), default=0) > most or max(map(len, typed), default=0) > 4 * most:
        raise ValidationError(lazy("Ein Wort hat höchstens {most} Zeichen.", most=most))


def _scale_answer(config: dict[str, Any], raw: dict[str, Any]) -> dict[str, Any]:
    ratings = [_scale_value(raw.get(f"s{i}")) for i in range(len(config["statements"]))]
    if all(r is None for r in ratings):
        raise ValidationError(lazy("Bitte mindestens eine Aussage bewerten."))
    return {"ratings": ratings}


def _choice_answer(config: dict[str, Any], raw: dict[str, Any]) -> dict[str, Any]:
    count = len(config["options"])
    picked = _picked(raw, count, bool(config.get("multiple")))
    if _unknown_option_keys(raw, count) or any(not 0 <= p < count for p in picked):
        raise ValidationError(lazy("Diese Option gibt es nicht."))
    if not picked:
        raise ValidationError(lazy("Bitte eine Option wählen."))
    return {"choices": picked}


def _picked(raw: dict[str, Any], count: int, multiple: bool) -> list[int]:
    """The option numbers chosen: each ticked c<i>, or the one `choice`."""
    if multiple:
        return [i for i in range(count) if raw.get(f"c{i}") not in (None, "", False)]
    try:
        return [int(raw.get("choice", ""))]
    except (TypeError, ValueError):
        return []


def _unknown_option_keys(raw: dict[str, Any], count: int) -> list[str]:
    # "c²" passes isdigit() but not int(), and int() refuses over 4,300 digits: only
    # short ASCII digit keys are option numbers, every other "c…" key is no option.
    return [
        k for k in raw if k.startswith("c") and k[1:].isdigit() and not _option_key(k[1:], count)
    ]


def _option_key(digits: str, count: int) -> bool:
    """Return True if `digits` names one of `count` options (short ASCII digits only)."""
    return digits.isascii() and digits.isdigit() and len(digits) <= 4 and int(digits) < count


def _matrix_answer(config: dict[str, Any], raw: dict[str, Any]) -> dict[str, Any]:
    points: list[list[int] | None] = []
    for i in range(len(config["options"])):
        x, y = _scale_value(raw.get(f"x{i}")), _scale_value(raw.get(f"y{i}"))
        points.append([x, y] if x is not None and y is not None else None)
    if all(p is None for p in points):
        raise ValidationError(lazy("Bitte mindestens einen Eintrag einordnen."))
    return {"points": points}


def _form_answer(config: dict[str, Any], raw: dict[str, Any]) -> dict[str, Any]:
    from facilitator.core.activity_forms import check_form_answer

    return check_form_answer(config, raw)


_ANSWER_CHECKS = {
    "wordcloud": _wordcloud_answer,
    "scale": _scale_answer,
    "choice": _choice_answer,
    "matrix": _matrix_answer,
    "dots": lambda config, raw: {"dots": check_dots(config, raw)},
    "form": _form_answer,
}


def check_dots(config: dict[str, Any], raw: dict[str, Any]) -> dict[str, int]:
    """Return {entry id: dots} within the budget and the per-entry maximum."""
    ballot = set(config["ballot"])
    dots: dict[str, int] = {}
    for key, value in raw.items():
        if not key.startswith("d."):
            continue
        if key[2:] not in ballot:
            raise ValidationError(
                lazy_context("Punktabfrage", "Ein Eintrag steht nicht zur Abstimmung.")
            )
        count = _dot_count(value)
        if count > config["per_item_max"]:
            most = config["per_item_max"]
            raise ValidationError(lazy("Höchstens {most} Punkte pro Eintrag.", most=most))
        if count:
            dots[key[2:]] = count
    if sum(dots.values()) > config["budget"]:
        budget = config["budget"]
        raise ValidationError(lazy("Sie haben nur {budget} Punkte.", budget=budget))
    return dots


def _dot_count(value: Any) -> int:
    """The dots given to one entry: a whole number from 0 (no bool); ValidationError else."""
    try:
        count = int(value or 0)
    except (TypeError, ValueError):
        count = -1
    if isinstance(value, bool) or count < 0:
        raise ValidationError(lazy("Punkte sind ganze Zahlen ab 0."))
    return count


def check_question(text: Any) -> str:
    """Return a question for the Q&A, cleaned; ValidationError if empty or too long."""
    if not isinstance(text, str):
        raise ValidationError(lazy("Die Frage fehlt."))
    text = " ".join(text.split())
    if not text:
        raise ValidationError(lazy("Die Frage fehlt."))
    if len(text) > MAX_QUESTION:
        raise ValidationError(
            lazy("Eine Frage hat höchstens {max_question} Zeichen.", max_question=MAX_QUESTION)
        )
    return text

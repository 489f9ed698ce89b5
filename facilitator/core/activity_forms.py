"""Provides activity sets (`activity_sets/*.toml`): a form answered once per organisation.

A set declares its fields (text, choice, topic field, rating 1–5); an answer names
its organisation, and a later answer for the same organisation replaces it. The
Projektsteckbrief and the Digital-Check are such sets.
"""

import tomllib
from collections import Counter
from typing import Any

from facilitator.core.errors import ValidationError
from facilitator.core.i18n import Label
from facilitator.core.taxonomy import TOPICS
from facilitator.locale import lazy

FIELD_KINDS = ("text", "choice", "topic", "rating")
MAX_FIELD_TEXT = 200
MAX_ORGANISATION = 150
MAX_FIELDS = 12


def _problem(path: str, message: str) -> ValidationError:
    return ValidationError(lazy("{path}: {message}", path=path, message=message))


def parse_activity_set(text: str, path: str) -> dict[str, Any]:
    """Return a set's config for a "form" activity; ValidationError names the file."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise _problem(path, str(err)) from None
    for key in ("name", "prompt"):
        if not _has_both_languages(data.get(key)):
            raise _problem(path, f"„{key}“ braucht de und en")
    fields = data.get("field")
    if not isinstance(fields, list) or not 1 <= len(fields) <= MAX_FIELDS:
        raise _problem(path, f"1 bis {MAX_FIELDS} Felder ([[field]]) erwartet")
    return {
        "set": str(data.get("id") or ""),
        "name": data["name"],
        "prompt": data["prompt"],
        "feeds": data.get("feeds") if data.get("feeds") == "measures" else None,
        "fields": [_set_field(path, n, field) for n, field in enumerate(fields, 1)],
    }


def _has_both_languages(value: Any) -> bool:
    return isinstance(value, dict) and all(isinstance(value.get(x), str) for x in ("de", "en"))


def _set_field(path: str, n: int, field: Any) -> dict[str, Any]:
    """The set's n-th `[[field]]`, checked; a choice with its options and labels."""
    if not isinstance(field, dict) or field.get("kind") not in FIELD_KINDS:
        raise _problem(path, f"Feld {n}: „kind“ muss eine von {', '.join(FIELD_KINDS)} sein")
    if not all(isinstance(field.get(k), str) and field[k] for k in ("key", "de", "en")):
        raise _problem(path, f"Feld {n}: key, de und en fehlen")
    item = {k: field[k] for k in ("key", "kind", "de", "en")}
    item["required"] = bool(field.get("required"))
    if field["kind"] == "choice":
        item.update(_choice_options(path, n, field))
    return item


def _choice_options(path: str, n: int, field: dict[str, Any]) -> dict[str, list[Any]]:
    options = field.get("options")
    labels: Any = field.get("labels_de") or options
    labels_en: Any = field.get("labels_en") or labels
    if not isinstance(options, list) or not options or len(labels) != len(options):
        raise _problem(path, f"Feld {n}: „options“ (und gleich viele labels) fehlen")
    return {"options": list(options), "labels_de": list(labels), "labels_en": list(labels_en)}


def organisation_key(name: str) -> str:
    """Return the key under which one organisation's answer is kept (case and spaces folded)."""
    return " ".join(name.casefold().split())


def _label(field: dict[str, Any]) -> Label:
    return Label(field["de"], field["en"])


def check_form_answer(config: dict[str, Any], raw: dict[str, Any]) -> dict[str, Any]:
    """Return {"organisation", "values"} from the posted "org" and "f.<key>" fields."""
    organisation = " ".join(str(raw.get("org") or "").split())
    if not organisation:
        raise ValidationError(lazy("Bitte die Organisation angeben."))
    if len(organisation) > MAX_ORGANISATION:
        raise ValidationError(
            lazy(
                "Die Organisation: höchstens {max_organisation} Zeichen.",
                max_organisation=MAX_ORGANISATION,
            )
        )
    values: dict[str, Any] = {}
    for field in config["fields"]:
        given = raw.get(f"f.{field['key']}")
        given = "" if given is None else str(given).strip()
        if given:
            values[field["key"]] = _field_value(field, given)
        elif field["required"]:
            raise ValidationError(lazy("Bitte „{field}“ angeben.", field=_label(field)))
    return {"organisation": organisation, "values": values}


def _field_value(field: dict[str, Any], given: str) -> Any:
    """The value kept for one filled-in field; ValidationError if it breaks the field's kind."""
    kind = field["kind"]
    if kind == "text":
        if len(given) > MAX_FIELD_TEXT:
            raise ValidationError(
                lazy(
                    "„{field}“: höchstens {max_field_text} Zeichen.",
                    field=_label(field),
                    max_field_text=MAX_FIELD_TEXT,
                )
            )
        return " ".join(given.split())
    if kind == "rating":
        if given not in ("1", "2", "3", "4", "5"):
            raise ValidationError(lazy("Werte von 1 bis 5."))
        return int(given)
    allowed = field["options"] if kind == "choice" else list(TOPICS)
    if given not in allowed:
        raise ValidationError(lazy("Diese Option gibt es nicht."))
    return given


def form_results(config: dict[str, Any], answers: list[dict[str, Any]]) -> dict[str, Any]:
    """Return the rows per organisation, the mean of each rating and the counts of choices."""
    rows = _answer_rows(answers)
    means: dict[str, float | None] = {}
    counts: dict[str, dict[str, int]] = {}
    for field in config["fields"]:
        given = [g for r in rows if (g := r["values"].get(field["key"])) is not None]
        if field["kind"] == "rating":
            means[field["key"]] = _mean([g for g in given if isinstance(g, int)])
        elif field["kind"] in ("choice", "topic"):
            counts[field["key"]] = dict(Counter(str(g) for g in given))
    return {"rows": rows, "means": means, "counts": counts, "fields": config["fields"]}


def _answer_rows(answers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per answer that names its organisation, in the organisations' order."""
    return sorted(
        (
            {"organisation": a["organisation"], "values": a.get("values") or {}}
            for a in answers
            if isinstance(a.get("organisation"), str)
        ),
        key=lambda r: r["organisation"].casefold(),
    )


def _mean(numbers: list[int]) -> float | None:
    return round(sum(numbers) / len(numbers), 2) if numbers else None


def field_label(field: dict[str, Any], value: Any, lang: str) -> str:
    """Return how a stored value reads in `lang` (choice labels, topic names)."""
    if value is None:
        return ""
    if field["kind"] == "choice" and value in field["options"]:
        labels = field["labels_en" if lang == "en" else "labels_de"]
        return labels[field["options"].index(value)]
    if field["kind"] == "topic" and value in TOPICS:
        return TOPICS[value].get(lang)
    return str(value)

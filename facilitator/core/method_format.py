"""Provides the method card format (`methods/<id>.md`, TOML front matter + Markdown)."""

import re
from dataclasses import dataclass, field
from typing import Any, TypeGuard

from facilitator.core.errors import ValidationError
from facilitator.core.i18n import Label
from facilitator.core.taxonomy import CAPTURE_KINDS, METHOD_PHASES
from facilitator.core.toml_lines import Problems, load_toml

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_LABELS = ("name", "summary", "participants")
_LISTS = ("materials", "tips", "traps", "variations")
_INTS = ("duration_min", "duration_max", "group_size_min", "group_size_max")
_KNOWN = {
    "id",
    "phase",
    "captures",
    "source",
    "keywords",
    "steps",
    "setup",
    "activity",
    *_LABELS,
    *_LISTS,
    *_INTS,
}


@dataclass(frozen=True)
class Step:
    minutes: int
    text: Label


@dataclass
class MethodCard:
    """A co-creative method: how to run it, how long, what it produces."""

    id: str
    name: Label
    summary: Label
    phase: str
    duration_min: int
    duration_max: int
    group_size_min: int
    group_size_max: int
    steps: list[Step]
    participants: Label
    captures: list[str]
    materials: dict[str, list[str]] = field(default_factory=dict)
    tips: dict[str, list[str]] = field(default_factory=dict)
    traps: dict[str, list[str]] = field(default_factory=dict)
    variations: dict[str, list[str]] = field(default_factory=dict)
    source: str = ""
    keywords: list[str] = field(default_factory=list)
    setup: Label | None = None  # optional: how the room is set up (the run sheet prints it)
    # the live activity the card runs on the phones: {"type", "prompt": {de, en}, …}
    activity: dict[str, Any] | None = None

    def source_in(self, lang: str) -> str:
        """The source in `lang`: cards write it "deutsch / english"; one text serves both."""
        parts = [part.strip() for part in self.source.split(" / ")]
        if len(parts) == 2 and all(parts):
            return parts[1] if lang == "en" else parts[0]
        return self.source

    body: str = ""
    path: str = ""

    @property
    def step_minutes(self) -> int:
        return sum(step.minutes for step in self.steps)

    def to_dict(self) -> dict[str, Any]:
        """Return the card as plain JSON-able data."""
        return {
            "id": self.id,
            "name": self.name._asdict(),
            "summary": self.summary._asdict(),
            "phase": self.phase,
            "duration_min": self.duration_min,
            "duration_max": self.duration_max,
            "group_size_min": self.group_size_min,
            "group_size_max": self.group_size_max,
            "steps": [{"minutes": s.minutes, **s.text._asdict()} for s in self.steps],
            "participants": self.participants._asdict(),
            "captures": self.captures,
            "materials": self.materials,
            "tips": self.tips,
            "traps": self.traps,
            "variations": self.variations,
            "source": self.source,
            "keywords": self.keywords,
            "setup": self.setup._asdict() if self.setup else None,
            "activity": self.activity,
            "path": self.path,
        }


def split_front_matter(text: str, problems: Problems) -> tuple[str, str] | None:
    """Return (toml, markdown body) of a card; None with a problem if malformed."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "+++":
        problems.add_at(1, "die Karte muss mit einer Zeile „+++“ beginnen (TOML-Kopf)")
        return None
    for number in range(1, len(lines)):
        if lines[number].strip() == "+++":
            return "\n".join(lines[1:number]), "\n".join(lines[number + 1 :]).strip()
    problems.add_at(1, "der TOML-Kopf wird nicht mit einer Zeile „+++“ geschlossen")
    return None


def read_front_matter(text: str, path: str) -> tuple[Problems, dict[str, Any], str]:
    """Return the problems list, the loaded TOML head and the Markdown body of a file.

    A head that is missing, unclosed or no valid TOML is a ValidationError at once:
    nothing else of the file can be checked without it.
    """
    problems = Problems(path, text)
    parts = split_front_matter(text, problems)
    if parts is None:
        raise ValidationError(problems.items[0], problems.items)
    toml_text, body = parts
    problems.text, problems.line_offset = toml_text, 1
    data = load_toml(problems)
    if data is None:
        raise ValidationError(problems.items[0], problems.items)
    return problems, data, body


def _label(problems: Problems, data: dict[str, Any], key: str) -> Label:
    value = data.get(key)
    if not isinstance(value, dict):
        problems.add(f"„{key}“ fehlt (Tabelle [{key}] mit de und en)", key)
        return Label("", "")
    for lang in ("de", "en"):
        if not isinstance(value.get(lang), str) or not value[lang].strip():
            problems.add(f"„{key}.{lang}“ fehlt oder ist leer", key, lang)
    return Label(str(value.get("de", "")), str(value.get("en", "")))


def _lists(problems: Problems, data: dict[str, Any], key: str) -> dict[str, list[str]]:
    value = data.get(key)
    if not isinstance(value, dict):
        problems.add(f"„{key}“ fehlt (Tabelle [{key}] mit Listen de und en)", key)
        return {}
    result: dict[str, list[str]] = {}
    for lang in ("de", "en"):
        entries = value.get(lang)
        if (
            not isinstance(entries, list)
            or not entries
            or not all(isinstance(e, str) and e.strip() for e in entries)
        ):
            problems.add(f"„{key}.{lang}“ muss eine nicht leere Liste von Texten sein", key, lang)
            entries = []
        result[lang] = entries
    if len(result["de"]) != len(result["en"]):
        problems.add(f"„{key}“: de und en haben verschieden viele Einträge", key)
    return result


def _steps(problems: Problems, data: dict[str, Any]) -> list[Step]:
    raw = data.get("steps")
    if not isinstance(raw, list) or len(raw) < 3:
        problems.add("eine Karte braucht mindestens 3 Schritte ([[steps]])", "steps")
        return []
    return [_step(problems, index, step) for index, step in enumerate(raw)]


def _step(problems: Problems, index: int, step: Any) -> Step:
    """One `[[steps]]` entry: minutes ≥ 1 and a text in each language."""
    if not isinstance(step, dict):
        step = {}
    minutes = step.get("minutes")
    if not _positive_int(minutes):
        problems.add(
            f"Schritt {index + 1}: „minutes“ muss eine ganze Zahl ≥ 1 sein",
            "steps",
            index,
            "minutes",
        )
        minutes = 0
    texts = [step.get(lang) for lang in ("de", "en")]
    for lang, text in zip(("de", "en"), texts, strict=True):
        if not isinstance(text, str) or not text.strip():
            problems.add(f"Schritt {index + 1}: „{lang}“ fehlt oder ist leer", "steps", index, lang)
    return Step(minutes, Label(str(texts[0] or ""), str(texts[1] or "")))


def _positive_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def _numbers(problems: Problems, data: dict[str, Any]) -> dict[str, int]:
    """Return the durations and group sizes (0 where invalid), each range in order."""
    numbers = {}
    for key in _INTS:
        value = data.get(key)
        if not _positive_int(value):
            problems.add(f"„{key}“ muss eine ganze Zahl ≥ 1 sein", key)
            value = 0
        numbers[key] = value
    if numbers["duration_min"] > numbers["duration_max"]:
        problems.add("„duration_min“ ist größer als „duration_max“", "duration_min")
    if numbers["group_size_min"] > numbers["group_size_max"]:
        problems.add("„group_size_min“ ist größer als „group_size_max“", "group_size_min")
    return numbers


def parse_method_card(text: str, path: str, expected_id: str | None = None) -> MethodCard:
    """Parse and validate a method card; ValidationError lists every problem."""
    problems, data, body = read_front_matter(text, path)
    for key in sorted(set(data) - _KNOWN):
        problems.add(f"unbekannter Schlüssel „{key}“", key)
    card_id = _card_id(problems, data, expected_id)
    if data.get("phase") not in METHOD_PHASES:
        problems.add(f"„phase“ muss eine von {', '.join(METHOD_PHASES)} sein", "phase")
    numbers: dict[str, Any] = _numbers(problems, data)
    captures = _captures(problems, data)
    labels: dict[str, Any] = {key: _label(problems, data, key) for key in _LABELS}
    setup = _label(problems, data, "setup") if "setup" in data else None
    lists: dict[str, Any] = {key: _lists(problems, data, key) for key in _LISTS}
    steps = _steps(problems, data)
    _check_total(problems, steps, numbers)
    if not isinstance(data.get("source"), str) or not data["source"].strip():
        problems.add("„source“ fehlt (Urheber oder „verbreitete Moderationsmethode“)", "source")
    keywords = _keywords(problems, data)
    activity = _activity(problems, data.get("activity"))
    if problems.items:
        raise ValidationError(problems.items[0], problems.items)
    return MethodCard(
        activity=activity,
        id=card_id,
        phase=data["phase"],
        steps=steps,
        captures=captures,
        source=data["source"].strip(),
        keywords=keywords,
        setup=setup,
        body=body,
        path=path,
        **labels,
        **lists,
        **numbers,
    )


def _card_id(problems: Problems, data: dict[str, Any], expected_id: str | None) -> Any:
    card_id: Any = data.get("id")  # a str once no problem was found
    if not isinstance(card_id, str) or not _ID.match(card_id):
        problems.add("„id“ muss aus Kleinbuchstaben, Ziffern und Bindestrichen bestehen", "id")
    elif expected_id is not None and card_id != expected_id:
        problems.add(f"„id“ {card_id!r} passt nicht zum Dateinamen {expected_id}.md", "id")
    return card_id


def _captures(problems: Problems, data: dict[str, Any]) -> list[str]:
    captures = data.get("captures")
    if isinstance(captures, list) and captures and all(c in CAPTURE_KINDS for c in captures):
        return list(captures)
    problems.add(
        f"„captures“ muss eine nicht leere Liste aus {', '.join(CAPTURE_KINDS)} sein",
        "captures",
    )
    return []


def _check_total(problems: Problems, steps: list[Step], numbers: dict[str, Any]) -> None:
    """The steps add up to a length within the card's duration."""
    total = sum(step.minutes for step in steps)
    low, high = numbers["duration_min"], numbers["duration_max"]
    if steps and high and not low <= total <= high:
        problems.add(f"die Schritte dauern {total} Minuten, die Karte sagt {low}–{high}", "steps")


def _keywords(problems: Problems, data: dict[str, Any]) -> list[str]:
    keywords = data.get("keywords", [])
    if isinstance(keywords, list) and all(isinstance(k, str) for k in keywords):
        return list(keywords)
    problems.add("„keywords“ muss eine Liste von Texten sein", "keywords")
    return []


_ACTIVITY_KEYS = {"type", "prompt", "statements", "labels", "options", "axes", "multiple"}
_ACTIVITY_KEYS |= {"entries", "budget", "collect"}


def _activity(problems: Problems, value: Any) -> dict[str, Any] | None:
    """Check the card's `activity = { type = …, prompt = { de, en }, … }`."""
    from facilitator.core.activities import ACTIVITY_TYPES

    if value is None:
        return None
    if not isinstance(value, dict) or value.get("type") not in ACTIVITY_TYPES:
        problems.add(f"„activity.type“ muss eine von {', '.join(ACTIVITY_TYPES)} sein", "activity")
        return None
    for key in sorted(set(value) - _ACTIVITY_KEYS):
        problems.add(f"„activity“: unbekannter Schlüssel „{key}“", "activity")
    prompt = value.get("prompt")
    if not _prompt_ok(prompt):
        problems.add("„activity.prompt“ braucht de und en", "activity")
        return None
    if not _entries_ok(value.get("entries", "all")):
        problems.add("„activity.entries“: all, block oder kind:ART", "activity")
    if not isinstance(value.get("collect", False), bool):
        problems.add("„activity.collect“ muss true oder false sein", "activity")
    _check_activity_config(problems, value, prompt["de"])
    return dict(value)


def _prompt_ok(prompt: Any) -> TypeGuard[dict[str, Any]]:
    return isinstance(prompt, dict) and all(
        isinstance(prompt.get(lang), str) and prompt[lang].strip() for lang in ("de", "en")
    )


def _entries_ok(entries: Any) -> bool:
    return isinstance(entries, str) and (entries in ("all", "block") or entries.startswith("kind:"))


def _check_activity_config(problems: Problems, value: dict[str, Any], prompt: str) -> None:
    """The type's own settings, checked as starting the activity would check them."""
    from facilitator.core.activities import check_config

    kind = value["type"]
    # dots, and a matrix without options, have no settings to check before they start
    if kind == "dots" or (kind == "matrix" and "options" not in value):
        return
    try:
        check_config(kind, prompt, {k: v for k, v in value.items() if k != "prompt"})
    except ValidationError as err:
        problems.add(f"„activity“: {err}", "activity")

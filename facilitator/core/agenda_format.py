"""Provides the agenda template format (`agendas/*.toml`) and its validation."""

from dataclasses import dataclass, field
from typing import Any

from facilitator.core.errors import ValidationError
from facilitator.core.schedule import format_clock, parse_clock, schedule
from facilitator.core.taxonomy import AGENDA_KINDS, CAPTURE_KINDS
from facilitator.core.toml_lines import Problems, load_toml

_ITEM_KEYS = {"title", "minutes", "kind", "method", "capture", "notes", "at"}
_TOP_KEYS = {"title", "lang", "start", "end", "description", "goals", "item"}


@dataclass
class TemplateItem:
    """One item of an agenda template."""

    title: str
    minutes: int
    kind: str = "block"
    method: str | None = None
    capture: list[str] = field(default_factory=list)
    notes: str = ""
    at: str | None = None


@dataclass
class AgendaTemplate:
    """A parsed agenda template."""

    title: str
    items: list[TemplateItem]
    lang: str = "de"
    start: str = "09:00"
    end: str | None = None
    description: str = ""
    goals: list[str] = field(default_factory=list)
    path: str = ""


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _check_clock(problems: Problems, value: Any, *key: str | int) -> bool:
    try:
        parse_clock(value if isinstance(value, str) else "")
    except ValueError:
        problems.add(f"„{key[-1]}“ muss eine Uhrzeit HH:MM sein, nicht {value!r}", *key)
        return False
    return True


def _check_item(problems: Problems, index: int, raw: Any, methods: set[str] | None) -> None:
    number = index + 1
    if not isinstance(raw, dict):
        problems.add(f"Punkt {number}: [[item]] muss eine Tabelle sein", "item", index)
        return
    for key in sorted(set(raw) - _ITEM_KEYS):
        problems.add(
            f"Punkt {number}: unbekannter Schlüssel „{key}“ "
            f"(erlaubt: {', '.join(sorted(_ITEM_KEYS))})",
            "item",
            index,
            key,
        )
    if not _is_text(raw.get("title")):
        problems.add(f"Punkt {number}: „title“ fehlt oder ist leer", "item", index, "title")
    _check_minutes(problems, index, raw.get("minutes"))
    _check_kind(problems, index, raw)
    capture = raw.get("capture", [])
    if not isinstance(capture, list) or any(c not in CAPTURE_KINDS for c in capture):
        problems.add(
            f"Punkt {number}: „capture“ muss eine Liste aus {', '.join(CAPTURE_KINDS)} sein",
            "item",
            index,
            "capture",
        )
    _check_method(problems, index, raw.get("method"), methods)


def _check_minutes(problems: Problems, index: int, minutes: Any) -> None:
    if isinstance(minutes, int) and not isinstance(minutes, bool) and 1 <= minutes <= 600:
        return
    problems.add(
        f"Punkt {index + 1}: „minutes“ muss eine ganze Zahl von 1 bis 600 sein, nicht {minutes!r}",
        "item",
        index,
        "minutes",
    )


def _check_kind(problems: Problems, index: int, raw: dict[str, Any]) -> None:
    """A known kind; a fixed item (pinned) with its time, and no time on any other."""
    number, kind = index + 1, raw.get("kind", "block")
    if kind not in AGENDA_KINDS:
        problems.add(
            f"Punkt {number}: „kind“ {kind!r} ist unbekannt (erlaubt: {', '.join(AGENDA_KINDS)})",
            "item",
            index,
            "kind",
        )
    if kind != "pinned":
        if "at" in raw:
            problems.add(f'Punkt {number}: „at“ gilt nur für kind = "pinned"', "item", index, "at")
    elif "at" not in raw:
        problems.add(f"Punkt {number}: ein fester Termin (pinned) braucht „at“", "item", index)
    else:
        _check_clock(problems, raw["at"], "item", index, "at")


def _check_method(problems: Problems, index: int, method: Any, methods: set[str] | None) -> None:
    if method is None:
        return
    if not isinstance(method, str) or (methods is not None and method not in methods):
        problems.add(
            f"Punkt {index + 1}: Methode {method!r} gibt es nicht", "item", index, "method"
        )


def parse_agenda(text: str, path: str, methods: set[str] | None = None) -> AgendaTemplate:
    """Parse and validate an agenda template; ValidationError lists every problem.

    `methods` is the set of known method ids; None skips that check.
    """
    problems = Problems(path, text)
    data = load_toml(problems)
    if data is None:
        raise ValidationError(problems.items[0], problems.items)
    _check_top(problems, data)
    clocks_ok = _check_clocks(problems, data)
    raw_items = _check_items(problems, data.get("item"), methods)
    goals = data.get("goals", [])
    if not isinstance(goals, list) or not all(_is_text(g) for g in goals):
        problems.add("„goals“ muss eine Liste von Texten sein", "goals")
    if clocks_ok:
        _check_fit(problems, raw_items, data.get("start", "09:00"), data.get("end"))
    if problems.items:
        raise ValidationError(problems.items[0], problems.items)
    return AgendaTemplate(
        title=data["title"].strip(),
        items=[TemplateItem(**{k: v for k, v in raw.items()}) for raw in raw_items],
        lang=data.get("lang", "de"),
        start=data.get("start", "09:00"),
        end=data.get("end"),
        description=data.get("description", ""),
        goals=list(goals),
        path=path,
    )


def _check_clocks(problems: Problems, data: dict[str, Any]) -> bool:
    """Whether the start (and the end, if given) are times; each bad one is a problem."""
    clocks_ok = _check_clock(problems, data.get("start", "09:00"), "start")
    if "end" in data:
        clocks_ok = _check_clock(problems, data["end"], "end") and clocks_ok
    return clocks_ok


def _check_items(problems: Problems, raw_items: Any, methods: set[str] | None) -> list:
    """The `[[item]]` tables, each checked; [] if there are none."""
    if not isinstance(raw_items, list) or not raw_items:
        problems.add("die Agenda hat keine Punkte ([[item]])", "item")
        return []
    for index, raw in enumerate(raw_items):
        _check_item(problems, index, raw, methods)
    return raw_items


def _check_top(problems: Problems, data: dict[str, Any]) -> None:
    """The template's own keys: known ones only, a title, a language."""
    for key in sorted(set(data) - _TOP_KEYS):
        problems.add(f"unbekannter Schlüssel „{key}“", key)
    if not _is_text(data.get("title")):
        problems.add("„title“ fehlt oder ist leer", "title")
    if data.get("lang", "de") not in ("de", "en"):
        problems.add('„lang“ muss "de" oder "en" sein', "lang")


def _check_fit(problems: Problems, raw_items: list, start: str, end: str | None) -> None:
    """Every overlap with a pinned item and the time past the end, each with its figure."""
    try:
        items = [TemplateItem(**{k: v for k, v in raw.items()}) for raw in raw_items]
        plan = schedule(items, start, end)
    except (TypeError, ValueError, AttributeError):
        return  # an item is malformed: that problem is reported already
    for slot in plan.overlaps():
        item = items[slot.index]
        problems.add(
            f"die Agenda passt nicht: Punkt {slot.index + 1} „{item.title}“ ist auf "
            f"{item.at} festgelegt, die Punkte davor laufen {slot.squeezed} Minuten hinein",
            "item",
            slot.index,
            "at",
        )
    if plan.past_end_minutes:
        problems.add(
            f"die Agenda passt nicht in {start}–{end}: sie endet "
            f"{plan.past_end_minutes} Minuten zu spät (um {format_clock(plan.end)})",
            "end",
        )

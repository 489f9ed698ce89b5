"""Provides loading of method cards and agenda templates from the shipped and the user's folders."""

import os
from collections.abc import Iterable
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from facilitator.core.agenda_format import AgendaTemplate, parse_agenda
from facilitator.core.errors import NotFound, ValidationError
from facilitator.core.method_format import MethodCard, parse_method_card
from facilitator.locale import lazy

# The repository's methods/ and agendas/, mapped into the package at build time (setup.py).
METHODS_PACKAGE = "facilitator.methods"
AGENDAS_PACKAGE = "facilitator.agendas"


def _shipped(package: str, suffix: str) -> list[Traversable]:
    """Return the shipped files of one kind, by name."""
    try:
        folder = resources.files(package)
    except ModuleNotFoundError:
        # Only in a source checkout that was never installed: setup.py maps the folders.
        raise NotFound(
            lazy(
                "{package} fehlt: facilitator ist nicht installiert (pip install -e .).",
                package=package,
            )
        ) from None
    return sorted(
        (entry for entry in folder.iterdir() if entry.name.endswith(suffix) and entry.is_file()),
        key=lambda entry: entry.name,
    )


def shipped_methods() -> list[Traversable]:
    """Return the method card files that come with facilitator."""
    return _shipped(METHODS_PACKAGE, ".md")


def shipped_agendas() -> list[Traversable]:
    """Return the agenda templates that come with facilitator."""
    return _shipped(AGENDAS_PACKAGE, ".toml")


def _stem(path: Path | Traversable) -> str:
    return path.name.rsplit(".", 1)[0]


def user_methods_dir() -> Path:
    """Return the folder of the user's own method cards (FACILITATOR_METHODS overrides)."""
    if env := os.environ.get("FACILITATOR_METHODS"):
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("facilitator", appauthor=False)) / "methods"


def _read(path: Path | Traversable) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ValidationError(
            lazy("{path}:1: die Datei ist nicht in UTF-8 gespeichert", path=path)
        ) from None
    except OSError as err:
        raise ValidationError(
            lazy("{path}: lässt sich nicht lesen ({strerror})", path=path, strerror=err.strerror)
        ) from None


def load_card(path: Path | Traversable) -> MethodCard:
    """Parse one method card file."""
    return parse_method_card(_read(path), str(path), expected_id=_stem(path))


def load_methods(
    extra_dirs: Iterable[Path] = (), *, include_user: bool = True
) -> dict[str, MethodCard]:
    """Return every card by id: shipped, the user's, and those in `extra_dirs`.

    All problems in all files are collected; two cards with one id name both files.
    """
    extra = [Path(d) for d in extra_dirs]
    problems = [f"{folder}: Ordner nicht gefunden" for folder in extra if not folder.is_dir()]
    folders = [user_methods_dir()] if include_user else []
    folders.extend(folder for folder in extra if folder.is_dir())
    files = [*shipped_methods()]
    for folder in folders:
        if folder.is_dir():
            files.extend(sorted(folder.glob("*.md")))
    cards: dict[str, MethodCard] = {}
    for path in files:
        try:
            card = load_card(path)
        except ValidationError as err:
            problems.extend(err.problems)
            continue
        if card.id in cards:
            problems.append(
                f"{path}:1: die Methode „{card.id}“ gibt es schon in {cards[card.id].path}"
            )
            continue
        cards[card.id] = card
    if problems:
        raise ValidationError(problems[0], problems)
    return cards


def find_agenda(name: str) -> Path | Traversable:
    """Return the file of an agenda given as a path or a shipped template's name."""
    path = Path(name)
    if path.is_file():
        return path
    templates = shipped_agendas()
    for candidate in templates:
        if name in (candidate.name, _stem(candidate)):
            return candidate
    shipped = ", ".join(_stem(p) for p in templates)
    raise NotFound(
        lazy(
            "Agenda {name} nicht gefunden; mitgeliefert: {shipped}.",
            name=repr(name),
            shipped=shipped,
        )
    )


def load_agenda(
    name: str | Path | Traversable, methods: dict[str, MethodCard] | None = None
) -> AgendaTemplate:
    """Parse an agenda template (a path or a shipped name) and check its method ids."""
    path = find_agenda(str(name)) if isinstance(name, str | Path) else name
    known = set(methods) if methods is not None else set(load_methods())
    return parse_agenda(_read(path), str(path), known)


def check_paths(paths: Iterable[Path], extra_method_dirs: Iterable[Path] = ()) -> list[str]:
    """Validate agenda templates and method cards (files or folders); return all problems."""
    problems: list[str] = []
    files = _files(paths, problems)
    cards: dict[str, MethodCard] = {}
    agendas = []
    for path in files:
        if path.suffix == ".md" and _is_example(path):
            problems.extend(_example_problems(path))  # a practice example
        elif path.suffix == ".md":
            problems.extend(_card_problems(path, cards))
        elif path.suffix == ".toml":
            agendas.append(path)
        else:
            problems.append(f"{path}:1: weder Agenda (.toml) noch Methodenkarte (.md)")
    if agendas:
        problems.extend(_agenda_problems(agendas, cards, extra_method_dirs))
    return problems


def _files(paths: Iterable[Path], problems: list[str]) -> list[Path]:
    """The files named and those in the folders named; a missing path is a problem."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix in (".md", ".toml")))
        elif path.is_file():
            files.append(path)
        else:
            problems.append(f"{path}: Datei oder Ordner nicht gefunden")
    return files


def _card_problems(path: Path, cards: dict[str, MethodCard]) -> list[str]:
    """A method card's problems; a parsed card joins `cards` (two files, one id: a problem)."""
    try:
        card = load_card(path)
    except ValidationError as err:
        return err.problems
    problems = []
    if card.id in cards and Path(cards[card.id].path) != path:
        problems.append(f"{path}:1: die Methode „{card.id}“ gibt es schon in {cards[card.id].path}")
    cards[card.id] = card
    return problems


def _agenda_problems(
    agendas: list[Path], cards: dict[str, MethodCard], extra_method_dirs: Iterable[Path]
) -> list[str]:
    """The agendas' problems; their methods may be the shipped, the extra or the checked cards."""
    problems: list[str] = []
    try:
        known = set(load_methods(extra_method_dirs)) | set(cards)
    except ValidationError as err:
        problems.extend(err.problems)
        known = set(cards)
    for path in agendas:
        try:
            parse_agenda(_read(path), str(path), known)
        except ValidationError as err:
            problems.extend(err.problems)
    return problems


def _is_example(path: Path) -> bool:
    from facilitator.core.example_format import looks_like_example

    try:
        return looks_like_example(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return False


def _example_problems(path: Path) -> list[str]:
    """Return the problems of a practice-example file (none if it parses)."""
    from facilitator.practice import read_example

    try:
        read_example(path)
    except ValidationError as err:
        return err.problems
    return []

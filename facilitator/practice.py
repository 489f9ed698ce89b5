"""Provides the practice-example library: Markdown files in the user's data folder.

The library ships empty and grows from the series (`facilitator examples add
--from-capture ID`) or by hand. FACILITATOR_EXAMPLES or `--examples DIR` chooses another
folder.

`forget_people` takes erased (or withdrawing) people out of the files: an example made
by `examples add` refers to its contact by participant id and needs no change to stop
showing them, but a file that carries a literal contact does.
"""

import os
import re
import tomllib
from collections.abc import Iterable
from pathlib import Path

from facilitator.core.consent_rule import name_forms, name_pattern
from facilitator.core.errors import UserError, ValidationError
from facilitator.core.example_format import (
    PracticeExample,
    example_slug,
    parse_example,
    render_example,
)
from facilitator.core.models import Participant
from facilitator.locale import lazy


def user_examples_dir() -> Path:
    """Return the folder of practice examples (FACILITATOR_EXAMPLES overrides)."""
    if env := os.environ.get("FACILITATOR_EXAMPLES"):
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("facilitator", appauthor=False)) / "examples"


def read_example(path: Path) -> PracticeExample:
    """Parse one example file; unreadable or non-UTF-8 files are problems with the path."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ValidationError(
            lazy("{path}:1: die Datei ist nicht in UTF-8 gespeichert", path=path)
        ) from None
    except OSError as err:
        raise ValidationError(
            lazy("{path}: lässt sich nicht lesen ({strerror})", path=path, strerror=err.strerror)
        ) from None
    return parse_example(text, str(path))


def load_examples(folder: Path | None = None) -> tuple[list[PracticeExample], list[str]]:
    """Return the examples of a folder and the problems of the files that did not parse.

    A missing folder is an empty library (it ships empty).
    """
    folder = folder or user_examples_dir()
    examples: list[PracticeExample] = []
    problems: list[str] = []
    if not folder.is_dir():
        return examples, problems
    for path in sorted(folder.glob("*.md")):
        try:
            examples.append(read_example(path))
        except ValidationError as err:
            problems.extend(err.problems)
    return examples, problems


def write_example(example: PracticeExample, folder: Path | None = None) -> Path:
    """Write a new example file (never overwriting one) and return its path."""
    folder = folder or user_examples_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stem = example_slug(example.title)
    path = folder / f"{stem}.md"
    number = 2
    while path.exists():
        path = folder / f"{stem}-{number}.md"
        number += 1
    text = render_example(example)
    parse_example(text, str(path))  # what we write must read back
    with path.open("x", encoding="utf-8") as handle:
        handle.write(text)
    return path


_CONTACT_LINE = re.compile(r"^\s*(contact|contact_id)\s*=")


def _names(contact: str, person: Participant) -> bool:
    """True if a literal contact holds the person's e-mail address or their whole name."""
    folded = contact.casefold()
    if person.email and person.email.strip().casefold() in folded:
        return True
    name = " ".join((person.name or "").split()).casefold()
    return bool(name) and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", folded) is not None


def _drops(line: str, people: list[Participant], references: bool) -> bool:
    """True if a head line is a contact (or, with `references`, a contact id) of the people."""
    found = _CONTACT_LINE.match(line)
    if not found:
        return False
    try:
        value = str(next(iter(tomllib.loads(line).values())))
    except (tomllib.TOMLDecodeError, StopIteration):
        value = line  # unreadable: judge the raw text, dropping too much is the safe side
    if found.group(1) == "contact_id":
        return references and value.strip() in {p.id for p in people}
    return any(_names(value, person) for person in people)


def forget_people(
    people: Iterable[Participant], folder: Path | None = None, *, references: bool = True
) -> list[Path]:
    """Remove the people's contacts from every example file; return the files changed.

    Only the contact lines of the TOML head go, the rest of a hand-edited file stays as
    written. `references=False` (a withdrawal) keeps `contact_id`: the protocol hides a
    person without consent anyway, and shows them again if they consent again.
    """
    people = list(people)
    folder = folder or user_examples_dir()
    changed: list[Path] = []
    failed: list[Path] = []
    if not people or not folder.is_dir():
        return changed
    for path in sorted(folder.glob("*.md")):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # `facilitator check` names it; there is nothing of ours to read
        lines = text.splitlines(keepends=True)
        marks = [i for i, line in enumerate(lines) if line.strip() == "+++"][:2]
        if len(marks) < 2 or marks[0] != 0:
            continue
        keep = [
            line
            for i, line in enumerate(lines)
            if not (marks[0] < i < marks[1] and _drops(line, people, references))
        ]
        if len(keep) == len(lines):
            continue
        spare = path.with_name(path.name + ".tmp")
        try:
            spare.write_text("".join(keep), encoding="utf-8")
            os.replace(spare, path)  # all or nothing: never a half-written example
        except OSError:
            failed.append(path)
            continue
        changed.append(path)
    if failed:
        names = ", ".join(str(path) for path in failed)
        raise UserError(
            lazy(
                "Kontakt konnte nicht entfernt werden aus: {names} (bitte von Hand löschen).",
                names=names,
            )
        )
    return changed


def _people_pattern(people: Iterable[Participant]) -> "re.Pattern[str] | None":
    return name_pattern(f for person in people if person.name for f in name_forms(person.name))


def example_name_hits(
    people: Iterable[Participant], folder: Path | None = None
) -> list[tuple[Path, int, str]]:  # (file, line number, line)
    """Return (file, line number, line) for every example line naming the people (23.7).

    The same name forms erasure searches in the store: full name, first name, surname.
    Contact lines are left to `forget_people`, which removes them whole.
    """
    pattern = _people_pattern(people)
    folder = folder or user_examples_dir()
    if pattern is None or not folder.is_dir():
        return []
    hits = []
    for path in sorted(folder.glob("*.md")):
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            continue
        for number, line in enumerate(lines, 1):
            if not _CONTACT_LINE.match(line) and pattern.search(line):
                hits.append((path, number, line.strip()))
    return hits


def redact_examples(people: Iterable[Participant], folder: Path | None = None) -> list[Path]:
    """Replace the people's name forms by "N. N." in the example files; return those changed."""
    people = list(people)
    pattern = _people_pattern(people)
    changed: list[Path] = []
    if pattern is None:
        return changed
    for path in dict.fromkeys(hit[0] for hit in example_name_hits(people, folder)):
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines(keepends=True)
        new = "".join(
            line if _CONTACT_LINE.match(line) else pattern.sub("N. N.", line) for line in lines
        )
        spare = path.with_name(path.name + ".tmp")
        spare.write_text(new, encoding="utf-8")
        os.replace(spare, path)  # all or nothing: never a half-written example
        changed.append(path)
    return changed

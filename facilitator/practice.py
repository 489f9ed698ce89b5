"""Provides the practice-example library: Markdown files in the user's data folder.

The library ships empty and grows from the series (`facilitator examples add
--from-capture ID`) or by hand. FACILITATOR_EXAMPLES or `--examples DIR` chooses another
folder.
"""

import os
from pathlib import Path

from facilitator.core.errors import ValidationError
from facilitator.core.example_format import (
    PracticeExample,
    example_slug,
    parse_example,
    render_example,
)


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
            f"{path}:1: die Datei ist nicht in UTF-8 gespeichert",
            en=f"{path}:1: the file is not saved in UTF-8",
        ) from None
    except OSError as err:
        raise ValidationError(
            f"{path}: lässt sich nicht lesen ({err.strerror})",
            en=f"{path}: cannot be read ({err.strerror})",
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

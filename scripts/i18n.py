"""Provides the catalogue workflow: extract the German texts, update the English .po, compile.

    python scripts/i18n.py update    # after adding or changing a text: new msgids in the .po
    python scripts/i18n.py compile   # after translating: the .mo files the program reads

Needs Babel (in the `test` extra); the program itself reads the .mo files with the standard
library. The catalogue test (tests/unit/test_catalogue.py) runs the same extraction.
"""

import ast
import inspect
import subprocess
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "facilitator" / "locale"
DOMAIN = "facilitator"
# lazy()/lazy_plural()/lazy_context() mark texts shown later (errors), N_()/NP_() texts
# declared before the app runs (tui/text.py); _, gettext, ngettext, pgettext are Babel's defaults
KEYWORDS = ("lazy", "lazy_plural:1,2", "lazy_context:1c,2", "N_", "NP_:1c,2")
# (domain, language) pairs compiled to .mo; click's German is translated by hand from
# click's own messages (see the header of de/LC_MESSAGES/click.po)
CATALOGUES = ((DOMAIN, "en"), ("click", "de"))
# One date in every header: a .po or .mo then changes only when a text does (fewer merges).
SETTLED = datetime(2026, 12, 1, tzinfo=timezone.utc)
# pybabel through this interpreter: a virtual environment need not be on PATH (CI, tests)
PYBABEL = [sys.executable, "-m", "babel.messages.frontend"]


def extract(pot: Path) -> None:
    """Write the German msgids of the sources named in babel.cfg, and the help texts, to `pot`."""
    keywords = [arg for keyword in KEYWORDS for arg in ("-k", keyword)]
    subprocess.run(
        [*PYBABEL, "-q", "extract", "-F", "babel.cfg", *keywords, "--no-location"]
        + ["--sort-output", "--omit-header", "-o", str(pot), "facilitator"],
        cwd=ROOT,
        check=True,
    )
    with pot.open("rb") as file:
        catalog = read_po(file)
    for text in help_texts(ROOT / "facilitator" / "cli"):
        catalog.add(text)
    with pot.open("wb") as file:
        write_po(file, catalog, no_location=True, omit_header=True, sort_output=True, width=0)


def help_texts(folder: Path) -> set[str]:
    """The command line's help texts: `help=`/`short_help=` strings and commands' docstrings.

    Cleaned as click cleans them (inspect.cleandoc), which is how cli/click_lang.py looks
    them up; pybabel cannot see them, as they are not marked with a function call.
    """
    found: set[str] = set()
    for path in sorted(folder.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                found.update(_help_arguments(node))
            elif isinstance(node, ast.FunctionDef) and any(map(_is_command, node.decorator_list)):
                doc = ast.get_docstring(node, clean=True)
                found.update([doc] if doc else [])
    return found


def _help_arguments(call: ast.Call) -> list[str]:
    texts = [kw.value for kw in call.keywords if kw.arg in ("help", "short_help")]
    if _name(call.func) == "output_option" and call.args:  # cli/context.py: its help text
        texts.append(call.args[0])
    return [
        inspect.cleandoc(text.value)
        for text in texts
        if isinstance(text, ast.Constant) and isinstance(text.value, str)
    ]


def _is_command(decorator: ast.expr) -> bool:
    """`@click.command(…)`, `@click.group(…)`, `@something.command(…)` and bare forms."""
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    return _name(target) in ("command", "group")


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else ""


def update() -> None:
    """Bring the English catalogue up to date with the sources (new: empty, gone: removed)."""
    with tempfile.TemporaryDirectory() as folder:
        pot = Path(folder) / f"{DOMAIN}.pot"
        extract(pot)
        subprocess.run(
            [*PYBABEL, "-q", "update", "-i", str(pot), "-d", str(LOCALE), "-D", DOMAIN]
            + ["-l", "en", "--ignore-obsolete", "--no-wrap"],
            check=True,
        )
    po = LOCALE / "en" / "LC_MESSAGES" / f"{DOMAIN}.po"
    catalog = _settled(po)
    with po.open("wb") as file:
        write_po(file, catalog, width=0, no_location=True, sort_output=True)


def compile_all() -> None:
    """Compile every catalogue to the .mo file that gettext reads (fuzzy entries left out)."""
    for domain, lang in CATALOGUES:
        po = LOCALE / lang / "LC_MESSAGES" / f"{domain}.po"
        with po.with_suffix(".mo").open("wb") as file:
            write_mo(file, _settled(po))
        print(f"compiled {po.relative_to(ROOT)}")


def _settled(po: Path):  # -> babel Catalog
    with po.open("rb") as file:
        catalog = read_po(file)
    catalog.creation_date = catalog.revision_date = SETTLED
    return catalog


if __name__ == "__main__":
    {"update": update, "compile": compile_all}[sys.argv[1] if len(sys.argv) > 1 else "update"]()

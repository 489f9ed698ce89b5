"""Provides the catalogue workflow: extract the German texts, update the English .po, compile.

    python scripts/i18n.py update    # after adding or changing a text: new msgids in the .po
    python scripts/i18n.py compile   # after translating: the .mo files the program reads

Needs Babel (in the `test` extra); the program itself reads the .mo files with the standard
library. The catalogue test (tests/unit/test_catalogue.py) runs the same extraction.
"""

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "facilitator" / "locale"
DOMAIN = "facilitator"
# lazy()/lazy_plural() mark texts shown later (errors); _, gettext, ngettext are Babel's defaults
KEYWORDS = ("lazy", "lazy_plural:1,2")
# (domain, language) pairs compiled to .mo; click's German is translated by hand from
# click's own messages (see the header of de/LC_MESSAGES/click.po)
CATALOGUES = ((DOMAIN, "en"), ("click", "de"))


def extract(pot: Path) -> None:
    """Write the German msgids of the sources named in babel.cfg to `pot`."""
    keywords = [arg for keyword in KEYWORDS for arg in ("-k", keyword)]
    subprocess.run(
        ["pybabel", "-q", "extract", "-F", "babel.cfg", *keywords, "--no-location"]
        + ["--sort-output", "--omit-header", "-o", str(pot), "facilitator"],
        cwd=ROOT,
        check=True,
    )


def update() -> None:
    """Bring the English catalogue up to date with the sources (new: empty, gone: removed)."""
    with tempfile.TemporaryDirectory() as folder:
        pot = Path(folder) / f"{DOMAIN}.pot"
        extract(pot)
        subprocess.run(
            ["pybabel", "update", "-i", str(pot), "-d", str(LOCALE), "-D", DOMAIN, "-l", "en"]
            + ["--ignore-obsolete", "--no-wrap"],
            check=True,
        )


def compile_all() -> None:
    """Compile every catalogue to the .mo file that gettext reads."""
    for domain, lang in CATALOGUES:
        subprocess.run(
            ["pybabel", "compile", "-d", str(LOCALE), "-D", domain, "-l", lang, "--statistics"],
            check=True,
        )


if __name__ == "__main__":
    {"update": update, "compile": compile_all}[sys.argv[1] if len(sys.argv) > 1 else "update"]()

"""The gettext catalogues: complete, not fuzzy, placeholders intact, in step with the code."""

import ast
import gettext
import importlib.util
import io
import re
import string
from pathlib import Path

import click
import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from facilitator.locale import LOCALE_DIR

PROJECT = Path(__file__).resolve().parents[2]
FACILITATOR_PO = LOCALE_DIR / "en" / "LC_MESSAGES" / "facilitator.po"
CLICK_PO = LOCALE_DIR / "de" / "LC_MESSAGES" / "click.po"
# click looks these up through a variable (or writes them as literals that
# cli/click_lang.py translates), so no extraction from click's source finds them
CLICK_EXTRA = {
    "required",
    *("[OPTIONS]", "COMMAND", "[ARGS]...", "FILE", "DIRECTORY", "PATH", "FILENAME"),
    *("TEXT", "INTEGER", "FLOAT", "BOOLEAN", "RANGE"),
}


def _workflow():
    spec = importlib.util.spec_from_file_location("i18n", PROJECT / "scripts" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _catalog(path: Path):
    with path.open("rb") as po:
        return read_po(po)


def _ids(message) -> tuple[str, ...]:
    return message.id if isinstance(message.id, tuple) else (message.id,)


def _strings(message) -> tuple[str, ...]:
    return message.string if isinstance(message.string, tuple) else (message.string,)


def placeholders(text: str) -> set[str]:
    """The `{name}` fields of a format string (conversion and format spec left off)."""
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def problems_of(path: Path) -> list[str]:
    """Untranslated, fuzzy or placeholder-breaking entries of one catalogue."""
    problems = []
    for message in _catalog(path):
        if not message.id:
            continue
        ids, strings = _ids(message), _strings(message)
        if message.fuzzy:
            problems.append(f"fuzzy: {ids[0]!r}")
        if not all(strings):
            problems.append(f"untranslated: {ids[0]!r}")
            continue
        for index, text in enumerate(strings):
            source = ids[min(index, len(ids) - 1)]
            if placeholders(text) != placeholders(source):
                problems.append(f"placeholders differ: {source!r} -> {text!r}")
    return problems


@pytest.mark.parametrize("path", [FACILITATOR_PO, CLICK_PO], ids=["facilitator-en", "click-de"])
def test_every_message_translated_not_fuzzy_with_the_same_placeholders(path: Path) -> None:
    assert problems_of(path) == []


def test_the_check_finds_each_kind_of_problem(tmp_path: Path) -> None:
    broken = tmp_path / "broken.po"
    broken.write_text(
        'msgid ""\nmsgstr ""\n"Language: en\\n"\n\n'
        'msgid "Geschrieben: {path}"\nmsgstr "Written: {file}"\n\n'
        'msgid "Beendet."\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Unverändert."\nmsgstr "Unchanged."\n',
        encoding="utf-8",
    )
    assert problems_of(broken) == [
        "placeholders differ: 'Geschrieben: {path}' -> 'Written: {file}'",
        "untranslated: 'Beendet.'",
        "fuzzy: 'Unverändert.'",
    ]


def test_the_english_catalogue_is_up_to_date_with_the_sources(tmp_path: Path) -> None:
    pot = tmp_path / "facilitator.pot"
    _workflow().extract(pot)
    in_code = {_ids(m)[0] for m in _catalog(pot) if m.id}
    in_po = {_ids(m)[0] for m in _catalog(FACILITATOR_PO) if m.id}
    assert sorted(in_code - in_po) == [], "missing: run python scripts/i18n.py update"
    assert sorted(in_po - in_code) == [], "obsolete: run python scripts/i18n.py update"


def test_the_german_click_catalogue_covers_what_this_click_can_say() -> None:
    found = extract_from_dir(Path(click.__file__).parent)
    in_click = {m if isinstance(m, str) else m[0] for _, _, m, *_ in found if m}
    in_po = {_ids(m)[0] for m in _catalog(CLICK_PO) if m.id}
    assert sorted(in_click - in_po) == [], f"click {click.__version__}: translate these"
    assert sorted(CLICK_EXTRA - in_po) == []


@pytest.mark.parametrize(
    ("po", "domain", "lang"),
    [(FACILITATOR_PO, "facilitator", "en"), (CLICK_PO, "click", "de")],
    ids=["facilitator-en", "click-de"],
)
def test_the_committed_mo_says_what_the_po_says(po: Path, domain: str, lang: str) -> None:
    shipped = gettext.translation(domain, LOCALE_DIR, languages=[lang])
    compiled = io.BytesIO()
    write_mo(compiled, _catalog(po))
    compiled.seek(0)
    fresh = gettext.GNUTranslations(compiled)
    for message in _catalog(po):
        if not message.id:
            continue
        ids = _ids(message)
        if message.context and len(ids) == 1:  # one German word, meant two ways (pgettext)
            both = (
                shipped.pgettext(message.context, ids[0]),
                fresh.pgettext(message.context, ids[0]),
            )
            assert both == (message.string, message.string)
        elif message.context:
            for n in (1, 2):
                both = (
                    shipped.npgettext(message.context, *ids, n),
                    fresh.npgettext(message.context, *ids, n),
                )
                assert both == (message.string[0 if n == 1 else 1],) * 2, ids[0]
        elif len(ids) == 1:
            assert shipped.gettext(ids[0]) == fresh.gettext(ids[0]) == message.string
        else:
            for n in (1, 2):
                assert shipped.ngettext(*ids, n) == fresh.ngettext(*ids, n), ids[0]
                assert shipped.ngettext(*ids, n) == message.string[0 if n == 1 else 1]


TRANSLATING = {"_", "gettext", "ngettext", "lazy", "lazy_plural", "N_"}
IN_CONTEXT = {"pgettext", "npgettext", "lazy_context", "NP_"}  # the context first, then the text


def hidden_texts(source: str) -> list[int]:
    """Lines where a translating call's text cannot be extracted: in an f-string or not literal."""
    tree = ast.parse(source)
    in_fstrings = {
        id(call)
        for joined in ast.walk(tree)
        if isinstance(joined, ast.JoinedStr)
        for call in ast.walk(joined)
    }
    return sorted(
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in TRANSLATING | IN_CONTEXT
        and (
            id(node) in in_fstrings
            or len(node.args) < (2 if node.func.id in IN_CONTEXT else 1)
            or not all(
                isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                for arg in node.args[: 2 if node.func.id in IN_CONTEXT else 1]
            )
        )
    )


def test_every_translated_text_is_written_where_extraction_sees_it() -> None:
    # babel.cfg's sources, except locale/, which defines the functions
    patterns = re.findall(r"^\[python: (.+)\]$", (PROJECT / "babel.cfg").read_text(), re.M)
    sources = {
        path
        for pattern in patterns
        if not pattern.startswith("locale/")
        for path in (PROJECT / "facilitator").glob(pattern.replace("**.py", "**/*.py"))
    }
    assert len(sources) > 50
    found = {
        str(path.relative_to(PROJECT)): lines
        for path in sorted(sources)
        if (lines := hidden_texts(path.read_text(encoding="utf-8")))
    }
    assert found == {}
    assert hidden_texts('x = f"{_(\'Hallo\')}"\ny = gettext(name, "en")\nz = _("gut")\n') == [1, 2]

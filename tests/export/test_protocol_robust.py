"""Tests that any text people type survives both renderers: no crash, nothing forbidden left."""

import tempfile
import zipfile
from pathlib import Path

import pytest
from docx2python import docx2python
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.export.blocks import Bullets, Fields, Heading, Para, Table, Title
from facilitator.export.docx_common import clean
from facilitator.export.protocol_docx import write_docx
from facilitator.export.protocol_md import render_markdown

any_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",))
    | st.sampled_from("\x00\x0b\x1fäöüß😩|*#<>"),
    max_size=80,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(any_text, min_size=4, max_size=4))
def test_any_text_renders(texts: list[str]) -> None:
    a, b, c, d = texts
    blocks = [
        Title(a),
        Fields(((b, c),)),
        Heading(1, d),
        Para(a, note=True),
        Bullets((b, c)),
        Table(("x", "y"), ((a, b), (c, d)), (1, 2)),
    ]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.docx"
        write_docx(blocks, path, title=a, lang="de")
        with zipfile.ZipFile(path) as package:
            xml = package.read("word/document.xml").decode("utf-8")
        assert "\x00" not in xml and "\x0b" not in xml
        text = docx2python(str(path)).text
        for value in (b, c, d):
            for word in clean(value).split():
                if word.isalnum():
                    assert word in text
    markdown = render_markdown(blocks)
    assert "\x00" not in markdown
    table_lines = [line for line in markdown.splitlines() if line.startswith("|")]
    assert len(table_lines) == 4  # header, rule, two rows: a cell never breaks its row
    assert all(line.count("|") - line.count("\\|") == 3 for line in table_lines)


def test_markdown_names_a_block_it_cannot_render() -> None:
    class Sidebar:  # a block kind a layout might add before the renderers know it
        text = "Randnotiz"

    with pytest.raises(TypeError, match="no Markdown for a Sidebar block"):
        render_markdown([Title("Protokoll"), Sidebar()])  # type: ignore[list-item]

"""Tests `facilitator export protocol` as a user runs it: files, formats, templates, errors."""

import subprocess
import zipfile
from pathlib import Path

import pytest
import qrcode
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Mm
from docx2python import docx2python

from tests.conftest import PYTHON, cli_env


def _run(db_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [PYTHON, "-m", "facilitator", "export", "protocol", *args],
        env=cli_env(db_path),
        capture_output=True,
        text=True,
        timeout=120,
    )


def _parts(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as package:
        return package.namelist()


@pytest.mark.slow  # child processes
def test_docx_and_markdown(db_path, store, rich_workshop, tmp_path: Path) -> None:
    store.close()
    result = _run(db_path, "-o", str(tmp_path / "p.docx"), "-w", rich_workshop)
    assert result.returncode == 0, result.stderr
    assert "Inhalt" in docx2python(str(tmp_path / "p.docx")).text
    result = _run(db_path, "-o", str(tmp_path / "p.txt"), "--format", "md", "--lang", "en")
    assert result.returncode == 0, result.stderr
    md = (tmp_path / "p.txt").read_text(encoding="utf-8")
    assert md.startswith("# Vernetzungsworkshop Esslingen – minutes")
    assert "## 2. Participants" in md and "| Name | Organisation | Type |" in md
    # the global --lang applies too
    result = subprocess.run(
        [
            PYTHON,
            "-m",
            "facilitator",
            "--lang",
            "en",
            "export",
            "protocol",
            "-o",
            str(tmp_path / "e.md"),
        ],
        env=cli_env(db_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0 and "## 9. Next steps" in (tmp_path / "e.md").read_text("utf-8")


def test_bad_templates_fail_cleanly(db_path, store, rich_workshop, tmp_path: Path) -> None:
    store.close()
    not_docx = tmp_path / "vorlage.txt"
    not_docx.write_text("keine Vorlage", encoding="utf-8")
    fake_docx = tmp_path / "kaputt.docx"
    fake_docx.write_text("kein ZIP", encoding="utf-8")
    for template in (tmp_path / "fehlt.docx", not_docx, fake_docx):
        out = tmp_path / "p.docx"
        result = _run(db_path, "-o", str(out), "--template", str(template))
        assert result.returncode == 2, result.stderr
        assert "Vorlage" in result.stderr and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
        assert not out.exists()
        assert list(tmp_path.glob(".p.docx*")) == []  # no temporary left behind


def test_missing_folder_and_unknown_workshop(db_path, store, rich_workshop, tmp_path) -> None:
    store.close()
    result = _run(db_path, "-o", str(tmp_path / "nirgends" / "p.docx"))
    assert result.returncode == 2 and "Ordner" in result.stderr
    result = _run(db_path, "-o", str(tmp_path / "p.docx"), "-w", "zzzz")
    assert result.returncode == 2 and "zzzz" in result.stderr
    assert not (tmp_path / "p.docx").exists()


def test_template_styles_header_kept_body_replaced(
    db_path, store, rich_workshop, tmp_path: Path
) -> None:
    store.close()
    template = Document()
    style = template.styles.add_style("Hausstil Hinweis", WD_STYLE_TYPE.PARAGRAPH)
    style.font.name = "Courier New"
    template.styles["Heading 1"].font.name = "Verdana"
    logo = tmp_path / "logo.png"
    qrcode.make("Landratsamt").save(str(logo))
    header = template.sections[0].header.paragraphs[0]
    header.text = "Landratsamt Esslingen – Amt für Digitales"
    header.add_run().add_picture(str(logo), width=Mm(15))
    template.sections[0].footer.paragraphs[0].text = "Pulverwiesen 11, 73726 Esslingen"
    template.add_paragraph("ALTER INHALT DER VORLAGE", style="Hausstil Hinweis")
    template_path = tmp_path / "hausvorlage.docx"
    template.save(str(template_path))

    out = tmp_path / "p.docx"
    result = _run(db_path, "-o", str(out), "--template", str(template_path))
    assert result.returncode == 0, result.stderr
    document = Document(str(out))
    assert "Hausstil Hinweis" in [s.name for s in document.styles]
    assert document.styles["Heading 1"].font.name == "Verdana"
    section = document.sections[0]
    assert section.header.paragraphs[0].text == "Landratsamt Esslingen – Amt für Digitales"
    assert "w:drawing" in section.header._element.xml  # the logo
    assert any(p.startswith("word/media/") for p in _parts(out))
    assert "Pulverwiesen 11" in section.footer.paragraphs[0].text
    text = docx2python(str(out)).text
    assert "ALTER INHALT DER VORLAGE" not in text
    assert "Vernetzungsworkshop Esslingen – Protokoll" in text
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 1"][0] == "Inhalt"

"""`participants import` again after erase and withdrawal: left out, one line each (23.2)."""

from pathlib import Path

from click.testing import CliRunner

from facilitator.cli import main
from tests.conftest import AGENDA

CSV = (
    "Name;Organisation;E-Mail;Einwilligung;Einwilligungstext\n"
    "Erika Muster;Gemeinde Denkendorf;erika@denkendorf.de;ja;2026-12-de-workshop\n"
    "Max Weber;Stadtwerke Esslingen;max@swe.example;ja;2026-12-de-workshop\n"
)


def test_reimport_reports_what_it_left_out(db_path: Path, tmp_path: Path) -> None:
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(main, ["--db", str(db_path), *args])

    assert run("new", "Workshop A", "--agenda", str(AGENDA)).exit_code == 0
    csv = tmp_path / "liste.csv"
    csv.write_text(CSV, encoding="utf-8")
    assert run("participants", "import", str(csv)).exit_code == 0
    shown = run("participants", "show", "max@swe.example").output
    assert "Text 2026-12-de-workshop" in shown  # the version the list names is recorded
    assert run("participants", "erase", "erika@denkendorf.de", "--yes").exit_code == 0
    assert run("participants", "edit", "Max Weber", "--consent", "nein").exit_code == 0

    again = run("participants", "import", str(csv))
    assert again.exit_code == 0, again.output
    assert again.output.splitlines()[1:] == [
        "Erika Muster: nicht importiert – wurde gelöscht (Art. 17 DSGVO)",
        "Max Weber: Einwilligung nicht übernommen – später widerrufen",
    ]
    assert "gibt es nicht" in run("participants", "show", "Erika Muster").output
    listed = run("participants", "list").output
    assert "Erika" not in listed and "Einwilligung" not in listed

    bad = tmp_path / "bad.csv"
    bad.write_text(CSV.replace("2026-12-de-workshop", "v-erfunden", 1), encoding="utf-8")
    refused = run("participants", "import", str(bad))
    assert refused.exit_code == 2 and "Einwilligungstext 'v-erfunden' unbekannt" in refused.output


def test_the_shipped_template_imports_and_records_its_text_version(
    db_path: Path, tmp_path: Path
) -> None:
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(main, ["--db", str(db_path), *args])

    assert run("new", "Workshop A", "--agenda", str(AGENDA)).exit_code == 0
    written = run("participants", "template", "-o", str(tmp_path / "vorlage.csv"))
    assert written.exit_code == 0, written.output
    assert "Text 2026-12-de-workshop: Ich bin einverstanden" in written.output
    header = (tmp_path / "vorlage.csv").read_text("utf-8").splitlines()[0]
    assert "Einwilligungstext" in header
    assert run("participants", "import", str(tmp_path / "vorlage.csv")).exit_code == 0
    shown = run("participants", "show", "Erika Musterfrau").output
    assert "erteilt (Quelle: csv, Text 2026-12-de-workshop)" in shown
    assert "Ich bin einverstanden, dass mein Name" in shown  # the words themselves


def test_paper_consent_records_the_version_the_sign_in_list_printed(
    db_path: Path, tmp_path: Path
) -> None:
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(main, ["--db", str(db_path), *args])

    assert run("new", "Workshop A", "--agenda", str(AGENDA)).exit_code == 0
    assert run("participants", "add", "Jane Doe").exit_code == 0
    done = run(
        "participants", "edit", "Jane Doe", "--consent", "ja", "--text", "2026-12-en-workshop"
    )
    assert done.exit_code == 0, done.output
    assert "Text 2026-12-en-workshop" in run("participants", "show", "Jane Doe").output
    bad = run("participants", "edit", "Jane Doe", "--consent", "ja", "--text", "erfunden")
    assert bad.exit_code == 2 and "--text" in bad.output

"""The data subject's rights on the command line: show, edit, erase, purge; series contacts."""

import json
import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from facilitator.cli import main
from facilitator.core.consent_rule import document_participants, unnamed_label
from facilitator.core.models import Participant
from tests.conftest import AGENDA

EMAIL = "erika.musterfrau@denkendorf.de"
CSV = (
    "Name;Organisation;E-Mail;Einwilligung\n"
    f"Erika Musterfrau;Gemeinde Denkendorf;{EMAIL};ja\n"
    "Max Weber;Stadtwerke Esslingen;max@swe.example;ja\n"
)


@pytest.fixture
def cli(db_path: Path, tmp_path: Path):
    runner = CliRunner()

    def run(*args: str, stdin: str | None = None):
        return runner.invoke(main, ["--db", str(db_path), *args], input=stdin)

    made = run("new", "Workshop A", "--agenda", str(AGENDA), "--date", "2026-12-01")
    assert made.exit_code == 0, made.output
    (tmp_path / "p.csv").write_text(CSV, encoding="utf-8")
    assert run("participants", "import", str(tmp_path / "p.csv")).exit_code == 0
    return run


def test_show_edit_and_erase(cli, db_path: Path, tmp_path: Path) -> None:
    shown = cli("participants", "show", EMAIL, "--json")
    assert shown.exit_code == 0, shown.output
    report = json.loads(shown.output)
    entry = report["entries"][0]
    assert entry["participant"]["email"] == EMAIL
    assert entry["consent_history"][0]["source"] == "csv"

    edited = cli("participants", "edit", EMAIL, "--name", "Erika Muster", "--consent", "nein")
    assert edited.exit_code == 0, edited.output
    text = cli("participants", "show", "Erika Muster").output
    assert "widerrufen (Quelle: paper" in text and "erteilt (Quelle: csv" in text

    refused = cli("participants", "erase", EMAIL, stdin="n\n")
    assert "Nichts gelöscht" in refused.output
    assert cli("participants", "show", EMAIL).exit_code == 0
    erased = cli("participants", "erase", EMAIL, "--yes")
    assert erased.exit_code == 0, erased.output
    missing = cli("participants", "show", EMAIL)
    assert missing.exit_code == 2 and "gibt es nicht" in missing.output
    cli("export", "json", "-o", str(tmp_path / "all.json"))
    for file in [tmp_path / "all.json", *db_path.parent.glob(db_path.name + "*")]:
        assert EMAIL.encode() not in file.read_bytes(), file


@pytest.mark.skipif(os.name == "nt", reason="Windows has no owner-only mode bits")
def test_exports_are_private(cli, tmp_path: Path) -> None:
    """Exports carry personal data: readable by the owner only, like the database."""
    cli("export", "json", "-o", str(tmp_path / "all.json"))
    cli("export", "contacts", "-o", str(tmp_path / "k.csv"))
    for name in ("all.json", "k.csv"):
        assert (tmp_path / name).stat().st_mode & 0o777 == 0o600, name


def test_unknown_person_and_bad_purge_date_are_one_sentence(cli) -> None:
    unknown = cli("participants", "erase", "niemand@example.org", "--yes")
    assert unknown.exit_code == 2 and unknown.output.count("\n") == 1
    bad = cli("purge", "--before", "gestern", "--yes")
    assert bad.exit_code == 2 and "kein Datum" in bad.output


def test_purge_before_a_date(cli) -> None:
    assert "0 Personen" in cli("purge", "--before", "2026-12-01", "--yes").output
    assert "2 Personen" in cli("purge", "--before", "02.12.2026", "--yes").output
    assert cli("participants", "show", "Max Weber").exit_code == 2


def test_series_contacts_need_a_consent_that_names_the_series(
    tmp_path: Path, db_path: Path
) -> None:
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(main, ["--db", str(db_path), *args])

    run("new", "W1", "--agenda", str(AGENDA), "--date", "2026-12-01", "--series", "Reihe BW")
    (tmp_path / "p.csv").write_text(CSV, encoding="utf-8")
    run("participants", "import", str(tmp_path / "p.csv"))  # consent on paper: text unknown
    run("participants", "edit", "Max Weber", "--consent", "nein")
    run("participants", "edit", "Max Weber", "--consent", "ja")  # now with the series text
    out = run("export", "contacts", "-o", str(tmp_path / "k.csv"), "--series", "Reihe BW")
    assert out.exit_code == 0, out.output
    written = (tmp_path / "k.csv").read_text(encoding="utf-8-sig")
    assert "max@swe.example" in written and EMAIL not in written
    one = run("export", "contacts", "-o", str(tmp_path / "w.csv"))
    assert EMAIL in (tmp_path / "w.csv").read_text(encoding="utf-8-sig"), one.output


def test_documents_name_only_consenting_present_people() -> None:
    def person(name: str, org: str, consent: int, present: int) -> Participant:
        return Participant(name, "w", name, organisation=org, consent=consent, present=present)

    people = [
        person("Erika Musterfrau", "Gemeinde Denkendorf", 1, 1),
        person("Max Weber", "Gemeinde Denkendorf", 0, 1),
        person("Jonas Klein", "Gemeinde Denkendorf", 0, 1),
        person("Nicht Da", "Stadt Ulm", 1, 0),
    ]
    result = document_participants(people)
    assert [p.name for p in result.named] == ["Erika Musterfrau"]
    assert result.unnamed_by_organisation == [("Gemeinde Denkendorf", 2)]
    assert unnamed_label("Gemeinde Denkendorf", 2) == "Gemeinde Denkendorf (2 Personen)"


def test_purge_without_a_date_uses_the_retention_setting(cli, tmp_path: Path, monkeypatch) -> None:
    old = cli("new", "Workshop 2020", "--agenda", str(AGENDA), "--date", "2020-03-01")
    cli("participants", "import", str(tmp_path / "p.csv"), "-w", old.output.strip())
    settings = tmp_path / "privacy.toml"
    monkeypatch.setenv("FACILITATOR_PRIVACY", str(settings))
    settings.write_text("retention_days = 36500\n", encoding="utf-8")  # a century: nothing old
    assert "0 Personen" in cli("purge", "--yes").output
    settings.write_text("retention_days = 365\n", encoding="utf-8")
    assert "2 Personen" in cli("purge", "--yes").output  # 2020's, not the coming workshop's
    assert len(cli("participants", "show", "Max Weber", "--json").output) > 10


def test_erase_asks_in_german_by_default_and_in_english_with_lang_en(cli) -> None:
    kept = cli("participants", "erase", EMAIL, stdin="x\n\n")
    assert "1 Eintrag endgültig löschen? Das lässt sich nicht rückgängig machen. [j/N]:" in (
        kept.output
    )
    assert "Bitte j oder n eingeben." in kept.output and "Nichts gelöscht." in kept.output
    assert "[y/N]" not in kept.output and "invalid input" not in kept.output
    kept = cli("--lang", "en", "participants", "erase", EMAIL, stdin="j\nno\n")
    assert "Erase 1 entry for good? This cannot be undone. [y/N]:" in kept.output
    assert "Please answer y or n." in kept.output and "Nothing erased." in kept.output
    assert cli("participants", "show", EMAIL).exit_code == 0  # still there
    erased = cli("participants", "erase", EMAIL, stdin="j\n")  # a German yes
    assert erased.exit_code == 0 and "1 Eintrag gelöscht; Beiträge bleiben ohne Namen." in (
        erased.output
    )
    assert cli("participants", "show", EMAIL).exit_code == 2


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="the zone is set through TZ")
def test_show_prints_consent_times_in_local_time(
    store, clock, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from facilitator.store.participants import add_participant, set_consent
    from tests.conftest import create_test_workshop

    workshop_id = create_test_workshop(store)
    clock.ms = 1_796_026_800_000  # 2026-11-30 08:20 UTC: 09:20 in Esslingen
    person = add_participant(
        store, workshop_id, "Erika Musterfrau", email=EMAIL, consent=True, consent_source="phone"
    )
    clock.advance(minutes=55)
    set_consent(store, person, False, source="paper")
    store.close()
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    try:
        runner = CliRunner()
        german = runner.invoke(main, ["--db", str(db_path), "participants", "show", EMAIL])
        english = runner.invoke(
            main, ["--db", str(db_path), "--lang", "en", "participants", "show", EMAIL]
        )
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    assert german.exit_code == 0, german.output
    assert "Einwilligung: widerrufen am 30.11.2026, 10:15 Uhr (erteilt: " in german.output
    assert "    30.11.2026, 09:20 Uhr: erteilt (Quelle: phone" in german.output
    assert "    30.11.2026, 10:15 Uhr: widerrufen (Quelle: paper" in german.output
    assert "T08:20" not in german.output and "+00:00" not in german.output
    assert "Consent: withdrawn 2026-11-30 10:15 (given: " in english.output
    assert "    2026-11-30 09:20: given (source: phone" in english.output
    assert "  Einwilligung:" not in english.output  # the stored consent text stays as seen

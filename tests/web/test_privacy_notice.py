"""No placeholder notice reaches a phone or a page; the notice says what the tool does (23.5)."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from facilitator.cli import main
from facilitator.core.errors import UserError
from facilitator.export.kit import write_signin
from facilitator.privacy import notice_sections, privacy_notice, save_controller
from facilitator.store.participants import list_participants


@pytest.fixture
def no_controller(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shipped notice only: no privacy.toml of the organisers."""
    path = tmp_path / "config" / "privacy.toml"
    monkeypatch.setenv("FACILITATOR_PRIVACY", str(path))
    return path


async def test_without_a_controller_phones_see_a_sentence_not_a_form(
    client, code, store, workshop_id, no_controller: Path
):
    for lang in ("de", "en"):
        notice = await (await client.get(f"/datenschutz?lang={lang}")).text()
        assert ("noch keinen" in notice) if lang == "de" else ("not filled in" in notice)
        assert "Zweck" not in notice and "Purpose" not in notice
    page = await (await client.get(f"/j/{code}/register")).text()
    assert "<form" not in page and 'name="consent"' not in page
    assert "Datenschutzhinweis (verantwortliche Stelle und Kontakt)" in page
    form = {"name": "Erika Muster", "email": "erika@example.org", "consent": "1"}
    answer = await client.post(f"/api/register?code={code}", data=form)
    assert answer.status == 409 and "<html" in await answer.text()
    refused = await client.post(f"/api/register?code={code}", json=form)
    assert refused.status == 409
    assert list_participants(store, workshop_id) == []  # no consent recorded under it

    save_controller(
        {"de": "Verantwortlich: Stadt Ulm, Marktplatz 1", "en": ""},
        {"de": "datenschutz@ulm.example", "en": ""},
    )
    page = await (await client.get(f"/j/{code}/register")).text()
    assert 'name="consent"' in page
    english = await (await client.get("/datenschutz?lang=en")).text()
    assert "Verantwortlich: Stadt Ulm, Marktplatz 1 (German original)" in english


async def test_a_broken_privacy_toml_is_an_error_for_moderators_and_no_notice_for_phones(
    client, code, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, db_path: Path
):
    broken = tmp_path / "privacy.toml"
    broken.write_text('[de]\ncontroller = "Stadt Ulm\ncontact = 3\n', encoding="utf-8")
    monkeypatch.setenv("FACILITATOR_PRIVACY", str(broken))
    notice = await (await client.get("/datenschutz")).text()
    assert "noch keinen" in notice
    assert 'name="consent"' not in await (await client.get(f"/j/{code}/register")).text()
    shown = CliRunner().invoke(main, ["--db", str(db_path), "privacy", "show"])
    assert shown.exit_code == 2 and f"{broken}:2: kein gültiges TOML" in shown.output
    with pytest.raises(UserError, match="kein gültiges TOML"):
        privacy_notice("de")


def test_the_notice_says_what_the_tool_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    own = tmp_path / "privacy.toml"
    own.write_text(
        'retention_days = 90\n[de]\ncontroller = "Stadt Ulm"\ncontact = "ds@ulm.example"\n'
        '[en]\ncontroller = "City of Ulm"\ncontact = "ds@ulm.example"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("FACILITATOR_PRIVACY", str(own))
    german = " ".join(notice_sections("de").values())
    for words in ("Fotos", "Cookie", "facilitator_phone", "unverschlüsselt (http)", "Einladungs"):
        assert words in german, words
    assert "Speicherdauer: 3 Monate (90 Tage)" in german and "12 Monate" not in german
    english = " ".join(notice_sections("en").values())
    assert "City of Ulm" in english and "German original" not in english
    assert "unencrypted (http)" in english and "3 months (90 days)" in english


def test_saving_validates_and_keeps_the_file_whole(no_controller: Path):
    with pytest.raises(UserError, match="Verantwortliche Stelle"):
        save_controller({"de": " ", "en": "City"}, {"de": "x@y.example", "en": ""})
    assert not no_controller.exists()  # nothing half-written
    with pytest.raises(UserError, match="1 bis 3650"):
        save_controller({"de": "Stadt"}, {"de": "x@y.example"}, retention_days=0)
    save_controller({"de": 'Stadt "Ulm" \\ Amt'}, {"de": "x@y.example"}, retention_days=200)
    assert privacy_notice("de").ready and privacy_notice("de").retention_days == 200
    assert notice_sections("de")["controller"] == 'Stadt "Ulm" \\ Amt'


def test_the_sign_in_list_is_not_printed_without_a_controller(
    store, workshop_id, tmp_path: Path, no_controller: Path, db_path: Path
):
    with pytest.raises(UserError, match="keine verantwortliche Stelle"):
        write_signin(store, workshop_id, tmp_path / "liste.docx")
    assert not (tmp_path / "liste.docx").exists()

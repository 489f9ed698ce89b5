"""The join link's address: a fixed one the moderators set, and the printed poster's."""

from click.testing import CliRunner

from facilitator.cli import main
from facilitator.store import open_store
from facilitator.store.join_address import (
    fixed_host,
    poster_elsewhere,
    printed_host,
    remember_poster,
)
from facilitator.store.workshops import get_workshop


def _run(db_path, *args: str):
    return CliRunner().invoke(main, ["--db", str(db_path), *args])


def test_join_host_sets_shows_refuses_and_clears(store, workshop_id, db_path) -> None:
    assert "Keine feste Adresse" in _run(db_path, "join-host").output
    done = _run(db_path, "join-host", "workshop-laptop.local")
    assert done.exit_code == 0 and "workshop-laptop.local" in done.output
    assert fixed_host(store) == "workshop-laptop.local"
    bad = _run(db_path, "join-host", "<script>")
    assert bad.exit_code == 2 and "Traceback" not in bad.output
    assert "Keine Adresse und kein Rechnername" in bad.output
    assert fixed_host(store) == "workshop-laptop.local"  # nothing half-written
    assert _run(db_path, "join-host", "--clear").exit_code == 0
    assert fixed_host(store) is None


def test_printed_qr_and_poster_use_the_fixed_address_and_are_remembered(
    store, workshop_id, db_path, tmp_path
) -> None:
    code = get_workshop(store, workshop_id).join_code
    _run(db_path, "join-host", "10.20.30.40")
    done = _run(db_path, "qr", "-o", str(tmp_path / "qr.png"))
    assert done.exit_code == 0 and f"http://10.20.30.40:8765/j/{code}" in done.output
    check = open_store(db_path, create=False)
    try:
        assert printed_host(check, workshop_id) == "10.20.30.40"
    finally:
        check.close()
    remember_poster(store, workshop_id, "")  # forget the QR image: the poster notes its own
    poster = tmp_path / "poster.docx"
    done = _run(db_path, "export", "agenda", "--poster", "-o", str(poster))
    assert done.exit_code == 0, done.output
    assert "http://10.20.30.40:8765" in done.output
    from docx import Document

    text = "\n".join(p.text for p in Document(str(poster)).paragraphs)
    assert f"http://10.20.30.40:8765/j/{code}" in text
    assert printed_host(store, workshop_id) == "10.20.30.40"


def test_the_poster_check(store, workshop_id) -> None:
    assert poster_elsewhere(store, workshop_id, ["10.0.0.7"]) is None  # nothing printed
    remember_poster(store, workshop_id, "http://192.168.1.20:8765/j/abc")
    assert poster_elsewhere(store, workshop_id, ["10.0.0.7"]) == "192.168.1.20"
    assert poster_elsewhere(store, workshop_id, ["10.0.0.7", "192.168.1.20"]) is None
    remember_poster(store, workshop_id, "http://raum-a.local:8765/j/abc")
    assert poster_elsewhere(store, workshop_id, ["10.0.0.7"]) is None  # a chosen name

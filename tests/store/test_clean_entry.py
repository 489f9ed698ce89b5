"""Control characters are stripped when text enters the store, on every service path
(issue 12, item 8): the app and the CLI call these services, phones call
`register_participant` and `add_capture(source="participant")`, the CSV import
`import_participants`."""

from facilitator.core.clean import clean_text, split_lines
from facilitator.core.participants_csv import parse_participants_csv
from facilitator.export.contacts import contacts_csv
from facilitator.store.agenda import add_item, list_items, update_item
from facilitator.store.captures import add_capture, list_captures, update_capture
from facilitator.store.organisations import list_organisations, list_pending
from facilitator.store.participant_import import import_participants
from facilitator.store.participants import (
    add_participant,
    list_participants,
    update_participant,
)
from facilitator.store.registrations import register_participant
from facilitator.store.series import ensure_series, list_series
from facilitator.store.workshops import get_workshop, update_workshop

DIRTY = "\x00A\x01b\x1b[31mc\x7fd\x9be\x07"  # NUL, SOH, ESC, DEL, CSI, BEL
CLEAN = "Ab[31mcde"


def test_clean_text_keeps_line_breaks_only_where_text_has_lines():
    assert clean_text(DIRTY) == CLEAN
    assert clean_text("eins\nzwei\tdrei\r\nvier") == "eins zwei drei  vier"
    assert clean_text("eins\r\nzwei\x0bdrei\tvier\x00", multiline=True) == "eins\nzwei drei\tvier"
    assert clean_text("lone \ud800 surrogate") == "lone  surrogate"
    assert split_lines("a\x0bb\r\nc\x0cd\x1ce\u2028f\x85g\nh") == [
        "a\x0bb",
        "c\x0cd\x1ce\u2028f\x85g",
        "h",
    ]


def test_every_service_path_strips_control_characters(store, workshop_id):
    update_workshop(store, workshop_id, title=f"W{DIRTY}", venue=DIRTY, description=f"x\n{DIRTY}")
    workshop = get_workshop(store, workshop_id)
    assert (workshop.title, workshop.venue, workshop.description) == (
        f"W{CLEAN}",
        CLEAN,
        f"x\n{CLEAN}",
    )
    item = add_item(store, workshop_id, f"Block{DIRTY}", 10, notes=DIRTY)
    update_item(store, item, title=f"Neu{DIRTY}")
    assert [(i.title, i.notes) for i in list_items(store, workshop_id) if i.id == item] == [
        (f"Neu{CLEAN}", CLEAN)
    ]
    capture = add_capture(store, workshop_id, "todo", DIRTY, owner=DIRTY, organisation=DIRTY)
    update_capture(store, capture, text=f"{DIRTY}!")
    add_capture(store, workshop_id, "idea", "vom Handy", author=DIRTY, source="participant")
    found = {c.id: c for c in list_captures(store, workshop_id)}
    assert (found[capture].text, found[capture].owner, found[capture].organisation) == (
        f"{CLEAN}!",
        CLEAN,
        CLEAN,
    )
    assert {c.author for c in found.values()} == {"", CLEAN}
    person = add_participant(store, workshop_id, f"Anna{DIRTY}", email="a@b.de", consent=True)
    update_participant(store, person, name=f"Anna {DIRTY}")
    register_participant(
        store, workshop_id, "phone-1", f"Eve{DIRTY}", organisation=f"Org{DIRTY}", consent=True
    )
    rows = parse_participants_csv(f"name,organisation,consent\nBo{DIRTY},Verein{DIRTY},ja\n")
    import_participants(store, workshop_id, rows)
    ensure_series(store, f"Reihe{DIRTY}")
    names = sorted(p.name for p in list_participants(store, workshop_id))
    assert names == [f"Anna {CLEAN}", f"Bo{CLEAN}", f"Eve{CLEAN}"]
    orgs = sorted(o.name for o in list_organisations(store) + list_pending(store))
    assert orgs == [CLEAN, f"Org{CLEAN}", f"Verein{CLEAN}"]
    assert [s.name for s in list_series(store)] == [f"Reihe{CLEAN}"]
    csv = contacts_csv(list_participants(store, workshop_id))
    assert not any(ch in csv for ch in "\x00\x01\x07\x1b\x7f\x9b")
    logged = "".join(r[0] for r in store.conn.execute("SELECT payload FROM op").fetchall())
    # nor in the op log (JSON writes C0 controls as \\u00XX, the rest as they are)
    assert "\\u00" not in logged and not any(ch in logged for ch in "\x7f\x9b")

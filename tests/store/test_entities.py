"""Tests that what the code says about a table agrees with its one declaration (store/entities.py).

The projection columns, JSON columns, defaults, the services' editable fields, the
required fields and op verbs, erasure's fields and the access report are derived from
it; here the rules (core/rules.py), every release's database, erasure and the access
report are held to it, so a field cannot be editable but unchecked, or personal but
left behind by erasure, without a test failing.
"""

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.core.rules import RULES, rule_for
from facilitator.store import agenda, captures, erasure, open_store, workshops
from facilitator.store.claims import open_claim
from facilitator.store.columns import COLUMNS, DEFAULTS, JSON_COLUMNS
from facilitator.store.db import Store
from facilitator.store.entities import (
    ENTITIES,
    LOCAL_TABLES,
    Entity,
    editable_columns,
    erased_columns,
    personal_columns,
    required_columns,
    rule_of,
)
from facilitator.store.op_check import ENTITY_VERBS
from facilitator.store.participants import add_participant, get_participant
from facilitator.store.people import REPORT_FIELDS, erase_people, person_report
from tests.conftest import PROJECT

RELEASES = sorted((PROJECT / "tests" / "data" / "releases").glob("*.db"))


@pytest.mark.parametrize("release", RELEASES, ids=lambda p: p.stem)
def test_every_declared_column_exists_after_migrating_a_release(
    release: Path, tmp_path: Path
) -> None:
    path = tmp_path / release.name
    shutil.copy(release, path)
    open_store(path, create=False).close()
    conn = sqlite3.connect(path)
    try:
        declared = {t: [*e.columns, "id", "clocks"] for t, e in ENTITIES.items()}
        declared.update({t: list(columns) for t, columns in LOCAL_TABLES.items()})
        missing = [
            f"{table}.{column}"
            for table, columns in declared.items()
            for column in columns
            if column not in {row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')}
        ]
    finally:
        conn.close()
    assert len(RELEASES) >= 4
    assert missing == []


def test_every_editable_column_has_a_rule_and_every_rule_a_declared_column() -> None:
    for table, entity in ENTITIES.items():
        assert set(RULES[table]) <= set(entity.columns), table  # no rule for a lost column
        for column in entity.names(editable=True):
            assert column in RULES[table], f"{table}.{column} is editable but has no rule"
        for column in entity.columns:
            assert rule_of(table, column) is rule_for(table, column, COLUMNS[table][column])


def test_the_derived_facts_are_the_declaration() -> None:
    assert COLUMNS == {
        table: {name: column.type for name, column in entity.columns.items()}
        for table, entity in ENTITIES.items()
    }
    assert ENTITY_VERBS == {table: frozenset(entity.verbs) for table, entity in ENTITIES.items()}
    assert agenda._EDITABLE == editable_columns("agenda_item")
    assert captures._EDITABLE == editable_columns("capture")
    assert workshops._EDITABLE == editable_columns("workshop")
    assert erasure.PERSONAL_FIELDS == personal_columns("participant")
    assert erasure.CLAIM_PERSONAL == personal_columns("claim")
    assert {"name", "email", "client_id"} <= set(personal_columns("participant"))
    assert required_columns("capture") == ("workshop_id", "kind", "text")
    assert required_columns("timer") == ()


def test_a_column_name_means_the_same_in_every_table() -> None:
    """JSON_COLUMNS and DEFAULTS go by name: a name must not be JSON (or default) in one only."""
    for table, entity in ENTITIES.items():
        for name, column in entity.columns.items():
            assert column.json == (name in JSON_COLUMNS), f"{table}.{name}"
            assert column.default == DEFAULTS.get(name), f"{table}.{name}"


def _person_everywhere(store: Store, workshop_id: str) -> str:
    """A person with every personal field filled, a claim on them and a signed capture."""
    from facilitator.store.captures import add_capture

    person = add_participant(
        store,
        workshop_id,
        "Anna Beispiel",
        organisation="Stadt Musterhausen",
        municipality="Musterhausen",
        email="anna@example.org",
        consent=True,
        client_id="phone-anna-0001",
    )
    open_claim(
        store,
        workshop_id,
        person,
        "phone-other-0002",
        name="Anna Beispiel",
        organisation="Stadt Musterhausen",
        municipality="Musterhausen",
        email="anna@example.org",
    )
    add_capture(store, workshop_id, "todo", "Protokoll verschicken", owner="Anna Beispiel")
    add_capture(store, workshop_id, "need", "Offene Daten", author="Anna Beispiel")
    return person


def test_every_personal_column_is_erased(store: Store, workshop_id: str) -> None:
    person = _person_everywhere(store, workshop_id)
    row = store.conn.execute("SELECT * FROM participant WHERE id = ?", [person]).fetchone()
    names = [d[0] for d in store.conn.execute("SELECT * FROM participant").description]
    before = dict(zip(names, row, strict=True))
    assert all(before[c] for c in personal_columns("participant"))  # the test fills each one

    erase_people(store, [get_participant(store, person)])

    kept = store.conn.execute(
        f"SELECT {', '.join(erased_columns('participant'))} FROM participant WHERE id = ?",
        [person],
    ).fetchone()
    assert set(kept) == {None}
    for table in ("participant", "claim"):
        cols = personal_columns(table)
        for (value,) in store.conn.execute(
            f"SELECT json_array({', '.join(cols)}) FROM {table} WHERE workshop_id = ?",
            [workshop_id],
        ):
            assert set(json.loads(value)) <= {None}, table
    named = personal_columns("capture")
    for (value,) in store.conn.execute(
        f"SELECT json_array({', '.join(named)}) FROM capture WHERE workshop_id = ?",
        [workshop_id],
    ):
        assert "Anna Beispiel" not in json.loads(value)
    ops = store.conn.execute("SELECT payload FROM op").fetchall()
    assert not [raw for (raw,) in ops if "anna@example.org" in raw or "Anna Beispiel" in raw]
    assert not [raw for (raw,) in ops if "phone-anna-0001" in raw or "phone-other" in raw]


def test_every_personal_column_is_in_the_access_report(store: Store, workshop_id: str) -> None:
    from click.testing import CliRunner

    from facilitator.cli import main

    person = _person_everywhere(store, workshop_id)
    report = person_report(store, [get_participant(store, person)])
    shown = report["entries"][0]["participant"]
    for column in personal_columns("participant"):
        assert column in shown
    assert shown["email"] == "anna@example.org" and shown["client_id"] == "phone-anna-0001"
    assert {"name", "organisation", "email", "client_id"} <= set(REPORT_FIELDS)

    db = store.conn.execute("PRAGMA database_list").fetchone()[2]
    store.close()
    text = CliRunner().invoke(main, ["--db", db, "participants", "show", person]).output
    assert "  email: anna@example.org" in text
    assert "  organisation: Stadt Musterhausen" in text
    assert "  client_id: phone-an" in text and "phone-anna-0001" not in text


# Adding a column to an entity: the one declaration (a line in ENTITIES) and the one
# migration step (add the column where it is missing). Being editable, it also names its
# rule, the pure function in core/rules.py (core cannot import store/, and core's models
# read through the rules; the test above fails until it does). Nothing else is touched:
# the service accepts it and checks it, its op carries it, and the validation of ops from
# the other laptop lets it in while a field nobody declared is still refused.
_NEW_COLUMN = """
import dataclasses, pathlib, sys, types
import facilitator  # the top package only: store/ is imported after the declaration changed

# the declaration, as a maintainer would edit store/entities.py: one line in "capture"
path = pathlib.Path(facilitator.__file__).parent / "store" / "entities.py"
source = path.read_text(encoding="utf-8")
anchor = '"author": Column(str, personal=True),\\n'
assert source.count(anchor) == 1
source = source.replace(anchor, anchor + '            "contact": Column(str, editable=True),\\n')
entities = types.ModuleType("facilitator.store.entities")
entities.__file__ = str(path)
sys.modules[entities.__name__] = entities
exec(compile(source, str(path), "exec"), entities.__dict__)
from facilitator.core import fields
from facilitator.core.errors import ValidationError
from facilitator.core.rules import RULES
RULES["capture"]["contact"] = fields.text(fields.NAME_MAX)  # its rule, in core/rules.py

from facilitator.store import open_store
from facilitator.store.captures import add_capture, update_capture
from facilitator.store.op_check import BadOp, check_op
from facilitator.store.oplog import ops_after

store = open_store(sys.argv[1])
if "contact" not in {r[1] for r in store.conn.execute("PRAGMA table_info(capture)")}:
    store.conn.execute("ALTER TABLE capture ADD COLUMN contact TEXT")  # the migration step
wid = store.conn.execute("SELECT id FROM workshop").fetchone()[0]
cid = add_capture(store, wid, "need", "Offene Daten")
update_capture(store, cid, contact="Anna, 0711 123")
try:
    update_capture(store, cid, contact="x" * 201)
    checked = "no"
except ValidationError:
    checked = "checked"
row = store.conn.execute("SELECT contact FROM capture WHERE id = ?", [cid]).fetchone()
seq, raw = store.conn.execute("SELECT seq, payload FROM op ORDER BY seq DESC LIMIT 1").fetchone()
last = ops_after(store, seq - 1)[0]
check_op(last, store.now_ms())  # as the other laptop's validation sees the op
try:
    check_op(dataclasses.replace(last, payload={**last.payload, "kontakt": "x"}), store.now_ms())
    refused = "no"
except BadOp:
    refused = "refused"
print(row[0], "|", raw, "|", refused, "|", checked)
"""


def test_adding_a_column_is_one_declaration_plus_one_migration(
    store: Store, workshop_id: str
) -> None:
    db = store.conn.execute("PRAGMA database_list").fetchone()[2]
    store.close()
    done = subprocess.run(
        [sys.executable, "-c", _NEW_COLUMN, db],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    value, payload, undeclared, checked = done.stdout.strip().split(" | ")
    assert value == "Anna, 0711 123"
    assert json.loads(payload)["contact"] == "Anna, 0711 123"
    assert undeclared == "refused"  # a field nobody declared still is
    assert checked == "checked"  # the service holds the new column to its rule


def test_a_single_verb_written_without_its_comma_is_refused() -> None:
    with pytest.raises(TypeError, match="tuple of names"):
        Entity(verbs=("set"))  # a string: its letters would have become the verbs
    assert Entity(verbs=("set",)).verbs == ("set",)

"""Tests that everything said about a table agrees with its one declaration (store/entities.py).

COLUMNS, JSON columns, defaults, the services' editable fields, erasure's personal
fields and the op verbs are derived from it; the rules (core/rules.py) and op
validation are held to it here, so a field cannot be editable but unchecked, or
personal but not erased, without a test failing.
"""

import pytest

from facilitator.core.rules import REQUIRED, RULES
from facilitator.store import agenda, captures, erasure, workshops
from facilitator.store.columns import COLUMNS, DEFAULTS, JSON_COLUMNS
from facilitator.store.entities import (
    ENTITIES,
    Entity,
    editable_columns,
    personal_columns,
    rule_of,
)
from facilitator.store.op_check import ENTITY_VERBS
from facilitator.store.participants import add_participant, get_participant
from facilitator.store.people import person_report


def test_every_declared_column_has_its_own_rule_and_no_rule_is_undeclared() -> None:
    for table, entity in ENTITIES.items():
        assert set(RULES[table]) == set(entity.columns), table
        for column in entity.columns:
            assert rule_of(table, column) is RULES[table][column]


def test_required_fields_are_the_declared_ones() -> None:
    assert set(REQUIRED) <= set(ENTITIES)
    for table, entity in ENTITIES.items():
        assert set(REQUIRED.get(table, ())) == entity.names(required=True), table


def test_the_derived_facts_are_the_declaration() -> None:
    assert COLUMNS == {
        table: {name: column.type for name, column in entity.columns.items()}
        for table, entity in ENTITIES.items()
    }
    assert ENTITY_VERBS == {table: frozenset(entity.verbs) for table, entity in ENTITIES.items()}
    assert agenda._EDITABLE == editable_columns("agenda_item")
    assert captures._EDITABLE == editable_columns("capture")
    assert workshops._EDITABLE == editable_columns("workshop")
    assert set(erasure.PERSONAL_FIELDS) == personal_columns("participant")
    assert {"name", "email"} <= personal_columns("participant")


def test_a_column_name_means_the_same_in_every_table() -> None:
    """JSON_COLUMNS and DEFAULTS go by name: a name must not be JSON (or default) in one only."""
    for table, entity in ENTITIES.items():
        for name, column in entity.columns.items():
            assert column.json == (name in JSON_COLUMNS), f"{table}.{name}"
            assert column.default == DEFAULTS.get(name), f"{table}.{name}"


def test_personal_columns_are_erased_and_in_the_access_report(store, workshop_id) -> None:
    person = add_participant(store, workshop_id, "Anna Beispiel", email="anna@example.org")
    report = person_report(store, [get_participant(store, person)])
    shown = report["entries"][0]["participant"]
    for column in personal_columns("participant"):
        assert column in erasure._CLEARED  # the projection loses it on erasure
        assert column in shown  # the person sees it in `participants show`
    assert shown["email"] == "anna@example.org"


def test_a_single_verb_written_without_its_comma_is_refused() -> None:
    with pytest.raises(TypeError, match="tuple of names"):
        Entity(verbs=("set"))  # a string: its letters would have become the verbs
    assert Entity(verbs=("set",)).verbs == ("set",)

"""The protocol names nobody the consent rule keeps out: to-do owners, one-person orgs (23.6)."""

from pathlib import Path

from docx import Document

from facilitator.core.consent_rule import name_forms, owner_label
from facilitator.core.models import Participant
from facilitator.export.protocol import write_protocol
from facilitator.store.captures import add_capture
from facilitator.store.participants import add_participant


def _person(name: str, org: str, consent: int) -> Participant:
    return Participant(id=name, workshop_id="w", name=name, organisation=org, consent=consent)


def test_owner_label_applies_the_consent_rule_to_every_name_form() -> None:
    people = [
        _person("Dr. Erika Muster", "Gemeinde Denkendorf", 0),
        _person("Hans Zeuge", "Stadtwerke Ulm", 1),
    ]
    assert name_forms("Dr. Erika Muster") == [
        "Dr. Erika Muster",
        "Erika Muster",
        "Erika",
        "Muster",
    ]
    assert owner_label("Erika", people) == "Gemeinde Denkendorf"
    assert owner_label("Hans Zeuge, Erika Muster", people) == "Hans Zeuge, Gemeinde Denkendorf"
    assert owner_label("muster und Hans", people) == "Gemeinde Denkendorf und Hans"
    assert owner_label("Moderation", people) == "Moderation"  # nobody on the list
    twins = [*people, _person("Erika Fremd", "Firma X", 1)]
    assert owner_label("Erika", twins) == "ohne Namensnennung"  # one of two Erikas refused


def test_protocol_task_table_and_one_person_organisations(
    store, workshop_id, tmp_path: Path
) -> None:
    add_participant(store, workshop_id, "Ola Opfer", organisation="Stadt Ulm", present=True)
    add_participant(
        store, workshop_id, "Geheim Person", organisation="Firma Geheim GmbH", present=True
    )
    for name in ("Anna Eins", "Bernd Zwei"):
        add_participant(store, workshop_id, name, organisation="Gemeinde Aichwald", present=True)
    add_participant(
        store,
        workshop_id,
        "Hans Zeuge",
        organisation="Stadtwerke Ulm",
        present=True,
        consent=True,
    )
    add_capture(store, workshop_id, "todo", "Förderantrag stellen", owner="Ola Opfer")
    add_capture(store, workshop_id, "todo", "Termin finden", owner="Hans Zeuge, Ola")
    path = write_protocol(store, workshop_id, tmp_path / "p.docx")
    document = Document(str(path))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    everything = text + "\n" + cells
    assert "Ola" not in everything and "Geheim Person" not in everything
    assert "Firma Geheim" not in everything  # one unnamed person: no organisation names her
    assert "Stadt Ulm" in cells and "Hans Zeuge, Stadt Ulm" in cells
    assert "Gemeinde Aichwald (2 Personen)" in text
    assert "weitere Organisationen (2 Personen)" in text  # Stadt Ulm and Firma Geheim GmbH

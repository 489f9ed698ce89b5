"""Sentence vectors are computed once per capture, reused, and leave with the capture's words."""

import numpy as np
import pytest

from facilitator import sentence_vectors
from facilitator.core.topic_model import suggest_topic
from facilitator.store.capture_vectors import capture_vectors
from facilitator.store.captures import add_capture, update_capture
from facilitator.store.name_hits import name_hits, redact_hits
from facilitator.store.participants import add_participant
from facilitator.store.people import find_people
from facilitator.store.queries import scalar
from facilitator.store.topics import series_model
from facilitator.store.workshops import erase_workshops
from facilitator.topics import shipped_prototypes


@pytest.fixture
def encoded(monkeypatch) -> list[str]:
    """Count the texts sent to the real encoder."""
    seen: list[str] = []
    real = sentence_vectors.encode

    def counting(texts):
        seen.extend(texts)
        return real(texts)

    monkeypatch.setattr(sentence_vectors, "encode", counting)
    return seen


def _stored(store, capture_id: str | None = None) -> int:
    if capture_id is None:
        return scalar(store, "SELECT count(*) FROM capture_vector")
    return scalar(store, "SELECT count(*) FROM capture_vector WHERE capture_id = ?", [capture_id])


def test_a_vector_is_computed_once_and_then_read_back(store, workshop_id, encoded) -> None:
    a = add_capture(store, workshop_id, "need", "Rufbus am Abend für die Teilorte")
    b = add_capture(store, workshop_id, "challenge", "Glasfaser fehlt im Gewerbegebiet")
    first = capture_vectors(store, [(a, "Rufbus am Abend für die Teilorte"),
                                    (b, "Glasfaser fehlt im Gewerbegebiet")])  # fmt: skip
    assert encoded == ["Rufbus am Abend für die Teilorte", "Glasfaser fehlt im Gewerbegebiet"]
    assert _stored(store) == 2
    again = capture_vectors(store, [(a, "Rufbus am Abend für die Teilorte")])
    assert len(encoded) == 2  # read from the table, not encoded again
    assert float(np.dot(first[a], again[a])) > 0.999
    engine = scalar(store, "SELECT engine FROM capture_vector WHERE capture_id = ?", [a])
    assert engine == sentence_vectors.ENGINE


def test_the_series_model_encodes_each_capture_once(store, workshop_id, encoded) -> None:
    add_capture(store, workshop_id, "need", "Busse fahren abends nicht mehr", topic="mobilitaet")
    add_capture(store, workshop_id, "challenge", "Rufbus am Abend per Telefon bestellen")
    shipped_prototypes()  # the shipped keywords and examples: once per process
    encoded.clear()
    series_model(store, workshop_id=workshop_id)
    assert sorted(encoded) == [
        "Busse fahren abends nicht mehr",
        "Rufbus am Abend per Telefon bestellen",
    ]
    model = series_model(store, workshop_id=workshop_id)
    assert len(encoded) == 2
    # The untagged capture's suggestion uses its stored vector without being passed one.
    (found, *_) = suggest_topic("Rufbus am Abend per Telefon bestellen", model)
    assert found.topic == "mobilitaet" and found.like  # the nearest example: a vector spoke
    # The tagged capture became a prototype of its field.
    assert "Busse fahren abends nicht mehr" in model.prototype_texts


def test_an_edited_text_gets_a_new_vector(store, workshop_id, encoded) -> None:
    cid = add_capture(store, workshop_id, "need", "Tablets für die Grundschule")
    capture_vectors(store, [(cid, "Tablets für die Grundschule")])
    update_capture(store, cid, topic="bildung")  # the text stays: so does its vector
    assert _stored(store, cid) == 1
    update_capture(store, cid, text="WLAN für die Grundschule")
    assert _stored(store, cid) == 0
    capture_vectors(store, [(cid, "WLAN für die Grundschule")])
    assert encoded[-1] == "WLAN für die Grundschule" and _stored(store, cid) == 1


def test_a_stale_text_is_never_stored(store, workshop_id) -> None:
    cid = add_capture(store, workshop_id, "need", "Neuer Text")
    assert capture_vectors(store, [(cid, "Alter Text")])  # answered for the caller …
    assert _stored(store, cid) == 0  # … but not kept for a text the capture no longer has


def test_redaction_and_workshop_erasure_remove_the_vectors(store, workshop_id) -> None:
    add_participant(store, workshop_id, "Erika Muster", organisation="Gemeinde Denkendorf")
    named = add_capture(store, workshop_id, "need", "Erika Muster braucht eine Schulung")
    other = add_capture(store, workshop_id, "need", "Schulung für den Bauhof")
    capture_vectors(store, [(named, "Erika Muster braucht eine Schulung"),
                            (other, "Schulung für den Bauhof")])  # fmt: skip
    people = find_people(store, "Erika Muster")
    assert redact_hits(store, people, name_hits(store, people)) >= 1
    assert _stored(store, named) == 0 and _stored(store, other) == 1
    erase_workshops(store, [workshop_id])
    assert _stored(store) == 0

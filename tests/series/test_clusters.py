"""Near-duplicate clusters: same statement in other words counts once, with who said it."""

from facilitator.core.clusters import Mention, cluster_mentions
from facilitator.export.factsheet_model import build_factsheet
from facilitator.topics import keyword_vocabulary
from tests.series.conftest import SERIES

SAID = [
    Mention("Fehlendes Personal für Digitalisierung", organisation="Stadt Ulm", votes=2),
    Mention("Uns fehlt Personal für die Digitalisierung", organisation="Gemeinde Aichwald"),
    Mention("Personal für Digitalisierungsprojekte fehlt", organisation="LRA Tübingen", votes=1),
    Mention("Kommunale Wärmeplanung mit wenig Personal", organisation="Stadt Lörrach"),
    Mention("Wärmeplanung bis 2028 abschließen", organisation="Stadt Konstanz"),
    Mention("Kommunale Wärmeplanung", organisation="Gemeinde Starzach"),
    Mention("Tablets für Schulen", organisation="Stadt Mannheim"),
]


def test_near_duplicates_form_clusters_with_counts_and_organisations():
    clusters = cluster_mentions(SAID, vocabulary=keyword_vocabulary())
    first, second, *rest = clusters
    assert first.count == 3 and first.votes == 3
    assert first.organisations == ["Stadt Ulm", "Gemeinde Aichwald", "LRA Tübingen"]
    assert "Personal" in first.representative.text
    assert second.count == 3 and "Stadt Lörrach" in second.organisations
    assert [c.count for c in rest] == [1]
    assert sum(c.count for c in clusters) == len(SAID)


def test_order_of_statements_does_not_decide_the_clusters():
    forward = cluster_mentions(SAID, vocabulary=keyword_vocabulary())
    backward = cluster_mentions(SAID[::-1], vocabulary=keyword_vocabulary())
    as_sets = [
        sorted(sorted(m.text for m in c.members) for c in found) for found in (forward, backward)
    ]
    assert as_sets[0] == as_sets[1]


def test_factsheet_counts_near_duplicates_across_the_series(series_store):
    from facilitator.store.captures import add_capture
    from facilitator.store.workshops import list_workshops

    store, _ = series_store
    workshops = [w["id"] for w in list_workshops(store)]
    for workshop, text, org in [
        (workshops[0], "Fehlendes Personal für Digitalisierung", "Stadt Ulm"),
        (workshops[1], "Uns fehlt Personal für die Digitalisierung", "Gemeinde Aichwald"),
        (workshops[2], "Personal für Digitalisierungsprojekte fehlt", "LRA Tübingen"),
    ]:
        add_capture(store, workshop, "need", text, organisation=org)
    frequent = build_factsheet(store, SERIES).frequent["need"]
    personal = next(f for f in frequent if "Personal" in f.text)
    assert personal.count == 3
    assert set(personal.organisations) == {"Stadt Ulm", "Gemeinde Aichwald", "LRA Tübingen"}

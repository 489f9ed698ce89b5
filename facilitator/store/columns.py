"""Provides the projection tables' columns (derived from store/entities.py), the schema version.

Kept apart from the migrations' bodies; opening an up-to-date database never imports
sqlite-utils (which loads numpy when it is installed: about 0.1–0.2 s of start-up):
store/db.py asks store/schema.py which named steps are pending, with one query.
Each column here must be created by a step of store/schema.py (a test checks it on a
new database and on every release's database).
Projection tables carry a `clocks` column: the merge stamp (hlc@node) of the op
that last set each field, so ops from the other laptop apply last-writer-wins per
field, in any order.
"""

from facilitator.store.entities import ENTITIES

SCHEMA_VERSION = 9

# Projection columns per entity table (besides id and clocks), declared in store/entities.py.
COLUMNS: dict[str, dict[str, type]] = {
    table: {name: column.type for name, column in entity.columns.items()}
    for table, entity in ENTITIES.items()
}
# By name across tables: a name means the same wherever it appears (a test checks it).
JSON_COLUMNS = {name for entity in ENTITIES.values() for name in entity.names(json=True)}
DEFAULTS = {
    name: column.default
    for entity in ENTITIES.values()
    for name, column in entity.columns.items()
    if column.default is not None
}
# since 0090: local caches beside the projections (no op, no sync; rebuilt when missing)
CACHE_COLUMNS: dict[str, dict[str, type]] = {
    # a capture's sentence vector per engine (facilitator/sentence_vectors.py), float16
    "capture_vector": {"capture_id": str, "engine": str, "vector": bytes},
}

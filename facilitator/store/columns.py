"""Provides the projection tables' columns and the schema version.

Kept apart from the migrations' bodies; opening an up-to-date database never imports
sqlite-utils (which loads numpy when it is installed: about 0.1–0.2 s of start-up):
store/db.py asks store/schema.py which named steps are pending, with one query.
Each column here must be created by a step of store/schema.py (a test checks it on a
new database and on every release's database).
Projection tables carry a `clocks` column: the merge stamp (hlc@node) of the op
that last set each field, so ops from the other laptop apply last-writer-wins per
field, in any order.
"""

SCHEMA_VERSION = 9

# Projection columns per entity table (besides id and clocks). JSON columns hold lists.
COLUMNS: dict[str, dict[str, type]] = {
    "series": {"name": str, "description": str, "deleted": int},
    "workshop": {
        "title": str,
        "date": str,
        "start": str,
        "end": str,
        "venue": str,
        "series_id": str,
        "lang": str,
        "description": str,
        "goals": str,
        "moderation": str,
        "minute_taker": str,
        "distribution": str,
        "next_date": str,
        "next_start": str,  # since 0002: start time and venue of the next date (ics)
        "next_venue": str,
        "next_steps": str,
        "join_code": str,
        "created_at": str,
        "wifi_name": str,  # since 0019: the venue's Wi-Fi, printed on the QR poster
        "wifi_password": str,
        # since 0050: the room's phones share one address (NAT): per-address caps rise
        "phones_share_address": int,
        "deleted": int,
        "beamer_join_hidden": int,  # since 0060: 1 = no join corner on the projector
    },
    "agenda_item": {
        "workshop_id": str,
        "position": float,
        "title": str,
        "minutes": int,
        "kind": str,
        "at": str,
        "method": str,
        "capture": str,
        "notes": str,
        "collection_open": int,
        "voting_open": int,
        "dot_budget": int,
        "results_revealed": int,
        "deleted": int,
    },
    "organisation": {
        "name": str,
        "org_type": str,
        "municipality": str,
        "merged_into": str,
        # since 0012: typed on a phone, kept out of the shared list until a moderator
        # accepts it (the projection's name_key column is local: see schema 0012)
        "pending": int,
        "deleted": int,
    },
    "participant": {
        "workshop_id": str,
        "name": str,
        "organisation_id": str,
        "email": str,
        "consent": int,
        "consent_at": str,
        "consent_text_version": str,
        # since 0013_consent: where consent came from (phone, csv, paper, app), when it
        # was first given (kept on withdrawal) and when it was withdrawn; the phone identity
        "consent_source": str,
        "consent_given_at": str,
        "consent_withdrawn_at": str,
        "client_id": str,
        "present": int,
        "role": str,
        "source": str,
        "created_at": str,
        "deleted": int,
    },
    "capture": {
        "workshop_id": str,
        "agenda_item_id": str,
        "kind": str,
        "text": str,
        "topic": str,
        "organisation_id": str,
        "status": str,
        "owner": str,
        "due": str,
        "votes": int,
        "source": str,
        "author": str,
        "hidden": int,
        "created_at": str,
        "hlc": str,
        "rank": float,  # since 0014: order within its protocol group (review screen)
        "merged_into": str,  # since 0014: the capture this near-duplicate was merged into
        "deleted": int,
    },
    # since 0014: photos of flipcharts and pinboards; id = sha256 of the stored JPEG
    "photo": {
        "workshop_id": str,
        "agenda_item_id": str,
        "caption": str,
        "jpeg": str,  # base64 of the scaled, EXIF-free JPEG (the op carries it to the peer)
        "width": int,
        "height": int,
        "size": int,  # bytes of the JPEG
        "created_at": str,
        "deleted": int,
    },
    "vote": {
        "workshop_id": str,
        "capture_id": str,
        "agenda_item_id": str,
        "voter": str,
        "dots": int,
    },
    # activities (issue 16, since 0016): live activities on the phones and their answers
    "activity": {
        "workshop_id": str,
        "agenda_item_id": str,
        "type": str,
        "prompt": str,
        "activity_config": str,
        "is_open": int,
        "results_revealed": int,
        "hidden_words": str,
        "started_at": str,
        "stopped_at": str,
        "created_at": str,
        "hlc": str,
        "deleted": int,
    },
    "activity_answer": {
        "workshop_id": str,
        "activity_id": str,
        "voter": str,
        "answer_value": str,
        "answered_at": str,
    },
    "activity_question": {
        "workshop_id": str,
        "activity_id": str,
        "voter": str,
        "text": str,
        "answered": int,
        "hidden": int,
        "created_at": str,
        "hlc": str,
        "deleted": int,
    },
    # since 0030 (issue 23.1): a phone's registration that matches someone it did not
    # create; kept apart, nothing of the person changes until a moderator decides
    "claim": {
        "workshop_id": str,
        "participant_id": str,
        "client_id": str,
        "name": str,
        "organisation": str,
        "org_type": str,
        "municipality": str,
        "email": str,
        "consent": int,
        "consent_text_version": str,
        "status": str,
        "created_at": str,
        "decided_at": str,
        "deleted": int,
    },
    # since 0061: where each laptop serves phones, so a phone can move to the other one
    "phone_server": {"workshop_id": str, "urls": str, "at": str},
}
# since 0090: local caches beside the projections (no op, no sync; rebuilt when missing)
CACHE_COLUMNS: dict[str, dict[str, type]] = {
    # a capture's sentence vector per engine (facilitator/sentence_vectors.py), float16
    "capture_vector": {"capture_id": str, "engine": str, "vector": bytes},
}
JSON_COLUMNS = {
    "goals",
    "capture",
    "distribution",
    "activity_config",
    "hidden_words",
    "answer_value",
    "urls",
}
DEFAULTS = {
    "deleted": 0,
    "hidden": 0,
    "votes": 0,
    "present": 0,
    "consent": 0,
    "collection_open": 0,
    "voting_open": 0,
    "results_revealed": 0,
    "dot_budget": 3,
    "pending": 0,
    "is_open": 0,
    "answered": 0,
}

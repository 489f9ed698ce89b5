"""Provides consent to share contact details: the texts by version, and the record's fields.

The texts are kept word for word in `consent_text` the first time they are used, so
the record can show what a person agreed to even after the wording changes. A consent
covers the workshop it was given for; the series version also covers the other
workshops of the same series (`export contacts --series`). Withdrawal keeps the time
consent was first given.
"""

from typing import Any

from facilitator.core.errors import ValidationError
from facilitator.locale import lazy
from facilitator.store.db import Store

SOURCES = ("phone", "csv", "paper", "app")

# What the documents do, said in the words people tick: named in the protocol's
# participant list and in the contact list only with consent; otherwise only their
# organisation appears, with a head count.
_WORKSHOP_TEXT = (
    "Ich bin einverstanden, dass mein Name, meine Organisation und meine E-Mail-Adresse "
    "im Protokoll und in der Kontaktliste an die Teilnehmenden dieses Workshops "
    "weitergegeben werden, damit wir in Kontakt bleiben können. Ohne Einwilligung nennt "
    "das Protokoll nur meine Organisation mit der Zahl ihrer Teilnehmenden, nicht meinen "
    "Namen, und diese Anmeldung speichert meine E-Mail-Adresse nicht. Ich kann die Einwilligung "
    "jederzeit widerrufen (bei der Moderation oder indem ich mich ohne Häkchen erneut anmelde)."
)
_SERIES_TEXT = _WORKSHOP_TEXT.replace(
    "an die Teilnehmenden dieses Workshops",
    "an die Teilnehmenden dieses Workshops und der weiteren Workshops derselben Reihe",
)
# The same promise in English, for English phones and lists: a person
# agrees to the words they read, so each language is a version of its own.
_WORKSHOP_TEXT_EN = (
    "I agree that my name, my organisation and my e-mail address are passed on to the "
    "participants of this workshop in the minutes and in the contact list, so that we can "
    "stay in touch. Without consent the minutes name only my organisation with its head "
    "count, not my name, and this registration does not store my e-mail address. I can "
    "withdraw my consent at any time (with the moderators, or by registering again without "
    "the tick)."
)
_SERIES_TEXT_EN = _WORKSHOP_TEXT_EN.replace(
    "to the participants of this workshop",
    "to the participants of this workshop and of the other workshops of the same series",
)
CONSENT_TEXTS: dict[str, tuple[str, str, str]] = {
    # version: (language, scope, text)
    "2026-11-de-1": (
        "de",
        "workshop",
        "Ich bin einverstanden, dass mein Name, meine Organisation und meine E-Mail-Adresse "
        "im Protokoll an die anderen Teilnehmenden dieses Workshops weitergegeben werden, "
        "damit wir in Kontakt bleiben können. Ich kann die Einwilligung jederzeit widerrufen.",
    ),
    "2026-12-de-workshop": ("de", "workshop", _WORKSHOP_TEXT),
    "2026-12-de-series": ("de", "series", _SERIES_TEXT),
    "2026-12-en-workshop": ("en", "workshop", _WORKSHOP_TEXT_EN),
    "2026-12-en-series": ("en", "series", _SERIES_TEXT_EN),
}
WORKSHOP_VERSION = "2026-12-de-workshop"
SERIES_VERSION = "2026-12-de-series"
_BY_LANG = {
    ("de", False): WORKSHOP_VERSION,
    ("de", True): SERIES_VERSION,
    ("en", False): "2026-12-en-workshop",
    ("en", True): "2026-12-en-series",
}


def current_version(store: Store, workshop_id: str, lang: str = "de") -> str:
    """Return the text version a person sees now, in `lang`: the series text if there is one."""
    row = store.conn.execute(
        "SELECT coalesce(series_id, '') FROM workshop WHERE id = ?", [workshop_id]
    ).fetchone()
    return _BY_LANG[("en" if lang == "en" else "de", bool(row and row[0]))]


def consent_text(version: str) -> str:
    """Return the words of a consent text version ("" if unknown)."""
    return CONSENT_TEXTS.get(version, ("", "", ""))[2]


def keep_text(store: Store, version: str | None) -> None:
    """Store the words of `version` (once), so the record can show them later."""
    if not version or version not in CONSENT_TEXTS:
        return
    lang, scope, text = CONSENT_TEXTS[version]
    store.conn.execute(
        "INSERT OR IGNORE INTO consent_text(version, lang, scope, text, first_used_at) "
        "VALUES (?, ?, ?, ?, ?)",
        [version, lang, scope, text, store.now_text()],
    )


def check_source(source: str) -> str:
    if source not in SOURCES:
        raise ValidationError(
            lazy(
                "Herkunft der Einwilligung {source} unbekannt (erlaubt: {sources}).",
                source=repr(source),
                sources=", ".join(SOURCES),
            )
        )
    return source


def consent_fields(
    store: Store,
    workshop_id: str,
    consent: bool,
    source: str,
    *,
    given_at: str | None = None,
    version: str | None = None,
    before: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Return the participant fields that record consent given or withdrawn now.

    `given_at` is when the person gave it (a CSV's date); None with source "csv" means
    "date unknown", never today. The first time given is kept across withdrawals.
    """
    check_source(source)
    before = before or {}
    now = store.now_text()
    if not consent:
        fields: dict[str, Any] = {"consent": 0, "consent_at": now}
        if before.get("consent"):  # a withdrawal: when, and through which channel
            fields.update(consent_withdrawn_at=now, consent_source=source)
        return fields
    if version is None and source != "csv":
        version = current_version(store, workshop_id)
    keep_text(store, version)
    if given_at is None and source != "csv":
        given_at = now
    return {
        "consent": 1,
        "consent_at": now,
        "consent_given_at": before.get("consent_given_at") or given_at,
        "consent_withdrawn_at": None,
        "consent_text_version": version,
        "consent_source": source,
    }


def consent_scope(store: Store, version: str | None) -> str:
    """Return what a consent covers: "series" or "workshop" (unknown texts: the workshop)."""
    if not version:
        return "workshop"
    row = store.conn.execute("SELECT scope FROM consent_text WHERE version = ?", [version])
    found = row.fetchone()
    if found:
        return found[0]
    return CONSENT_TEXTS.get(version, ("", "workshop", ""))[1]


def covers_series(store: Store, people: list) -> list:  # list[Participant]
    """Return the people whose consent covers the other workshops of a series."""
    return [
        p for p in people if p.consent and consent_scope(store, p.consent_text_version) == "series"
    ]

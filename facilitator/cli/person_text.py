"""Provides the text of `participants show`: every row, the consent history, the places.

Times in local time, German or English; the places that name or belong to the person are
the same that `participants erase` searches.
"""

from facilitator.cli.context import _
from facilitator.core.dates import format_date
from facilitator.core.timeformat import local_time_text as when
from facilitator.store.people import REPORT_FIELDS


def report_lines(report: dict, lang: str) -> list[str]:
    """Return `participants show` as text: times in local time, in `--lang` (`lang`)."""
    lines = []
    for entry in report["entries"]:
        row, shop = entry["participant"], entry["workshop"]
        lines.append(
            f"Workshop: {shop.get('title', '')} ({format_date(shop.get('date'), lang) or '–'})"
        )
        for key in REPORT_FIELDS:
            value = row.get(key) if row.get(key) is not None else ""
            if key == "client_id":
                value = str(value)[:8]  # the phone, named as in the consent history below
            lines.append(f"  {key}: {value}")
        lines.append("  " + _("Einwilligung: {state}", state=_consent_state(row, lang)))
        lines.extend(_history_lines(entry, lang))
        for version, text in entry["consent_texts"].items():
            lines.append(f"  Text {version}: {text}")
        named = entry["submissions"]
        lines.append("  " + _("Beiträge mit Namen: {n}", n=len(named)))
        lines.extend(f"    [{item['kind']}] {item['text']}" for item in named)
        lines.extend(_place_lines(entry))
    return lines


def _consent_state(row: dict, lang: str) -> str:
    given = when(row.get("consent_given_at"), lang) or _("Datum unbekannt")
    if row.get("consent_withdrawn_at"):
        withdrawn = when(row["consent_withdrawn_at"], lang)
        return _("widerrufen am {withdrawn} (erteilt: {given})", withdrawn=withdrawn, given=given)
    if row.get("consent"):
        source = row.get("consent_source") or "–"
        return _("erteilt am {given}, Quelle {source}", given=given, source=source)
    return _("keine")


def _history_lines(entry: dict, lang: str) -> list[str]:
    """Each consent given or withdrawn: when, where from, which text, which phone or claim."""
    lines = []
    for item in entry["consent_history"]:
        what = _("erteilt") if item["consent"] else _("widerrufen")
        origin = _("Quelle: {source}", source=item["source"] or "–")
        if item["text_version"]:
            origin += _(", Text {version}", version=item["text_version"])
        if item.get("phone"):
            origin += _(", Telefon {phone}", phone=item["phone"])
        if item.get("claim"):
            origin += _(", Anmeldung {claim} von der Moderation bestätigt", claim=item["claim"][:8])
        lines.append(f"    {when(item['at'], lang)}: {what} ({origin})")
    return lines


def _place_lines(entry: dict) -> list[str]:
    """The places that name or belong to the person, as `show` prints them."""
    hits = entry.get("name_hits", [])
    lines = ["  " + _("Name in freiem Text: {n}", n=len(hits))]
    lines += [f"    [{h['place']}] {h['text']}  ({', '.join(h['forms'])})" for h in hits]
    todos = entry.get("owned_todos", [])
    lines.append("  " + _("Aufgaben (verantwortlich): {n}", n=len(todos)))
    lines += [f"    {item['owner']}" for item in todos]
    answers, questions = entry.get("answers", []), entry.get("questions", [])
    lines.append("  " + _("Antworten vom Telefon: {n}", n=len(answers)))
    lines.append("  " + _("Fragen vom Telefon: {n}", n=len(questions)))
    lines += [f"    {q['text']}" for q in questions]
    photos = entry.get("photos", [])
    lines.append("  " + _("Fotos (Bildunterschrift): {n}", n=len(photos)))
    lines += [f"    {photo['caption']}" for photo in photos]
    return lines

"""Provides the text of `participants show`: every row, the consent history, the places.

Times in local time, German or English; the places that name or belong to the person
(issue 23.7) are the same that `participants erase` searches.
"""

from collections.abc import Callable

from facilitator.core.dates import format_date
from facilitator.core.timeformat import local_time_text as when
from facilitator.store.people import REPORT_FIELDS


def report_lines(report: dict, lang: str) -> list[str]:
    """Return `participants show` as text: times in local time, German or English."""

    def t(de: str, en: str) -> str:
        return en if lang == "en" else de

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
        given = when(row.get("consent_given_at"), lang) or t("Datum unbekannt", "date unknown")
        source = row.get("consent_source") or "–"
        if row.get("consent_withdrawn_at"):
            withdrawn = when(row["consent_withdrawn_at"], lang)
            state = t(
                f"widerrufen am {withdrawn} (erteilt: {given})",
                f"withdrawn {withdrawn} (given: {given})",
            )
        elif row.get("consent"):
            state = t(f"erteilt am {given}, Quelle {source}", f"given {given}, source {source}")
        else:
            state = t("keine", "none")
        lines.append(f"  {t('Einwilligung', 'Consent')}: {state}")
        for item in entry["consent_history"]:
            what = t("erteilt", "given") if item["consent"] else t("widerrufen", "withdrawn")
            origin = f"{t('Quelle', 'source')}: {item['source'] or '–'}"
            if item["text_version"]:
                origin += f", {t('Text', 'text')} {item['text_version']}"
            if item.get("phone"):
                origin += f", {t('Telefon', 'phone')} {item['phone']}"
            if item.get("claim"):
                origin += t(
                    f", Anmeldung {item['claim'][:8]} von der Moderation bestätigt",
                    f", registration {item['claim'][:8]} confirmed by the moderators",
                )
            lines.append(f"    {when(item['at'], lang)}: {what} ({origin})")
        for version, text in entry["consent_texts"].items():
            lines.append(f"  Text {version}: {text}")
        named = entry["submissions"]
        lines.append(f"  {t('Beiträge mit Namen', 'Named contributions')}: {len(named)}")
        lines.extend(f"    [{item['kind']}] {item['text']}" for item in named)
        lines.extend(_place_lines(entry, t))
    return lines


def _place_lines(entry: dict, t: Callable[[str, str], str]) -> list[str]:
    """The places that name or belong to the person (issue 23.7), as `show` prints them."""
    hits = entry.get("name_hits", [])
    lines = [f"  {t('Name in freiem Text', 'Name in free text')}: {len(hits)}"]
    lines += [f"    [{h['place']}] {h['text']}  ({', '.join(h['forms'])})" for h in hits]
    todos = entry.get("owned_todos", [])
    lines.append(f"  {t('Aufgaben (verantwortlich)', 'To-dos (owner)')}: {len(todos)}")
    lines += [f"    {item['owner']}" for item in todos]
    answers, questions = entry.get("answers", []), entry.get("questions", [])
    lines.append(f"  {t('Antworten vom Telefon', 'Answers from the phone')}: {len(answers)}")
    lines.append(f"  {t('Fragen vom Telefon', 'Questions from the phone')}: {len(questions)}")
    lines += [f"    {q['text']}" for q in questions]
    photos = entry.get("photos", [])
    lines.append(f"  {t('Fotos (Bildunterschrift)', 'Photos (caption)')}: {len(photos)}")
    lines += [f"    {photo['caption']}" for photo in photos]
    return lines

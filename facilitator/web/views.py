"""Provides the phone pages as HTML, rendered from a snapshot; readable without JavaScript."""

from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from facilitator.locale import gettext, lazy, ngettext
from facilitator.web.markup import Markup, attrs, join, render
from facilitator.web.security import dumps
from facilitator.web.snapshot import MAX_SUBMISSION

BALLOT_PAGE = 50  # entries per page of the ballot, in the HTML and from /api/ballot


# Strings join.js needs for what it draws itself (JSON in a data attribute of <body>).
def js_strings(lang: str) -> dict[str, str]:
    """Return the texts the scripts draw themselves, by the key they use, in `lang`.

    Placeholders stay for the script to fill in. A count's two forms are served
    as the texts for one and for many, which is how German and English choose.
    """
    return {
        "time_left": gettext("noch {minutes} Min.", lang),
        "time_over": gettext("{minutes} Min. über der Zeit", lang),
        "time_up": gettext("Zeit ist um", lang),
        "paused": gettext("pausiert", lang),
        "running": gettext("läuft", lang),
        "done": gettext("erledigt", lang),
        "skipped": gettext("übersprungen", lang),
        "nothing_running": gettext("Gerade läuft kein Programmpunkt.", lang),
        "instructions": gettext("So geht’s", lang),
        "collect_intro": gettext("Die Moderation sammelt gerade Beiträge zu „{title}“.", lang),
        "vote_intro": gettext("Sie haben {budget} Punkte, höchstens {max} pro Eintrag.", lang),
        "dots_left": gettext("Noch {left} von {budget} Punkten frei.", lang),
        "dots_for": gettext("Punkte für: {text}", lang),
        "no_ballot": gettext("Noch keine Einträge zur Abstimmung.", lang),
        "dots": ngettext("{dots} Punkt", "{dots} Punkte", 2, lang, dots="{dots}"),
        "dot_one": ngettext("{dots} Punkt", "{dots} Punkte", 1, lang, dots=1),
        "less": gettext("Einen Punkt weniger", lang),
        "more": gettext("Einen Punkt mehr", lang),
        "submitted": gettext("Danke! Ihr Beitrag ist angekommen.", lang),
        "voted": gettext(
            "Danke! Ihre Punkte sind gezählt. Sie können sie bis zum Schluss ändern.", lang
        ),
        "live": gettext("Live verbunden", lang),
        "offline": gettext("Verbindung unterbrochen – neuer Versuch …", lang),
        "polling": gettext("Aktualisierung alle paar Sekunden", lang),
        "sending": gettext("Wird gesendet …", lang),
        "send_failed": gettext("Senden fehlgeschlagen. Bitte noch einmal versuchen.", lang),
        "moved": gettext("Verbunden mit dem zweiten Laptop – Ihre Beiträge sind angekommen.", lang),
        "moving": gettext("Laptop antwortet nicht, wechsle …", lang),
        "dots_left_short": gettext("noch {left} von {budget} Punkten", lang),
        "dot_add": gettext("Punkt setzen: {text}", lang),
        "dot_remove": gettext("Punkt entfernen: {text}", lang),
        "over_budget": gettext(
            "Mehr als {budget} Punkte gehen nicht; bitte erst woanders einen wegnehmen.", lang
        ),
    }


def state_text(state: str, lang: str) -> str:
    """Return the badge of an agenda item in state `state` (running, paused, done, skipped)."""
    texts = {
        "running": lazy("läuft"),
        "paused": lazy("pausiert"),
        "done": lazy("erledigt"),
        "skipped": lazy("übersprungen"),
    }
    return texts[state].text(lang)


def time_left_text(current: dict[str, Any], now_ms: int, lang: str) -> str:
    """Return 'noch 12 Min.' / '3 Min. über der Zeit' for the running block."""
    remaining = current["remaining_ms"]
    if current.get("ends_at_ms") is not None:
        remaining = current["ends_at_ms"] - now_ms
    if remaining <= 0:
        over = -remaining // 60_000
        return (
            gettext("{minutes} Min. über der Zeit", lang, minutes=over)
            if over
            else gettext("Zeit ist um", lang)
        )
    text = gettext("noch {minutes} Min.", lang, minutes=-(-remaining // 60_000))
    if current["running"]:
        return text
    paused = gettext("pausiert", lang)
    return f"{text} ({paused})"


def _head(title: str, lang: str) -> Markup:
    return render(
        '<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="color-scheme" content="light dark">'
        "<title>{title}</title>"
        '<link rel="stylesheet" href="/static/join.css">'
        '<script src="/static/join.js" defer></script>'
        '<script src="/static/activity.js" defer></script>'
        '<script src="/static/failover.js" defer></script></head>',
        lang=lang,
        title=title,
    )


def _header(snap: dict[str, Any], lang: str, switch_href: str, code: str = "") -> Markup:
    workshop = snap["workshop"]
    meta = " · ".join(x for x in (workshop["date_text"], workshop["venue"]) if x)
    other = "en" if lang == "de" else "de"
    return render(
        '<header class="top"><p class="lang"><a href="{href}" hreflang="{other}" lang="{other}">'
        '{switch}</a> · <a href="{privacy_href}">{privacy}</a></p><h1 lang="{content}">{title}</h1>'
        '<p class="meta">{meta}</p></header>',
        content=workshop["content_lang"],
        href=switch_href,
        privacy_href=privacy_href(lang, code),
        privacy=gettext("Datenschutzhinweis", lang),
        other=other,
        switch=gettext("English", lang),
        title=workshop["title"],
        meta=meta,
    )


def privacy_href(lang: str, code: str = "") -> str:
    """The privacy notice's address; with the join code it links back to the workshop."""
    return f"/datenschutz?lang={lang}" + (f"&code={quote(code)}" if code else "")


def _now_section(
    current: dict[str, Any] | None, now_ms: int, lang: str, content: str = "de"
) -> Markup:
    if current is None:
        return render(
            '<section id="now" class="now" aria-labelledby="now-h"><h2 id="now-h">{now}</h2>'
            '<p id="now-title" class="now-title">{nothing}</p>'
            '<p class="now-time" id="now-time" hidden><span id="now-slot"></span> '
            '<strong id="countdown"></strong></p>'
            '<div id="instructions" hidden></div></section>',
            now=gettext("Jetzt", lang),
            nothing=gettext("Gerade läuft kein Programmpunkt.", lang),
        )
    instructions = Markup("")
    if current["instructions"]:
        paragraphs = join(
            render("<p>{p}</p>", p=p.strip())
            for p in current["instructions"].split("\n\n")
            if p.strip()
        )
        instructions = render(
            "<h3>{heading}: {method}</h3>{paragraphs}",
            heading=gettext("So geht’s", lang),
            method=current["method"],
            paragraphs=paragraphs,
        )
    return render(
        '<section id="now" class="now level-{level}" aria-labelledby="now-h">'
        '<h2 id="now-h">{now}</h2><p id="now-title" class="now-title" lang="{content}">{title}</p>'
        '<p class="now-time" id="now-time"><span id="now-slot">{start}–{end}</span> '
        '<strong id="countdown">{left}</strong></p>'
        '<div id="instructions"{hidden}>{instructions}</div></section>',
        level=current["level"],
        content=content,
        now=gettext("Jetzt", lang),
        title=current["title"],
        start=current["start"],
        end=current["end"],
        left=time_left_text(current, now_ms, lang),
        hidden=attrs(hidden=not instructions),
        instructions=instructions,
    )


def _collect_section(current: dict[str, Any] | None, action: str, client: str, lang: str) -> Markup:
    is_open = bool(current and current["collection_open"])
    kinds = current["kinds"] if current else []
    radios = join(
        render(
            '<label class="choice"><input type="radio" name="kind" value="{key}"{checked}> '
            "<span>{label}</span></label>",
            key=k["key"],
            label=k["label"],
            checked=attrs(checked=i == 0),
        )
        for i, k in enumerate(kinds)
    )
    return render(
        '<section id="collect" class="card" aria-labelledby="collect-h"{hidden}>'
        '<h2 id="collect-h">{heading}</h2><p id="collect-intro">{intro}</p>'
        '<form id="collect-form" method="post" action="{action}">'
        '<input type="hidden" name="client" value="{client}">'
        '<input type="hidden" name="item" value="{item}">'
        '<fieldset><legend>{kind}</legend><div id="kinds">{radios}</div></fieldset>'
        '<label for="c-text">{text_label}</label>'
        '<textarea id="c-text" name="text" rows="4" maxlength="{max}" required></textarea>'
        '<label for="c-author">{name}</label>'
        '<input id="c-author" name="author" maxlength="100" autocomplete="name">'
        '<label for="c-org">{org}</label>'
        '<input id="c-org" name="organisation" maxlength="150" autocomplete="organization">'
        '<button type="submit">{send}</button></form></section>',
        hidden=attrs(hidden=not is_open),
        heading=gettext("Ihr Beitrag", lang),
        intro=gettext(
            "Die Moderation sammelt gerade Beiträge zu „{title}“.", lang, title=current["title"]
        )
        if current
        else "",
        action=action,
        client=client,
        item=current["id"] if current else "",
        kind=gettext("Art", lang),
        radios=radios,
        text_label=gettext("Text (höchstens {max} Zeichen)", lang, max=MAX_SUBMISSION),
        max=MAX_SUBMISSION,
        name=gettext("Name (freiwillig)", lang),
        org=gettext("Organisation (freiwillig)", lang),
        send=gettext("Absenden", lang),
    )


def _pager(page_href: str, start: int, total: int, lang: str) -> Markup:
    """Links to the ballot's previous and next page, for phones without JavaScript."""
    links = []
    if start > 0:
        links.append((max(0, start - BALLOT_PAGE), gettext("Vorherige Einträge", lang)))
    if start + BALLOT_PAGE < total:
        last = min(total, start + 2 * BALLOT_PAGE)
        text = gettext(
            "Weitere Einträge ({first}–{last} von {total})",
            lang,
            first=start + BALLOT_PAGE + 1,
            last=last,
            total=total,
        )
        links.append((start + BALLOT_PAGE, text))
    return join(
        render('<a href="{href}">{text}</a> ', href=f"{page_href}&from={n}#vote", text=text)
        for n, text in links
    )


def _vote_section(
    current: dict[str, Any] | None,
    action: str,
    ballot: list[dict[str, str]],
    mine: dict[str, int],
    lang: str,
    page_href: str = "",
    start: int = 0,
) -> Markup:
    is_open = bool(current and current["voting_open"])
    everything = ballot if is_open else []
    # One page of the ballot in the HTML: a flood of entries must not make every page
    # load (and every phone without JavaScript) carry all of them.
    start = min(max(0, start), max(0, len(everything) - 1))
    ballot = everything[start : start + BALLOT_PAGE]
    budget = current["budget"] if current else 3
    most = current["per_item_max"] if current else 2
    entries = join(
        render(
            '<li><label for="d-{id}"><span class="kind">{kind}</span> {text}</label>'
            '<input type="number" id="d-{id}" name="dots.{id}" min="0" max="{max}" '
            'value="{value}" inputmode="numeric" aria-label="{aria}"></li>',
            id=c["id"],
            kind=c["kind"],
            text=c["text"],
            max=most,
            value=mine.get(c["id"], 0),
            aria=gettext("Punkte für: {text}", lang, text=c["text"][:60]),
        )
        for c in ballot
    )
    left = budget - sum(mine.values())
    paged = len(everything) > BALLOT_PAGE
    return render(
        '<section id="vote" class="card" aria-labelledby="vote-h"{hidden}>'
        '<h2 id="vote-h">{heading}</h2><p id="vote-intro">{intro}</p>'
        '<form id="vote-form" method="post" action="{action}">'
        '<input type="hidden" name="item" value="{item}">'
        '<ul id="ballot" class="ballot" data-ballot="{ballot_key}" data-mine="{mine}">'
        "{entries}</ul>"
        '<p id="ballot-pages" class="pages"{no_pages}>{pager}</p>'
        '<p id="no-ballot"{empty}>{no_ballot}</p>'
        '<p id="dots-left" aria-live="polite">{left}</p>'
        '<button type="submit">{send}</button></form></section>',
        hidden=attrs(hidden=not is_open),
        heading=gettext("Punkte vergeben", lang),
        intro=gettext(
            "Sie haben {budget} Punkte, höchstens {max} pro Eintrag.", lang, budget=budget, max=most
        ),
        action=action,
        item=current["id"] if current else "",
        # A paged ballot is loaded whole by join.js (an empty key makes it fetch).
        ballot_key=current["ballot_key"] if current and is_open and not paged else "",
        mine=dumps(mine),
        entries=entries,
        no_pages=attrs(hidden=not paged),
        pager=_pager(page_href, start, len(everything), lang) if paged else "",
        empty=attrs(hidden=bool(ballot)),
        no_ballot=gettext("Noch keine Einträge zur Abstimmung.", lang),
        left=gettext(
            "Noch {left} von {budget} Punkten frei.", lang, left=max(0, left), budget=budget
        ),
        send=gettext("Punkte abgeben", lang),
    )


def _results_section(current: dict[str, Any] | None, lang: str) -> Markup:
    shown = bool(current and current["results_revealed"])
    entries = join(
        render(
            '<li><span class="dots">{dots}</span> <span class="result-text">{text}</span></li>',
            dots=ngettext("{dots} Punkt", "{dots} Punkte", r["dots"], lang, dots=r["dots"]),
            text=r["text"],
        )
        for r in (current["results"] if current and shown else [])
    )
    return render(
        '<section id="results" class="card" aria-labelledby="results-h"{hidden}>'
        '<h2 id="results-h">{heading}</h2><ol id="result-list" class="results">{entries}</ol>'
        "</section>",
        hidden=attrs(hidden=not shown),
        heading=gettext("Ergebnis", lang),
        entries=entries,
    )


def _agenda_section(snap: dict[str, Any], lang: str) -> Markup:
    entries = join(
        render(
            '<li class="{state}"{current}><span class="slot">{start}</span> '
            '<span class="item-title" lang="{content}">{title}</span>{badge}</li>',
            state=f"state-{item['state'] or 'open'} kind-{item['kind']}",
            current=Markup(' aria-current="step"')
            if item["state"] in ("running", "paused")
            else "",
            start=item["start"],
            content=snap["workshop"]["content_lang"],
            title=item["title"],
            badge=render(' <span class="badge">{b}</span>', b=state_text(item["state"], lang))
            if item["state"] in ("running", "paused", "done", "skipped")
            else "",
        )
        for item in snap["agenda"]
    )
    return render(
        '<section id="agenda" aria-labelledby="agenda-h"><h2 id="agenda-h">{heading}</h2>'
        '<ol id="agenda-list" class="agenda">{entries}</ol></section>',
        heading=gettext("Ablauf", lang),
        entries=entries,
    )


def join_page(
    snap: dict[str, Any],
    *,
    code: str,
    lang: str,
    now_ms: int,
    ballot: list[dict[str, str]],
    ballot_from: int = 0,
    client: str,
    mine: dict[str, int],
    notice: str = "",
    activity: str = "",
) -> str:
    """Return the whole join page for one phone (`activity`: its form, see activity_view)."""
    q = f"code={quote(code)}&lang={lang}"
    current = snap["current"]
    strings = js_strings(lang)
    body = render(
        '<body data-code="{code}" data-lang="{lang}" data-version="{version}" '
        'data-strings="{strings}">'
        "{header}<main>"
        '<p id="notice" class="notice" role="status" aria-live="polite"{no_notice}>{notice}</p>'
        "{now}{activity}{collect}{vote}{results}{agenda}"
        '<p class="refresh"><a id="refresh" href="{refresh_href}">{refresh}</a>'
        ' <span class="hint">{refresh_hint}</span></p>'
        '<p class="register-link"><a class="button secondary" href="{register}">{reg}</a></p>'
        '</main><footer><p id="status" class="status" aria-live="polite"></p></footer>'
        "</body></html>",
        code=code,
        lang=lang,
        version=snap["version"],
        header=_header(snap, lang, f"/j/{quote(code)}?lang={'en' if lang == 'de' else 'de'}", code),
        refresh_href=f"/j/{quote(code)}?lang={lang}",
        refresh=gettext("Seite aktualisieren", lang),
        refresh_hint=gettext(
            "Ohne JavaScript: neu laden, um zu sehen, ob etwas geöffnet wurde.", lang
        ),
        no_notice=attrs(hidden=not notice),
        notice=notice,
        now=_now_section(current, now_ms, lang, snap["workshop"]["content_lang"]),
        activity=Markup(activity),
        collect=_collect_section(current, f"/api/submit?{q}", client, lang),
        vote=_vote_section(
            current,
            f"/api/vote?{q}",
            ballot,
            mine,
            lang,
            page_href=f"/j/{quote(code)}?lang={lang}",
            start=ballot_from,
        ),
        results=_results_section(current, lang),
        agenda=_agenda_section(snap, lang),
        register=f"/j/{quote(code)}/register?lang={lang}",
        reg=gettext("Kontaktdaten teilen", lang),
        # JSON in an attribute: escaped like any value, and no inline script for the CSP.
        strings=dumps(strings),
    )
    return _head(gettext("{title} – Teilnahme", lang, title=snap["workshop"]["title"]), lang) + body


def _org_fields(lang: str, organisations: list[str]) -> Markup:
    """Organisation type and municipality, with the known organisations as suggestions."""
    from facilitator.core.taxonomy import ORG_TYPES

    options = join(
        render('<option value="{key}">{label}</option>', key=key, label=label.get(lang))
        for key, label in ORG_TYPES.items()
    )
    return render(
        '<datalist id="r-orgs">{names}</datalist>'
        '<label for="r-type">{type_label}</label>'
        '<select id="r-type" name="org_type"><option value="">–</option>{options}</select>'
        '<label for="r-place">{place_label}</label>'
        '<input id="r-place" name="municipality" maxlength="200" autocomplete="address-level2">',
        names=join(render('<option value="{n}">', n=name) for name in organisations[:500]),
        type_label=gettext("Art der Organisation", lang),
        options=options,
        place_label=gettext("Kommune / Ort", lang),
    )


def privacy_page(title: str, paragraphs: tuple[str, ...], lang: str, code: str = "") -> str:
    """Return the privacy notice (Art. 13 GDPR) as a page of plain paragraphs.

    With the join code of the page it was opened from, it links back there.
    """
    back = Markup("")
    if code:
        back = render(
            '<p><a class="button" href="{href}">{text}</a></p>',
            href=f"/j/{quote(code)}?lang={lang}",
            text=gettext("Zurück zum Workshop", lang),
        )
    body = render(
        '<body><main><section class="card"><h1>{title}</h1>{paragraphs}</section>{back}'
        "</main></body></html>",
        title=title,
        paragraphs=join(render("<p>{p}</p>", p=p) for p in paragraphs),
        back=back,
    )
    return _head(title, lang) + body


def register_page(
    snap: dict[str, Any],
    *,
    code: str,
    lang: str,
    client: str,
    consent_text: str,
    organisations: Sequence[str] = (),
) -> str:
    """Return the registration form: consent unchecked, its text shown in full."""
    body = render(
        '<body>{header}<main><section class="card" aria-labelledby="reg-h">'
        '<h2 id="reg-h">{heading}</h2><p>{intro}</p>'
        '<form method="post" action="{action}">'
        '<input type="hidden" name="client" value="{client}">'
        '<label for="r-name">{name}</label>'
        '<input id="r-name" name="name" required maxlength="200" autocomplete="name">'
        '<label for="r-org">{org}</label>'
        '<input id="r-org" name="organisation" maxlength="200" autocomplete="organization" '
        'list="r-orgs">{org_fields}'
        '<label for="r-email">{email}</label>'
        '<input id="r-email" name="email" type="email" maxlength="200" autocomplete="email">'
        '<p class="hint">{email_hint}</p>'
        "<fieldset><legend>{consent_label}</legend>"
        '<label class="choice consent"><input type="checkbox" name="consent" value="1"> '
        '<span lang="{lang}">{consent_text}</span></label>'
        '<p><a href="{privacy_href}">{privacy}</a></p></fieldset>'
        '<button type="submit">{send}</button></form></section>'
        '<p><a href="{back_href}">{back}</a></p></main></body></html>',
        header=_header(
            snap, lang, f"/j/{quote(code)}/register?lang={'en' if lang == 'de' else 'de'}", code
        ),
        heading=gettext("Kontaktdaten teilen", lang),
        intro=gettext(
            "Tragen Sie sich ein, damit Sie im Protokoll stehen und andere Sie erreichen können.",
            lang,
        ),
        action=f"/api/register?code={quote(code)}&lang={lang}",
        client=client,
        name=gettext("Name", lang),
        org=gettext("Organisation", lang),
        org_fields=_org_fields(lang, list(organisations)),
        email=gettext("E-Mail", lang),
        email_hint=gettext("Die E-Mail-Adresse wird nur mit Einwilligung gespeichert.", lang),
        privacy_href=privacy_href(lang, code),
        privacy=gettext("Datenschutzhinweis", lang),
        consent_label=gettext("Einwilligung", lang),
        consent_text=consent_text,
        lang=lang,
        send=gettext("Eintragen", lang),
        back_href=f"/j/{quote(code)}?lang={lang}",
        back=gettext("Zurück zum Workshop", lang),
    )
    return _head(gettext("Kontaktdaten teilen", lang), lang) + body


def message_page(snap: dict[str, Any], *, code: str, lang: str, lines: list[str]) -> str:
    """Return a short confirmation page (for phones without JavaScript) with a way back."""
    body = render(
        '<body>{header}<main><div class="notice" role="status">{lines}</div>'
        '<p><a class="button" href="{back_href}">{back}</a></p></main></body></html>',
        header=_header(snap, lang, f"/j/{quote(code)}?lang={'en' if lang == 'de' else 'de'}", code),
        lines=join(render("<p>{line}</p>", line=line) for line in lines),
        back_href=f"/j/{quote(code)}?lang={lang}",
        back=gettext("Zurück zum Workshop", lang),
    )
    return _head(snap["workshop"]["title"], lang) + body

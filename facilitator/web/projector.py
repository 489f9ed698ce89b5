"""Provides the projector view (/beamer/TOKEN): QR code, block and timer, or an activity's results.

The token opens this view and nothing else (it is not the join code and not the
moderators' secret), and the view never shows a secret. The page is rendered on
the server (SVG charts, no JavaScript needed); projector.js replaces the stage
with each new version from /beamer/TOKEN/events and ticks the timer down.
"""

import asyncio
import hmac
import json
import secrets
from typing import Any

from aiohttp import web

from facilitator.core.activities import ACTIVITY_TYPES
from facilitator.locale import gettext, pgettext
from facilitator.store.activities import results, shown_activity
from facilitator.store.db import Store
from facilitator.store.workshops import latest_workshop, workshop_row
from facilitator.web import projector_svg as svg
from facilitator.web.keys import HUB, STORE
from facilitator.web.markup import Markup, join, render

META_KEY = "projector_token"
CHECK_SECONDS = 0.1  # how often a projector stream looks for a new version
KEEP_ALIVE_SECONDS = 15.0
PROJECTOR_STOP: web.AppKey[asyncio.Event] = web.AppKey("projector_stop", asyncio.Event)


def projector_token(store: Store) -> str:
    """Return this database's view-only projector token, creating one on first use."""
    token = store.get_meta(META_KEY)
    if not token:
        token = secrets.token_urlsafe(16)
        store.set_meta(META_KEY, token)
    return token


def projector_path(store: Store) -> str:
    """Return the projector's path on the participant server (/beamer/TOKEN)."""
    return f"/beamer/{projector_token(store)}"


def _require_token(request: web.Request) -> str:
    """Return the workshop the projector shows; 403 unless the token is right."""
    store = request.app[STORE]
    given = request.match_info.get("token", "").encode()
    if not hmac.compare_digest(given, projector_token(store).encode()):
        raise web.HTTPForbidden()
    return shown_workshop(request)


def shown_workshop(request: web.Request) -> str:
    """The session's workshop (the one the server serves), read afresh on each update.

    Only a server not tied to one workshop (tests, a bare create_app) falls back to
    the newest; the app and `serve` always pass theirs, so a workshop created or
    synced meanwhile never takes the projector.
    """
    return request.app[HUB].workshop_id or latest_workshop(request.app[STORE]).id


def projector_lang(request: web.Request, workshop_id: str) -> str:
    """The projector speaks the workshop's language (?lang= overrides), not the laptop browser's."""
    if request.query.get("lang") in ("de", "en"):
        return request.query["lang"]
    lang = workshop_row(request.app[STORE], workshop_id).get("lang")
    return lang if lang in ("de", "en") else "de"


def _join_url(request: web.Request, code: str) -> str:
    from facilitator.net import join_url, lan_addresses
    from facilitator.store.join_address import fixed_host

    port = request.url.port or 80
    return join_url(fixed_host(request.app[STORE]) or lan_addresses()[0], port, code)


def stage(request: web.Request, workshop_id: str) -> Markup:
    """Return the stage: an activity's results, else the running block, else the QR code."""
    store = request.app[STORE]
    lang = projector_lang(request, workshop_id)
    snap = request.app[HUB].snapshot(workshop_id, lang)
    current = snap["current"]
    activity = shown_activity(store, workshop_id, current["id"] if current else None)
    if activity is not None:
        shown = _activity_stage(results(store, activity["id"]), lang)
    elif current is not None:
        shown = _block_stage(snap, store.now_ms(), lang)
    else:
        return _idle_stage(request, workshop_id, snap, lang)  # the big QR code already
    return join([shown, _join_corner(request, workshop_id, lang)])


def _join_corner(request: web.Request, workshop_id: str, lang: str) -> Markup:
    """A small QR code and link in a corner, so late-comers get in during any block.

    The moderators hide it per workshop (j in the app); hidden, nothing of it is sent.
    """
    row = workshop_row(request.app[STORE], workshop_id)
    if row.get("beamer_join_hidden"):
        return Markup("")
    url = _join_url(request, row.get("join_code") or "")
    return render(
        '<aside class="join-corner"><div class="corner-qr">{qr}</div>'
        '<p><b>{label}</b><br><span class="corner-url">{url}</span></p></aside>',
        qr=svg.qr_svg(url),
        label=pgettext("Beamer", "Mitmachen", lang),
        url=url.removeprefix("http://"),
    )


def _idle_stage(request: web.Request, workshop_id: str, snap: dict[str, Any], lang: str) -> Markup:
    row = workshop_row(request.app[STORE], workshop_id)
    url = _join_url(request, row.get("join_code") or "")
    wifi = [
        gettext("WLAN: {name}", lang, name=row["wifi_name"]) if row.get("wifi_name") else "",
        gettext("Passwort: {password}", lang, password=row["wifi_password"])
        if row.get("wifi_password")
        else "",
    ]
    return render(
        '<div class="idle"><div class="qr-box">{qr}</div><div class="idle-text">'
        '<h1>{title}</h1><p class="big">{join}</p><p>{or_}</p>'
        '<p class="url">{url}</p>{wifi}</div></div>',
        qr=svg.qr_svg(url),
        title=snap["workshop"]["title"],
        join=gettext("Mitmachen: QR-Code scannen", lang),
        or_=gettext("oder im Browser öffnen:", lang),
        url=url,
        wifi=join(render('<p class="wifi">{w}</p>', w=w) for w in wifi if w),
    )


def _block_stage(snap: dict[str, Any], now_ms: int, lang: str) -> Markup:
    current = snap["current"]
    ids = [item["id"] for item in snap["agenda"]]
    later = snap["agenda"][ids.index(current["id"]) + 1 :] if current["id"] in ids else []
    upcoming = next((i for i in later if i["state"] != "done"), None)
    return render(
        '<div class="block level-{level}"><h1>{title}</h1>'
        '<p id="timer" class="timer" data-ends-at="{ends}" data-remaining="{remaining}" '
        'data-running="{running}">{left}</p>{next}</div>',
        level=current["level"],
        title=current["title"],
        ends=current["ends_at_ms"] or "",
        remaining=current["remaining_ms"],
        running=int(current["running"]),
        left=_clock(current, now_ms),
        next=render(
            '<p class="next">{n}</p>',
            n=gettext(
                "Danach: {title} ({start})", lang, title=upcoming["title"], start=upcoming["start"]
            ),
        )
        if upcoming
        else "",
    )


def _clock(current: dict[str, Any], now_ms: int) -> str:
    remaining = current["remaining_ms"]
    if current.get("ends_at_ms") is not None:
        remaining = current["ends_at_ms"] - now_ms
    sign = "−" if remaining < 0 else ""
    seconds = abs(remaining) // 1000
    return f"{sign}{seconds // 60}:{seconds % 60:02d}"


def _activity_stage(found: dict[str, Any], lang: str) -> Markup:
    kind = found["type"]
    state = (
        gettext("Jetzt auf dem Telefon antworten", lang)
        if found["is_open"]
        else gettext("Abgeschlossen", lang)
    )
    count = gettext("{n} Antworten", lang, n=found["answers"])
    if not found["results_revealed"]:
        body = render(
            '<p class="hidden-results">{h}</p>', h=gettext("Ergebnisse folgen gleich", lang)
        )
    elif not found["answers"] and kind != "questions":
        body = render('<p class="hidden-results">{h}</p>', h=gettext("Noch keine Antworten.", lang))
    else:
        body = _chart(found, lang)
    return render(
        '<div class="activity type-{kind}"><p class="kind">{label} · {state} · {count}</p>'
        "<h1>{prompt}</h1>{body}</div>",
        kind=kind,
        label=ACTIVITY_TYPES[kind].get(lang),
        state=state,
        count=count,
        prompt=found["prompt"],
        body=body,
    )


def _chart(found: dict[str, Any], lang: str) -> Markup:
    kind = found["type"]
    if kind == "choice":
        return svg.bars([(o["option"], o["count"]) for o in found["options"]])
    if kind == "dots":
        return svg.bars([(e["text"], e["dots"]) for e in found["entries"]])
    if kind == "wordcloud":
        return svg.word_cloud(found["words"])
    if kind == "scale":
        return svg.scale_rows(found["statements"], found["labels"])
    if kind == "matrix":
        return svg.scatter(found["entries"], found["axes"], _quadrants(found["axes"], lang))
    if kind == "form":
        return _form_chart(found, lang)
    return _questions_chart(found)


def _questions_chart(found: dict[str, Any]) -> Markup:
    """A Q&A's first eight questions with their votes."""
    listed = join(
        render(
            '<li class="{cls}"><span class="votes">{v}</span> {t}</li>',
            cls="answered" if q["answered"] else "",
            v=q["votes"],
            t=q["text"],
        )
        for q in found["questions"][:8]
    )
    return render('<ol class="questions">{items}</ol>', items=listed)


def _quadrants(axes: list[str], lang: str) -> list[str]:
    """Name the four fields of the 2×2 by its axes: top left, top right, bottom left, right."""
    x, y = axes
    low, high = gettext("niedrig", lang), gettext("hoch", lang)
    return [
        gettext("{x} {xv} · {y} {yv}", lang, x=x, xv=xv, y=y, yv=yv)
        for yv, xv in ((high, low), (high, high), (low, low), (low, high))
    ]


def _rating_row(found: dict[str, Any], field: dict[str, Any], lang: str) -> dict[str, Any]:
    """One rating of a set as a row of the scale chart: how often each of 1 … 5 was given."""
    given = [r["values"].get(field["key"]) for r in found["rows"]]
    counts = [sum(1 for g in given if g == v) for v in range(1, 6)]
    return {
        "statement": field["en"] if lang == "en" else field["de"],
        "counts": counts,
        "n": sum(counts),
        "mean": found["means"].get(field["key"]),
    }


def _form_chart(found: dict[str, Any], lang: str) -> Markup:
    """A set's results: the ratings' distributions, else the first choice's counts."""
    from facilitator.core.activity_forms import field_label

    ratings = [f for f in found["fields"] if f["kind"] == "rating"]
    if ratings:
        return svg.scale_rows([_rating_row(found, field, lang) for field in ratings], [])
    for field in found["fields"]:
        if field["kind"] in ("choice", "topic") and found["counts"].get(field["key"]):
            counts = found["counts"][field["key"]]
            return svg.bars([(field_label(field, k, lang), n) for k, n in counts.items()])
    return Markup("")


def _page(request: web.Request, workshop_id: str) -> str:
    lang = projector_lang(request, workshop_id)
    theme = "light" if request.query.get("theme") == "light" else "dark"
    base = request.path.rstrip("/")
    other = "dark" if theme == "light" else "light"
    return render(
        '<!doctype html>\n<html lang="{lang}" class="{theme}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>Beamer</title>"
        '<link rel="stylesheet" href="/static/projector.css">'
        '<script src="/static/projector.js" defer></script></head>'
        '<body data-events="{events}" data-server-ms="{now}">'
        '<main id="stage">{stage}</main>'
        '<a class="theme-switch" href="{switch}">◐</a>'
        '<noscript><meta http-equiv="refresh" content="5"></noscript></body></html>',
        lang=lang,
        theme=theme,
        events=f"{base}/events?lang={lang}",
        now=request.app[STORE].now_ms(),
        stage=stage(request, workshop_id),
        switch=f"{base}?theme={other}&lang={lang}",
    )


async def page(request: web.Request) -> web.Response:
    """GET /beamer/{token}: the full-screen projector page."""
    workshop_id = _require_token(request)
    return web.Response(text=_page(request, workshop_id), content_type="text/html")


async def events(request: web.Request) -> web.StreamResponse:
    """GET /beamer/{token}/events: the stage as HTML, again after each change."""
    workshop_id = _require_token(request)
    store = request.app[STORE]
    stop = request.app[PROJECTOR_STOP]
    response = web.StreamResponse(
        headers={"Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store"}
    )
    await response.prepare(request)
    loop = asyncio.get_running_loop()
    sent, last_write = -1, loop.time()
    try:
        await response.write(b"retry: 1000\n\n")
        while not stop.is_set():
            version = store.version
            # the moderators may open another workshop in the app: follow it
            showing = shown_workshop(request)
            if version != sent or showing != workshop_id:
                sent, workshop_id = version, showing
                data = {"html": stage(request, workshop_id), "server_ms": store.now_ms()}
                message = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
                await response.write(b"data: " + message.encode() + b"\n\n")
                last_write = loop.time()
            elif loop.time() - last_write > KEEP_ALIVE_SECONDS:
                await response.write(b": keep-alive\n\n")
                last_write = loop.time()
            try:
                await asyncio.wait_for(stop.wait(), CHECK_SECONDS)
            except TimeoutError:
                pass
    except ConnectionError:
        pass  # the projector's browser went away
    return response


def setup(app: web.Application) -> None:
    app[PROJECTOR_STOP] = asyncio.Event()

    async def stop_streams(app: web.Application) -> None:
        app[PROJECTOR_STOP].set()

    app.on_shutdown.append(stop_streams)
    app.router.add_get("/beamer/{token}", page)
    app.router.add_get("/beamer/{token}/events", events)

"""Provides the failover scenario: two laptops as processes, phones in Chromium, a SIGKILL.

Laptop A and laptop B each run `facilitator serve` (phones) and `facilitator sync`
(A listens, B follows) on their own database and loopback address (127.0.0.2 and
127.0.0.3). Phones join at A and send entries; A's processes are killed with SIGKILL,
one entry in flight; each phone must be on B within seconds, keep its identity, and
B must end with every entry once. Used by tests/e2e/test_failover.py and
benchmarks/failover.py.
"""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from facilitator.core.agenda_format import parse_agenda
from facilitator.store import open_store
from facilitator.store.agenda import list_items, update_item
from facilitator.store.captures import list_captures
from facilitator.store.room import set_phones_share_address
from facilitator.store.timer import advance, start_or_pause
from facilitator.store.workshops import create_workshop, get_workshop
from facilitator.sync.pairing import pairing_code

ROOT = Path(__file__).resolve().parents[2]
AGENDA = ROOT / "tests" / "data" / "agenda.toml"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"]
PHONE = {"width": 390, "height": 844}


def free_port(host: str) -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


def wait_until(condition, seconds: float, what: str, step: float = 0.1) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not so within {seconds} s: {what}")
        time.sleep(step)


@dataclass
class Laptop:
    """One laptop: a database, an address, its `serve` and `sync` processes."""

    name: str
    db: Path
    host: str
    logs: Path
    phone_port: int = 0
    processes: list[subprocess.Popen] = field(default_factory=list)

    def run(self, *args: str) -> subprocess.Popen:
        env = dict(os.environ, FACILITATOR_DB=str(self.db), PYTHONPATH=str(ROOT))
        log = open(self.logs / f"{self.name}-{args[0]}.log", "ab")
        process = subprocess.Popen(
            [sys.executable, "-m", "facilitator", *args], env=env, stdout=log, stderr=log
        )
        self.processes.append(process)
        return process

    def serve(self, workshop_id: str) -> None:
        self.phone_port = free_port(self.host)
        self.run("serve", "--host", self.host, "--port", str(self.phone_port), "-w", workshop_id)
        wait_until(lambda: self.alive(), 30, f"{self.name} serves phones")

    @property
    def base(self) -> str:
        return f"http://{self.host}:{self.phone_port}"

    def alive(self) -> bool:
        try:
            with urllib.request.urlopen(self.base + "/api/ping", timeout=1) as answer:
                return answer.status == 204
        except OSError:
            return False

    def state(self, code: str) -> dict:
        with urllib.request.urlopen(f"{self.base}/api/state?code={code}", timeout=5) as answer:
            return json.loads(answer.read())

    def kill_sync(self) -> None:
        """The line between the laptops goes down: this laptop's sync process dies."""
        for process in [p for p in self.processes if p.args[3] == "sync"]:
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=10)
            self.processes.remove(process)

    def kill(self) -> None:
        """The laptop dies: every process at once, no chance to clean up."""
        for process in self.processes:
            process.send_signal(signal.SIGKILL)
        for process in self.processes:
            process.wait(timeout=10)
        self.processes.clear()

    def captures(self, workshop_id: str) -> list[str]:
        if not self.db.exists():
            return []
        store = open_store(self.db, create=False)
        try:
            return [c.text for c in list_captures(store, workshop_id)]
        except Exception:
            return []
        finally:
            store.close()


@dataclass
class Figures:
    phones: int
    sent: int
    moved_s: list[float]
    lost: int
    duplicated: int
    identities_kept: int
    joined_s: float = 0.0  # all phones joined at A, one after another
    voters: int = 0  # with `vote`: phones whose dots B counted
    vote_s: float = 0.0  # from the vote opening on B until every phone's dots were taken
    clean_urls: int = 0  # phones on B whose address shows no move token, no fragment
    killed_at: float = 0.0  # time.time() of the kill, with FAILOVER_TRACE (else 0)


def prepare(
    folder: Path, serve_b: bool = True, nat: bool = False
) -> tuple[Laptop, Laptop, str, str]:
    """A's database with a workshop whose collecting block runs; B paired, synced, serving
    (with `serve_b`; else B serves later, see `serve_late`). With `nat`, the moderators'
    "phones share one address" setting is on (it reaches B with the workshop)."""
    a = Laptop("A", folder / "a.db", "127.0.0.2", folder)
    b = Laptop("B", folder / "b.db", "127.0.0.3", folder)
    store = open_store(a.db)
    template = parse_agenda(AGENDA.read_text(encoding="utf-8"), str(AGENDA), None)
    workshop_id = create_workshop(store, "Vernetzungsworkshop Esslingen", template)
    start_or_pause(store, workshop_id)
    advance(store, workshop_id)
    advance(store, workshop_id)
    update_item(store, list_items(store, workshop_id)[2].id, collection_open=1)
    if nat:
        set_phones_share_address(store, workshop_id, True)
    code, pairing = get_workshop(store, workshop_id).join_code or "", pairing_code(store)
    store.close()
    sync_port = free_port(a.host)
    a.run("sync", "--listen", f"{a.host}:{sync_port}")
    peer = f"https://{a.host}:{sync_port}"
    b.run("sync", "--peer", peer, "--code", pairing, "--interval", "0.2")
    wait_until(lambda: _has_workshop(b.db, workshop_id), 40, "B has the workshop")
    a.serve(workshop_id)
    if serve_b:
        serve_late(a, b, workshop_id, code)
    return a, b, workshop_id, code


def serve_late(a: Laptop, b: Laptop, workshop_id: str, code: str) -> None:
    """B starts serving phones; its address reaches A (and A's phones) through sync."""
    b.serve(workshop_id)
    wait_until(lambda: len(a.state(code)["servers"]) == 2, 30, "A knows B's address")


def _has_workshop(db: Path, workshop_id: str) -> bool:
    if not db.exists():
        return False
    try:
        store = open_store(db, create=False)
    except Exception:
        return False
    try:
        get_workshop(store, workshop_id)
        return True
    except Exception:
        return False
    finally:
        store.close()


NOTICE = "() => document.getElementById('notice').textContent || ''"


def _send(page, text: str, wait: bool = True) -> None:
    """Type and send an entry as a person does; "too many requests" (all these phones
    share 127.0.0.1, as behind a NAT) is answered as a person would: again, a bit later."""
    for _ in range(20):
        page.fill("#c-text", text)
        page.click("#collect-form button[type=submit]")
        if not wait:
            return
        page.wait_for_function(
            f"() => ({NOTICE})().startsWith('Danke') || ({NOTICE})().startsWith('Zu viele')"
        )
        said = page.evaluate(NOTICE)
        page.evaluate("() => { document.getElementById('notice').textContent = ''; }")
        if said.startswith("Danke"):
            return
        time.sleep(1.1)
    raise AssertionError(f"{text!r} was not taken")


def _phone_id(page, code: str) -> str:
    token = page.evaluate(
        "async (q) => (await (await fetch('/api/identity?code=' + q)).json()).move", code
    )
    return token.split(".")[0]


# Each page notes the moment it says it is on the second laptop, by its own clock (the
# machine's): read afterwards, a figure does not include how long this process took to
# get round to asking 60 busy pages.
# With FAILOVER_TRACE set, each page also logs when it loaded and when it began to move
# (the benchmark prints where the seconds went).
MOVED_AT = """
var trace = %s, moving = false;
if (trace) {
  console.log("trace load " + Math.round(performance.timeOrigin) + " " + location.pathname);
}
new MutationObserver(function () {
  var n = document.getElementById("notice"), text = n ? n.textContent : "";
  if (trace && !moving && text.indexOf("Laptop antwortet nicht") === 0) {
    moving = true; console.log("trace moving " + Date.now() + " " + location.pathname);
  }
  if (!window.__movedAt && text.indexOf("Verbunden mit dem zweiten") === 0) {
    window.__movedAt = Date.now();
  }
}).observe(document, { subtree: true, childList: true, characterData: true });
"""
TRACE = bool(os.environ.get("FAILOVER_TRACE"))
TRACES: list[list[str]] = []  # per phone, with FAILOVER_TRACE: its "trace …" console lines


def _moved(pages: list, base: str, killed: float, seconds: float = 30) -> list[float]:
    """Seconds from the kill (`time.time()`) until each phone is on B with its identity,
    entries resent and the page live again ("Verbunden mit dem zweiten Laptop")."""
    moved: dict[int, float] = {}
    deadline = time.monotonic() + seconds
    while len(moved) < len(pages) and time.monotonic() < deadline:
        for n, page in enumerate(pages):
            if n in moved:
                continue
            try:
                where, at = page.evaluate("() => [location.href, window.__movedAt || 0]")
            except Exception:  # the page is between two loads
                continue
            if where.startswith(base + "/j/") and at:
                moved[n] = at / 1000 - killed
        time.sleep(0.05)
    if len(moved) < len(pages):
        where = []  # what the stragglers show: the next person's first clue
        for n, page in enumerate(pages):
            if n not in moved:
                try:
                    where.append(page.evaluate(f"() => location.href + ' ' + ({NOTICE})()"))
                except Exception as err:
                    where.append(f"({type(err).__name__})")
        raise AssertionError(
            f"{len(pages) - len(moved)} phone(s) not on B within {seconds} s: {where[:5]}"
        )
    return [moved[n] for n in range(len(pages))]


def _vote(pages: list, b: Laptop, workshop_id: str) -> float:
    """B opens the block's dot vote; every phone places one dot and sends it (all at once,
    as a room does when the moderator says "now"). Return the seconds until all were taken."""
    store = open_store(b.db, create=False)
    try:
        update_item(store, list_items(store, workshop_id)[2].id, voting_open=1, dot_budget=3)
    finally:
        store.close()
    opened = time.monotonic()
    for page in pages:
        page.wait_for_selector("#ballot .stepper button:nth-of-type(2)")
    waiting = list(pages)
    for _ in range(20):
        for page in waiting:
            page.evaluate("() => { document.getElementById('notice').textContent = ''; }")
            if page.evaluate("() => Number(document.querySelector('#ballot input').value)") < 1:
                page.click("#ballot .stepper button:nth-of-type(2)")
            page.click("#vote-form button[type=submit]")
        again = []
        for page in waiting:
            page.wait_for_function(
                f"() => ({NOTICE})().startsWith('Danke') || ({NOTICE})().startsWith('Zu viele')"
            )
            if not page.evaluate(NOTICE).startswith("Danke"):
                again.append(page)
        if not again:
            return time.monotonic() - opened
        waiting = again
        time.sleep(1.1)
    raise AssertionError(f"{len(waiting)} phone(s) could not vote")


def _voters(b: Laptop, workshop_id: str) -> int:
    store = open_store(b.db, create=False)
    try:
        item = list_items(store, workshop_id)[2].id
        row = store.conn.execute(
            "SELECT count(DISTINCT voter) FROM vote WHERE agenda_item_id = ? AND dots > 0", [item]
        ).fetchone()
        return int(row[0])
    finally:
        store.close()


def run_room(
    folder: Path,
    phones: int = 5,
    before: int = 2,
    after: int = 2,
    cut_sync: bool = True,
    b_late: bool = False,
    nat: bool = False,
    vote: bool = False,
) -> Figures:
    """Run the scenario; return what the phones and laptop B saw.

    With `cut_sync`, B's sync dies before the phones send anything: what A took never
    reaches B through sync, so only the phones themselves can bring it (the worst case).
    With `b_late`, B starts serving only after the phones joined A: they learn of it live.
    With `vote`, B opens a dot vote at the end and every phone places a dot.
    """
    from playwright.sync_api import sync_playwright

    a, b, workshop_id, code = prepare(folder, serve_b=not b_late, nat=nat)
    sent: list[str] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            pages = []
            joining = time.monotonic()
            for _ in range(phones):
                context = browser.new_context(viewport=PHONE, is_mobile=True, locale="de-DE")
                context.add_init_script(MOVED_AT % ("true" if TRACE else "false"))
                page = context.new_page()
                if TRACE:
                    lines: list[str] = []
                    TRACES.append(lines)
                    page.on(
                        "console",
                        lambda m, lines=lines: m.text.startswith("trace ") and lines.append(m.text),
                    )
                page.set_default_timeout(30000)  # 60 pages on two busy cores
                page.goto(f"{a.base}/j/{code}")
                page.wait_for_selector("#collect:not([hidden])")
                pages.append(page)
            joined = time.monotonic() - joining
            if b_late:
                serve_late(a, b, workshop_id, code)
                for page in pages:  # each loads itself again to be allowed to reach B
                    page.wait_for_function(
                        "() => performance.getEntriesByType('navigation')[0].type === 'reload'"
                    )
                    page.wait_for_selector("#collect:not([hidden])")
            ids = [_phone_id(page, code) for page in pages]
            if cut_sync:
                b.kill_sync()
            for n, page in enumerate(pages):
                for k in range(before):
                    sent.append(f"Telefon {n} Eintrag {k} auf A")
                    _send(page, sent[-1])
            # one entry each in flight as laptop A dies
            for n, page in enumerate(pages):
                sent.append(f"Telefon {n} unterwegs")
                _send(page, sent[-1], wait=False)
            a.kill()
            killed = time.time()
            moved = _moved(pages, b.base, killed)
            for page in pages:
                page.wait_for_selector("#collect:not([hidden])")
            kept = sum(_phone_id(page, code) == ids[n] for n, page in enumerate(pages))
            clean = sum(
                page.url == f"{b.base}/j/{code}?lang=de"
                and "move" not in page.evaluate("() => document.referrer + location.href")
                for page in pages
            )
            for n, page in enumerate(pages):
                for k in range(after):
                    sent.append(f"Telefon {n} Eintrag {k} auf B")
                    _send(page, sent[-1])
            voting = _vote(pages, b, workshop_id) if vote else 0.0
            browser.close()
        wait_until(lambda: set(sent) <= set(b.captures(workshop_id)), 20, "B has every entry")
        stored = b.captures(workshop_id)
        return Figures(
            phones=phones,
            sent=len(sent),
            moved_s=moved,
            lost=len(set(sent) - set(stored)),
            duplicated=len(stored) - len(set(stored)),
            identities_kept=kept,
            joined_s=joined,
            voters=_voters(b, workshop_id) if vote else 0,
            vote_s=voting,
            clean_urls=clean,
            killed_at=killed if TRACE else 0.0,
        )
    finally:
        a.kill()
        b.kill()

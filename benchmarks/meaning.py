"""Provides the meaning figures of issue 24 on tests/data/meaning/{dev,test}, for any checkout.

Run alone: python benchmarks/meaning.py [--split dev|test | --data DIR] [--json]
--data DIR measures another folder with the same seven files (a hold-out set; see
tests/data/meaning/README.md for their columns). It measures the `facilitator` package it
imports, through the public functions that main
and this branch share (pair_offers, cluster_mentions, suggest_topic, resolve_place,
word_key), so benchmarks/series.py can run it once on today's main (a `git archive` of the
baseline commit) and once on this checkout, and print both side by side.
"""

import argparse
import inspect
import json
import sys
from collections import Counter, defaultdict
from math import comb
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "meaning"
FILES = (
    "topics.tsv", "pairs.tsv", "distractors.tsv", "clusters.tsv", "places.tsv",
    "wordcloud.tsv", "solutions.tsv",
)  # fmt: skip


ADDED = "# Sitzung 6"  # the harder lines added later begin under this comment in each file


def earlier(split: str, folder: Path) -> str:
    """Write the split's lines from before ADDED into folder; return it as a split to measure.

    Tests written for the first sets keep asserting on exactly those lines.
    """
    folder.mkdir(parents=True, exist_ok=True)
    for name in FILES:
        text = (DATA / split / name).read_text("utf-8")
        (folder / name).write_text(text.split(ADDED)[0], "utf-8")
    return str(folder)


def rows(split: str, name: str) -> list[list[str]]:
    """Return the tab-separated rows of one data file (split: "dev", "test" or a folder)."""
    text = (DATA / split / name).read_text("utf-8")  # an absolute folder replaces DATA
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return [line.split("\t") for line in lines]


def _vectors(texts: list[str]) -> list:
    """Return the texts' sentence vectors where this checkout has an encoder, else Nones."""
    try:
        from facilitator import sentence_vectors
    except ImportError:  # a checkout before the sentence encoder
        return [None] * len(texts)
    if not sentence_vectors.available():
        return [None] * len(texts)
    return list(sentence_vectors.encode(texts))


def topics(split: str) -> dict:
    """Return topic top-1, top-3 and no-suggestion shares."""
    from facilitator.core.topic_model import suggest_topic
    from facilitator.topics import shipped_model

    model = shipped_model()
    top1 = top3 = none = 0
    data = rows(split, "topics.tsv")
    takes_vectors = "vector" in inspect.signature(suggest_topic).parameters
    texts = [text for _, text in data]
    vectors = _vectors(texts) if takes_vectors else [None] * len(texts)
    for (gold, text), vector in zip(data, vectors, strict=True):
        extra = {"vector": vector} if vector is not None else {}
        found = [s.topic for s in suggest_topic(text, model, limit=3, **extra)]
        top1 += bool(found) and found[0] == gold
        top3 += gold in found
        none += not found
    n = len(data)
    return {"topic_top1": top1 / n, "topic_top3": top3 / n, "topic_none": none / n, "topic_n": n}


def pairing(split: str) -> dict:
    """Return how often the true offer is first / in the top 3, and distractors paired."""
    from facilitator.core.pairing import Statement, pair_offers

    pairs = rows(split, "pairs.tsv")
    distractors = [r[0] for r in rows(split, "distractors.tsv")]
    offers = [Statement(f"A{i}", offer) for i, (_, offer) in enumerate(pairs)]
    requests = [Statement(f"R{i}", req) for i, (req, _) in enumerate(pairs)]
    requests += [Statement(f"D{i}", text) for i, text in enumerate(distractors)]
    if "vector" in inspect.signature(Statement).parameters:  # a checkout that blends vectors
        said = [*offers, *requests]
        vectors = _vectors([s.text for s in said])
        said = [Statement(s.org, s.text, s.topic, v) for s, v in zip(said, vectors, strict=True)]
        offers, requests = said[: len(offers)], said[len(offers) :]
    found = pair_offers(offers, requests, limit=100000)
    ranked: dict[str, list[str]] = defaultdict(list)
    for pair in found:  # already best first
        ranked[pair.request_org].append(pair.offer_org)
    first = sum(ranked[f"R{i}"][:1] == [f"A{i}"] for i in range(len(pairs)))
    top3 = sum(f"A{i}" in ranked[f"R{i}"][:3] for i in range(len(pairs)))
    paired = sum(bool(ranked[f"D{i}"]) for i in range(len(distractors)))
    return {
        "pair_first": first / len(pairs),
        "pair_top3": top3 / len(pairs),
        "distractors_paired": paired / len(distractors),
        "pairs_listed": len(found),
        "pairs_n": len(pairs),
    }


def adjusted_rand(gold: list[str], found: list[int]) -> float:
    """Return the adjusted Rand index of two labelings of the same items."""
    table = Counter(zip(gold, found, strict=True))
    a, b = Counter(gold), Counter(found)
    index = sum(comb(n, 2) for n in table.values())
    sum_a, sum_b = sum(comb(n, 2) for n in a.values()), sum(comb(n, 2) for n in b.values())
    expected = sum_a * sum_b / comb(len(gold), 2)
    top = (sum_a + sum_b) / 2
    return (index - expected) / (top - expected) if top != expected else 1.0


def clusters(split: str) -> dict:
    """Return adjusted Rand and the share of true clusters recovered (Jaccard >= 0.5)."""
    from facilitator.core.clusters import Mention, cluster_mentions
    from facilitator.topics import keyword_vocabulary

    data = rows(split, "clusters.tsv")
    mentions = [Mention(text, organisation=ws, key=str(k)) for k, (_, ws, text) in enumerate(data)]
    if "vector" in inspect.signature(Mention).parameters:  # a checkout that blends vectors
        vectors = _vectors([m.text for m in mentions])
        mentions = [
            Mention(m.text, organisation=m.organisation, key=m.key, vector=v)
            for m, v in zip(mentions, vectors, strict=True)
        ]
    found = cluster_mentions(mentions, vocabulary=keyword_vocabulary())
    label = {m.key: c for c, cluster in enumerate(found) for m in cluster.members}
    gold = [g if g != "-" else f"-{k}" for k, (g, _, _) in enumerate(data)]
    ari = adjusted_rand(gold, [label[str(k)] for k in range(len(data))])
    truth: dict[str, set[str]] = defaultdict(set)
    for k, g in enumerate(gold):
        if not g.startswith("-"):
            truth[g].add(str(k))
    groups = [{m.key for m in c.members} for c in found]
    recovered = sum(any(len(t & g) / len(t | g) >= 0.5 for g in groups) for t in truth.values())
    share = recovered / len(truth)
    return {"cluster_ari": ari, "clusters_recovered": share, "clusters_n": len(truth)}


def solutions(split: str) -> dict:
    """Return how often the right measure ranks first for a challenge."""
    data = rows(split, "solutions.tsv")
    problems, measures = [p for p, _ in data], [m for _, m in data]
    try:
        from facilitator.core.meaning import rank_matches
    except ImportError:  # today's main: TF-IDF over stems (export/solutions_model.py)
        from facilitator.core.textsim import TermModel, neighbours
        from facilitator.topics import keyword_vocabulary

        model = TermModel(problems + measures, keyword_vocabulary())
        asked, offered = [model.vector(p) for p in problems], [model.vector(m) for m in measures]
        scores = neighbours(asked, offered, 0.1)

        def rank_matches(left, right):  # the engine's signature; today's scores are above
            best: dict[int, list[tuple[float, int]]] = defaultdict(list)
            for (i, j), score in scores.items():
                best[i].append((score, j))
            return {i: [j for _, j in sorted(v, reverse=True)] for i, v in best.items()}

    extra = {}
    if "left_vectors" in inspect.signature(rank_matches).parameters:  # blends vectors
        vectors = _vectors(problems + measures)
        if vectors and vectors[0] is not None:
            extra = {
                "left_vectors": vectors[: len(problems)],
                "right_vectors": vectors[len(problems) :],
            }
    ranked = rank_matches(problems, measures, **extra)
    first = sum(ranked.get(i, [])[:1] == [i] for i in range(len(data)))
    return {"solution_first": first / len(data), "solutions_n": len(data)}


def places(split: str) -> dict:
    """Return the share of written places resolved to the right municipality."""
    from facilitator.geo import resolve_place

    data = rows(split, "places.tsv")
    right = 0
    for written, gold in data:
        found = resolve_place(written).municipality
        right += found is not None and found.name == gold
    return {"places": right / len(data), "places_n": len(data)}


def wordcloud(split: str) -> dict:
    """Return the share of form groups folded into one key that no other group shares."""
    from facilitator.core.activity_words import word_key

    data = rows(split, "wordcloud.tsv")
    keys: dict[str, set[str]] = defaultdict(set)
    for group, answer in data:
        keys[group].add(word_key(answer))
    owners = Counter(k for ks in keys.values() for k in ks)
    whole = sum(len(ks) == 1 and owners[next(iter(ks))] == 1 for ks in keys.values())
    return {"wordcloud_groups": whole / len(keys), "wordcloud_n": len(keys)}


def measure(split: str) -> dict:
    """Return every figure of one split."""
    found: dict = {}
    for step in (topics, pairing, clusters, solutions, places, wordcloud):
        found.update(step(split))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", choices=["dev", "test"], default="dev")
    parser.add_argument("--data", type=Path, help="A folder with the seven files instead.")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    split = args.split
    if args.data is not None:
        folder = args.data.resolve()
        missing = [name for name in FILES if not (folder / name).is_file()]
        if missing:
            parser.exit(2, f"{folder} lacks {', '.join(missing)}.\n")
        split = str(folder)
    figures = measure(split)
    if args.json:
        print(json.dumps(figures))
        return
    for key, value in figures.items():
        print(f"{key}: {value:.3f}" if isinstance(value, float) else f"{key}: {value}")


if __name__ == "__main__":
    sys.exit(main())

"""Tests the meaning figures of issue 24 on the held-out split (tests/data/meaning/test)."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import meaning  # benchmarks/meaning.py: the same measurement as the benchmark)


@pytest.fixture(scope="module")
def figures() -> dict:
    return meaning.measure("test")


def test_pairing_finds_partners_that_share_few_words(figures):
    assert figures["pair_first"] >= 0.5 and figures["pair_top3"] >= 0.75
    assert figures["distractors_paired"] <= 0.25


def test_near_duplicates_cluster_and_solutions_rank_first(figures):
    assert figures["cluster_ari"] >= 0.5 and figures["clusters_recovered"] >= 2 / 3
    assert figures["solution_first"] >= 0.5


def test_topics_are_suggested_for_nearly_every_capture(figures):
    assert figures["topic_none"] <= 0.03 and figures["topic_top3"] >= 0.85

"""Tests every shipped method card against the library's rules, and `check` on the folders."""

import subprocess

import pytest

from facilitator.core.taxonomy import CAPTURE_KINDS, METHOD_PHASES
from facilitator.library import load_agenda, load_methods, shipped_agendas, shipped_methods
from tests.conftest import PROJECT, PYTHON, cli_env

CARD_IDS = [path.name.removesuffix(".md") for path in shipped_methods()]


def test_every_card_loads() -> None:
    cards = load_methods(include_user=False)
    assert len(cards) == len(CARD_IDS) >= 30
    assert set(CARD_IDS) == set(cards)


@pytest.mark.parametrize("card_id", CARD_IDS)
def test_card_rules(card_id: str) -> None:
    card = load_methods(include_user=False)[card_id]
    assert card.duration_min <= card.step_minutes <= card.duration_max
    assert card.group_size_min <= card.group_size_max
    assert card.phase in METHOD_PHASES
    assert card.captures and set(card.captures) <= set(CAPTURE_KINDS)
    for label in (card.name, card.summary, card.participants):
        assert label.de.strip() and label.en.strip()
        assert label.de != label.en or len(label.de) < 30  # translated, not copied
    for step in card.steps:
        assert step.minutes >= 1 and step.text.de.strip() and step.text.en.strip()
    for table in (card.materials, card.tips, card.traps, card.variations):
        assert len(table["de"]) == len(table["en"]) >= 1
    assert card.source.strip()


def test_agendas_reference_existing_cards() -> None:
    cards = load_methods(include_user=False)
    agendas = shipped_agendas()
    assert len(agendas) >= 3
    for path in agendas:
        template = load_agenda(path, cards)
        methods = [item.method for item in template.items if item.method]
        assert methods and set(methods) <= set(cards)


def test_check_command_passes_on_shipped_files(db_path) -> None:
    result = subprocess.run(
        [PYTHON, "-m", "facilitator", "check", "methods/", "agendas/"],
        cwd=PROJECT,
        env=cli_env(db_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr

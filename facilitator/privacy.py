"""Provides the privacy notice (GDPR Art. 13) and the retention setting from a settings file.

The shipped German/English text (`privacy_notice.toml`) is the default; a
`privacy.toml` in the user's config folder (platformdirs) overrides it key by key,
so the organisers fill in controller and contact once per laptop.
"""

import os
import tomllib
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

SECTIONS = (
    "controller",
    "contact",
    "purpose",
    "legal_basis",
    "recipients",
    "retention",
    "rights",
    "withdraw",
)


@dataclass(frozen=True)
class PrivacyNotice:
    """The notice in one language: a title and its paragraphs in a fixed order."""

    title: str
    paragraphs: tuple[str, ...]
    retention_days: int | None


def settings_path() -> Path:
    """Return where the organisers' privacy.toml lives (FACILITATOR_PRIVACY overrides)."""
    if env := os.environ.get("FACILITATOR_PRIVACY"):
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_config_dir("facilitator", appauthor=False)) / "privacy.toml"


def _load() -> dict:
    shipped = tomllib.loads(
        files("facilitator").joinpath("privacy_notice.toml").read_text(encoding="utf-8")
    )
    path = settings_path()
    try:
        own = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        own = {}  # no file (the usual case) or a broken one: the shipped text stands
    for key, value in own.items():
        if isinstance(value, dict) and isinstance(shipped.get(key), dict):
            shipped[key].update({k: v for k, v in value.items() if isinstance(v, str)})
        elif key == "retention_days" and isinstance(value, int):
            shipped[key] = value
    return shipped


def privacy_notice(lang: str = "de") -> PrivacyNotice:
    """Return the notice in `lang` (German if that language has no text)."""
    data = _load()
    texts = data.get(lang) or data["de"]
    days = data.get("retention_days")
    return PrivacyNotice(
        title=texts.get("title", "Datenschutzhinweis"),
        paragraphs=tuple(texts[key] for key in SECTIONS if texts.get(key)),
        retention_days=days if isinstance(days, int) and days > 0 else None,
    )


def notice_sections(lang: str = "de") -> dict[str, str]:
    """Return the notice's paragraphs by section (controller, purpose, retention …) in `lang`.

    For documents that repeat part of the notice (the sign-in list's foot line), so
    they say what the configured notice says.
    """
    data = _load()
    texts = data.get(lang) or data["de"]
    return {key: texts[key] for key in SECTIONS if texts.get(key)}

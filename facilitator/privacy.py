"""Provides the privacy notice (GDPR Art. 13) and the retention setting from a settings file.

The shipped German/English text (`privacy_notice.toml`) is the default; a
`privacy.toml` in the user's config folder (platformdirs) overrides it key by key,
so the organisers fill in controller and contact once per laptop (by hand or in the
app's settings dialog, `save_controller`). The shipped file names no controller: until
one is filled in (German required; English falls back to the German lines, marked as
such), the notice is not *ready*, and phones see no registration form but a sentence
(web/pages.py). A broken `privacy.toml` is an error (`PrivacySettingsError`, with
path and line), never a silent fallback. The retention paragraph is built from
`retention_days`, so it always says what `purge` does.
"""

import os
import re
import tomllib
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from facilitator.core.errors import UserError
from facilitator.locale import gettext, lazy, lazy_context, ngettext

SECTIONS = (
    "controller",
    "contact",
    "purpose",
    "legal_basis",
    "recipients",
    "invitation",
    "photos",
    "cookie",
    "connection",
    "retention",
    "rights",
    "withdraw",
)
REQUIRED = ("controller", "contact")
DEFAULT_RETENTION_DAYS = 365
MAX_FIELD = 500
# what a copied older default said instead of a controller: never shown as one
_PLACEHOLDER = "privacy.toml"
_GERMAN_ORIGINAL = {"de": "", "en": " (German original)"}


class PrivacySettingsError(UserError):
    """privacy.toml cannot be read or breaks a rule; says where."""


@dataclass(frozen=True)
class PrivacyNotice:
    """The notice in one language: a title and its paragraphs in a fixed order."""

    title: str
    paragraphs: tuple[str, ...]
    retention_days: int | None
    ready: bool = True  # a controller and a contact are filled in


def settings_path() -> Path:
    """Return where the organisers' privacy.toml lives (FACILITATOR_PRIVACY overrides)."""
    if env := os.environ.get("FACILITATOR_PRIVACY"):
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_config_dir("facilitator", appauthor=False)) / "privacy.toml"


def _shipped() -> dict:
    return tomllib.loads(
        files("facilitator").joinpath("privacy_notice.toml").read_text(encoding="utf-8")
    )


def own_settings() -> dict:
    """Return what the organisers' privacy.toml says ({} if there is none).

    PrivacySettingsError if it exists but cannot be read, is no TOML, or holds a value
    of the wrong kind: the moderators are told, and phones see no notice meanwhile.
    """
    path = settings_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as err:
        reason = getattr(err, "strerror", None) or str(err)
        raise PrivacySettingsError(
            lazy("{path}: lässt sich nicht lesen ({reason})", path=path, reason=reason)
        ) from None
    try:
        own = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        # Python 3.11 names the line only inside the message: "… (at line 2, column 24)"
        found = re.search(r"\(at line (\d+), column \d+\)", str(err))
        line = found[1] if found else "1"
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(err)) or "?"
        raise PrivacySettingsError(
            lazy(
                "{path}:{line}: kein gültiges TOML ({reason})", path=path, line=line, reason=reason
            )
        ) from None
    days = own.get("retention_days")
    if days is not None and (isinstance(days, bool) or not isinstance(days, int) or days <= 0):
        raise PrivacySettingsError(
            lazy(
                "{path}: retention_days muss eine ganze Zahl von Tagen über 0 sein, nicht {days}.",
                path=path,
                days=repr(days),
            )
        )
    for lang in ("de", "en"):
        section = own.get(lang, {})
        if not isinstance(section, dict) or not all(isinstance(v, str) for v in section.values()):
            raise PrivacySettingsError(
                lazy('{path}: [{lang}] darf nur Texte enthalten (key = "…").', path=path, lang=lang)
            )
    return own


def _load() -> dict:
    data = _shipped()
    own = own_settings()
    for lang in ("de", "en"):
        data[lang].update(own.get(lang, {}))
    if "retention_days" in own:
        data["retention_days"] = own["retention_days"]
    return data


def _filled(texts: dict, key: str) -> str:
    value = " ".join(str(texts.get(key) or "").split())
    return "" if _PLACEHOLDER in value else value


def missing_fields(data: dict | None = None) -> list[str]:
    """Return what a notice still lacks, as "controller (de)"; [] if it may reach phones."""
    data = data if data is not None else _load()
    return [f"{key} (de)" for key in REQUIRED if not _filled(data["de"], key)]


def notice_ready() -> bool:
    """True if a controller and a contact are filled in (False also for a broken file)."""
    try:
        return not missing_fields()
    except PrivacySettingsError:
        return False


def require_ready() -> None:
    """UserError unless the notice may be printed or shown (a controller and a contact).

    For what prints the notice (the sign-in list) and for the moderators at start.
    """
    if missing_fields():
        raise UserError(
            lazy(
                "Der Datenschutzhinweis nennt noch keine verantwortliche Stelle und keinen "
                "Kontakt: bitte in der App eintragen (F6 „Teilnehmende“, Taste p) oder in "
                "{settings_path}.",
                settings_path=settings_path(),
            )
        )


def retention_sentence(days: int, lang: str) -> str:
    """Return the notice's retention paragraph for `retention_days` (what `purge` does)."""
    if days % 365 == 0:
        span = ngettext("{n} Jahr", "{n} Jahre", days // 365, lang)
    elif days % 30 == 0:
        span = ngettext("{n} Monat", "{n} Monate", days // 30, lang)
    else:
        span = ngettext("{n} Tag", "{n} Tage", days, lang)
    return gettext(
        "Speicherdauer: {span} ({days} Tage) nach dem Workshop; danach löscht die "
        "Moderation die personenbezogenen Daten (Namen, E-Mail-Adressen, Einwilligungen, "
        "Namen an Beiträgen).",
        lang,
        span=span,
        days=days,
    )


def notice_sections(lang: str = "de") -> dict[str, str]:
    """Return the notice's paragraphs by section (controller, purpose, retention …) in `lang`.

    English lines not filled in fall back to the German ones, marked "(German original)".
    PrivacySettingsError for a broken privacy.toml.
    """
    data = _load()
    lang = lang if lang in ("de", "en") else "de"
    texts = data[lang]
    sections: dict[str, str] = {}
    for key in SECTIONS:
        if key == "retention":
            days = data.get("retention_days") or DEFAULT_RETENTION_DAYS
            sections[key] = retention_sentence(days, lang)
        elif key in REQUIRED:
            own = _filled(texts, key)
            if not own and _filled(data["de"], key):
                own = _filled(data["de"], key) + _GERMAN_ORIGINAL[lang]
            if own:
                sections[key] = own
        elif texts.get(key):
            sections[key] = texts[key]
    return sections


def privacy_notice(lang: str = "de") -> PrivacyNotice:
    """Return the notice in `lang`; PrivacySettingsError for a broken privacy.toml."""
    data = _load()
    texts = data.get(lang) or data["de"]
    days = data.get("retention_days")
    sections = notice_sections(lang)
    return PrivacyNotice(
        title=texts.get("title", "Datenschutzhinweis"),
        paragraphs=tuple(sections.values()),
        retention_days=days if isinstance(days, int) and days > 0 else None,
        ready=not missing_fields(data),
    )


def _toml_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(c if c >= " " else f"\\u{ord(c):04x}" for c in escaped) + '"'


def save_controller(
    controller: dict[str, str], contact: dict[str, str], retention_days: int | None = None
) -> Path:
    """Write controller and contact (by language) into privacy.toml, keeping its other keys.

    German is required; an empty English line falls back to the German one. The file is
    written whole to a temporary name and then renamed, so it is never half-written.
    """
    clean = {
        key: {lang: " ".join(str(v.get(lang, "")).split()) for lang in ("de", "en")}
        for key, v in (("controller", controller), ("contact", contact))
    }
    problems = [
        lazy("{label} (Deutsch) fehlt.", label=label)
        for key, label in (
            ("controller", lazy_context("Datenschutzhinweis", "Verantwortliche Stelle")),
            ("contact", lazy_context("Datenschutzhinweis", "Kontakt")),
        )
        if not clean[key]["de"] or _PLACEHOLDER in clean[key]["de"]
    ]
    if any(len(v) > MAX_FIELD for field in clean.values() for v in field.values()):
        problems.append(lazy("Bitte höchstens {max_field} Zeichen je Feld.", max_field=MAX_FIELD))
    if retention_days is not None and not 0 < retention_days <= 3650:
        problems.append(lazy("Speicherdauer: 1 bis 3650 Tage."))
    if problems:
        raise UserError(problems[0])
    own = own_settings()
    for lang in ("de", "en"):
        section = dict(own.get(lang, {}))
        for key in REQUIRED:
            if clean[key][lang]:
                section[key] = clean[key][lang]
            else:
                section.pop(key, None)
        own[lang] = section
    if retention_days is not None:
        own["retention_days"] = retention_days
    lines = ["# Datenschutzhinweis (Art. 13 DSGVO): Angaben der Veranstalter"]
    lines += [f"{k} = {v}" for k, v in own.items() if type(v) is int]
    lines += [f"{k} = {_toml_string(v)}" for k, v in own.items() if isinstance(v, str)]
    for lang in ("de", "en"):
        lines.append(f"\n[{lang}]")
        lines += [f"{k} = {_toml_string(v)}" for k, v in own[lang].items()]
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text("\n".join(lines) + "\n", encoding="utf-8")
    temporary.replace(path)
    return path

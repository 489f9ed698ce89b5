"""Provides the practice-example format: Markdown with a TOML head, like a method card.

```
+++
title = "Smart Parking mit LoRaWAN"
organisation = "Stadt Ulm"
municipality = "Ulm"
topic = "mobilitaet"
status = "abgeschlossen"
summary = "Sensoren melden freie Parkplätze an die Parkleit-App."
link = "https://…"            # optional
contact_id = "…"              # optional; the participant to ask (written by `examples add`)
contact = "Name <mail@…>"     # optional, by hand; only with the person's consent
+++
Free text in Markdown.
```

`contact_id` is a reference, not a copy: the protocol looks the person up when it is
written and shows name and e-mail only while they consent, so an erasure or a withdrawal
reaches every example without touching the files.
"""

import re
from dataclasses import dataclass
from typing import Any

from facilitator.core.errors import ValidationError
from facilitator.core.method_format import read_front_matter
from facilitator.core.taxonomy import MEASURE_STATUSES, TOPICS
from facilitator.core.toml_lines import Problems
from facilitator.locale import lazy

REQUIRED = ("title", "organisation", "topic", "status", "summary")
OPTIONAL = ("municipality", "link", "contact", "contact_id", "source")
MAX_LENGTH = 2000
_LINK = re.compile(r"^https?://\S+$")


@dataclass
class PracticeExample:
    """A measure another organisation has put into practice, for "who solved this already?"."""

    title: str
    organisation: str
    topic: str
    status: str
    summary: str
    municipality: str = ""
    link: str = ""
    contact: str = ""  # a literal contact, written by hand
    contact_id: str = ""  # a participant id: the contact is looked up with current consent
    source: str = ""  # where it came from, e.g. "capture:<id>"
    body: str = ""
    path: str = ""

    @property
    def text(self) -> str:
        """Return what matching reads: the title, the summary and the body."""
        return " ".join(filter(None, [self.title, self.summary, self.body]))


def check_link(link: str) -> str:
    """Return the link if empty or http(s); ValidationError otherwise (for `--link`)."""
    if link and not _LINK.match(link):
        raise ValidationError(
            lazy("Der Verweis {link} muss mit http:// oder https:// beginnen.", link=repr(link))
        )
    return link


def looks_like_example(text: str) -> bool:
    """True if a Markdown file's head names an organisation (a card has an id instead)."""
    head = text.split("+++", 2)[1] if text.startswith("+++") and text.count("+++") >= 2 else ""
    return bool(re.search(r"(?m)^\s*organisation\s*=", head)) and not re.search(
        r"(?m)^\s*id\s*=", head
    )


def parse_example(text: str, path: str) -> PracticeExample:
    """Parse and validate one example; ValidationError lists every `path:line: message`."""
    problems, data, body = read_front_matter(text, path)
    for key in sorted(set(data) - set(REQUIRED) - set(OPTIONAL)):
        problems.add(f"unbekannter Schlüssel „{key}“", key)
    for key in REQUIRED + OPTIONAL:
        _check_text(problems, key, data.get(key, ""))
    _check_choices(problems, data)
    if problems.items:
        raise ValidationError(problems.items[0], problems.items)
    fields = {k: data.get(k, "").strip() for k in REQUIRED + OPTIONAL}
    return PracticeExample(**fields, body=body, path=path)


def _check_text(problems: Problems, key: str, value: Any) -> None:
    if not isinstance(value, str):
        problems.add(f"„{key}“ muss ein Text sein", key)
    elif key in REQUIRED and not value.strip():
        problems.add(f"„{key}“ fehlt oder ist leer", key)
    elif len(value) > MAX_LENGTH:
        problems.add(f"„{key}“ ist länger als {MAX_LENGTH} Zeichen", key)


def _given(data: dict[str, Any], key: str) -> str:
    """The key's text if it is a non-empty text (other values are reported as texts)."""
    value = data.get(key)
    return value if isinstance(value, str) else ""


def _check_choices(problems: Problems, data: dict[str, Any]) -> None:
    """Topic and status from their lists, and a link that is a web address."""
    topic, status, link = _given(data, "topic"), _given(data, "status"), _given(data, "link")
    if topic and topic not in TOPICS:
        problems.add(f"„topic“ muss eines von {', '.join(TOPICS)} sein", "topic")
    if status and status not in MEASURE_STATUSES:
        problems.add(f"„status“ muss einer von {', '.join(MEASURE_STATUSES)} sein", "status")
    if link and not _LINK.match(link):
        problems.add("„link“ muss mit http:// oder https:// beginnen", "link")


def _quoted(value: str) -> str:
    """Return a TOML basic string (escapes quotes, backslashes and control characters)."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    escaped = re.sub(r"[\x00-\x1f\x7f]", lambda m: f"\\u{ord(m.group()):04x}", escaped)
    return f'"{escaped}"'


def render_example(example: PracticeExample) -> str:
    """Return the file text of an example (parses back to the same example)."""
    lines = ["+++"]
    for key in REQUIRED + OPTIONAL:
        value = getattr(example, key)
        if value or key in REQUIRED:
            lines.append(f"{key} = {_quoted(value)}")
    lines.append("+++")
    if example.body:
        lines += ["", example.body]
    return "\n".join(lines) + "\n"


def example_slug(title: str) -> str:
    """Return a file name stem for a title ("Smart Parking mit LoRaWAN" → smart-parking-…)."""
    folded = title.casefold()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        folded = folded.replace(a, b)
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    return slug[:60].rstrip("-") or "beispiel"

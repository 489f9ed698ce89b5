"""Provides reading POST bodies (JSON from join.js, form fields without JavaScript) and ids."""

import asyncio
import re
import uuid
from typing import Any

from aiohttp import web

from facilitator.core import untrusted
from facilitator.web.security import bad_request

_CLIENT_ID = re.compile(r"^[A-Za-z0-9-]{8,64}$")
# Namespace for ids derived from a phone's client id: the same client id in another
# workshop (or as a registration) gives another row, so ids never collide.
_NAMESPACE = uuid.UUID("8b0f3c52-2f5e-4b5f-9a8e-4f1d3c7a6e21")
# A phone sends at most 16 KiB; one that trickles it for longer is holding a slot.
BODY_SECONDS = 15.0


async def read_body(request: web.Request) -> tuple[dict[str, Any], bool]:
    """Return the posted fields and whether they came as JSON; 400/408 for anything else."""
    try:
        async with asyncio.timeout(BODY_SECONDS):
            if request.content_type == "application/json":
                data = untrusted.loads(await request.read())
                if not isinstance(data, dict):
                    raise bad_request("Ungültige Anfrage.")
                return data, True
            form = await request.post()
    except TimeoutError:
        raise web.HTTPRequestTimeout() from None
    except (ValueError, RecursionError):  # bad JSON, bad UTF-8, NaN, too deep
        raise bad_request("Ungültige Anfrage.") from None
    return {k: v for k, v in form.items() if isinstance(v, str)}, False


def text_field(data: dict[str, Any], name: str, limit: int) -> str:
    """Return a posted text field, stripped; 400 if it is not text or longer than `limit`."""
    value = data.get(name) or ""
    if not isinstance(value, str):
        raise bad_request("Ungültige Anfrage.")
    value = value.strip()
    if len(value) > limit:
        raise bad_request(f"Bitte höchstens {limit} Zeichen.")
    return value


def client_id(data: dict[str, Any]) -> str:
    """Return the phone's client id (a uuid it made); 400 if missing or malformed."""
    value = data.get("client")
    if not isinstance(value, str) or not _CLIENT_ID.match(value):
        raise bad_request("Ungültige Anfrage: Kennung fehlt.")
    return value


def derived_id(workshop_id: str, purpose: str, client: str) -> str:
    """Return the row id for what a client posted: the same client id, the same row."""
    return uuid.uuid5(_NAMESPACE, f"{workshop_id}:{purpose}:{client}").hex


def new_client_id() -> str:
    return str(uuid.uuid4())

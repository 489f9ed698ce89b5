"""Provides the typed keys under which the participant server keeps its shared objects."""

from typing import TYPE_CHECKING

from aiohttp import web

if TYPE_CHECKING:
    from facilitator.core.method_format import MethodCard
    from facilitator.store.db import Store
    from facilitator.web.caps import CapCounter
    from facilitator.web.hub import LiveHub
    from facilitator.web.security import Buckets

STORE: "web.AppKey[Store]" = web.AppKey("store")
HUB: "web.AppKey[LiveHub]" = web.AppKey("hub")
LIMITS: "web.AppKey[Buckets]" = web.AppKey("limits")
MOD_SECRET: web.AppKey[str] = web.AppKey("moderator_secret", str)
METHODS: "web.AppKey[dict[str, MethodCard]]" = web.AppKey("methods")
CAPS: "web.AppKey[CapCounter]" = web.AppKey("caps")

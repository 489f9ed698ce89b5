"""Provides the participant server's application factory, used by the app, `serve` and tests."""

import logging
from collections.abc import Callable, Iterable

from aiohttp import web

from facilitator.core.errors import UserError
from facilitator.core.method_format import MethodCard
from facilitator.store.db import Store
from facilitator.web import (
    activities,
    api,
    events,
    failover,
    moderator,
    pages,
    projector,
    static_files,
    uploads,
)
from facilitator.web.caps import CapCounter, Caps, Room
from facilitator.web.gate import track
from facilitator.web.hub import LiveHub
from facilitator.web.identity import set_identity_cookie
from facilitator.web.keys import CAPS, HUB, LIMITS, METHODS, MOD_SECRET, STORE
from facilitator.web.logs import limit_server_logs
from facilitator.web.secrets import moderator_secret as stored_secret
from facilitator.web.security import MAX_BODY, Buckets, RateLimits, add_security_headers, guard

log = logging.getLogger(__name__)


def _methods() -> dict[str, MethodCard]:
    from facilitator.library import load_methods

    try:
        return load_methods()
    except UserError:  # one broken card of the user's must not keep phones out
        log.warning("method cards could not be loaded; phones get no instructions")
        try:
            return load_methods(include_user=False)
        except UserError:
            return {}


def create_app(
    store: Store,
    *,
    workshop_id: str | None = None,
    moderator_secret: str | None = None,
    extra_setup: Iterable[Callable[[web.Application], None]] = (),
    rate_limits: RateLimits | None = None,
    methods: dict[str, MethodCard] | None = None,
    caps: Caps | None = None,
) -> web.Application:
    """Build the participant server.

    `workshop_id` limits the server to one workshop (else every workshop's code
    works); `moderator_secret` defaults to the one kept in the database;
    `extra_setup` callables get the Application to mount more routes.
    """
    limit_server_logs()
    app = web.Application(middlewares=[track, guard], client_max_size=MAX_BODY)
    app[STORE] = store
    app[METHODS] = _methods() if methods is None else methods
    room = Room()  # the NAT setting: the hub keeps it current, the caps and gates read it
    app[HUB] = LiveHub(store, app[METHODS], workshop_id, room=room)
    app[LIMITS] = Buckets(rate_limits or RateLimits(), room)
    app[MOD_SECRET] = moderator_secret or stored_secret(store)
    app[CAPS] = CapCounter(caps or Caps(), room)
    app.on_response_prepare.append(add_security_headers)
    app.on_response_prepare.append(set_identity_cookie)

    async def start_hub(app: web.Application) -> None:
        await app[HUB].start()

    async def stop_hub(app: web.Application) -> None:
        await app[HUB].stop()

    app.on_startup.append(start_hub)
    app.on_shutdown.append(stop_hub)
    for module in (
        pages,
        api,
        events,
        moderator,
        uploads,
        activities,
        projector,
        failover,
        static_files,
    ):
        module.setup(app)
    for setup in extra_setup:
        setup(app)
    return app

"""Tests the server's own limits: rate-limited error logs and the raised descriptor limit."""

import logging
import sys

import pytest

from facilitator.web.gate import raise_descriptor_limit
from facilitator.web.logs import RateLimit, limit_server_logs


def test_a_flood_of_errors_writes_a_few_lines(caplog):
    logger = logging.getLogger("test.flood")
    logger.addFilter(RateLimit(burst=5, window=60))
    with caplog.at_level(logging.ERROR, logger="test.flood"):
        for n in range(1000):
            try:
                raise ConnectionResetError(n)
            except ConnectionResetError:
                logger.exception("Error handling request")
    assert len(caplog.records) == 5


def test_after_the_window_one_line_says_what_was_dropped(caplog, monkeypatch):
    limit = RateLimit(burst=1, window=10)
    logger = logging.getLogger("test.window")
    logger.addFilter(limit)
    with caplog.at_level(logging.ERROR, logger="test.window"):
        for _ in range(4):
            logger.error("kaputt")
        limit.started -= 11  # the window is over
        logger.error("kaputt")
    assert [r.getMessage() for r in caplog.records] == [
        "kaputt",
        "(3 similar messages suppressed) kaputt",
    ]


def test_the_servers_loggers_are_limited_once():
    limit_server_logs()
    limit_server_logs()
    for name in ("aiohttp.server", "asyncio", "facilitator.web.security"):
        filters = [f for f in logging.getLogger(name).filters if isinstance(f, RateLimit)]
        assert len(filters) == 1


@pytest.mark.skipif(sys.platform == "win32", reason="resource is POSIX-only")
def test_descriptor_limit_is_raised():
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(256, hard), hard))
        got = raise_descriptor_limit(4096)
        now = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
        assert got == now == min(4096, hard)
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def test_without_resource_the_limit_is_left_alone(monkeypatch):
    monkeypatch.setitem(sys.modules, "resource", None)  # as on Windows: import fails
    assert raise_descriptor_limit() == 0

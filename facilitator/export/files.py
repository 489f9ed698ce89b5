"""Provides writing export files atomically: a half-written file is never left behind."""

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from facilitator.core.errors import UserError
from facilitator.locale import lazy


def write_atomic(path: Path, write: Callable[[Path], object]) -> None:
    """Call `write(tmp)` on a temporary file beside `path`, then rename it into place."""
    path = Path(path)
    if path.is_dir():
        raise UserError(lazy("{path} ist ein Ordner; bitte einen Dateinamen angeben.", path=path))
    if not path.parent.exists():
        raise UserError(lazy("Den Ordner {parent} gibt es nicht.", parent=path.parent))
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    # mkstemp makes the file private (0600) and it stays so: exports carry names and
    # e-mails, so only the moderator's account may read them (GDPR Art. 32).
    try:
        write(tmp)
        os.replace(tmp, path)
    except PermissionError:
        raise UserError(
            lazy("{path} lässt sich nicht schreiben (Rechte, oder in Word geöffnet?).", path=path)
        ) from None
    finally:
        tmp.unlink(missing_ok=True)


def write_text_atomic(path: Path, text: str) -> None:
    """Write a UTF-8 text file atomically."""
    write_atomic(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))

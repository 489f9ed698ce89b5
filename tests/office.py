"""Provides the one LibreOffice conversion the tests and the docs scripts use."""

import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterable
from pathlib import Path


def soffice_convert(
    sources: Iterable[Path], out_dir: Path, target: str = "pdf", timeout: int = 300
) -> list[Path]:
    """Convert `sources` to `target` in `out_dir` in one LibreOffice run; return the results.

    A private profile per run: parallel LibreOffice runs otherwise lock each other out.
    """
    sources = [Path(source) for source in sources]
    profile = Path(tempfile.gettempdir()) / f"lo-{uuid.uuid4().hex}"
    try:
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                target,
                "--outdir",
                str(out_dir),
                *map(str, sources),
            ],
            capture_output=True,
            timeout=timeout,
            check=True,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return [Path(out_dir) / f"{source.stem}.{target}" for source in sources]

"""Provides the page images of the demo workshop's preparation kit in docs/ (kit-*.png).

Seeds the demo workshop on a fresh database, writes the run sheet, wall agenda +
QR poster, sign-in list and badges, converts them with LibreOffice and renders
every page with pdftoppm at 60 dpi. Run: python docs/make_kit_pages.py
"""

import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS.parent))

from facilitator.demo import seed_demo  # noqa: E402
from facilitator.export.kit import (  # noqa: E402
    write_agenda,
    write_badges,
    write_runsheet,
    write_signin,
)
from facilitator.store import open_store  # noqa: E402
from facilitator.store.workshops import get_workshop  # noqa: E402
from tests.office import soffice_convert  # noqa: E402

# A LAN address as a hotspot hands it out; the real one is known only at the venue.
HOST = "192.168.178.20"
DPI = 60
# The demo takes place "today, from now": a fixed morning keeps the images stable.
MORNING_MS = int(datetime(2026, 12, 1, 9, 0).timestamp() * 1000)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store = open_store(folder / "demo.db", create=True, now_ms=lambda: MORNING_MS)
        workshop_id = seed_demo(store)
        code = get_workshop(store, workshop_id).join_code
        url = f"http://{HOST}:8765/j/{code}"
        documents = [
            write_runsheet(store, workshop_id, folder / "kit-runsheet.docx"),
            write_agenda(store, workshop_id, folder / "kit-agenda.docx", url),
            write_signin(store, workshop_id, folder / "kit-signin.docx"),
            write_badges(store, workshop_id, folder / "kit-badges.docx", blank=2),
        ]
        store.close()
        soffice_convert(documents, folder)
        for old in DOCS.glob("kit-*.png"):
            old.unlink()
        for document in documents:
            pdf = folder / f"{document.stem}.pdf"
            subprocess.run(
                ["pdftoppm", "-png", "-r", str(DPI), str(pdf), str(DOCS / document.stem)],
                check=True,
            )
    for image in sorted(DOCS.glob("kit-*.png")):
        print(image.relative_to(DOCS.parent))


if __name__ == "__main__":
    main()

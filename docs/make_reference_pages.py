"""Provides the reference look of the protocol: the demo workshop rendered to page images.

    python docs/make_reference_pages.py [OUT_DIR]

Seeds the demo workshop on a fixed day (15.10.2026, 09:00) in a temporary database,
runs its agenda with a simulated clock (one block skipped), adds two generated
flipchart photos (the demo has no camera), writes the protocol (.docx), converts it
with LibreOffice to PDF and the pages with pdftoppm to PNG: OUT_DIR (default docs/)
gets protocol-reference.pdf and protocol-page-N.png. A layout change then shows up
as changed images in review.
"""

import io
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.office import soffice_convert  # noqa: E402

START = datetime(2026, 10, 15, 8, 58)


class SimulatedClock:
    """The store's clock, moved by hand while the agenda 'runs'."""

    def __init__(self, start: datetime) -> None:
        self.ms = int(start.timestamp() * 1000)

    def __call__(self) -> int:
        return self.ms

    def advance(self, minutes: float) -> None:
        self.ms += int(minutes * 60_000)


def flipchart(title: str, cards: list[str], colour: tuple[int, int, int]) -> bytes:
    """Return a JPEG that looks enough like a photographed pinboard for the layout."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (2400, 1800), (236, 232, 222))
    draw = ImageDraw.Draw(image)
    try:
        font = ImageFont.truetype("DejaVuSans-Bold.ttf", 64)
        small = ImageFont.truetype("DejaVuSans.ttf", 44)
    except OSError:
        font = small = ImageFont.load_default()
    draw.text((120, 80), title, fill=(30, 30, 30), font=font)
    for index, text in enumerate(cards):
        x, y = 120 + (index % 3) * 740, 260 + (index // 3) * 480
        draw.rectangle((x, y, x + 660, y + 400), fill=colour, outline=(90, 90, 90), width=4)
        words, line, lines = text.split(), "", []
        for word in words:
            if len(line) + len(word) > 20:
                lines.append(line)
                line = ""
            line = f"{line} {word}".strip()
        lines.append(line)
        for number, part in enumerate(lines[:5]):
            draw.text((x + 30, y + 30 + number * 70), part, fill=(20, 20, 20), font=small)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=88)
    return out.getvalue()


def build_docx(directory: Path) -> Path:
    """Seed and run the demo workshop; return the written protocol."""
    from facilitator.demo import seed_demo
    from facilitator.export.protocol import write_protocol
    from facilitator.store import open_store
    from facilitator.store.agenda import list_items
    from facilitator.store.photos import add_photo
    from facilitator.store.timer import advance, skip, start_or_pause

    clock = SimulatedClock(START)
    store = open_store(directory / "demo.db", now_ms=clock)
    try:
        workshop_id = seed_demo(store)
        items = list_items(store, workshop_id)
        start_or_pause(store, workshop_id)
        for number, item in enumerate(items):
            if number == len(items) - 2:
                skip(store, workshop_id, item.id)  # one block dropped, as happens
                continue
            clock.advance(item.minutes + (4 if number % 3 == 1 else -1))
            if advance(store, workshop_id) is None:
                break

        def block(word: str) -> str | None:
            return next((item.id for item in items if word in item.title), None)

        add_photo(
            store,
            workshop_id,
            flipchart(
                "Herausforderungen",
                [
                    "Fehlende Schnittstellen",
                    "Glasfaser in Teilorten",
                    "Fachkräftemangel",
                    "Datenschutz und Cloud",
                    "OZG-Schulungen",
                ],
                (255, 236, 140),
            ),
            name="pinnwand.jpg",
            caption="Pinnwand Herausforderungen nach der Kartenabfrage",
            agenda_item_id=block("Herausforderungen"),
        )
        add_photo(
            store,
            workshop_id,
            flipchart(
                "Maßnahmen",
                ["Bürgerportal", "Koordinierungsstelle", "Sensorik Parkraum"],
                (170, 220, 170),
            ),
            name="flipchart.jpg",
            caption="Flipchart Maßnahmen mit Klebepunkten",
            agenda_item_id=block("Maßnahmen"),
        )
        return write_protocol(store, workshop_id, directory / "protocol-reference.docx")
    finally:
        store.close()


def make_pages(out_dir: Path) -> list[Path]:
    """Write protocol-reference.pdf and protocol-page-N.png into `out_dir`; return the PNGs."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob("protocol-page-*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as work:
        docx = build_docx(Path(work))
        (pdf,) = soffice_convert([docx], Path(work), timeout=240)
        shutil.copyfile(pdf, out_dir / "protocol-reference.pdf")
        subprocess.run(
            ["pdftoppm", "-png", "-r", "50", str(pdf), str(out_dir / "protocol-page")],
            check=True,
            timeout=120,
        )
    return sorted(out_dir.glob("protocol-page-*.png"))


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs"
    for page in make_pages(target):
        print(page.relative_to(target.parent) if target.parent in page.parents else page)

"""Provides the recipe for a release database: run with a release's own code to make its fixture.

    git worktree add /tmp/rel-<sha> <sha>
    PYTHONPATH=/tmp/rel-<sha> python tests/data/releases/make_release_db.py <sha> out.db

Everything goes through that release's command line where it has a command (workshop,
agenda, participants with consent, captures of several kinds, photos, activities) and
through its store services otherwise (dot votes, an activity answer): the data a
moderator's laptop holds after a real workshop. What a release lacks is left out.
"""

import io
import os
import subprocess
import sys
import tempfile
from pathlib import Path

CAPTURES = [
    ("challenge", "Fehlende Schnittstellen zum Landratsamt", []),
    ("need", "Gemeinsame Plattform für Bürgerdienste", []),
    ("idea", "Digitale Sprechstunde im Rathaus", []),
    ("measure", "Open-Data-Portal für den Landkreis", ["--status", "geplant"]),
    ("todo", "Kontakt zur Stadtwerke-IT herstellen", ["--owner", "Anna Beispiel"]),
    ("offer", "Erfahrung mit Ratsinformationssystemen", []),
    ("request", "Austausch zu LoRaWAN-Sensorik", []),
    ("decision", "Nächster Termin im Juni in Rottenburg", []),
]
PEOPLE = (
    "Name,Organisation,Typ,Kommune,E-Mail,Einwilligung\n"
    "Anna Beispiel,Stadt Tübingen,kommune,Tübingen,anna@example.org,ja\n"
    "Bernd Muster,Landratsamt Reutlingen,landkreis,Reutlingen,bernd@example.org,nein\n"
    "Cem Yılmaz,Stadtwerke Rottenburg,stadtwerk,Rottenburg am Neckar,cem@example.org,ja\n"
)


def cli(db: Path, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "facilitator", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env=dict(os.environ, FACILITATOR_DB=str(db)),
    )
    if done.returncode:
        raise SystemExit(f"{args}: {done.stdout}{done.stderr}")
    return done.stdout.strip()


def has_command(db: Path, *names: str) -> bool:
    done = subprocess.run(
        [sys.executable, "-m", "facilitator", "--db", str(db), *names, "--help"],
        capture_output=True,
        text=True,
    )
    return done.returncode == 0


def small_jpeg() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 120, 40)).save(out, "JPEG")
    return out.getvalue()


def main(release: str, db: Path) -> None:
    workshop = cli(db, "new", "Vernetzungsworkshop Tübingen", "--agenda",
                   "vernetzungsworkshop", "--date", "2026-11-19")  # fmt: skip
    cli(db, "next-date", "2027-03-04")
    with tempfile.TemporaryDirectory() as folder:
        people = Path(folder) / "people.csv"
        people.write_text(PEOPLE, encoding="utf-8")
        cli(db, "participants", "import", str(people))
        item = block_id(db, workshop)
        for kind, text, extra in CAPTURES:
            cli(db, "capture", "-k", kind, "-t", text, "--item", item, *extra)
        if has_command(db, "photo", "add"):
            photo = Path(folder) / "flipchart.jpg"
            photo.write_bytes(small_jpeg())
            cli(db, "photo", "add", str(photo), "--caption", "Flipchart Bedarfe")
    if has_command(db, "activity", "start"):
        cli(db, "activity", "start", "--type", "wordcloud", "--prompt", "Ein Wort zum Tag?")
    services(db, workshop, item)
    print(f"{release}: {db}")


def block_id(db: Path, workshop: str) -> str:
    """The second agenda item (the first is the arrival): the block that gets the captures."""
    from facilitator.store import open_store
    from facilitator.store.agenda import list_items

    store = open_store(db)
    try:
        return list_items(store, workshop)[1].id
    finally:
        store.close()


def services(db: Path, workshop: str, item: str) -> None:
    """What only phones do: dot votes on the block, an answer to the open activity."""
    from facilitator.store import open_store
    from facilitator.store.agenda import update_item
    from facilitator.store.captures import list_captures
    from facilitator.store.votes import cast_votes

    store = open_store(db)
    try:
        update_item(store, item, voting_open=True)
        ballot = [c.id for c in list_captures(store, workshop) if c.kind in ("idea", "need")]
        cast_votes(store, workshop, item, "phone-a", {ballot[0]: 2, ballot[1]: 1})
        cast_votes(store, workshop, item, "phone-b", {ballot[0]: 1})
        try:
            from facilitator.store.activities import answer_activity, open_activity
        except ImportError:
            return
        activity = open_activity(store, workshop)
        if activity is not None:
            answer_activity(store, workshop, activity["id"], "phone-a", {"w0": "Vernetzung"})
    finally:
        store.close()


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))

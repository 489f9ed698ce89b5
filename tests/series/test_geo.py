"""Places in Baden-Württemberg: names as people write them, located or honestly not."""

import subprocess
import uuid

import pytest

from facilitator.core.matching import haversine_km
from facilitator.geo import locate, normalise_place


@pytest.mark.parametrize(
    ("written", "place"),
    [
        ("Stadt Esslingen am Neckar", "esslingen am neckar"),
        ("Gemeinde Aichwald", "aichwald"),
        ("Landratsamt Esslingen", "esslingen"),
        ("LRA Ludwigsburg", "ludwigsburg"),
        ("Große Kreisstadt Schwäbisch Hall", "schwaebisch hall"),
        ("Singen (Hohentwiel)", "singen"),
        ("Stadtwerke Ulm", "ulm"),
    ],
)
def test_normalise_place(written, place):
    assert normalise_place(written) == place


def test_locate_places_from_every_corner():
    esslingen = locate("Stadt Esslingen am Neckar")
    assert esslingen == locate("Landratsamt Esslingen")
    assert haversine_km(esslingen, locate("Stuttgart")) < 15
    assert haversine_km(locate("Freiburg im Breisgau"), locate("Lörrach")) < 50
    assert haversine_km(locate("Mannheim"), locate("Konstanz")) > 200
    # "Biberach" alone means the larger Biberach an der Riß, not the village in the Kinzig valley.
    assert locate("Biberach") == locate("Biberach an der Riß")
    assert locate("Rhein-Neckar-Kreis") is None and locate("") is None
    assert locate("Paris") is None


def test_data_file_names_its_licence():
    from importlib import resources

    head = resources.files("facilitator.data").joinpath("bw_places.csv").read_text("utf-8")[:600]
    assert "GeoNames" in head and "CC BY 4.0" in head


@pytest.mark.slow
def test_factsheet_renders_to_pdf(series_db, tmp_path):
    from tests.conftest import PYTHON, cli_env, require_programs

    require_programs("soffice", "pdftotext")
    target = tmp_path / "fakten.docx"
    subprocess.run(
        [PYTHON, "-m", "facilitator", "export", "factsheet", "-o", str(target)],
        env=cli_env(series_db),
        check=True,
        capture_output=True,
    )
    profile = tmp_path / f"lo-{uuid.uuid4().hex}"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(target),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "fakten.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Faktenblatt: alle Workshops" in text and "Seite 1 von" in text
    assert "Meistbewertete Herausforderungen" in text

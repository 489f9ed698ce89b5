"""Tests `facilitator serve` and `facilitator qr` as a user runs them."""

import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from facilitator.export.qr import write_qr
from facilitator.web.runner import join_url
from tests.conftest import POSIX_ONLY, cli_env

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def decode(path) -> str:
    import zxingcpp
    from PIL import Image

    found = zxingcpp.read_barcodes(Image.open(path))
    assert len(found) == 1
    return found[0].text


def test_qr_png_decodes_to_the_join_url(tmp_path, store, workshop_id, code, db_path):
    store.close()
    out = tmp_path / "join.png"
    result = subprocess.run(
        [sys.executable, "-m", "facilitator", "qr", "-o", str(out), "--host", "192.168.1.20"],
        env=cli_env(db_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    url = f"http://192.168.1.20:8765/j/{code}"
    assert url in result.stdout
    assert decode(out) == url
    svg = tmp_path / "join.svg"
    subprocess.run(
        [sys.executable, "-m", "facilitator", "qr", "-o", str(svg), "--port", "9000"],
        env=cli_env(db_path),
        check=True,
        capture_output=True,
        timeout=60,
    )
    assert svg.read_text().lstrip().startswith("<?xml") and "<svg" in svg.read_text()
    bad = subprocess.run(
        [sys.executable, "-m", "facilitator", "qr", "-o", str(tmp_path / "join.gif")],
        env=cli_env(db_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert bad.returncode == 2 and ".png oder .svg" in bad.stderr and "Traceback" not in bad.stderr


def test_write_qr_round_trip(tmp_path):
    url = join_url("10.0.0.7", 8765, "abcdefgh23")
    write_qr(url, tmp_path / "q.png")
    assert decode(tmp_path / "q.png") == url


@POSIX_ONLY  # Ctrl+C as SIGINT
def test_serve_prints_urls_code_and_qr_and_stops_on_ctrl_c(store, workshop_id, code, db_path):
    store.close()
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "facilitator", "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=cli_env(db_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        lines = []
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            lines.append(line)
            if "▀" in line or "▄" in line:
                break
        output = "".join(lines)
        assert f"Zugangscode: {code}" in output
        assert f"Link: http://127.0.0.1:{port}/j/{code}" in output
        # Nothing secret near the QR code (this terminal may be on the projector).
        assert "Moderations-Schlüssel" not in output and "sync --peer" not in output
        page = urllib.request.urlopen(f"http://127.0.0.1:{port}/j/{code}", timeout=10).read()
        assert "Vernetzungsworkshop Esslingen" in page.decode()
        process.send_signal(signal.SIGINT)
        assert process.wait(10) == 0
        assert "beendet" in process.stderr.read()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_serve_on_a_busy_port_says_so(store, workshop_id, db_path):
    store.close()
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "facilitator",
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
            ],
            env=cli_env(db_path),
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 2 and f"Port {port}" in result.stderr
    assert "Traceback" not in result.stderr

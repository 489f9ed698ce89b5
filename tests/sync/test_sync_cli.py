"""`facilitator sync` on the command line: --listen, --peer --once, and its one-line errors."""

import subprocess

import pytest
from sync_helpers import free_port, new_workshop

from facilitator.store import open_store
from facilitator.store.captures import add_capture, list_captures
from tests.conftest import PYTHON, cli_env


def run(db, *args, timeout=60):
    return subprocess.run(
        [PYTHON, "-m", "facilitator", "sync", *args],
        env=cli_env(db),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.mark.slow  # child processes
def test_listen_then_once_both_ways(tmp_path):
    db_a, db_b = tmp_path / "a.db", tmp_path / "b.db"
    store = open_store(db_a)
    workshop_id = new_workshop(store)
    add_capture(store, workshop_id, "need", "Digitale Bauakte")
    store.close()
    port = free_port()
    server = subprocess.Popen(
        [PYTHON, "-m", "facilitator", "sync", "--listen", f"127.0.0.1:{port}"],
        env={**cli_env(db_a), "PYTHONUNBUFFERED": "1"},
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        address = server.stdout.readline().strip()
        code = server.stdout.readline().split(":", 1)[1].strip()
        assert address == f"Sync-Adresse: https://127.0.0.1:{port}"
        assert len(code.replace("-", "")) == 64

        short = run(db_b, "--peer", f"https://127.0.0.1:{port}", "--code", "abcdefghjk", "--once")
        assert short.returncode == 2 and short.stderr.strip().count("\n") == 0
        assert "statt 64 Zeichen" in short.stderr and not db_b.exists()
        empty = run(tmp_path / "c.db", "code")  # nothing to share yet: one sentence
        assert empty.returncode == 2 and "Noch kein Workshop" in empty.stderr
        other = open_store(tmp_path / "c.db")
        new_workshop(other)
        other.close()
        shown = run(tmp_path / "c.db", "code").stdout.splitlines()  # another laptop's code
        assert shown[0].startswith("Sync-Adresse: https://") and shown[1].startswith("Pairing-Code")
        c_code = shown[1].split(":", 1)[1].strip()
        impostor = run(db_b, "--peer", f"https://127.0.0.1:{port}", "--code", c_code, "--once")
        assert impostor.returncode == 2 and impostor.stderr.strip().count("\n") == 0
        assert "Zertifikat" in impostor.stderr and "Traceback" not in impostor.stderr
        other_secret = ("zzzz" if not code.startswith("zzzz") else "yyyy") + code[4:]
        wrong = run(db_b, "--peer", f"https://127.0.0.1:{port}", "--code", other_secret, "--once")
        assert wrong.returncode == 2
        assert wrong.stderr.strip().count("\n") == 0 and "Pairing-Code passt nicht" in wrong.stderr

        first = run(db_b, "--peer", f"127.0.0.1:{port}", "--code", code, "--once")
        assert first.returncode == 0, first.stderr
        pulled = int(first.stdout.split()[0])
        assert first.stdout.strip() == f"{pulled} geholt, 0 gesendet" and pulled > 5

        store = open_store(db_b)
        add_capture(store, workshop_id, "idea", "Gemeinsamer Messenger")
        store.close()
        second = run(db_b, "--peer", f"http://127.0.0.1:{port}/?code={code}", "--once")
        assert second.stdout.strip() == "0 geholt, 1 gesendet", second.stderr
        store = open_store(db_a)
        assert sorted(c.text for c in list_captures(store, workshop_id)) == [
            "Digitale Bauakte",
            "Gemeinsamer Messenger",
        ]
        store.close()
    finally:
        server.kill()
        server.wait(timeout=10)

    down = run(db_b, "--once")  # the pairing was remembered
    assert down.returncode == 2 and f"127.0.0.1:{port}) ist nicht erreichbar" in down.stderr


@pytest.mark.parametrize(
    "args, message",
    [
        ([], "Noch kein Laptop gekoppelt"),
        (["--peer", "x:1", "--listen", "127.0.0.1:1"], "nur eins"),
        (["--listen", "localhost"], "HOST:PORT"),
        (["--peer", "http://127.0.0.1:9"], "Pairing-Code"),
        (["--peer", "http://127.0.0.1:9", "--code", "abcd-efg"], "statt 64 Zeichen"),
        (["--peer", "http://127.0.0.1:9", "--short"], "nur mit --listen"),
        (["--peer", "ftp://x", "--code", "abc"], "keine Sync-Adresse"),
    ],
)
def test_bad_arguments_get_one_sentence(tmp_path, args, message):
    done = run(tmp_path / "x.db", *args)
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "x.db").exists()  # nothing created for a wrong call


@pytest.mark.slow  # child processes
def test_listen_with_a_short_code_pairs_once(tmp_path):
    db_a, db_b = tmp_path / "a.db", tmp_path / "b.db"
    store = open_store(db_a)
    workshop_id = new_workshop(store)
    add_capture(store, workshop_id, "need", "Digitale Bauakte")
    store.close()
    port = free_port()
    server = subprocess.Popen(
        [PYTHON, "-m", "facilitator", "sync", "--listen", f"127.0.0.1:{port}", "--short"],
        env={**cli_env(db_a), "PYTHONUNBUFFERED": "1"},
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout.readline().strip() == f"Sync-Adresse: https://127.0.0.1:{port}"
        line = server.stdout.readline()
        assert line.startswith("Kurzer Pairing-Code: ")
        code = line.split(":", 1)[1].strip()
        assert len(code) == 9 and code[4] == "-"
        assert "10 Minuten" in server.stdout.readline()
        first = run(db_b, "--peer", f"127.0.0.1:{port}", "--code", code, "--once")
        assert first.returncode == 0, first.stderr
        assert int(first.stdout.split()[0]) > 5
        store = open_store(db_b)
        assert [c.text for c in list_captures(store, workshop_id)] == ["Digitale Bauakte"]
        store.close()
        again = run(db_b, "--once")  # remembered as a full pairing: no short code needed
        assert again.returncode == 0 and again.stdout.strip() == "0 geholt, 0 gesendet"
        used = run(tmp_path / "c.db", "--peer", f"127.0.0.1:{port}", "--code", code, "--once")
        assert used.returncode == 2 and "Kurzcode nicht an" in used.stderr
        assert used.stderr.strip().count("\n") == 0
    finally:
        server.kill()
        server.wait(timeout=10)


def test_busy_port_says_so_before_printing_a_code(tmp_path):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = run(tmp_path / "a.db", "--listen", f"127.0.0.1:{port}")
    assert done.returncode == 2 and "schon belegt" in done.stderr
    assert done.stdout == ""  # no address and code for a server that is not running

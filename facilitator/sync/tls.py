"""Provides this laptop's sync certificate: self-signed, made once, pinned by its fingerprint.

The certificate and its private key live beside the database (the user's data folder
by default), the key readable by its owner only. The other laptop does not trust any
authority: it pins the SHA-256 fingerprint of the certificate's DER bytes, which is
part of the pairing code (as Syncthing's device IDs pin certificates).
"""

import hashlib
import os
import ssl
import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from facilitator.store.db import Store

VALID_DAYS = 3650


@dataclass(frozen=True)
class SyncCertificate:
    """Where the certificate and key are, and the certificate's SHA-256 fingerprint."""

    cert_path: Path
    key_path: Path
    fingerprint: bytes


def _folder(store: Store) -> tuple[Path, str]:
    if store.path and store.path != ":memory:":
        path = Path(store.path)
        return path.parent, path.stem
    # An in-memory database (tests): a private folder that lives as long as the process.
    folder = Path(tempfile.gettempdir()) / f"facilitator-sync-{os.getpid()}-{store.node_id}"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder, "memory"


def fingerprint_of(cert_pem: bytes) -> bytes:
    """Return the SHA-256 digest of a PEM certificate's DER bytes (what the client pins)."""
    der = ssl.PEM_cert_to_DER_cert(cert_pem.decode("ascii"))
    return hashlib.sha256(der).digest()


def sync_certificate(store: Store) -> SyncCertificate:
    """Return this database's sync certificate, making it (and its key) the first time."""
    folder, stem = _folder(store)
    cert_path = folder / f"{stem}.sync-cert.pem"
    key_path = folder / f"{stem}.sync-key.pem"
    if not (cert_path.exists() and key_path.exists()):
        _make(cert_path, key_path, store.node_id)
    return SyncCertificate(cert_path, key_path, fingerprint_of(cert_path.read_bytes()))


def _make(cert_path: Path, key_path: Path, node: str) -> None:
    # cryptography only here: the app does not load it unless sync is used.
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"facilitator sync {node}")])
    now = datetime.now(timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=VALID_DAYS))
        .sign(key, hashes.SHA256())
    )
    key_bytes = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    _write_private(key_path, key_bytes)
    _write_private(cert_path, cert.public_bytes(serialization.Encoding.PEM))


def _write_private(path: Path, data: bytes) -> None:
    """Write a file only its owner can read (0600), atomically."""
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.replace(tmp, path)


def server_context(store: Store) -> ssl.SSLContext:
    """Return the TLS context the sync server listens with (TLS 1.2 or newer)."""
    cert = sync_certificate(store)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(cert.cert_path, cert.key_path)
    return context

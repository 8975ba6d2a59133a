"""Keep and share: the bundles a reader asked to keep, in an embedded SQLite database, each under the SHA-256 of its
content, so a link `?data=HASH` reopens it on any machine that serves the same database.

Only `keep` writes, and only the page's "Keep and share" button calls it: nothing is stored that the reader did
not ask to keep. Each item has a size limit; the store keeps at most `max_items`, none older than `max_age`, the
oldest going first. Two sessions (threads of one server, or several servers on one file) may write at once: the
database is in WAL mode, every write is one IMMEDIATE transaction, and a writer waits `busy_timeout` for another.

The path is `$BURNBOARD_STORE`, else data/store.sqlite3 (ignored by git).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import sqlite3
import time
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from lib.i18n import _

ENVIRONMENT = "BURNBOARD_STORE"
DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "store.sqlite3"
DIGEST = re.compile(r"^[0-9a-f]{64}$")
SCHEMA = """CREATE TABLE IF NOT EXISTS kept (
    digest TEXT PRIMARY KEY,
    data BLOB NOT NULL,
    kept_at REAL NOT NULL
)"""


class StoreError(ValueError):
    """A bundle the store refuses (too large, empty); the message is for the reader."""


@dataclass(frozen=True)
class Limits:
    """What the store holds at most: bytes per item, items in all, and how long an item is kept."""

    max_bytes: int = 5 * 1024 * 1024
    max_items: int = 1000
    max_age: dt.timedelta = dt.timedelta(days=90)
    busy_timeout: float = 10.0  # seconds a writer waits for another writer's transaction to end


def configured_path() -> Path:
    """The database file: $BURNBOARD_STORE when set, else data/store.sqlite3."""
    return Path(os.environ.get(ENVIRONMENT) or DEFAULT_PATH)


def digest_of(data: bytes) -> str:
    """The name a bundle is kept under: the SHA-256 of its bytes, in hex."""
    return hashlib.sha256(data).hexdigest()


def is_digest(text: str) -> bool:
    """Whether text could name a kept bundle (64 lower-case hex digits)."""
    return bool(DIGEST.match(text))


class Store:
    """Bundles kept under their content's hash in one SQLite file (created on the first keep)."""

    def __init__(self, path: str | Path, limits: Limits = Limits(), clock: Callable[[], float] = time.time):
        self.path = Path(path)
        self.limits = limits
        self.clock = clock

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, timeout=self.limits.busy_timeout, isolation_level=None)
        connection.execute(f"PRAGMA busy_timeout = {int(self.limits.busy_timeout * 1000)}")
        return connection

    def keep(self, data: bytes) -> str:
        """Store a bundle (again: its time is renewed) and return its digest; the oldest items beyond the limits
        go in the same transaction. Raises StoreError for an empty or too large bundle."""
        if not data:
            raise StoreError(_("There is nothing to keep: the bundle is empty."))
        if len(data) > self.limits.max_bytes:
            raise StoreError(_("The bundle is {size} MB; at most {limit} MB can be kept.").format(
                size=f"{len(data) / 1e6:.1f}", limit=f"{self.limits.max_bytes / 1e6:.1f}"))
        digest = digest_of(data)
        now = self.clock()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(self._connect()) as db:
            self._write_ahead_log(db)
            db.execute("BEGIN IMMEDIATE")
            db.execute(SCHEMA)
            try:
                db.execute("INSERT INTO kept (digest, data, kept_at) VALUES (?, ?, ?) "
                           "ON CONFLICT (digest) DO UPDATE SET kept_at = excluded.kept_at", (digest, data, now))
                db.execute("DELETE FROM kept WHERE kept_at < ?", (now - self.limits.max_age.total_seconds(),))
                db.execute("DELETE FROM kept WHERE digest NOT IN "
                           "(SELECT digest FROM kept ORDER BY kept_at DESC, digest LIMIT ?)", (self.limits.max_items,))
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        return digest

    def _write_ahead_log(self, db: sqlite3.Connection) -> None:
        """Put the file in WAL mode (it stays so), so readers never wait for a writer. Switching needs the file to
        itself and SQLite's busy handler does not wait for that: two first keeps on a new file try again."""
        deadline = time.monotonic() + self.limits.busy_timeout
        while db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            try:
                db.execute("PRAGMA journal_mode = WAL")
            except sqlite3.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.01)

    def get(self, digest: str) -> bytes | None:
        """The bundle kept under digest, or None (never kept, forgotten, expired, or no database yet)."""
        if not is_digest(digest):
            return None
        rows = self._rows("SELECT data FROM kept WHERE digest = ? AND kept_at >= ?",
                          (digest, self.clock() - self.limits.max_age.total_seconds()))
        return bytes(rows[0][0]) if rows else None

    def forget(self, digest: str) -> bool:
        """Delete the bundle kept under digest; whether there was one."""
        return is_digest(digest) and bool(self._rows("DELETE FROM kept WHERE digest = ? RETURNING digest", (digest,)))

    def digests(self) -> list[str]:
        """Every digest held (expired ones included until the next keep removes them), newest first."""
        return [row[0] for row in self._rows("SELECT digest FROM kept ORDER BY kept_at DESC, digest")]

    def _rows(self, sql: str, parameters: tuple = ()) -> list[tuple]:
        """One statement's rows; none when nothing was ever kept (no file or no table yet: reading creates neither)."""
        if not self.path.is_file():
            return []
        with closing(self._connect()) as db:
            if db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kept'").fetchone() is None:
                return []
            return db.execute(sql, parameters).fetchall()

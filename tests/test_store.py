"""lib.store: bundles kept under their hash, limits of size, count and age, and two writers at once."""
from __future__ import annotations

import datetime as dt
import hashlib
import multiprocessing
import sqlite3
import threading
import time
from contextlib import closing
from pathlib import Path

import pytest

from lib import store
from lib.store import Limits, Store, StoreError

ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"  # SHA-256 of b"abc" (FIPS 180-2's example)
EMPTY_SHA = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"  # SHA-256 of b""


class Clock:
    """A clock the test moves by hand (seconds)."""

    def __init__(self, now: float = 1_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


def small(tmp_path: Path, clock: Clock | None = None, **limits) -> Store:
    return Store(tmp_path / "store.sqlite3", Limits(**limits), clock or Clock())


@pytest.mark.parametrize("data, digest", [
    (b"abc", ABC),
    (b"The quick brown fox jumps over the lazy dog", "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592"),
])
def test_keep_returns_the_hash_of_the_content_and_get_gives_the_bytes_back(tmp_path, data, digest):
    kept = small(tmp_path)
    assert kept.keep(data) == digest
    assert kept.get(digest) == data
    assert kept.digests() == [digest]


def test_the_digest_is_sha256_in_hex():
    assert store.digest_of(b"abc") == ABC


@pytest.mark.parametrize("data, message", [
    (b"", "There is nothing to keep: the bundle is empty."),
    (b"x" * 1001, "The bundle is 0.0 MB; at most 0.0 MB can be kept."),
    (b"x" * 2_000_001, "The bundle is 2.0 MB; at most 0.0 MB can be kept."),
])
def test_keep_refuses_an_empty_or_too_large_bundle_and_stores_nothing(tmp_path, data, message):
    kept = small(tmp_path, max_bytes=1000)
    with pytest.raises(StoreError) as raised:
        kept.keep(data)
    assert str(raised.value) == message
    assert not kept.path.exists()


def test_a_bundle_of_exactly_the_limit_is_kept(tmp_path):
    kept = small(tmp_path, max_bytes=1000)
    digest = kept.keep(b"y" * 1000)
    assert kept.get(digest) == b"y" * 1000


@pytest.mark.parametrize("asked", [
    "", "abc", ABC.upper(), ABC[:63], ABC + "0", "../../etc/passwd", "' OR 1=1 --", EMPTY_SHA,
])
def test_get_and_forget_of_anything_not_kept_give_nothing(tmp_path, asked):
    kept = small(tmp_path)
    kept.keep(b"abc")
    assert kept.get(asked) is None
    assert kept.forget(asked) is False
    assert kept.digests() == [ABC]


@pytest.mark.parametrize("call", ["get", "forget", "digests"])
def test_reading_a_store_that_holds_nothing_creates_no_file(tmp_path, call):
    kept = small(tmp_path)
    result = getattr(kept, call)(*([ABC] if call != "digests" else []))
    assert result in (None, False, [])
    assert not kept.path.exists()


def test_forget_removes_the_bundle_once(tmp_path):
    kept = small(tmp_path)
    kept.keep(b"abc")
    other = kept.keep(b"other")
    assert kept.forget(ABC) is True
    assert kept.get(ABC) is None
    assert kept.forget(ABC) is False
    assert kept.digests() == [other]


# (seconds after the start at which each payload is kept, the count limit) -> the payloads held, newest first
@pytest.mark.parametrize("keeps, max_items, held", [
    ([(0, b"a"), (1, b"b"), (2, b"c")], 3, [b"c", b"b", b"a"]),
    ([(0, b"a"), (1, b"b"), (2, b"c"), (3, b"d"), (4, b"e")], 3, [b"e", b"d", b"c"]),
    ([(0, b"a"), (1, b"b"), (2, b"a"), (3, b"c")], 2, [b"c", b"a"]),  # keeping again renews
    ([(0, b"a"), (1, b"b")], 1, [b"b"]),
])
def test_the_oldest_go_first_beyond_the_count_limit(tmp_path, keeps, max_items, held):
    clock = Clock()
    kept = small(tmp_path, clock, max_items=max_items)
    start = clock.now
    for after, data in keeps:
        clock.now = start + after
        kept.keep(data)
    assert kept.digests() == [hashlib.sha256(data).hexdigest() for data in held]


# keeps (seconds, payload), then reads at a time: which payloads get returns (max_age 10 s)
@pytest.mark.parametrize("keeps, read_at, found", [
    ([(0, b"a"), (5, b"b")], 10, [b"a", b"b"]),  # exactly 10 s old: still kept
    ([(0, b"a"), (5, b"b")], 11, [b"b"]),  # expired on reading, before any keep removes it
    ([(0, b"a"), (5, b"b"), (12, b"c")], 12, [b"b", b"c"]),
    ([(0, b"a"), (5, b"b"), (9, b"a")], 18, [b"a"]),
])
def test_nothing_is_kept_longer_than_the_age_limit(tmp_path, keeps, read_at, found):
    clock = Clock()
    kept = small(tmp_path, clock, max_age=dt.timedelta(seconds=10))
    start = clock.now
    for after, data in keeps:
        clock.now = start + after
        kept.keep(data)
    clock.now = start + read_at
    assert [data for data in (b"a", b"b", b"c") if kept.get(hashlib.sha256(data).hexdigest()) == data] == found


def test_a_keep_removes_the_expired_bundles_from_the_file(tmp_path):
    clock = Clock()
    kept = small(tmp_path, clock, max_age=dt.timedelta(seconds=10))
    kept.keep(b"a")
    clock.now += 11
    kept.keep(b"b")
    assert kept.digests() == [hashlib.sha256(b"b").hexdigest()]


@pytest.mark.parametrize("environment, expected", [
    ({"BURNBOARD_STORE": "/srv/burnboard/shared.sqlite3"}, Path("/srv/burnboard/shared.sqlite3")),
    ({"BURNBOARD_STORE": ""}, store.DEFAULT_PATH),
    ({}, store.DEFAULT_PATH),
])
def test_the_path_comes_from_the_environment_else_the_data_folder(monkeypatch, environment, expected):
    monkeypatch.delenv("BURNBOARD_STORE", raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert store.configured_path() == expected


def test_the_default_file_is_under_data_and_ignored_by_git():
    root = Path(__file__).resolve().parent.parent
    assert store.DEFAULT_PATH == root / "data" / "store.sqlite3"
    assert "data/store.sqlite3*" in (root / ".gitignore").read_text(encoding="utf-8").splitlines()


def test_the_database_is_in_wal_mode(tmp_path):
    kept = small(tmp_path)
    kept.keep(b"abc")
    with closing(sqlite3.connect(kept.path)) as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_a_writer_waits_for_another_writers_transaction(tmp_path):
    kept = small(tmp_path, busy_timeout=10.0)
    kept.keep(b"first")
    holder = sqlite3.connect(kept.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO kept VALUES (?, ?, ?)", ("0" * 64, b"held", kept.clock()))
    results = []
    writer = threading.Thread(target=lambda: results.append(kept.keep(b"second")))
    writer.start()
    time.sleep(0.5)
    assert results == []  # still waiting for the lock
    holder.execute("COMMIT")
    holder.close()
    writer.join(20)
    assert results == [hashlib.sha256(b"second").hexdigest()]
    assert kept.get(results[0]) == b"second"
    assert len(kept.digests()) == 3


WRITES = 150


def payload(worker: int, index: int) -> bytes:
    """A distinct bundle-sized payload per worker and write."""
    return f"worker {worker} bundle {index}\n".encode() * 200


def hammer(path: str, worker: int, max_items: int, check_reads: bool) -> list[str]:
    """Keep WRITES payloads as fast as possible, reading each back at once when check_reads; the problems seen."""
    kept = Store(path, Limits(max_items=max_items))
    problems = []
    for index in range(WRITES):
        data = payload(worker, index)
        digest = kept.keep(data)
        if check_reads and kept.get(digest) != data:
            problems.append(f"worker {worker}: bundle {index} not read back")
    return problems


def run_workers(how: str, path: Path, max_items: int, check_reads: bool) -> list[str]:
    arguments = [(str(path), worker, max_items, check_reads) for worker in (1, 2)]
    if how == "threads":
        results: list[list[str]] = []
        threads = [threading.Thread(target=lambda a=a: results.append(hammer(*a))) for a in arguments]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
        return [problem for result in results for problem in result] + ([] if len(results) == 2 else ["a thread died"])
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        return [problem for result in pool.starmap(hammer, arguments) for problem in result]


def integrity(path: Path) -> str:
    with closing(sqlite3.connect(path)) as db:
        return db.execute("PRAGMA integrity_check").fetchone()[0]


@pytest.mark.parametrize("how", ["threads", "processes"])
def test_two_writers_at_once_lose_and_corrupt_nothing(tmp_path, how):
    path = tmp_path / "store.sqlite3"
    assert run_workers(how, path, max_items=10_000, check_reads=True) == []
    assert integrity(path) == "ok"
    kept = Store(path)
    expected = {hashlib.sha256(payload(w, i)).hexdigest(): payload(w, i) for w in (1, 2) for i in range(WRITES)}
    assert sorted(kept.digests()) == sorted(expected)
    assert all(kept.get(digest) == data for digest, data in expected.items())


@pytest.mark.parametrize("how", ["threads", "processes"])
def test_two_writers_at_once_keep_the_count_limit(tmp_path, how):
    path = tmp_path / "store.sqlite3"
    assert run_workers(how, path, max_items=25, check_reads=False) == []
    assert integrity(path) == "ok"
    kept = Store(path)
    held = kept.digests()
    assert len(held) == 25
    every = {hashlib.sha256(payload(w, i)).hexdigest(): payload(w, i) for w in (1, 2) for i in range(WRITES)}
    assert all(kept.get(digest) == every[digest] for digest in held)

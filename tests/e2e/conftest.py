"""Fixtures for the real-browser tests: a Streamlit server started from the repo root and a headless Chromium.

Chromium is Debian's (/usr/bin/chromium): `playwright install` cannot download browsers here. Every test in
this folder is skipped, with the reason, when no chromium is on PATH.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None)
NO_CHROMIUM = "Chromium is not installed (no `chromium` on PATH): install Debian's 'chromium' package to run the browser tests."
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]
START_TIMEOUT = 60.0  # seconds from Popen to a healthy server; the first start imports pandas, plotly, ...
NAV_TIMEOUT = 60_000  # ms for a page to load and its script to finish (2 cores, cold caches)
ACTION_TIMEOUT = 30_000  # ms for anything else to appear


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """A `streamlit run app.py` subprocess on its own port; its output goes to a log file, shown on failure."""

    def __init__(self, port: int, process: subprocess.Popen, log_path: Path):
        self.port, self.process, self.log_path = port, process, log_path
        self.url = f"http://127.0.0.1:{port}"

    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return ""

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        with_suppressed(self.log_path.unlink)


def with_suppressed(call) -> None:
    try:
        call()
    except OSError:
        pass


def wait_healthy(url: str, process: subprocess.Popen, timeout: float = START_TIMEOUT) -> float:
    """Seconds until GET /_stcore/health answers "ok"; raises when the process exits or the time runs out."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {process.returncode} before it was healthy")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200 and answer.read().strip() == b"ok":
                    return time.monotonic() - start
        except OSError:
            pass
        time.sleep(0.1)
    raise TimeoutError(f"{url} was not healthy within {timeout:.0f} s")


def start_server(port: int | None = None, app: str = "app.py") -> Server:
    """Start a FRESH `streamlit run` of `app` (relative to the repo root) on its own port and wait until healthy.

    The caller stops it (server.stop()); use the `fresh_server` context manager to have that done.
    """
    port = port or free_port()
    log = tempfile.NamedTemporaryFile(prefix="burnboard-streamlit-", suffix=".log", delete=False)
    command = [
        sys.executable, "-m", "streamlit", "run", app, "--server.port", str(port), "--server.headless", "true",
        "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
        # Files may change while the tests run (others edit the repo): never rerun or prompt on a change.
        "--server.fileWatcherType", "none", "--server.runOnSave", "false",
    ]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env)
    log.close()
    server = Server(port, process, Path(log.name))
    try:
        wait_healthy(server.url, process)
    except BaseException as err:
        output = server.log()
        server.stop()
        raise RuntimeError(f"{err}\n--- streamlit output ---\n{output[-4000:]}") from err
    return server


@contextmanager
def fresh_server() -> Iterator[Server]:
    """A server of its own, for tests that need the first request to a new process."""
    server = start_server()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def server() -> Iterator[Server]:
    if CHROMIUM is None:
        pytest.skip(NO_CHROMIUM)
    with fresh_server() as started:
        yield started


@pytest.fixture(scope="session")
def base_url(server: Server) -> str:
    return server.url


@pytest.fixture(scope="session")
def browser():
    if CHROMIUM is None:
        pytest.skip(NO_CHROMIUM)
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=ACTION_TIMEOUT)  # on two shared cores a rerun can take longer than Playwright's 5 s
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def context(browser):
    """A browser context of its own (its own cookies, so its own Streamlit session), closed after the test."""
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    ctx.set_default_timeout(ACTION_TIMEOUT)
    ctx.set_default_navigation_timeout(NAV_TIMEOUT)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    """A page that records every JavaScript dialog (alert, confirm, prompt) in page.dialogs and dismisses it."""
    new = context.new_page()
    new.dialogs = []

    def on_dialog(dialog):
        new.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    new.on("dialog", on_dialog)
    return new


_LOG_START = pytest.StashKey[int]()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item):
    server = getattr(item, "funcargs", {}).get("server")
    if isinstance(server, Server):
        item.stash[_LOG_START] = len(server.log())
    yield


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """On a failure, attach what the Streamlit server printed during the test (the traceback behind an
    stException: the page itself only says "This app has encountered an error")."""
    outcome = yield
    report = outcome.get_result()
    server = getattr(item, "funcargs", {}).get("server")
    if report.when == "call" and report.failed and isinstance(server, Server):
        output = server.log()[item.stash.get(_LOG_START, 0):]
        report.sections.append(("streamlit server output during the test", output[-6000:] or "(nothing)"))

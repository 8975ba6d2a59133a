"""The Chromium renderer: kaleido in one headless Chromium that is started on the first image and kept warm, so
exports after the first take a fraction of a second.

Encoders take a renderer as an argument (anything with ``render(figure, image_format, scale)``), so tests and
other callers pass their own; ``shared()`` is the process-wide one the app and the command line use. kaleido is
imported only when Chromium starts, so a page that never draws an image never loads it.
"""
from __future__ import annotations

import asyncio
import atexit
import contextlib
import threading
from typing import Callable, Protocol

import plotly.graph_objects as go

START_TIMEOUT = RENDER_TIMEOUT = 60.0  # seconds
NO_CHROMIUM = "Chromium is not installed: install the 'chromium' package to download images."


class ExportUnavailable(RuntimeError):
    """Images cannot be drawn here; the message says why (Chromium missing, would not start, or failed)."""


class Renderer(Protocol):
    """What the image encoders and the deck need: a figure drawn as PNG or SVG bytes."""

    def render(self, figure: go.Figure, image_format: str, scale: float = 1) -> bytes: ...


def find_chromium() -> str | None:
    """Where kaleido would find Chromium (BROWSER_PATH, PATH, its own download), without starting it."""
    from choreographer.browsers.chromium import Chromium

    return Chromium.find_browser(skip_local=False)


def describe(err: BaseException) -> str:
    """An error's first line (choreographer puts several sentences in args), for a one-line message."""
    text = (err.args[0] if err.args and isinstance(err.args[0], str) else str(err)).strip()
    return text.splitlines()[0].rstrip(".") if text else type(err).__name__


class _Session:
    """One kaleido (headless Chromium) kept open on its own event-loop thread.

    Not kaleido.start_sync_server(): when Chromium fails to start, that server's thread dies and every call
    waits forever on a queue nobody serves. Here each call is a future, so errors arrive and waits time out.
    """

    def __init__(self) -> None:
        self._loop = asyncio.new_event_loop()
        threading.Thread(target=self._loop.run_forever, name="burnboard-kaleido", daemon=True).start()
        try:
            self._kaleido = self._run(self._open(), START_TIMEOUT)
        except BaseException:
            self._loop.call_soon_threadsafe(self._loop.stop)
            raise

    @staticmethod
    async def _open():
        import kaleido

        browser = kaleido.Kaleido(n=1, timeout=RENDER_TIMEOUT, mathjax=False)  # no MathJax: no network
        await browser.open()
        return browser

    def _run(self, coroutine, timeout: float):
        future = asyncio.run_coroutine_threadsafe(coroutine, self._loop)
        try:
            return future.result(timeout)
        except TimeoutError:
            future.cancel()
            raise TimeoutError(f"no answer within {timeout:.0f} s") from None

    def render(self, figure: go.Figure, image_format: str, scale: float) -> bytes:
        opts = {"format": image_format, "width": figure.layout.width, "height": figure.layout.height, "scale": scale}
        return self._run(self._kaleido.calc_fig(figure.to_dict(), opts=opts), RENDER_TIMEOUT + 5)

    def close(self) -> None:
        """Close Chromium and stop the loop; never raises (it runs when something already went wrong)."""
        with contextlib.suppress(Exception):
            self._run(self._kaleido.close(), 10)
        self._loop.call_soon_threadsafe(self._loop.stop)


class ChromiumRenderer:
    """Draws figures in a warm Chromium, started on first use; a failed one is dropped and the next call starts
    afresh. find_browser says where Chromium is (None: not installed)."""

    def __init__(self, find_browser: Callable[[], str | None] = find_chromium) -> None:
        self._find_browser = find_browser
        self._lock = threading.Lock()  # one start at a time, and renders in turn (kaleido has one tab)
        self._session: _Session | None = None
        self.starts = 0  # how many times Chromium was started

    def found(self) -> tuple[bool, str]:
        """(True, "available") when Chromium is installed, else (False, why). Starts nothing: cheap enough to
        decide which download buttons a page shows; Chromium itself starts on the first image."""
        return (True, "available") if self._find_browser() is not None else (False, NO_CHROMIUM)

    def status(self) -> tuple[bool, str]:
        """(True, "available") when images can be drawn, else (False, why). Starts Chromium when needed, so the
        answer is tested, not guessed, and the first image is already warm."""
        with self._lock:
            try:
                self._started()
            except ExportUnavailable as err:
                return False, str(err)
        return True, "available"

    def render(self, figure: go.Figure, image_format: str, scale: float = 1) -> bytes:
        """Draw a figure as PNG or SVG bytes. Raises ExportUnavailable."""
        with self._lock:
            session = self._started()
            try:
                return session.render(figure, image_format, scale)
            except Exception as err:
                self._session = None
                session.close()
                raise ExportUnavailable(f"Chromium could not draw the chart ({describe(err)}).") from err

    def close(self) -> None:
        """Stop Chromium, if it runs; the next image starts it again."""
        with self._lock:
            if self._session is not None:
                self._session.close()
                self._session = None

    def _started(self) -> _Session:
        """The warm session, started on first use; the caller holds the lock."""
        if self._session is None:
            if self._find_browser() is None:
                raise ExportUnavailable(NO_CHROMIUM)
            try:
                self._session = _Session()
            except Exception as err:
                raise ExportUnavailable(f"Chromium did not start ({describe(err)}).") from err
            self.starts += 1
        return self._session


_shared = ChromiumRenderer()
atexit.register(_shared.close)


def shared() -> ChromiumRenderer:
    """The process-wide warm renderer (one Chromium for every session of the app, or for the command line)."""
    return _shared

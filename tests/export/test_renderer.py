"""lib.export.renderer: the warm Chromium, and how it says why images cannot be drawn."""
from __future__ import annotations

import pytest

from lib.export import renderer as renderer_lib
from lib.export.images import png_bytes
from tests.export.conftest import CHART, SECOND, STAMP, NoChromium, needs_chromium


@needs_chromium
def test_warm_renderer_is_reused(renderer):
    assert renderer.status() == (True, "available")
    starts = renderer.starts
    png_bytes(CHART, stamp=STAMP, renderer=renderer)
    png_bytes(SECOND, stamp=STAMP, renderer=renderer)
    assert renderer.starts == starts, "Chromium is started once and kept warm"
    assert renderer_lib.shared() is renderer


def test_missing_chromium_is_reported_without_starting_anything():
    renderer = NoChromium()
    assert renderer.found() == (False, renderer_lib.NO_CHROMIUM)
    assert renderer.status() == (False, renderer_lib.NO_CHROMIUM)
    with pytest.raises(renderer_lib.ExportUnavailable, match="Chromium is not installed"):
        png_bytes(CHART, stamp=STAMP, renderer=renderer)
    assert renderer.starts == 0


def test_chromium_that_will_not_start_is_reported_not_waited_for(monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/bin/false")  # found, but exits at once
    renderer = renderer_lib.ChromiumRenderer()
    assert renderer.found() == (True, "available"), "found: it is there, whether or not it starts"
    available, reason = renderer.status()
    assert not available and reason.startswith("Chromium did not start (")
    assert renderer.starts == 0

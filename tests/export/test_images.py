"""lib.export.images: the 1920x1080 PNG and the SVG, each with title, sources and stamp."""
from __future__ import annotations

import io

import pytest
from PIL import Image

from lib.export.images import png_bytes, svg_bytes
from tests.export.conftest import CHART, STAMP, STAMP_TEXT, needs_chromium, svg_text


class Recorder:
    """A renderer that records what it is asked to draw."""

    def __init__(self):
        self.calls = []

    def render(self, figure, image_format, scale=1):
        self.calls.append((figure, image_format, scale))
        return b"drawn"


@pytest.mark.parametrize("encode, image_format", [(png_bytes, "png"), (svg_bytes, "svg")])
def test_the_renderer_passed_in_draws_the_stamped_slide(encode, image_format):
    recorder = Recorder()
    assert encode(CHART, stamp=STAMP, renderer=recorder) == b"drawn"
    [(figure, drawn_as, scale)] = recorder.calls
    assert (drawn_as, scale, figure.layout.width, figure.layout.height) == (image_format, 1, 1920, 1080)
    assert figure.layout.annotations[-1].text == STAMP_TEXT.replace("&", "&amp;")


@pytest.fixture(scope="module")
def png(renderer):
    return png_bytes(CHART, stamp=STAMP, renderer=renderer)


@pytest.fixture(scope="module")
def svg(renderer):
    return svg_bytes(CHART, stamp=STAMP, renderer=renderer)


@needs_chromium
def test_png_is_full_hd(png):
    image = Image.open(io.BytesIO(png))
    assert (image.format, image.size) == ("PNG", (1920, 1080))


@needs_chromium
def test_svg_has_title_source_line_and_stamp_as_text(svg):
    assert b"&amp;" in svg and b"<money>" not in svg, "text is escaped"
    text = svg_text(svg)
    assert CHART.title in text
    assert CHART.source_line in text
    assert STAMP_TEXT in text

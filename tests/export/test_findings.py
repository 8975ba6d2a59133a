"""The audit's findings in downloads: the markers drawn on screen never reach a PNG, an SVG or a deck picture,
while the CSV and the speaker notes say what was found."""
from __future__ import annotations

import io

import pandas as pd
import pytest
from PIL import Image
from pptx import Presentation

from lib import checks, history_charts, transforms as tf, waterfall
from lib.audit import audit
from lib.export.cli import main
from lib.export.deck import deck_bytes
from lib.export.images import png_bytes, svg_bytes
from lib.export.tables import csv_bytes
from tests.conftest import CLAIMS_PATH
from tests.export.conftest import STAMP, NoChromium

AS_OF = "2026-02-01"
STALE = ("OpenAI's runway starts from inputs that ended more than 12 months before 2026-02-01: openai-funding-round-2024-10-ko "
         "(funding round, 2024-10, ended 2024-10-31), openai-revenue-2024-en (revenue, 2024, ended 2024-12-31), "
         "openai-net-loss-2024-en (net loss, 2024, ended 2024-12-31), openai-net-loss-2024-fr (net loss, 2024, ended "
         "2024-12-31). By these figures the cash ran out in Jan 2026, before the as-of date (1 Feb 2026); funding not in "
         "the claims is implied.")


class Recorder:
    """A renderer that records the figures it is asked to draw and draws a blank PNG."""

    def __init__(self):
        self.figures = []

    def render(self, figure, image_format, scale=1):
        self.figures.append(figure)
        out = io.BytesIO()
        Image.new("RGB", (16, 9), "white").save(out, "PNG")
        return out.getvalue()


@pytest.fixture(scope="module")
def marked(real_claims):
    """The Timeline and 2024 Waterfall charts of the bundled data as the pages draw them: with markers."""
    view = tf.as_of(real_claims, AS_OF, include_undated=True)
    prepared = tf.prepare(view)
    flagged = checks.flags(audit(view, AS_OF), prepared)
    metrics = history_charts.default_timeline_metrics(history_charts.timeline_metrics(prepared, "OpenAI"))
    lines = waterfall.waterfall_lines(prepared, "OpenAI", "2024")
    return [checks.mark_timeline(history_charts.timeline(prepared, "OpenAI", metrics), flagged),
            checks.mark_waterfall(history_charts.waterfall(lines, prepared, "OpenAI", "2024"), flagged)]


def names(traces) -> list[str]:
    return [trace.name for trace in traces]


@pytest.mark.parametrize("encode", [png_bytes, svg_bytes])
def test_images_leave_the_markers_out(marked, encode):
    for chart in marked:
        on_screen = names(chart.figure.data)
        assert "Audit warning (see Checks)" in on_screen, "the screen has the markers"
        recorder = Recorder()
        encode(chart, stamp=STAMP, renderer=recorder)
        [drawn] = recorder.figures
        assert names(drawn.data) == [name for name in on_screen if name != "Audit warning (see Checks)"]


def test_deck_pictures_leave_the_markers_out_and_the_notes_carry_the_findings(marked):
    recorder = Recorder()
    deck = Presentation(io.BytesIO(deck_bytes(marked, stamp=STAMP, renderer=recorder)))
    assert len(recorder.figures) == 2
    assert not [trace for figure in recorder.figures for trace in figure.data if checks.is_marker(trace)]
    timeline, waterfall = (slide.notes_slide.notes_text_frame.text.split("\n\n") for slide in list(deck.slides)[1:3])
    assert waterfall[2] == f"Caveats\n- {STALE}", "one finding about four of the chart's claims, said once"
    caveats = timeline[2].split("\n")
    assert caveats[:2] == ["Caveats", f"- {STALE}"] and caveats.count(f"- {STALE}") == 1
    assert not [line for line in caveats if "openai-valuation-2026-02-ko-usd" in line]


def test_the_csv_carries_each_rows_findings(marked):
    waterfall = pd.read_csv(io.BytesIO(csv_bytes(marked[1], stamp=STAMP)), skiprows=1, keep_default_na=False)
    assert dict(zip(waterfall["label"], waterfall["findings"])) == {
        "Revenue": STALE, "Servers & inference": "", "Training": "", "Staff": "", "Other / unexplained": "",
        "Net loss (projected)": STALE}


def test_the_command_lines_csv_carries_the_findings(tmp_path):
    assert main(["--out", str(tmp_path), "--formats", "csv", "--claims", str(CLAIMS_PATH)], renderer=NoChromium()) == 0
    timeline = pd.read_csv(tmp_path / "openai-timeline.csv", skiprows=1, keep_default_na=False).set_index("id")
    assert timeline.loc["openai-revenue-2024-en", "findings"] == STALE
    assert timeline.loc["openai-valuation-2026-02-ko-usd", "findings"] == ""

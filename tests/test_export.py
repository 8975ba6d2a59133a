"""Tests for lib.export: slide theme, PNG/SVG/CSV downloads, the deck and the command line.

Images come from one warm renderer shared by the whole module, and only a handful are drawn, so this stays fast.
"""
from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

import pandas as pd
import plotly.graph_objects as go
import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from lib import export
from lib.charts import CLAIM_COLUMNS, Chart
from lib.dashboard import build_charts
from tests.conftest import CLAIMS_PATH, ROOT, claims_yaml

needs_chromium = pytest.mark.skipif(
    shutil.which("chromium") is None, reason="Chromium is not installed (apt-get install chromium): images need it"
)

KO_QUOTE, KO_QUOTE_EN = "오픈AI의 손실은 50억 달러", "OpenAI's loss is $5 billion"
EN_QUOTE = "revenue of $3.7 billion"


def make_chart(name: str = "acme-timeline", title: str = "Acme & Co: <money> over time") -> Chart:
    """A small chart with a date axis, a NaN, non-ASCII text, a dated and an undated source, and a '&'."""
    data = pd.DataFrame({
        "id": ["acme-loss-2024", "acme-revenue-2024", "acme-revenue-2025"],
        "period_mid": pd.to_datetime(["2024-07-01", "2024-12-31", "2025-06-30"]),
        "value_usd": [5e9, 3.7e9, float("nan")],
        "source_publisher": ["디지털타임스 (Digital Times)", "Smith & Sons <Daily>", "Smith & Sons <Daily>"],
    })
    figure = go.Figure([
        go.Scatter(x=data["period_mid"][:1], y=data["value_usd"][:1], name="Net loss", mode="markers",
                   marker=dict(color="#d62728", size=12)),
        go.Scatter(x=data["period_mid"][1:], y=data["value_usd"][1:], name="Revenue", mode="lines+markers",
                   line=dict(color="#2a9d8f", width=2)),
    ])
    figure.add_annotation(x=data["period_mid"][0], y=1, yref="paper", text="IPO plan", showarrow=False, font=dict(size=11))
    claims = pd.DataFrame([
        ["acme-loss-2024", "Acme", "net_loss", "company", "2024", "estimated", "approximately", "손실 기사",
         "디지털타임스 (Digital Times)", "news_outlet", pd.Timestamp("2026-02-01"), None, KO_QUOTE, KO_QUOTE_EN],
        ["acme-revenue-2024", "Acme", "revenue", "company", "2024", "reported", "exact", "Acme's year",
         "Smith & Sons <Daily>", "blog", pd.NaT, None, EN_QUOTE, EN_QUOTE],
    ], columns=CLAIM_COLUMNS)
    return Chart(name, title, "US dollars a year · filled = reported", figure, data, claims)


CHART = make_chart()
SECOND = make_chart("acme-runway", "Acme: cash runway")
URL = "https://example.com/smith"
ALL_CLAIMS = pd.DataFrame({"id": ["acme-loss-2024", "acme-revenue-2024"], "source_url": [None, URL]})


def svg_text(svg: bytes) -> str:
    """All text an SVG shows, wrapped lines joined by spaces, entities decoded by the XML parser."""
    return " ".join(" ".join(ET.fromstring(svg).itertext()).split())


@pytest.fixture(scope="module")
def png():
    return export.png_bytes(CHART)


@pytest.fixture(scope="module")
def svg():
    return export.svg_bytes(CHART)


@pytest.fixture(scope="module")
def deck():
    return Presentation(io.BytesIO(export.deck_bytes([CHART, SECOND], claims=ALL_CLAIMS)))


# ---------------------------------------------------------------- slide theme (no rendering)

def test_slide_figure_is_a_themed_copy():
    before = CHART.figure.to_json()
    figure = export.slide_figure(CHART)
    assert CHART.figure.to_json() == before, "the on-screen figure must not change"
    assert (figure.layout.width, figure.layout.height) == (1920, 1080)
    assert figure.layout.paper_bgcolor == "white"
    assert "Acme &amp; Co: &lt;money&gt; over time" in figure.layout.title.text
    assert figure.layout.title.font.size >= 40 and figure.layout.font.size >= 22
    assert "US dollars a year" in figure.layout.title.subtitle.text
    source = figure.layout.annotations[-1]
    assert source.text.replace("<br>", " ") == CHART.source_line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert 16 <= source.font.size < figure.layout.font.size
    assert figure.layout.annotations[0].font.size > 11, "chart annotations grow with the type"
    assert [t.marker.color for t in figure.data] == [t.marker.color for t in CHART.figure.data]
    assert [t.line.color for t in figure.data] == [t.line.color for t in CHART.figure.data]
    assert figure.layout.margin.t > figure.layout.title.font.size * 2 and figure.layout.margin.b > 110


def test_slide_figure_without_frame_leaves_text_to_the_slide():
    figure = export.slide_figure(CHART, 1600, 640, frame=False)
    assert (figure.layout.width, figure.layout.height) == (1600, 640)
    assert figure.layout.title.text is None
    assert [a.text for a in figure.layout.annotations] == ["IPO plan"]


def test_long_source_line_is_cut_to_three_lines_keeping_every_source():
    claims = pd.concat([CHART.claims] * 40, ignore_index=True)
    claims["id"] = [f"acme-claim-number-{i}" for i in range(len(claims))]
    chart = Chart("long", "Long", "sub", CHART.figure, CHART.data, claims)
    figure = export.slide_figure(chart)
    text = figure.layout.annotations[-1].text
    assert text.count("<br>") == 2
    assert "디지털타임스" in text and "Smith &amp; Sons" in text
    assert re.search(r"and \d+ more\.$", text)


# ---------------------------------------------------------------- downloads

@needs_chromium
def test_png_is_full_hd(png):
    image = Image.open(io.BytesIO(png))
    assert (image.format, image.size) == ("PNG", (1920, 1080))


@needs_chromium
def test_svg_has_title_and_source_line_as_text(svg):
    assert b"&amp;" in svg and b"<money>" not in svg, "text is escaped"
    text = svg_text(svg)
    assert CHART.title in text
    assert CHART.source_line in text


@needs_chromium
def test_warm_renderer_is_reused(png):
    assert export.renderer_status() == (True, "available")
    renderer = export._renderer
    export.png_bytes(SECOND)
    assert export._renderer is renderer


def test_missing_chromium_is_reported_without_starting_anything(monkeypatch):
    monkeypatch.setattr(export, "_renderer", None)
    monkeypatch.setattr(export, "_browser_path", lambda: None)
    assert export.renderer_status() == (False, export.NO_CHROMIUM)
    with pytest.raises(export.ExportUnavailable, match="Chromium is not installed"):
        export.png_bytes(CHART)
    assert export._renderer is None


def test_chromium_that_will_not_start_is_reported_not_waited_for(monkeypatch):
    monkeypatch.setattr(export, "_renderer", None)
    monkeypatch.setenv("BROWSER_PATH", "/bin/false")  # found, but exits at once
    available, reason = export.renderer_status()
    assert not available and reason.startswith("Chromium did not start (")
    assert export._renderer is None


@pytest.mark.parametrize("chart, date_column, expected", [
    (CHART, "period_mid", ["2024-07-01", "2024-12-31", "2025-06-30"]),
    (Chart("timed", "t", "s", go.Figure(), pd.DataFrame({"at": pd.to_datetime(["2024-07-01 12:00", None])}), CHART.claims),
     "at", ["2024-07-01T12:00:00", None]),
    (Chart("empty", "t", "s", go.Figure(), pd.DataFrame({"a": [], "b": []}), CHART.claims), None, None),
])
def test_csv_round_trips(chart, date_column, expected):
    data = export.csv_bytes(chart)
    data.decode("utf-8")  # UTF-8, no BOM needed
    back = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False)
    assert list(back.columns) == list(chart.data.columns)
    assert len(back) == len(chart.data)
    if date_column:
        assert [v or None for v in back[date_column]] == expected


def test_csv_keeps_text_and_numbers():
    back = pd.read_csv(io.BytesIO(export.csv_bytes(CHART)))
    assert list(back["source_publisher"]) == list(CHART.data["source_publisher"])
    pd.testing.assert_series_equal(back["value_usd"], CHART.data["value_usd"])


@pytest.mark.parametrize("name, stem", [
    ("openai-timeline", "openai-timeline"),
    ("openai-waterfall-2024", "openai-waterfall-2024"),
    ("a/b c", "a-b-c"),
])
def test_file_names(name, stem):
    chart = Chart(name, "t", "s", go.Figure(), CHART.data, CHART.claims)
    assert export.file_names(chart) == {"png": f"{stem}.png", "svg": f"{stem}.svg", "csv": f"{stem}.csv"}


def test_toolbar_config():
    assert export.toolbar_config(CHART) == {
        "toImageButtonOptions": {"format": "png", "filename": "acme-timeline", "width": 1920, "height": 1080, "scale": 1},
        "displaylogo": False,
    }


# ---------------------------------------------------------------- deck

def slide_text(slide) -> str:
    return "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


@needs_chromium
def test_deck_has_title_chart_and_sources_slides(deck):
    assert (deck.slide_width, deck.slide_height) == (12192000, 6858000)  # 13.333 x 7.5 in
    slides = list(deck.slides)
    assert len(slides) == 1 + 2 + 1
    cover = slide_text(slides[0])
    assert "Burnboard: AI burn rates" in cover and "Acme" in cover and "1 February 2026" in cover
    assert slide_text(slides[-1]).startswith("Sources")


@needs_chromium
@pytest.mark.parametrize("index, chart", [(1, CHART), (2, SECOND)])
def test_chart_slide_names_sources_and_notes_hold_quotes(deck, index, chart):
    slide = deck.slides[index]
    assert slide.shapes.title.text_frame.text == chart.title
    text = slide_text(slide)
    for publisher in chart.claims["source_publisher"]:
        assert publisher in text
    pictures = [shape for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert len(pictures) == 1 and pictures[0].width > 0.9 * deck.slide_width
    notes = slide.notes_slide.notes_text_frame.text
    assert f"acme-loss-2024 — 디지털타임스 (Digital Times) (2026-02-01): {KO_QUOTE} / {KO_QUOTE_EN}" in notes
    assert f"acme-revenue-2024 — Smith & Sons <Daily> (undated): {EN_QUOTE}" in notes
    assert f"{EN_QUOTE} / " not in notes, "an English quote is not repeated as its own translation"


@needs_chromium
def test_sources_slide_cites_every_article(deck):
    text = slide_text(deck.slides[-1])
    assert "디지털타임스 (Digital Times). “손실 기사”. 2026-02-01." in text
    assert f"Smith & Sons <Daily>. “Acme's year”. undated. {URL}" in text


def test_deck_needs_a_chart():
    with pytest.raises(ValueError, match="at least one chart"):
        export.deck_bytes([])


# ---------------------------------------------------------------- command line

@needs_chromium
def test_cli_writes_png_and_csv_for_every_chart(tmp_path, capsys, real_claims):
    out = tmp_path / "exports"
    assert export.main(["--out", str(out), "--formats", "png,csv", "--claims", str(CLAIMS_PATH)]) == 0
    charts = build_charts(real_claims, "OpenAI")
    expected = {export.file_names(c)[kind] for c in charts for kind in ("png", "csv")}
    assert {p.name for p in out.iterdir()} == expected
    assert Image.open(out / export.file_names(charts[0])["png"]).size == (1920, 1080)
    printed = capsys.readouterr().out
    assert all(name in printed for name in expected) and f"{len(expected)} files" in printed


def test_cli_unknown_company_fails_cleanly(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "lib.export", "--out", str(tmp_path), "--company", "Nope", "--formats", "csv"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("error: unknown company 'Nope'; the data has: OpenAI")
    assert "Traceback" not in result.stderr and result.stdout == ""


def _bad_claims(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(claims_yaml([{"metric": "not_a_metric"}, {"id": "claim-2", "basis": "guessed"}]))
    return ["--claims", str(path)]


def _file_as_out(tmp_path):
    (tmp_path / "taken").write_text("a file, not a directory")
    return ["--out", str(tmp_path / "taken")]


def _under_a_file(tmp_path):
    (tmp_path / "taken").write_text("a file, not a directory")
    return ["--out", str(tmp_path / "taken" / "exports")]


def _no_chromium(tmp_path, monkeypatch):
    monkeypatch.setattr(export, "_renderer", None)
    monkeypatch.setattr(export, "_browser_path", lambda: None)
    return ["--formats", "png"]


@pytest.mark.parametrize("make_args, messages", [
    (_bad_claims, [r"^\S*bad.yaml:\d+: claims\[0\]\.metric: .*not_a_metric", r"^\S*bad.yaml:\d+: claims\[1\]\.basis: .*guessed",
                   r"^error: \S*bad.yaml is not a valid claims file \(2 problems\)$"]),
    (_file_as_out, [r"^error: cannot write to \S*taken: "]),
    (_under_a_file, [r"^error: cannot write to \S*exports: "]),
    (_no_chromium, [r"^error: Chromium is not installed: install the 'chromium' package"]),
], ids=["invalid-claims", "out-is-a-file", "out-under-a-file", "no-chromium"])
def test_cli_failures_print_one_line_per_problem(tmp_path, capsys, monkeypatch, make_args, messages):
    args = make_args(tmp_path, monkeypatch) if make_args is _no_chromium else make_args(tmp_path)
    argv = ["--out", str(tmp_path / "out"), *args]
    assert export.main(argv) == 1
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) == len(messages) and captured.out == ""
    for line, pattern in zip(lines, messages):
        assert re.search(pattern, line), line


def test_cli_csv_needs_no_chromium(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(export, "_renderer", None)
    monkeypatch.setattr(export, "_browser_path", lambda: None)
    assert export.main(["--out", str(tmp_path), "--formats", "csv", "--cash", "1e10", "--horizon", "24"]) == 0
    runway = pd.read_csv(tmp_path / "openai-runway.csv")
    assert len(runway) == 24 and runway["cash_start"].iloc[0] == 1e10


@pytest.mark.parametrize("argv, message", [
    (["--formats", "png,gif"], "unknown format gif"),
    (["--cash", "-5"], "'-5' is not an amount of US dollars >= 0"),
    (["--revenue-growth", "-1"], "is not a yearly growth fraction > -1"),
    (["--horizon", "0"], "is not a whole number of months"),
    (["--cash", "lots"], "'lots' is not an amount"),
])
def test_cli_bad_options_exit_2(tmp_path, capsys, argv, message):
    with pytest.raises(SystemExit) as exit_:
        export.main(["--out", str(tmp_path), *argv])
    assert exit_.value.code == 2
    assert message in capsys.readouterr().err

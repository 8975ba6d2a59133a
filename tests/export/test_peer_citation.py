"""Every download that draws Epoch AI's data cites it: the short form on the image, the full citation and the
licence in the CSV, the speaker notes and the Sources slide; downloads without it never mention Epoch."""
from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io

import pytest
from pptx import Presentation

from lib.claims import load_claims
from lib.dashboard import build_charts, compute_chart
from lib.export.deck import deck_bytes
from lib.export.images import svg_bytes
from lib.export.tables import csv_bytes
from lib.peers import load_peers
from tests.conftest import ROOT
from tests.export.conftest import ALL_CLAIMS, CHART, STAMP, STAMP_TEXT, needs_chromium, svg_text

SHORT = "Epoch AI (CC BY 4.0)"
FULL = ("Peer data: Epoch AI, 'Data on AI Companies'. Published online at epoch.ai. Retrieved from "
        "'https://epoch.ai/data/ai-companies' [online resource]. Licence: CC BY 4.0.")
PEERS = load_peers(ROOT / "data" / "peers" / "epoch-ai.csv")
COMPUTE = compute_chart(PEERS)  # Epoch's data only
MIXED = dataclasses.replace(CHART, peers=PEERS[PEERS["id"] == "2024 3.7B"])  # articles and one Epoch row
YEARLY_ROW = "- 2024 3.7B: $3.7B, Epoch AI's yearly revenue on 2024-12-31 (Likely)"
YEARLY_URL = "- https://www.bloomberg.com/news/articles/2025-03-26/openai-expects-revenue-will-triple-to-12-7-billion-this-year"


@pytest.mark.parametrize("chart, expected", [
    (COMPUTE, f"Sources: {SHORT}."),
    (MIXED, f"Sources: 디지털타임스 (Digital Times), 1 Feb 2026; Smith & Sons <Daily>, undated; {SHORT}."),
    (CHART, "Sources: 디지털타임스 (Digital Times), 1 Feb 2026; Smith & Sons <Daily>, undated."),
])
def test_source_line_names_epoch_in_short(chart, expected):
    assert chart.source_line == expected


@needs_chromium
@pytest.mark.parametrize("chart", [COMPUTE, MIXED])
def test_image_carries_the_short_form(renderer, chart):
    text = svg_text(svg_bytes(chart, stamp=STAMP, renderer=renderer))
    assert SHORT in text and chart.source_line.replace(" ", "") in text.replace(" ", "")


@pytest.mark.parametrize("chart, cited", [(COMPUTE, True), (MIXED, True), (CHART, False)])
def test_csv_carries_the_full_citation_under_the_stamp(chart, cited):
    lines = csv_bytes(chart, stamp=STAMP).decode("utf-8").splitlines()
    assert lines[0] == f"# {STAMP_TEXT}"
    assert (lines[1] == f"# {FULL}") is cited
    assert ("Epoch" in "\n".join(lines)) is cited


def test_comparison_csv_reads_back_with_its_comments_skipped():
    rows = list(csv.DictReader(line for line in io.StringIO(csv_bytes(COMPUTE, stamp=STAMP).decode("utf-8")) if not line.startswith("#")))
    yearly = next(row for row in rows if row["epoch_id"] == "2024 3.7B")
    assert (yearly["company"], yearly["year"], yearly["series"], float(yearly["value_usd"])) == ("OpenAI", "2024", "Yearly revenue", 3.7e9)


@pytest.fixture(scope="module")
def deck(renderer):
    return Presentation(io.BytesIO(deck_bytes([MIXED, COMPUTE], stamp=STAMP, renderer=renderer, claims=ALL_CLAIMS)))


@needs_chromium
def test_notes_carry_the_full_citation_and_every_epoch_row(deck):
    mixed, compute = (slide.notes_slide.notes_text_frame.text.splitlines() for slide in list(deck.slides)[1:3])
    assert FULL in mixed and YEARLY_ROW in mixed and YEARLY_URL in mixed
    assert FULL in compute and YEARLY_ROW in compute
    assert len([line for line in compute if line.startswith("- ") and ", Epoch AI's " in line]) == len(COMPUTE.peers)


@needs_chromium
def test_sources_slide_carries_the_full_citation_with_a_live_link(deck):
    slide = list(deck.slides)[-1]
    paragraphs = [p for shape in slide.shapes if shape.has_text_frame for p in shape.text_frame.paragraphs]
    cited = [p for p in paragraphs if p.text.startswith("Peer data: ")]
    assert [p.text for p in cited] == [f"{FULL} https://epoch.ai/data/ai-companies"]
    assert [run.hyperlink.address for run in cited[0].runs if run.hyperlink.address] == ["https://epoch.ai/data/ai-companies"]


@needs_chromium
def test_a_deck_of_epoch_data_only_cites_epoch_and_no_missing_articles(renderer):
    deck = Presentation(io.BytesIO(deck_bytes([COMPUTE], stamp=STAMP, renderer=renderer)))
    cover, sources = list(deck.slides)[0], list(deck.slides)[-1]
    texts = ["\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame) for slide in (cover, sources)]
    assert "OpenAI · Epoch AI's data on AI companies (CC BY 4.0)" in texts[0]
    assert FULL in texts[1] and "No articles" not in texts[1]


def test_a_runway_with_an_epoch_raise_in_force_cites_epoch():
    claims = load_claims(ROOT / "data" / "claims.yaml")
    raised = {"raises": ((dt.date(2025, 3, 31), 10e9),)}  # Epoch's '300B Stage 1' of March 2025
    charts = {c.name: c for c in build_charts(claims, "OpenAI", raised, peers=PEERS)}
    for name in ("openai-runway", "openai-runway-sensitivity", "openai-runway-uncertainty"):
        chart = charts[name]
        assert list(chart.peers["id"]) == ["Mar 2025 300B Stage 1"], name
        assert chart.source_line.endswith(f"; {SHORT}."), name
        assert csv_bytes(chart, stamp=STAMP).decode("utf-8").splitlines()[1] == f"# {FULL}", name
        assert "$10.0B 31 Mar 2025 (Epoch AI, equity funding 'Mar 2025 300B Stage 1')" in chart.subtitle, name
    plain = {c.name: c for c in build_charts(claims, "OpenAI", {"raises": ((dt.date(2025, 3, 30), 10e9),)}, peers=PEERS)}
    assert not plain["openai-runway"].uses_peers  # a raise of the reader's own, a day off Epoch's round: no citation

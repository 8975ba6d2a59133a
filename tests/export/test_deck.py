"""lib.export.deck: title, chart and sources slides, the quotes in the notes, the stamp on the sources slide, the
slides the reader chose in their order."""
from __future__ import annotations

import io

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from lib.export.deck import DECK_TITLE, chosen_charts, deck_bytes, default_slides, slide_kind
from tests.export.conftest import (
    ALL_CLAIMS, CHART, EN_QUOTE, KO_QUOTE, KO_QUOTE_EN, LINK, SECOND, STAMP, STAMP_TEXT, URL, make_chart, needs_chromium,
)
from tests.export.test_findings import Recorder


@pytest.fixture(scope="module")
def deck(renderer):
    return Presentation(io.BytesIO(deck_bytes([CHART, SECOND], stamp=STAMP, renderer=renderer, claims=ALL_CLAIMS)))


def slide_text(slide) -> str:
    return "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


@needs_chromium
def test_deck_has_title_chart_and_sources_slides(deck):
    assert (deck.slide_width, deck.slide_height) == (12192000, 6858000)  # 13.333 x 7.5 in
    slides = list(deck.slides)
    assert len(slides) == 1 + 2 + 1
    cover = slide_text(slides[0])
    assert "Burnboard: AI burn rates" in cover and "Acme" in cover and "1 Feb 2026" in cover
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
    assert f"- {KO_QUOTE_EN} / {KO_QUOTE} (acme-loss-2024)" in notes.split("\n")
    assert f"- {EN_QUOTE} (acme-revenue-2024)" in notes.split("\n"), "an English quote is not repeated as its own translation"


@needs_chromium
def test_sources_slide_cites_every_article(deck):
    text = slide_text(deck.slides[-1])
    assert "디지털타임스 (Digital Times). “손실 기사”. 2026-02-01." in text
    assert f"Smith & Sons <Daily>. “Acme's year”. undated. {URL}" in text


@needs_chromium
def test_sources_slide_carries_the_stamp_with_a_live_link(deck):
    slide = deck.slides[-1]
    assert f"To reproduce: {STAMP_TEXT}" in slide_text(slide).splitlines()
    links = [run.hyperlink.address for shape in slide.shapes if shape.has_text_frame
             for paragraph in shape.text_frame.paragraphs for run in paragraph.runs if run.hyperlink.address]
    assert links == [URL, LINK]


def test_deck_needs_a_chart(renderer):
    with pytest.raises(ValueError, match="at least one chart"):
        deck_bytes([], stamp=STAMP, renderer=renderer)


@needs_chromium
def test_every_run_of_slide_text_is_set_in_one_common_font(deck):
    fonts = {run.font.name for slide in deck.slides for shape in slide.shapes if shape.has_text_frame
             for paragraph in shape.text_frame.paragraphs for run in paragraph.runs if run.text.strip()}
    assert fonts == {"Arial"}


@needs_chromium
def test_every_picture_carries_the_charts_alt_text(deck):
    for index, chart in ((1, CHART), (2, SECOND)):
        pictures = [shape for shape in deck.slides[index].shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert pictures[0]._element.nvPicPr.cNvPr.get("descr") == chart.alt_text


@pytest.mark.parametrize("name, kind", [
    ("openai-timeline", "timeline"), ("xai-timeline-epoch", "timeline"), ("openai-waterfall-2024", "waterfall"),
    ("openai-runway", "runway"), ("acme-ai-runway-sensitivity", "runway-sensitivity"),
    ("openai-runway-uncertainty", "runway-uncertainty"), ("openai-runway-scenarios", "runway-scenarios"),
    ("openai-then-and-now", "then-and-now"), ("openai-by-year", "by-year"), ("openai-burn-rate", "burn-rate"),
    ("openai-disagreements", "disagreements"), ("epoch-compute-vs-revenue", "compute-vs-revenue"), ("acme-other", ""),
])
def test_slide_kind(name, kind):
    assert slide_kind(name) == kind


ALL_SLIDES = ["timeline", "waterfall", "runway", "runway-sensitivity", "runway-uncertainty", "runway-scenarios",
              "then-and-now", "by-year", "burn-rate", "disagreements", "compute-vs-revenue"]


@pytest.mark.parametrize("retitled, expected", [
    ([], ALL_SLIDES),
    (["openai-waterfall-2024"], ["waterfall", "timeline", *ALL_SLIDES[2:]]),
    (["epoch-compute-vs-revenue", "openai-runway"],
     ["runway", "compute-vs-revenue", "timeline", "waterfall", *ALL_SLIDES[3:-1]]),
])
def test_retitled_charts_lead_the_default_slides(retitled, expected):
    assert default_slides(retitled) == expected


TIMELINE, RUNWAY, WATERFALL = (make_chart(name, title) for name, title in [
    ("acme-timeline", "Acme over time"), ("acme-runway", "Acme's runway"), ("acme-waterfall-2024", "Acme's 2024")])


@pytest.mark.parametrize("kinds, titles", [
    (["runway", "timeline"], ["Acme's runway", "Acme over time"]),
    (["waterfall", "runway", "timeline"], ["Acme's 2024", "Acme's runway", "Acme over time"]),
    (["by-year", "timeline", "timeline"], ["Acme over time"]),  # a kind with no chart is left out, a repeat once
    (default_slides(["acme-waterfall-2024"]), ["Acme's 2024", "Acme over time", "Acme's runway"]),
])
def test_the_decks_slides_follow_the_choice(kinds, titles):
    deck = Presentation(io.BytesIO(deck_bytes(chosen_charts([TIMELINE, RUNWAY, WATERFALL], kinds), stamp=STAMP, renderer=Recorder())))
    assert [slide.shapes.title.text_frame.text for slide in deck.slides] == [DECK_TITLE, *titles, "Sources"]

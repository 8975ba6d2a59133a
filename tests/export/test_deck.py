"""lib.export.deck: title, chart and sources slides, the quotes in the notes, the stamp on the sources slide."""
from __future__ import annotations

import io

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from lib.export.deck import deck_bytes
from tests.export.conftest import ALL_CLAIMS, CHART, EN_QUOTE, KO_QUOTE, KO_QUOTE_EN, LINK, SECOND, STAMP, STAMP_TEXT, URL, needs_chromium


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
    assert (f"acme-loss-2024 (≈ $5.0B a year, estimated) — News outlet: 디지털타임스 (Digital Times) (2026-02-01): "
            f"{KO_QUOTE} / {KO_QUOTE_EN}") in notes
    assert f"acme-revenue-2024 ($3.7B a year, reported) — Blog: Smith & Sons <Daily> (undated): {EN_QUOTE}" in notes
    assert f"{EN_QUOTE} / " not in notes, "an English quote is not repeated as its own translation"


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

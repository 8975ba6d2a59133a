"""The dashboard in the reader's language, in a real browser: picked in the sidebar, kept across pages, in the
images and the deck downloaded, and in a copied link; the browser's own language when nothing says otherwise."""
from __future__ import annotations

import io
import re

import pytest
from PIL import Image

from tests.e2e.conftest import CHROMIUM, NO_CHROMIUM
from tests.e2e.test_browser import expect, metric_value, open_page, query, settled, sidebar, step_slider

pytestmark = [pytest.mark.browser, pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)]


def pick_language(page, name: str) -> None:
    """Choose a language in the sidebar's picker, as a reader does: open it, click the language's own name."""
    picker = sidebar(page).locator("[data-testid=stSelectbox]").filter(has_text="Language").get_by_role("combobox")
    picker.click()
    page.get_by_role("option", name=name, exact=True).click()
    settled(page)


def download(page, button: str):
    with page.expect_download(timeout=90_000) as info:
        page.get_by_role("button", name=button).first.click()
    assert info.value.failure() is None
    return info.value


def test_a_korean_reader_picks_korean_and_takes_a_korean_chart_away(page, base_url, browser):
    open_page(page, f"{base_url}/")
    pick_language(page, "한국어")
    expect(page.locator("h1").first).to_have_text("OpenAI 한눈에 보기")
    assert query(page)["lang"] == "ko"

    sidebar(page).get_by_role("link", name="타임라인", exact=True).click()  # the menu speaks Korean too
    expect(page.locator("h1").first).to_contain_text("OpenAI: 시간에 따른 자금 흐름")
    settled(page)
    expect(page.locator(".js-plotly-plot .gtitle, .js-plotly-plot .ytick text").first).to_be_attached()
    ticks = page.locator(".js-plotly-plot").first.locator(".ytick text").all_text_contents()
    assert any("달러" in tick for tick in ticks), ticks  # the money axis in 억 and 조, not $10B

    svg = download(page, "SVG (인쇄용)")
    with open(svg.path(), encoding="utf-8") as handle:
        text = handle.read()
    assert "OpenAI: 시간에 따른 금액 수치" in text, "the image's title is Korean"
    assert re.search(r"[0-9,]+억 달러|[0-9,]+조 달러", text), "its money axis is written in 억 and 조"
    assert "출처: " in text and "lang=ko" in text, "the source line is Korean and the stamp's link reopens in Korean"
    png = download(page, "PNG (슬라이드용)")
    with open(png.path(), "rb") as handle:
        assert Image.open(io.BytesIO(handle.read())).size == (1920, 1080)

    copied = page.url  # a copied link opens in Korean for someone else
    other = browser.new_context(locale="en-US")
    try:
        elsewhere = other.new_page()
        open_page(elsewhere, copied)
        expect(elsewhere.locator("h1").first).to_contain_text("OpenAI: 시간에 따른 자금 흐름")
    finally:
        other.close()


def test_a_korean_reader_moves_a_runway_slider(page, base_url):
    open_page(page, f"{base_url}/runway?lang=ko")
    expect(page.locator("h1").first).to_have_text("OpenAI: 현금은 얼마나 오래 버틸까?")
    before = metric_value(page, "현금 소진 시점").inner_text()
    assert re.fullmatch(r"\d{4}년 \d{1,2}월", before), before
    step_slider(page, "시작 현금", 20, "8.6")  # 6.6 (in 10억 달러) two billion up
    after = metric_value(page, "현금 소진 시점").inner_text()
    assert re.fullmatch(r"\d{4}년 \d{1,2}월", after) and after != before, (before, after)
    assert query(page)["lang"] == "ko"


def test_the_deck_in_french(page, base_url):
    from pptx import Presentation

    open_page(page, f"{base_url}/runway?lang=fr")
    deck = Presentation(download(page, "Télécharger la présentation (.pptx)").path())
    slides = [" ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame) for slide in deck.slides]
    assert len(slides) >= 5
    assert any("OpenAI\u00a0: autonomie financière" in text for text in slides), "a chart slide is titled in French"
    assert all("Sources\u00a0: " in text for text in slides[1:4]), "each chart slide names its sources in French"
    assert any(re.search(r"\d+,\d\u202fMd\$", text) for text in slides), "amounts are written 6,6 Md$"
    notes = [slide.notes_slide.notes_text_frame.text for slide in list(deck.slides)[1:4] if slide.has_notes_slide]
    assert notes and all(note.startswith("Les chiffres de cette diapositive") for note in notes), notes


def test_the_browsers_language_is_the_default(browser, base_url):
    context = browser.new_context(locale="fr-FR")
    try:
        page = context.new_page()
        open_page(page, f"{base_url}/timeline")
        expect(page.locator("h1").first).to_contain_text("OpenAI\u00a0: l’argent au fil du temps")
        assert query(page)["lang"] == "fr"
    finally:
        context.close()

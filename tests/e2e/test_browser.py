"""The dashboard in a real headless Chromium: pages, widgets, URL state, downloads, uploads, isolation.

One Streamlit server serves the whole module (fixture `server`); the deep-link test starts a fresh one, since
it is about the first request a new server sees. Each test has its own browser context, hence its own
Streamlit session. Waits are on elements and on the app's script state, never on sleeps.
"""
from __future__ import annotations

import io
import re
import time
from urllib.parse import parse_qs, urlencode, urlparse

import pytest
from PIL import Image

from tests.conftest import claims_bundle, claims_yaml
from tests.e2e.conftest import ACTION_TIMEOUT, CHROMIUM, NAV_TIMEOUT, NO_CHROMIUM, fresh_server

pytestmark = [pytest.mark.browser, pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)]
expect = pytest.importorskip("playwright.sync_api").expect

PAGES = {  # path: a part of the page's h1 (the company name comes before it)
    "/": "at a glance",
    "/timeline": "the money over time",
    "/waterfall": "where the money went",
    "/runway": "how long does the cash last",
    "/sources": "Sources and claims",
    "/checks": "where the articles contradict themselves",
    "/method": "how each number is made",
    "/add_article": "Add an article",
}
NAV_LABELS = ["Overview", "Timeline", "Waterfall", "Runway", "Sources", "Checks", "Method", "Add an article"]
MARKER = "Using uploaded file"
SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'
LINK = "[x](javascript:window.__pwned=1)"
HOSTILE = f"{SCRIPT} {IMG} {LINK}"
AUTOLINKS = "https://evil.example/x www.evil.example me@evil.example"  # plain text that markdown would make links of


# ---------------------------------------------------------------- helpers

def settled(page, timeout: int = NAV_TIMEOUT) -> None:
    """Wait until the page's script run has finished and drawn an h1 (or an exception, for no_exception to name)."""
    page.locator("[data-testid=stApp][data-test-script-state=notRunning]").wait_for(state="attached", timeout=timeout)
    page.locator("h1").or_(page.locator("[data-testid=stException]")).first.wait_for(timeout=timeout)


def open_page(page, url: str) -> None:
    page.goto(url, wait_until="domcontentloaded")
    settled(page)


def no_exception(page) -> None:
    expect(page.locator("[data-testid=stException]")).to_have_count(0)


def sidebar(page):
    return page.locator("[data-testid=stSidebar]")


def metric_value(page, label: str):
    card = page.locator("[data-testid=stMetric]").filter(has=page.locator("[data-testid=stMetricLabel]", has_text=label))
    return card.locator("[data-testid=stMetricValue]")


def open_view(page, name: str) -> None:
    """Click a tab, or a view of ui.views (a radio of a segmented control), as a reader does, until it is open."""
    page.get_by_role("tab", name=name, exact=True).or_(page.get_by_role("radio", name=name, exact=True)).click()
    expect(page.locator("[role=tab][aria-selected=true], [role=radio][aria-checked=true]").filter(has_text=name)).to_have_count(1)


def slider_input(page, label: str):
    return page.locator("[data-testid=stSlider]").filter(has_text=label).locator("input[type=range]")


def step_slider(page, label: str, steps: int, shown: str) -> None:
    """A slider moved `steps` steps right by the keyboard, until it shows `shown`."""
    slider = slider_input(page, label)
    slider.focus()
    for _ in range(steps):
        page.keyboard.press("ArrowRight")
    expect(slider).to_have_attribute("aria-valuetext", shown)
    settled(page)


def query(page) -> dict[str, str]:
    return {key: values[-1] for key, values in parse_qs(urlparse(page.url).query).items()}


def months(text: str) -> float:
    return float(text.strip().lstrip(">").strip())


def upload(page, name: str, data: bytes | str) -> None:
    """Open the sidebar's "Use your own data" expander (when closed) and give its file input one file."""
    box = sidebar(page).locator("[data-testid=stExpander]").filter(has_text="Use your own data")
    file_input = box.locator("input[type=file]")
    if not box.locator("details[open]").count():
        box.get_by_text("Use your own data").click()
    file_input.wait_for(state="attached")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    mime = "application/zip" if name.endswith(".zip") else "application/x-yaml"
    file_input.set_input_files(files=[{"name": name, "mimeType": mime, "buffer": payload}])


def upload_errors(page):
    return sidebar(page).locator("[data-testid=stAlertContentError]")


def accepted(page) -> None:
    """Wait for a valid upload to be in force and its rerun to have finished without an exception."""
    exception = page.locator("[data-testid=stException]")
    expect(sidebar(page).get_by_text(MARKER).or_(exception).first).to_be_visible(timeout=ACTION_TIMEOUT)
    settled(page)
    no_exception(page)
    expect(sidebar(page).get_by_text(MARKER)).to_be_visible()


def company_options(page) -> list[str]:
    """The sidebar Company picker's options (opened from the keyboard: a click right after a rerun may not open
    it), then closed again."""
    combo = sidebar(page).locator("[data-testid=stSelectbox]").filter(has_text="Company").get_by_role("combobox")
    combo.focus()
    page.keyboard.press("ArrowDown")
    expect(combo).to_have_attribute("aria-expanded", "true")
    options = page.get_by_role("option")
    options.first.wait_for()
    texts = [text.strip() for text in options.all_inner_texts()]
    page.keyboard.press("Escape")
    expect(options).to_have_count(0)
    combo.blur()
    return texts


ACME_CLAIMS = [  # a small valid claims file about a company the bundled data does not have, from one 2024 article
    {"id": "acme-loss-2024", "entity": "Acme AI", "value": 2_000_000_000, "source": "acme-news",
     "quote": "Acme AI lost $2 billion", "quote_en": "Acme AI lost $2 billion"},
    {"id": "acme-revenue-2024", "entity": "Acme AI", "metric": "revenue", "value": 500_000_000, "source": "acme-news",
     "quote": "revenue of $500 million", "quote_en": "revenue of $500 million"},
    {"id": "acme-valuation-2024", "entity": "Acme AI", "metric": "valuation", "value": 10_000_000_000, "per": ...,
     "period": "2024-06", "source": "acme-news", "quote": "valued at $10 billion", "quote_en": "valued at $10 billion"},
]
ACME_SOURCES = [{"id": "acme-news", "publisher": "Acme News", "published": "2024-06-01"}]


# ---------------------------------------------------------------- 1. every page opens

@pytest.mark.parametrize("path", list(PAGES))
def test_page_opens_with_title_and_navigation(page, base_url, path):
    open_page(page, base_url + path)
    expect(page.locator("h1").first).to_contain_text(PAGES[path])
    no_exception(page)
    for label in NAV_LABELS:
        expect(sidebar(page).get_by_role("link", name=label, exact=True)).to_be_visible()


# ---------------------------------------------------------------- 1b. each chart is drawn once

DRAWN_MARGINS = """() => [...document.querySelectorAll('.js-plotly-plot')].filter(g => g._fullLayout && g.offsetParent)
    .map(g => ({asked: g.layout.margin, drawn: g._fullLayout._size}))"""


@pytest.mark.parametrize("path, tabs", [
    ("/", ["Burn per day and month", "Where the sources disagree"]),
    ("/timeline", ["Compute spend beside revenue (Epoch AI)"]),
    ("/waterfall", []),
    # "then" at a date whose claims can be projected (the 2023 article alone gives no revenue: no chart)
    ("/runway?then=2024-12-31", ["Sensitivity", "Scenarios", "Uncertainty", "Then vs now"]),
])
def test_each_chart_holds_its_labels_in_the_margins_it_asks_for(page, base_url, path, tabs):
    """Plotly makes room for labels that outgrow a margin by drawing the chart a second time; every chart asks for
    margins that hold its labels at this window size, so it is drawn once."""
    open_page(page, base_url + path)
    for tab in [None, *tabs]:
        if tab is not None:
            open_view(page, tab)
            settled(page)
        page.wait_for_function(f"({DRAWN_MARGINS})().length > 0", timeout=ACTION_TIMEOUT)
        for chart in page.evaluate(DRAWN_MARGINS):
            assert {side: round(chart["drawn"][side]) for side in "lrtb"} == {side: chart["asked"][side] for side in "lrtb"}, tab


# ---------------------------------------------------------------- 2. a slider drives the metric and the URL

def test_cash_slider_changes_runway_and_url(page, base_url):
    open_page(page, f"{base_url}/runway?cash=12.5")
    runway = metric_value(page, "Months of runway")
    before = runway.inner_text()
    assert query(page)["cash"] == "12.5"
    cash = slider_input(page, "Starting cash")
    expect(cash).to_have_attribute("aria-valuetext", "$12.5B")
    cash.focus()
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    expect(cash).to_have_attribute("aria-valuetext", "$13.0B")
    page.wait_for_function("() => new URLSearchParams(location.search).get('cash') === '13.0'", timeout=ACTION_TIMEOUT)
    expect(runway).not_to_have_text(before)
    settled(page)
    assert months(runway.inner_text()) > months(before), "more starting cash must last longer"
    no_exception(page)


# ---------------------------------------------------------------- 3. PNG download

def test_png_download_is_full_hd(page, base_url):
    open_page(page, f"{base_url}/runway")
    button = page.get_by_role("button", name="PNG (slides)").first
    expect(button).to_be_visible()
    with page.expect_download(timeout=90_000) as info:
        button.click()
    download = info.value
    assert download.failure() is None
    assert download.suggested_filename.endswith(".png")
    with open(download.path(), "rb") as handle:
        data = handle.read()
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG"
    assert image.size == (1920, 1080)


def test_deck_download_follows_the_sliders(page, base_url):
    from pptx import Presentation

    open_page(page, f"{base_url}/runway?cash=20")
    with page.expect_download(timeout=90_000) as info:
        page.get_by_role("button", name="Download deck (.pptx)").click()
    download = info.value
    assert download.suggested_filename == "burnboard-openai.pptx"
    deck = Presentation(download.path())
    texts = [" ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame) for slide in deck.slides]
    assert len(deck.slides) >= 5  # title, three charts, sources
    assert any("$20.0B cash" in text for text in texts)  # the runway slide states the slider's value
    assert all("Sources:" in text for text in texts[1:4])


def test_deck_follows_a_slider_moved_after_the_sidebar_was_drawn(page, base_url):
    """A slider move reruns only the sliders' fragment, not the sidebar: the deck must still use the new value."""
    from pptx import Presentation

    open_page(page, f"{base_url}/runway?cash=12.5")
    cash = slider_input(page, "Starting cash")
    cash.focus()
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    page.wait_for_function("() => new URLSearchParams(location.search).get('cash') === '13.0'", timeout=ACTION_TIMEOUT)
    settled(page)
    with page.expect_download(timeout=90_000) as info:
        page.get_by_role("button", name="Download deck (.pptx)").click()
    texts = [" ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
             for slide in Presentation(info.value.path()).slides]
    assert any("$13.0B cash" in text for text in texts) and not any("$12.5B cash" in text for text in texts)
    # no public address configured: the link is the view's path, said as such
    assert any("open on the Burnboard server: /runway?cash=13.0&" in text for text in texts), "the sources slide links to the moved value"


def test_an_edited_title_reaches_the_url_and_the_svg(page, base_url):
    open_page(page, f"{base_url}/timeline")
    page.get_by_text("Title and subtitle for your slides").first.click()
    title = page.get_by_label("Title", exact=True).first
    title.fill("The money, year by year")
    title.press("Enter")
    page.wait_for_function("() => new URLSearchParams(location.search).get('timeline_title') === 'The money, year by year'",
                           timeout=ACTION_TIMEOUT)
    settled(page)
    with page.expect_download(timeout=90_000) as info:
        page.get_by_role("button", name="SVG (print)").first.click()
    with open(info.value.path(), encoding="utf-8") as handle:
        svg = handle.read()
    assert "The money, year by year" in svg and "timeline_title=The+money" in svg


# ---------------------------------------------------------------- 4. deep link on a fresh server

def deep_link_opens(page, url: str, path: str) -> None:
    """The page at url shows its own title, no error and the app's navigation (not Streamlit's own page list)."""
    open_page(page, url)
    expect(page.locator("h1").first).to_contain_text(PAGES[path])
    no_exception(page)
    nav = sidebar(page)
    for label in NAV_LABELS:
        expect(nav.get_by_role("link", name=label, exact=True)).to_be_visible()
    expect(nav.locator("[data-testid=stPageLink]")).to_have_count(len(NAV_LABELS))
    expect(page.locator("[data-testid=stSidebarNav]")).to_have_count(0)  # Streamlit's own page list
    expect(page.get_by_role("link", name="app", exact=True)).to_have_count(0)


def test_deep_link_is_first_request_to_fresh_server(page):
    with fresh_server() as server:
        deep_link_opens(page, f"{server.url}/runway?cash=20", "/runway")
        cash = slider_input(page, "Starting cash")
        expect(cash).to_have_attribute("aria-valuetext", "$20.0B")
        expect(page.locator("[data-testid=stSlider]").filter(has_text="Starting cash")
               .locator("[data-testid=stSliderThumbValue]")).to_have_text("$20.0B")
        assert float(query(page)["cash"]) == 20.0


@pytest.mark.parametrize("path, params, shown", [
    ("/checks", {"f_entities": "Nvidia"}, "No findings"),
    ("/sources", {"claim": "openai-net-loss-2024-en"}, "the company is projected to see a staggering loss of approximately $5 billion"),
    ("/method", {}, "How Burnboard computes"),
])
def test_deep_link_to_a_new_page_is_first_request_to_fresh_server(page, path, params, shown):
    with fresh_server() as server:
        deep_link_opens(page, f"{server.url}{path}?{urlencode(params)}", path)
        shows_literally(page, shown)
        assert {key: query(page)[key] for key in params} == params


# ---------------------------------------------------------------- 5. upload end to end

def test_upload_replaces_data_and_reset_restores_it(page, base_url):
    open_page(page, base_url + "/")
    assert not any(option.startswith("Acme AI") for option in company_options(page))

    upload(page, "acme.zip", claims_bundle(ACME_CLAIMS, ACME_SOURCES))
    accepted(page)
    expect(sidebar(page).get_by_text(f"{MARKER} acme.zip")).to_be_visible()
    # the upload's companies, then those only Epoch AI's data covers
    assert company_options(page) == ["Acme AI · 3 claims"] + [
        f"{name} · peer data only" for name in ["OpenAI", "Anthropic", "xAI", "Mistral AI", "Z.ai"]]
    expect(page.locator("h1").first).to_contain_text("Acme AI")

    sidebar(page).get_by_role("button", name="Reset to bundled data").click()
    expect(sidebar(page).get_by_text(MARKER)).to_have_count(0)
    settled(page)
    no_exception(page)
    options = company_options(page)
    assert "OpenAI · 52 claims" in options and not any(option.startswith("Acme AI") for option in options)
    expect(sidebar(page).get_by_text("(bundled data)")).to_be_visible()


def test_invalid_upload_lists_line_and_field(page, base_url):
    open_page(page, base_url + "/")
    text = (claims_yaml(ACME_CLAIMS, ACME_SOURCES).replace("basis: estimated", "basis: guessed", 1)
            .replace("metric: valuation", "metric: valuations", 1))
    lines = text.splitlines()
    basis_line = lines.index("  basis: guessed") + 1
    metric_line = lines.index("  metric: valuations") + 1
    upload(page, "bad.zip", claims_bundle(ACME_CLAIMS, ACME_SOURCES, yaml_text=text))
    errors = upload_errors(page)
    expect(errors.filter(has_text=f"bad.zip/claims.yaml:{basis_line}: claims[0].basis: unknown basis 'guessed'")).to_have_count(1)
    expect(errors.filter(has_text=f"bad.zip/claims.yaml:{metric_line}: claims[2].metric: unknown metric 'valuations'")).to_have_count(1)
    expect(errors).to_have_count(2)
    expect(sidebar(page).get_by_text(MARKER)).to_have_count(0)  # the bundled data stays in force
    no_exception(page)


# ---------------------------------------------------------------- 6. hostile content

def inert(page) -> None:
    """Nothing from the upload ran or became markup: no flag, no dialog, no live script/img/javascript link."""
    assert page.evaluate("window.__pwned") is None
    assert page.dialogs == []
    live = page.evaluate("""() => ({
        scripts: [...document.scripts].filter(s => s.textContent.includes('__pwned')).length,
        handlers: document.querySelectorAll('[onerror], [onload], [onclick]').length,
        links: [...document.querySelectorAll('a[href]')].filter(a => a.href.trim().toLowerCase().startsWith('javascript:')
                                                                    || a.href.includes('evil.example')).length,
    })""")
    assert live == {"scripts": 0, "handlers": 0, "links": 0}


def shows_literally(page, text: str) -> None:
    page.wait_for_function("text => document.body.innerText.includes(text)", arg=text, timeout=ACTION_TIMEOUT)


def test_hostile_upload_stays_inert(page, base_url):
    # Two articles spanning the bundled data's dates, so the date widgets' settings stay valid and this test
    # is about inertness only (test_upload_replaces_data_and_reset_restores_it covers other date ranges).
    hostile = claims_bundle(
        [
            {"id": "acme-loss-2024", "entity": "Acme AI", "quote": f"Q {HOSTILE} {AUTOLINKS}", "quote_en": f"E {HOSTILE} {AUTOLINKS}",
             "note": f"N {HOSTILE} {AUTOLINKS}"},
            {"id": "acme-valuation-2023", "entity": "Acme AI", "metric": "valuation", "value": 9_000_000_000, "per": ...,
             "period": "2023-08", "source": "src-b", "quote": IMG, "quote_en": SCRIPT, "note": LINK},
        ],
        [
            {"title": f"T {HOSTILE}", "publisher": f"P {HOSTILE}", "note": f"N {HOSTILE}", "published": "2026-02-01"},
            {"id": "src-b", "title": LINK, "publisher": IMG, "note": SCRIPT, "published": "2023-08-13"},
        ],
    )
    open_page(page, base_url + "/sources")
    upload(page, "hostile.zip", hostile)
    accepted(page)
    inert(page)
    # The tables are drawn on a canvas; the Article filter's options name the publisher as text.
    page.locator("[data-testid=stMultiSelect]").filter(has_text="Article").click()
    expect(page.get_by_role("option").filter(has_text=f"P {HOSTILE}")).to_be_visible()
    page.keyboard.press("Escape")
    inert(page)
    # The article view: the quote in the article the upload carries, as text.
    claim = page.locator("[data-testid=stSelectbox]").filter(has_text="Open the quote of").get_by_role("combobox")
    claim.click()
    page.keyboard.type("acme-loss-2024")
    page.keyboard.press("Enter")
    shows_literally(page, "The whole article as uploaded")
    shows_literally(page, f"Q {HOSTILE}")
    inert(page)

    sidebar(page).get_by_role("link", name="Overview", exact=True).click()  # in-app navigation keeps the session
    expect(page.locator("h1").first).to_contain_text("Acme AI at a glance")
    settled(page)
    no_exception(page)
    expect(sidebar(page).get_by_text(MARKER)).to_be_visible()
    shows_literally(page, f"P {SCRIPT}")  # the source line under each headline figure
    shows_literally(page, IMG)
    inert(page)


def test_hostile_uploads_are_refused(page, base_url):
    open_page(page, base_url + "/sources")
    errors = upload_errors(page)

    upload(page, "js.yaml", claims_yaml([{}], [{"url": "javascript:alert(1)"}]))
    expect(errors.filter(has_text="sources[0].url")).to_contain_text("http")
    expect(errors.filter(has_text="sources[0].url")).to_contain_text("js.yaml:")

    layers = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for index in range(1, 10):
        previous, name = chr(ord("a") + index - 1), chr(ord("a") + index)
        layers.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
    started = time.monotonic()
    upload(page, "laughs.yaml", "\n".join(layers) + "\n")
    expect(errors.filter(has_text="aliases expand")).to_be_visible(timeout=10_000)
    assert time.monotonic() - started < 5, "a billion-laughs file must be refused within a few seconds"

    big = "# padding\n" + ("#" + "x" * 1023 + "\n") * (5 * 1024 + 200)  # 5.2 MiB of YAML comments
    upload(page, "big.yaml", big)
    refusal = sidebar(page).get_by_text(re.compile(r"File must be 5(\.0)? ?MB or smaller|the limit is 5 MB"))
    expect(refusal.first).to_be_visible()

    expect(sidebar(page).get_by_text(MARKER)).to_have_count(0)
    inert(page)
    no_exception(page)


# ---------------------------------------------------------------- 7. sessions are isolated

def test_ten_sessions_keep_their_own_state(browser, base_url):
    cash = list(range(1, 11))  # $1B .. $10B: runways well inside the default 60-month horizon
    contexts, pages = [], []
    try:
        for amount in cash:  # start every load before waiting for any, so the sessions overlap
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            context.set_default_timeout(ACTION_TIMEOUT)
            context.set_default_navigation_timeout(NAV_TIMEOUT)
            contexts.append(context)
            tab = context.new_page()
            tab.goto(f"{base_url}/runway?cash={amount}", wait_until="commit")
            pages.append(tab)
        first = []
        for amount, tab in zip(cash, pages):
            settled(tab)
            value = metric_value(tab, "Months of runway")
            expect(value).to_be_visible(timeout=NAV_TIMEOUT)
            # ten sessions share two cores: a page may still be drawing its sliders when its metric shows
            expect(slider_input(tab, "Starting cash")).to_have_attribute("aria-valuetext", f"${amount:.1f}B", timeout=NAV_TIMEOUT)
            first.append(value.inner_text())
        again = []
        for amount, tab in zip(cash, pages):
            expect(slider_input(tab, "Starting cash")).to_have_attribute("aria-valuetext", f"${amount:.1f}B", timeout=NAV_TIMEOUT)
            again.append(metric_value(tab, "Months of runway").inner_text())
            no_exception(tab)
        assert again == first, "a session's metric changed while the others loaded"
        values = [months(text) for text in again]
        assert len(set(values)) == len(values), values
        assert values == sorted(values), f"runway must grow with starting cash: {dict(zip(cash, values))}"
    finally:
        for context in contexts:
            context.close()


# ---------------------------------------------------------------- raises and saved scenarios live in the URL
def test_reload_keeps_raises_and_scenarios(page, base_url):
    raises = "2025-03-01:40e9,2026-01-01:10e9"
    scenarios = "costs grow 30%:cg=30|article figures:cash=6.6,raises="  # values not given: the claims' (no raises)
    open_page(page, f"{base_url}/runway?raises={raises}&scenarios={scenarios.replace('%', '%25')}")
    no_exception(page)
    for _ in range(2):  # as opened, then reloaded from the address the page wrote
        assert query(page)["raises"] == raises
        assert query(page)["scenarios"].startswith("costs grow 30%:cash=6.6,revenue=308.0,cost=725.0,rg=0.0,cg=30.0,horizon=60|")
        expect(metric_value(page, "Zero-cash date")).to_have_text("never")  # the raises apply with their box closed
        page.get_by_text("Funding raises, and the claims' rounds").click()  # drawn only while open
        amounts = page.get_by_role("spinbutton", name="Amount ($B)", exact=True)
        expect(amounts).to_have_count(2, timeout=ACTION_TIMEOUT)
        assert [amounts.nth(k).input_value() for k in range(2)] == ["40.00", "10.00"]
        expect(metric_value(page, "Zero-cash date")).to_have_text("never")  # $56.6B at $417M a month outlasts 60 months
        open_view(page, "Scenarios")
        chart = page.locator(".st-key-scenarios_chart")
        labels = chart.locator(".annotation-text")  # each line named at its end, and the zero line
        expect(labels).to_have_count(4, timeout=ACTION_TIMEOUT)
        expect(chart.locator(".legendtext")).to_have_count(0)
        texts = labels.evaluate_all("texts => texts.map(t => [...t.querySelectorAll('tspan.line')].map(l => l.textContent)"
                                    ".join(' ') || t.textContent)")
        assert sorted(texts) == ["article figures: zero cash Jan 2026", "costs grow 30%: zero cash Oct 2025",
                                 "current: lasts the horizon", "zero cash"]
        page.reload(wait_until="domcontentloaded")
        settled(page)
        no_exception(page)

"""The Add an article page in a real Chromium, as a curator uses it: paste an article, accept two of the figures
found, fix the field the loader flags, check them against the data in force, use the draft in the session, then find the new figures on the Timeline and
the Sources page, reached by the sidebar's links.

The candidate table is a canvas (Glide Data Grid): a cell is selected by a click in the pinned Problems column and
the arrow keys, edited from the keyboard at a person's pace (the grid still, Enter a moment after the last key), and
read from the grid's accessible table. Each edit is one run: the editor keeps the edit rather than running the page
again to drop it.
"""
from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import CHROMIUM, NO_CHROMIUM
from tests.e2e.test_browser import expect, open_page, settled, sidebar

pytestmark = [pytest.mark.browser, pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)]
NotSelected = pytest.importorskip("playwright.sync_api").TimeoutError

ARTICLE = "OpenAI lost $5 billion in 2024, Reuters reported. Its revenue reached $3.7 billion in 2024."
COLUMNS = ["accept", "problems", "figure", "entity", "metric", "scope", "value", "unit", "per", "period", "basis",
           "qualifier", "quote", "quote_en"]
HEADER, ROW = 35, 35  # pixels: the grid's header and row heights
HUMAN_PAUSE = 250  # milliseconds between the last key of a cell's text and Enter, as a person types
PROBLEMS_AT = 150  # pixels from the grid's left edge: inside the pinned Problems column, whatever the Use column's width
COUNT_RUNS = """() => {
    const app = document.querySelector('[data-testid=stApp]');
    window.addArticleRuns = 0;
    new MutationObserver(records => {
        window.addArticleRuns += records.filter(record => record.oldValue === 'running').length;
    }).observe(app, {attributes: true, attributeOldValue: true, attributeFilter: ['data-test-script-state']});
}"""  # counts the runs that ended, each from its own record: a run quicker than the observer's callback counts too
RAN_AGAIN = """runs => window.addArticleRuns > runs
    && document.querySelector('[data-testid=stApp]').getAttribute('data-test-script-state') === 'notRunning'"""
# The grid is still: its cells' text and its scroll position unchanged for 300 ms. The grid redraws the data of a
# run a moment after the run has ended, and an editor opened meanwhile can close unsaved.
STILL = """() => new Promise(done => {
    const grid = document.querySelector('[data-testid=stDataFrame]');
    const look = () => grid.innerText + '|' + (grid.querySelector('.dvn-scroller') || {}).scrollLeft;
    let last = look(), since = performance.now();
    const check = () => {
        const now = look();
        if (now !== last) { last = now; since = performance.now(); }
        if (performance.now() - since >= 300) done(true); else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
})"""
# The page is still: nothing in it has changed for 300 ms. A text field typed into while the page is still being
# drawn after a run can lose the Enter that commits it.
QUIET = """() => new Promise(done => {
    let since = performance.now();
    const watch = new MutationObserver(() => { since = performance.now(); });
    watch.observe(document.querySelector('[data-testid=stMain]'), {subtree: true, childList: true, attributes: true, characterData: true});
    const check = () => {
        if (performance.now() - since >= 300) { watch.disconnect(); done(true); } else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
})"""
TIMELINE_IDS = """() => [...document.querySelectorAll('.js-plotly-plot')].flatMap(plot => plot.data || [])
    .flatMap(trace => (trace.customdata || []).map(row => Array.isArray(row) ? row[0] : row))"""


class Candidates:
    """The candidate table of the page, driven from the keyboard; every edit waits for the run it starts."""

    def __init__(self, page):
        self.page = page
        self.grid = page.locator("[data-testid=stDataFrame]")
        self.overlay = page.locator("[id^=gdg-overlay]")

    def runs(self) -> int:
        return self.page.evaluate("() => window.addArticleRuns")

    def select(self, row: int, column: str) -> None:
        """Select a cell: a click in the row's Problems cell, then the arrow keys; tried again while the grid, just
        redrawn by a run, has not taken the click."""
        steps = COLUMNS.index(column) - COLUMNS.index("problems")
        selected = self.grid.locator(f"[role=row][aria-rowindex='{row + 2}'] "
                                     f"[role=gridcell][aria-colindex='{COLUMNS.index(column) + 1}'][aria-selected=true]")
        for attempt in range(3):
            self.grid.evaluate("grid => grid.scrollIntoView({block: 'center'})")  # whole: an editor cut off closes unsaved
            box = self.grid.bounding_box()  # found again each time: a message above the table moves it
            self.page.mouse.click(box["x"] + PROBLEMS_AT, box["y"] + HEADER + ROW * row + ROW / 2)
            for _ in range(abs(steps)):
                self.page.keyboard.press("ArrowRight" if steps > 0 else "ArrowLeft")
            try:
                selected.wait_for(state="attached", timeout=5_000)
                self.page.wait_for_function(STILL)
                return
            except NotSelected:
                if attempt == 2:
                    raise

    def _edited(self, row: int, column: str, keys) -> None:
        runs = self.runs()
        self.page.wait_for_function(STILL)
        self.select(row, column)
        keys()
        self.page.wait_for_function(RAN_AGAIN, arg=runs)
        self.page.wait_for_function(STILL)
        assert self.runs() == runs + 1, f"{self.runs() - runs} runs for one edit"  # the editor keeps its edit: no second run

    def tick(self, row: int) -> None:
        self._edited(row, "accept", lambda: self.page.keyboard.press("Space"))

    def choose(self, row: int, column: str, option: str) -> None:
        def keys():
            self.page.keyboard.press("Enter")
            self.overlay.wait_for()
            self.page.keyboard.type(option)
            self.page.locator("#portal [role=option]").filter(has_text=re.compile(f"^{re.escape(option)}$")).first.wait_for()
            self.page.keyboard.press("Enter")
        self._edited(row, column, keys)

    def write(self, row: int, column: str, text: str) -> None:
        def keys():
            self.page.keyboard.type(text[0])  # typing into a selected cell opens its editor
            editor = self.overlay.locator("textarea")
            editor.wait_for()
            self.page.keyboard.type(text[1:])
            expect(editor).to_have_value(text)
            self.page.wait_for_timeout(HUMAN_PAUSE)
            self.page.keyboard.press("Enter")
        self._edited(row, column, keys)

    def problems(self, row: int):
        """The Problems cell of a row, as the grid's accessible table holds it."""
        return self.page.locator(f"[data-testid=stDataFrame] [role=row][aria-rowindex='{row + 2}'] [role=gridcell]").nth(1)


def fill(page, label: str, text: str) -> None:
    runs = page.evaluate("() => window.addArticleRuns")
    page.wait_for_function(QUIET)
    box = page.get_by_label(label, exact=True)
    box.fill(text)
    box.press("Enter")
    page.wait_for_function(RAN_AGAIN, arg=runs)


def test_an_article_becomes_two_claims_seen_on_the_timeline_and_the_sources_page(page, base_url):
    open_page(page, f"{base_url}/add_article")
    page.get_by_label("Paste the article's text").fill(ARTICLE)
    page.get_by_role("button", name="Find the figures").click()
    table = Candidates(page)
    table.grid.wait_for()
    settled(page)
    page.evaluate(COUNT_RUNS)
    expect(page.get_by_text("The article: 2 figures found")).to_be_visible()

    fill(page, "Publisher", "Reuters")
    fill(page, "Written (undated only)", "2025")
    fill(page, "Note on the source", "A test article pasted in the browser.")

    table.tick(0)
    table.choose(0, "entity", "OpenAI")
    table.choose(0, "metric", "net_loss")
    table.write(0, "period", "2024")
    table.choose(0, "basis", "reported")
    table.write(0, "quote_en", "OpenAI lost $5 billion in 2024, Reuters reported.")
    expect(table.problems(0)).to_have_text("per: missing (a net_loss is a rate: day, month or year)")
    use = page.get_by_role("button", name="Use in this session")
    expect(use).to_be_disabled()
    table.choose(0, "per", "year")
    expect(table.problems(0)).to_have_text("")

    table.tick(1)
    table.choose(1, "entity", "OpenAI")
    table.choose(1, "metric", "revenue")
    table.choose(1, "per", "year")
    table.write(1, "period", "2024")
    table.choose(1, "basis", "reported")
    table.write(1, "quote_en", "Its revenue reached $3.7 billion in 2024 (Reuters).")
    expect(table.problems(1)).to_have_text("")
    expect(page.locator("[data-testid=stAlertContentError]")).to_have_count(0)

    expect(use).to_be_disabled()  # not before the audit has judged these claims among the data in force
    page.get_by_role("button", name="Check against the data in force").click()
    expect(use).to_be_enabled()
    # no disagreement or echo: the two figures agree with the claims already there (their runway inputs may be stale)
    expect(page.get_by_text(re.compile("^(Sources disagree|Echoed amount)"))).to_have_count(0)
    use.click()
    expect(sidebar(page).get_by_text("Using uploaded file en-2025-reuters.zip")).to_be_visible()
    settled(page)
    expect(page.get_by_text("In use in this session.")).to_be_visible()

    sidebar(page).get_by_role("link", name="Timeline", exact=True).click()
    expect(page.locator("h1").first).to_contain_text("OpenAI: the money over time")
    settled(page)
    page.wait_for_function(f"({TIMELINE_IDS})().includes('en-2025-reuters-2')")
    assert {"en-2025-reuters-1", "en-2025-reuters-2"} <= set(page.evaluate(TIMELINE_IDS))

    sidebar(page).get_by_role("link", name="Sources", exact=True).click()
    expect(page.locator("h1").first).to_contain_text("Sources and claims")
    settled(page)
    search = page.get_by_label("Search quotes, translations and notes")
    search.fill("Reuters")
    search.press("Enter")
    expect(page.get_by_text(re.compile(r"^2 of \d+ claims shown\.$"))).to_be_visible()
    cells = page.locator("[data-testid=stDataFrame] [role=gridcell]")
    expect(cells.filter(has_text=re.compile("^en-2025-reuters-1$"))).to_have_count(1)
    expect(cells.filter(has_text=re.compile("^en-2025-reuters-2$"))).to_have_count(1)

    sidebar(page).get_by_role("link", name="Add an article", exact=True).click()
    expect(page.locator("h1").first).to_have_text("Add an article")
    settled(page)
    expect(table.problems(0)).to_have_text("")  # the draft is still there, checked against the data it was added to
    expect(page.get_by_text("In use in this session.")).to_be_visible()

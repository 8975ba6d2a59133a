"""Moving through the dashboard as a reader does: sidebar links, the browser's back and forward buttons and a
reload. What the reader set in the sidebar, and on each page, stays set.

Opening every page by URL never switches pages inside one session, so it cannot see a setting lost on a switch:
these tests click.
"""
from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import CHROMIUM, NO_CHROMIUM
from tests.e2e.test_browser import expect, metric_value, open_page, open_view, query, settled, sidebar, slider_input, step_slider

pytestmark = [pytest.mark.browser, pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)]

HEADINGS = {  # sidebar link: a part of the page's h1
    "Overview": "at a glance", "Timeline": "the money over time", "Waterfall": "where the money went",
    "Runway": "how long does the cash last", "Sources": "Sources and claims",
    "Checks": "where the articles contradict themselves", "Method": "how each number is made",
    "Add an article": "Add an article",
}
SIDEBAR_URL = ("company", "asof", "undated")


def url_has(page, text: str) -> None:
    expect(page).to_have_url(re.compile(re.escape(text)))


def click_page(page, name: str) -> None:
    """Click a page's link in the sidebar and wait for that page to be drawn."""
    sidebar(page).get_by_role("link", name=name, exact=True).click()
    expect(page.locator("h1").first).to_contain_text(HEADINGS[name])
    settled(page)


def undated_box(page):
    return sidebar(page).get_by_role("checkbox", name="Include undated articles")


def company_box(page):
    return sidebar(page).locator("[data-testid=stSelectbox]").filter(has_text="Company")


def date_box(page):
    return sidebar(page).locator("[data-testid=stDateInput]").filter(has_text="Claims published by")


def sidebar_state(page) -> dict:
    """What the sidebar shows and what the URL says of it."""
    return {
        "undated": undated_box(page).is_checked(),
        "company": company_box(page).get_by_role("combobox").input_value(),
        "asof": date_box(page).locator("input").input_value(),
        "url": {param: query(page).get(param) for param in SIDEBAR_URL},
    }


def holds(page, held: dict, when: str) -> None:
    """The sidebar and the URL show what the reader set. After back, forward or a reload the browser shows the
    address of that moment until the page's run writes it again, so this waits a little for the run to end."""
    for _ in range(50):
        settled(page)
        if sidebar_state(page) == held:
            return
        page.wait_for_timeout(100)
    assert sidebar_state(page) == held, when


def choose_company(page, name: str) -> None:
    combo = company_box(page).get_by_role("combobox")
    combo.click()
    combo.fill(name)
    page.get_by_role("option", name=re.compile(rf"^{re.escape(name)} · ")).click()  # 'xAI · 1 claim: ...
    expect(page.locator("h1").first).to_contain_text(name)
    settled(page)


def set_as_of(page, iso: str) -> None:
    date_box(page).get_by_role("spinbutton", name="year").focus()  # year, month and day, each its own field
    page.keyboard.type(iso.replace("-", ""))
    page.locator("h1").first.click()  # the date is sent when the field loses focus
    url_has(page, f"asof={iso}")
    settled(page)


def untick_undated(page) -> None:
    sidebar(page).locator("[data-testid=stCheckbox]").filter(has_text="Include undated articles").locator("label").click()
    expect(undated_box(page)).not_to_be_checked()
    url_has(page, "undated=0")
    settled(page)


def runway_defaults(page) -> tuple[str, ...]:
    """The Runway page's starting cash and its first cards: what the claims in force give it."""
    if page.get_by_text("so there is no burn to project").count():
        return ("no burn to project",)
    if page.get_by_text("so the runway cannot be projected").count():  # no cash, revenue and loss of one time
        return ("cannot be projected",)
    expect(metric_value(page, "Months of runway")).to_be_visible()
    return (slider_input(page, "Starting cash").get_attribute("aria-valuetext"),
            metric_value(page, "Months of runway").inner_text(), metric_value(page, "Zero-cash date").inner_text())


def pick_linear_scale(page) -> None:
    """The Timeline's scale set to Linear, as a reader clicks it."""
    page.locator("[data-testid=stButtonGroup]").filter(has_text="Linear").get_by_text("Linear").click()
    url_has(page, "scale=Linear")
    settled(page)


def step_starting_cash(page, steps: int, shown: str) -> None:
    """The Runway's starting cash moved `steps` steps right by the keyboard, until the slider shows `shown`."""
    step_slider(page, "Starting cash", steps, shown)


ROUTES = {
    "along the menu": ["Timeline", "Waterfall", "Runway", "Sources", "Checks", "Method", "Runway", "Overview"],
    "back and forth": ["Runway", "Timeline", "Runway", "Overview", "Waterfall", "Runway", "Method", "Runway"],
    "up the menu": ["Method", "Checks", "Sources", "Runway", "Waterfall", "Timeline", "Overview", "Runway"],
}
STARTS = {
    "undated articles in": [],
    "undated articles out": [untick_undated],
    "another company and date": [lambda page: choose_company(page, "xAI"), lambda page: set_as_of(page, "2024-12-31")],
}


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("start", STARTS)
def test_the_sidebar_holds_through_every_page_switch(page, base_url, start, route):
    open_page(page, f"{base_url}/")
    for change in STARTS[start]:
        change(page)
    held = sidebar_state(page)
    runway = []
    for name in ROUTES[route]:
        click_page(page, name)
        holds(page, held, f"after clicking {name}")
        if name == "Runway":
            runway.append(runway_defaults(page))
    page.go_back()  # the browser's own buttons, then a reload
    settled(page)
    holds(page, held, "after going back")
    page.go_forward()
    settled(page)
    holds(page, held, "after going forward")
    click_page(page, "Runway")
    runway.append(runway_defaults(page))
    page.reload(wait_until="domcontentloaded")
    settled(page)
    holds(page, held, "after a reload")
    runway.append(runway_defaults(page))
    assert len(set(runway)) == 1, runway
    if start == "undated articles out":  # a 2023 loss and tranche and the 2025 loss, no revenue: no coherent inputs
        assert runway[0] == ("cannot be projected",)


def test_the_defaults_do_not_depend_on_the_way_in(page, base_url):
    """The Runway page reached by clicking from the Overview shows what it shows when opened by its address."""
    open_page(page, f"{base_url}/runway")
    direct = runway_defaults(page)
    open_page(page, f"{base_url}/")
    click_page(page, "Runway")
    assert runway_defaults(page) == direct == ("$6.6B", "15.8", "Jan 2026")


def test_page_settings_are_there_when_the_reader_comes_back(page, base_url):
    open_page(page, f"{base_url}/timeline")
    pick_linear_scale(page)
    click_page(page, "Runway")
    step_starting_cash(page, 3, "$6.9B")
    open_view(page, "Sensitivity")
    settled(page)
    moved = metric_value(page, "Months of runway").inner_text()
    click_page(page, "Waterfall")
    page.locator("[data-testid=stButtonGroup]").filter(has_text="2024").get_by_text("2024").click()
    url_has(page, "year=2024")
    settled(page)
    click_page(page, "Overview")
    click_page(page, "Runway")
    expect(slider_input(page, "Starting cash")).to_have_attribute("aria-valuetext", "$6.9B")
    expect(page.get_by_role("radio", name="Sensitivity", exact=True)).to_have_attribute("aria-checked", "true")
    assert metric_value(page, "Months of runway").inner_text() == moved
    assert query(page)["cash"] == "6.9"
    click_page(page, "Timeline")
    url_has(page, "scale=Linear")
    expect(page.locator("[data-testid=stButtonGroup]").filter(has_text="Linear").locator("[aria-checked=true], [aria-pressed=true], [kind$=Active]")).to_have_text("Linear")
    click_page(page, "Waterfall")
    url_has(page, "year=2024")


def shows(page, name: str) -> None:
    expect(page.locator("h1").first).to_contain_text(HEADINGS[name])
    settled(page)


def test_back_and_forward_step_through_the_pages_the_reader_opened(page, base_url):
    """Each page is one step of the browser's history, however many settings it writes to the URL (the sidebar's,
    its own, each slider step): Back goes to the page before, with the settings it had, and leaves the dashboard
    from the first page."""
    page.goto("about:blank")
    open_page(page, f"{base_url}/")
    click_page(page, "Timeline")
    pick_linear_scale(page)
    click_page(page, "Runway")
    step_starting_cash(page, 2, "$6.8B")
    url_has(page, "cash=6.8")
    click_page(page, "Sources")
    for name in ("Runway", "Timeline", "Overview"):
        page.go_back()
        shows(page, name)
    assert query(page)["company"] == "OpenAI"
    page.go_forward()
    shows(page, "Timeline")
    url_has(page, "scale=Linear")
    page.go_forward()
    shows(page, "Runway")
    expect(slider_input(page, "Starting cash")).to_have_attribute("aria-valuetext", "$6.8B")
    page.go_back()
    shows(page, "Timeline")
    page.go_back()
    shows(page, "Overview")
    page.go_back()
    expect(page).to_have_url("about:blank")


def test_a_menu_link_opened_in_a_new_tab_shows_the_same_company_and_date(page, base_url):
    open_page(page, f"{base_url}/")
    choose_company(page, "xAI")
    set_as_of(page, "2025-06-30")
    untick_undated(page)
    held = sidebar_state(page)
    link = sidebar(page).get_by_role("link", name="Sources", exact=True)
    expect(link).to_have_attribute("href", re.compile(r"company=xAI&asof=2025-06-30&undated=0"))
    tab = page.context.new_page()  # a new session: nothing kept, the link alone carries the settings
    tab.goto(f"{base_url}/{link.get_attribute('href')}", wait_until="domcontentloaded")
    shows(tab, "Sources")
    holds(tab, held, "in the new tab")
